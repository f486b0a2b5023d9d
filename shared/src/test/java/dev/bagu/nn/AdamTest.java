package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class AdamTest {
  @Test
  void firstStepMovesEachWeightByTheLearningRateAgainstItsGradientSign() {
    // With bias correction, m̂/√v̂ = g/|g| on step 1, whatever the gradient's scale.
    double[][] w = {{1, 1}};
    new Adam(List.<double[][]>of(w), 0.1).step(List.<double[][]>of(new double[][] {{1e-3, -50}}));
    assertThat(w[0]).containsExactly(new double[] {0.9, 1.1}, within(1e-6));
  }

  @Test
  void minimisesABadlyScaledQuadratic() {
    // L = ½(100 x² + 0.01 y²) from (1, 1): one learning rate serves both directions.
    double[][] w = {{1, 1}};
    Adam adam = new Adam(List.<double[][]>of(w), 0.05);
    for (int i = 0; i < 2000; i++) {
      adam.step(List.<double[][]>of(new double[][] {{100 * w[0][0], 0.01 * w[0][1]}}));
    }
    assertThat(Math.abs(w[0][0])).isLessThan(1e-2);
    assertThat(Math.abs(w[0][1])).isLessThan(1e-2);
  }
}
