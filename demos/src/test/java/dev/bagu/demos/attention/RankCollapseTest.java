package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RankCollapseTest {
  @Test
  void compositeNormByHand() {
    // Column |sums| 4, 6 → ‖X‖₁ = 6; row |sums| 3, 7 → ‖X‖∞ = 7; √42.
    double[][] x = {{1, -2}, {3, 4}};
    assertThat(RankCollapse.compositeNorm(x)).isCloseTo(Math.sqrt(42), within(1e-15));
  }

  @Test
  void identicalRowsHaveResidualZero() {
    double[][] x = {{1.5, -2, 7}, {1.5, -2, 7}, {1.5, -2, 7}, {1.5, -2, 7}};
    assertThat(RankCollapse.relativeResidual(x)).isZero();
  }

  @Test
  void rankOneWithDifferentRowsIsNotCollapsed() {
    // u vᵀ has rank 1 but its rows differ in scale: not token-uniform, so r > 0.
    double[] u = {1, 2, 3};
    double[] v = {1, -1};
    double[][] x = new double[3][2];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 2; j++) {
        x[i][j] = u[i] * v[j];
      }
    }
    assertThat(RankCollapse.relativeResidual(x)).isGreaterThan(0.3);
  }

  @ParameterizedTest
  @ValueSource(doubles = {3.7, -2, 1e-9, 1e9})
  void invariantToScalingX(double c) {
    double[][] x = Matrices.gaussian(16, 8, 1, Rng.seeded(4));
    assertThat(RankCollapse.relativeResidual(Matrices.scale(x, c)))
        .isCloseTo(RankCollapse.relativeResidual(x), within(1e-12));
  }

  @Test
  void slopeOfAnExactCubicCollapseIsLn3() {
    // r_l = exp(−0.1·3^l): ln(−ln r_l) = ln 0.1 + l·ln 3 exactly.
    int[] layers = {0, 1, 2, 3};
    double[] r = new double[4];
    for (int l = 0; l < 4; l++) {
      r[l] = Math.exp(-0.1 * Math.pow(3, l));
    }
    assertThat(RankCollapse.doubleLogSlope(layers, r)).isCloseTo(Math.log(3), within(1e-12));
  }

  @Test
  void slopeSkipsValuesWithoutADoubleLogAndNeedsTwoPoints() {
    assertThat(RankCollapse.doubleLogSlope(new int[] {0, 1, 2}, new double[] {1.2, 0, 0.5}))
        .isNaN();
    assertThat(RankCollapse.doubleLogSlope(new int[] {0, 1, 2}, new double[] {1.2, 0.5, 0.1}))
        .isCloseTo(Math.log(Math.log(10) / Math.log(2)), within(1e-12));
  }

  @Test
  void layerNormGivesRowsMeanZeroVarianceOneAndKeepsEqualRowsEqual() {
    double[][] x = {{1, 2, 3, 6}, {1, 2, 3, 6}, {-4, 0, 0, 1}};
    double[][] y = LayerNorm.apply(x);
    for (double[] row : y) {
      double mean = (row[0] + row[1] + row[2] + row[3]) / 4;
      double var = 0;
      for (double v : row) {
        var += (v - mean) * (v - mean) / 4;
      }
      assertThat(mean).isCloseTo(0, within(1e-12));
      assertThat(var).isCloseTo(1, within(1e-4)); // ε = 1e-5 in the denominator
    }
    assertThat(y[0]).containsExactly(y[1]);
  }
}
