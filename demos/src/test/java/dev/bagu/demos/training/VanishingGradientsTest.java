package dev.bagu.demos.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.training.VanishingGradients.Kind;
import dev.bagu.demos.training.VanishingGradients.Run;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;

class VanishingGradientsTest {
  private static final List<Run> RUNS = VanishingGradients.runAll(15, 48, 128, 2);

  private static Run of(Kind k) {
    return RUNS.get(k.ordinal());
  }

  @Test
  void everyLayerStaysUnderItsBound() {
    for (Run r : RUNS) {
      for (int l = 0; l < r.factor().length; l++) {
        assertThat(r.factor()[l]).as("%s layer %d", r.kind().label, l + 2)
            .isPositive().isLessThanOrEqualTo(r.bound()[l]);
      }
    }
  }

  @Test
  void sigmoidVanishesGeometricallyAndTheOthersDoNot() {
    // σ' ≤ 1/4 and ‖W‖₂ ≈ 2 for Xavier square matrices: each factor is well under 1/2.
    for (double f : of(Kind.SIGMOID).factor()) {
      assertThat(f).isLessThan(0.5);
    }
    assertThat(of(Kind.SIGMOID).stats().gradRatio()).isLessThan(1e-6);
    assertThat(of(Kind.SIGMOID).maxDerivative()).isLessThanOrEqualTo(0.25)
        .isCloseTo(0.25, within(0.001));
    assertThat(of(Kind.TANH).stats().gradRatio()).isBetween(0.05, 1.0);
    assertThat(of(Kind.RELU).stats().gradRatio()).isBetween(0.3, 3.0);
    assertThat(of(Kind.RELU_RESIDUAL).stats().gradRatio()).isBetween(1.0, 5.0);
    assertThat(VanishingGradientsDemo.geometricMean(of(Kind.SIGMOID).factor()))
        .isBetween(0.15, 0.3);
  }

  @Test
  void powerIterationMatchesTheSvd() {
    for (int n : new int[] {10, 64}) {
      double[][] w = Init.XAVIER_NORMAL.draw(n, n, Rng.seeded(n));
      double exact = new SingularValueDecomposition(new Array2DRowRealMatrix(w)).getNorm();
      double power = VanishingGradients.spectralNorm(w);
      assertThat(power).isLessThanOrEqualTo(exact * (1 + 1e-12))
          .isCloseTo(exact, within(0.01 * exact));
    }
  }

  @Test
  void sameSeedSameNumbers() {
    Run a = VanishingGradients.run(Kind.TANH, 6, 16, 32, 5);
    Run b = VanishingGradients.run(Kind.TANH, 6, 16, 32, 5);
    assertThat(b.stats().gradNorm()).containsExactly(a.stats().gradNorm());
    assertThat(b.factor()).containsExactly(a.factor());
  }

  /**
   * Nets of different depths share their first layers (drawn first from the same stream), which
   * is what lets the bounds' ‖W‖₂ be reused when only the depth moves: the shared layers' bounds
   * are the same numbers, and each equals a fresh power iteration on that layer. The residual
   * kind scales its layers by 1/√depth, so its bounds differ.
   */
  @Test
  void netsOfDifferentDepthsShareTheirFirstLayersBounds() {
    for (Kind kind : Kind.values()) {
      Run shallow = VanishingGradients.run(kind, 5, 16, 32, 9);
      Run deep = VanishingGradients.run(kind, 9, 16, 32, 9);
      double[] first = java.util.Arrays.copyOf(deep.bound(), shallow.bound().length);
      if (kind.residual) {
        assertThat(first).isNotEqualTo(shallow.bound());
      } else {
        assertThat(first).containsExactly(shallow.bound());
      }
    }
    Run tanh = VanishingGradients.run(Kind.TANH, 4, 12, 16, 3);
    Rng rng = Rng.stream(3, 1, Kind.TANH.ordinal());
    dev.bagu.nn.Mlp net = new dev.bagu.nn.Mlp(new int[] {12, 12, 12, 12, 12, DeepStats.CLASSES},
        Kind.TANH.activation, Kind.TANH.init, false, rng);
    for (int l = 1; l < 4; l++) {
      assertThat(tanh.bound()[l - 1]).isEqualTo(Activation.TANH.maxDerivative()
          * VanishingGradients.spectralNorm(net.layers().get(l).w));
    }
  }
}
