package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MoeRoutingTest {
  /** Fedus et al. 2021, eq. 4: α at f = P = uniform, α·N at total collapse. */
  @ParameterizedTest
  @CsvSource({"2, 0.01", "8, 0.01", "8, 0.3", "64, 0.001"})
  void balancingLossIsAlphaWhenUniformAndAlphaNWhenCollapsed(int experts, double alpha) {
    LoadBalancing.Routing u = LoadBalancing.uniform(experts * 16, experts);
    LoadBalancing.Routing c = LoadBalancing.collapsed(100, experts);
    assertThat(LoadBalancing.loss(u.probs(), u.chosen(), alpha)).isCloseTo(alpha, within(1e-15));
    assertThat(LoadBalancing.loss(c.probs(), c.chosen(), alpha))
        .isCloseTo(alpha * experts, within(1e-13));
  }

  @Test
  void balancingLossOfARandomRoutingIsAHandWorkedSum() {
    // Two experts, three tokens: p = (0.9, 0.1), (0.2, 0.8), (0.6, 0.4); choices 0, 1, 0.
    double[][] probs = {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}};
    int[][] chosen = {{0}, {1}, {0}};
    // f = (2/3, 1/3), P = (1.7/3, 1.3/3): α·2·(2/3·1.7/3 + 1/3·1.3/3) = α·2·4.7/9.
    assertThat(LoadBalancing.loss(probs, chosen, 0.5)).isCloseTo(4.7 / 9, within(1e-15));
  }

  /**
   * Uniform routing is not the loss's global minimum: two near-ties going to expert 0 and one sure
   * token to expert 1 give f = (2/3, 1/3), P = (1/3, 2/3), N·Σ f·P = 8/9 < 1.
   */
  @Test
  void balancingLossCanDipBelowAlpha() {
    double[][] probs = {{0.5, 0.5}, {0.5, 0.5}, {0, 1}};
    int[][] chosen = {{0}, {0}, {1}};
    assertThat(LoadBalancing.loss(probs, chosen, 1)).isCloseTo(8.0 / 9, within(1e-15));
  }

  /** Switch: capacity = ⌈factor · T / N⌉, the catalogue's 1024 tokens, 8 experts, 1.25 → 160. */
  @Test
  void capacityRoundsUpTokensPerExpertTimesFactor() {
    assertThat(LoadBalancing.capacity(1.25, 1, 1024, 8)).isEqualTo(160);
    assertThat(LoadBalancing.capacity(1.25, 2, 1024, 8)).isEqualTo(320);
    assertThat(LoadBalancing.capacity(1.0, 1, 1001, 8)).isEqualTo(126);
    assertThat(LoadBalancing.capacity(0.5, 1, 64, 8)).isEqualTo(4);
  }

  @Test
  void capacityKeepsFirstChoicesBeforeSecondChoicesInTokenOrder() {
    int[][] top1 = {{0}, {0}, {0}, {1}};
    boolean[][] kept = LoadBalancing.keep(top1, 2, 2);
    assertThat(kept).isDeepEqualTo(new boolean[][] {{true}, {true}, {false}, {true}});
    assertThat(LoadBalancing.droppedShare(top1, 2, 2)).isEqualTo(0.25);
    // Top-2: token 2's first choice (expert 1) is placed before token 0's second choice.
    int[][] top2 = {{0, 1}, {0, 1}, {1, 0}};
    boolean[][] kept2 = LoadBalancing.keep(top2, 2, 2);
    assertThat(kept2).isDeepEqualTo(new boolean[][] {{true, true}, {true, false},
        {true, false}});
  }

  @Test
  void topIndicesAreLargestFirst() {
    assertThat(MoeLayer.topIndices(new double[] {0.1, 0.5, 0.15, 0.25}, 2))
        .containsExactly(1, 3);
    assertThat(MoeLayer.topIndices(new double[] {0.3, 0.3, 0.4}, 3)).containsExactly(2, 0, 1);
  }

  /** The hand-written backward pass against central differences, for k = 1 and k = 2. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void gradientMatchesFiniteDifferences(int topK) {
    MoeTraining.Task task = MoeTraining.task(40, 3, Rng.seeded(3));
    MoeLayer layer = new MoeLayer(2, 4, topK, Rng.seeded(4));
    layer.router.w[0][0] += 0.8; // a router that is not near-uniform, so every term counts
    int capacity = LoadBalancing.capacity(1.0, topK, 40, 4); // some choices are dropped
    double alpha = 0.2;
    MoeLayer.Forward f = layer.forward(task.x(), capacity);
    assertThat(f.droppedShare()).as("the test covers dropped choices").isGreaterThan(0);
    layer.zeroGrad();
    MoeTraining.backward(layer, f, task, alpha);
    List<double[][]> params = layer.parameters();
    List<double[][]> grads = layer.gradients();
    double h = 1e-6;
    for (int p = 0; p < params.size(); p++) {
      double[][] w = params.get(p);
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w[i].length; j++) {
          double keep = w[i][j];
          w[i][j] = keep + h;
          double up = MoeTraining.loss(layer, task, capacity, alpha);
          w[i][j] = keep - h;
          double down = MoeTraining.loss(layer, task, capacity, alpha);
          w[i][j] = keep;
          assertThat(grads.get(p)[i][j]).as("parameter %d [%d][%d]", p, i, j)
              .isCloseTo((up - down) / (2 * h), within(1e-8));
        }
      }
    }
  }

  /** The point of the loss: at the defaults it spreads the tokens and drops fewer of them. */
  @ParameterizedTest
  @ValueSource(longs = {0, 1})
  void balancingLossCutsDroppedTokensAndIdleExperts(long seed) {
    MoeRoutingDemo demo = new MoeRoutingDemo();
    Result r = demo.run(Params.defaults(demo.params()).withSeed(seed));
    assertThat(r.finding("dropped_share_with").value())
        .isLessThan(r.finding("dropped_share_without").value() / 2);
    assertThat(r.finding("idle_experts_with").value())
        .isLessThan(r.finding("idle_experts_without").value());
    assertThat(r.finding("balance_loss_with").value())
        .isLessThan(r.finding("balance_loss_without").value());
    assertThat(r.finding("capacity").value()).isEqualTo(160);
    assertThat(r.finding("capacity").agrees()).isTrue();
    assertThat(r.finding("balance_loss_uniform").agrees()).isTrue();
    assertThat(r.finding("balance_loss_collapse").agrees()).isTrue();
  }
}
