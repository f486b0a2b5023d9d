package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.demos.attention.AttentionStack.Trial;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import dev.bagu.nn.MultiHeadAttention;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttentionDepthTest {
  private static final Shape DEFAULT = new Shape(12, 32, 32, 4, 1, 1, false);

  /** StackLayer's products equal MultiHeadAttention.forward and Mlp.forward (the shared path). */
  @Test
  void stackLayerEqualsTheSharedAttentionAndMlp() {
    Rng rng = Rng.seeded(9);
    for (int heads : new int[] {1, 4}) {
      MultiHeadAttention mha = AttentionStack.scaledQk(MultiHeadAttention.random(16, heads, rng),
          1.5);
      Mlp mlp = new Mlp(new int[] {16, 64, 16}, Activation.RELU, Init.LECUN_NORMAL, false, rng);
      for (Dense d : mlp.layers()) {
        rng.fillGaussian(d.b); // biases start at 0; make them count
      }
      double[][] x = Matrices.gaussian(10, 16, 1, rng);
      StackLayer layer = new StackLayer(mha, mlp);
      double[][] headZero = new double[10][10];
      MultiHeadAttention.Output expected = mha.forward(x, false);
      assertThat(Matrices.maxAbsDifference(layer.attention(x, headZero), expected.output()))
          .isLessThan(1e-12);
      assertThat(Matrices.maxAbsDifference(headZero, expected.heads().get(0).weights()))
          .isLessThan(1e-15);
      assertThat(Matrices.maxAbsDifference(layer.mlp(x), mlp.forward(x).output()))
          .isLessThan(1e-12);
    }
  }

  @Test
  void largeShapesAverageFewerNetworksWithinTheBudget() {
    assertThat(AttentionDepth.trials(DEFAULT)).isEqualTo(AttentionDepth.TRIALS);
    Shape largest = new Shape(32, 128, 128, 16, 1, 1, false);
    int t = AttentionDepth.trials(largest);
    assertThat(t).isGreaterThanOrEqualTo(AttentionDepth.MIN_TRIALS).isLessThan(8);
    assertThat(t * AttentionDepth.work(largest)).isLessThanOrEqualTo(
        Math.max(AttentionDepth.WORK_BUDGET, AttentionDepth.MIN_TRIALS
            * AttentionDepth.work(largest)));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void pureAttentionResidualFallsEveryLayerUntilTheFloor(int seed) {
    double[] r = AttentionStack.run(DEFAULT, Rng.stream(seed, 1)).r()[Path.PURE.ordinal()];
    int l = 1;
    for (; l < r.length && r[l - 1] >= AttentionDepth.FLOOR; l++) {
      assertThat(r[l]).as("seed %d layer %d", seed, l).isLessThan(r[l - 1]);
    }
    // …and it gets there within 12 layers: collapse, not a slow drift.
    assertThat(r[r.length - 1]).isLessThan(AttentionDepth.FLOOR);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void skipsKeepTheResidualAboveATenthAtDepthTwelve(int seed) {
    Trial t = AttentionStack.run(DEFAULT, Rng.stream(seed, 1));
    for (Path path : new Path[] {Path.SKIP, Path.SKIP_MLP}) {
      assertThat(Arrays.stream(t.r()[path.ordinal()]).min().orElseThrow())
          .as("%s seed %d", path, seed).isGreaterThan(0.05);
    }
  }

  @Test
  void withPlainSkipsTheResidualStillDecaysButScaledBranchesHoldIt() {
    // What the demo reports rather than hides: X + SAN(X) at this init loses r exponentially;
    // a branch scale of 1/√depth keeps it near 1.
    Curves plain = AttentionDepth.measure(new Shape(32, 32, 32, 4, 1, 1, false), 0, 1);
    Curves scaled = AttentionDepth.measure(new Shape(32, 32, 32, 4, 1, 0.18, false), 0, 1);
    assertThat(plain.rAt(Path.SKIP, 32)).isLessThan(0.01).isGreaterThan(AttentionDepth.FLOOR);
    assertThat(scaled.rAt(Path.SKIP, 32)).isGreaterThan(0.8);
  }

  @Test
  void doubleLogSlopeIsFittedAndLastWeightsAreUniform() {
    Curves c = AttentionDepth.measure(DEFAULT, 0, 1);
    assertThat(c.pureSlope()).isBetween(0.5, 3.0); // doubly exponential: positive, finite
    assertThat(c.fitFrom()).isPositive();
    assertThat(c.firstDeviation()).isGreaterThan(0.1);
    assertThat(c.lastDeviation()).isLessThan(1e-12);
    int last = c.lastAboveFloor()[Path.PURE.ordinal()];
    assertThat(c.r()[Path.PURE.ordinal()][last + 1]).isNaN();
  }

  @Test
  void sameSeedSameNumbersOtherSeedOthers() {
    Curves a = AttentionDepth.measure(DEFAULT, 7, 1);
    Curves b = AttentionDepth.measure(DEFAULT, 7, 1);
    Curves other = AttentionDepth.measure(DEFAULT, 8, 1);
    assertThat(Arrays.deepEquals(a.r(), b.r())).isTrue();
    assertThat(Arrays.deepEquals(a.firstWeights(), b.firstWeights())).isTrue();
    assertThat(Arrays.deepEquals(a.r(), other.r())).isFalse();
  }

  @Test
  void demoReportsTheSlopeAgainstLn3AndRefusesIndivisibleHeads() {
    AttentionDepthDemo demo = new AttentionDepthDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.finding("pure_double_log_slope").reference()).isPresent();
    assertThat(r.finding("skip_r_last").value()).isGreaterThan(0.05);
    assertThatThrownBy(() -> Params.defaults(demo.params()).with("d-model", 30))
        .isInstanceOf(UserException.class)
        .hasMessage("parameter d-model = 30 is not a power of two: allowed powers of two 4 to 128");
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("d-model", 4)
        .with("heads", 8))).isInstanceOf(UserException.class)
        .hasMessage("parameter d-model = 4 is smaller than heads = 8: allowed d-model at least "
            + "heads (each head is d_model/heads wide)");
  }

  @Test
  void theTwoHeatmapsShowDifferentLayersAndDepthOneIsRefused() {
    AttentionDepthDemo demo = new AttentionDepthDemo();
    Result r = demo.run(Params.defaults(demo.params()).with("depth", 2));
    assertThat(r.figure().texts()).contains("Pure attention, head 1, layer 1")
        .anyMatch(t -> t.startsWith("Pure attention, head 1, layer 2"));
    assertThat(r.findings().stream().map(f -> f.key()).distinct().count())
        .isEqualTo(r.findings().size());
    assertThatThrownBy(() -> Params.defaults(demo.params()).with("depth", 1))
        .isInstanceOf(UserException.class);
  }
}
