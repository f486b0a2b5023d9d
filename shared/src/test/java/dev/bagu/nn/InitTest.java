package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class InitTest {
  /**
   * Each init's sample variance on a 400 × 600 matrix matches its formula. With 240,000 entries
   * the relative standard error of a Gaussian variance is √(2/240000) ≈ 0.3%, so 2% is over six
   * standard errors.
   */
  @ParameterizedTest
  @EnumSource(Init.class)
  void varianceMatchesTheFormula(Init init) {
    int nOut = 400;
    int nIn = 600;
    double[][] w = init.draw(nOut, nIn, Rng.seeded(init.ordinal()));
    double sum = 0;
    double sumSq = 0;
    for (double[] row : w) {
      for (double v : row) {
        sum += v;
        sumSq += v * v;
      }
    }
    int n = nOut * nIn;
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    double expected = switch (init) {
      case ZERO -> 0;
      case SMALL -> 1e-4;
      case LARGE -> 1;
      case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / 1000; // Glorot & Bengio: 2/(n_in + n_out)
      case HE_NORMAL -> 2.0 / 600;
      case LECUN_NORMAL -> 1.0 / 600;
      case ORTHOGONAL -> 1.0 / 600; // 400 orthonormal rows of length 600
    };
    assertThat(init.variance(nIn, nOut)).isEqualTo(expected);
    assertThat(var).isCloseTo(expected, within(0.02 * expected + 1e-15));
    assertThat(mean).isCloseTo(0, within(0.01 * Math.sqrt(expected) + 1e-15));
  }

  @Test
  void xavierUniformStaysInsideItsBound() {
    double a = Math.sqrt(6.0 / (30 + 50));
    double[][] w = Init.XAVIER_UNIFORM.draw(50, 30, Rng.seeded(1));
    double max = 0;
    for (double[] row : w) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    assertThat(max).isLessThanOrEqualTo(a).isGreaterThan(0.95 * a);
  }

  @Test
  void orthogonalHasOrthonormalRowsOrColumns() {
    for (int[] shape : new int[][] {{40, 40}, {60, 25}, {25, 60}}) {
      double[][] w = Init.ORTHOGONAL.draw(shape[0], shape[1], Rng.seeded(3));
      boolean tall = shape[0] >= shape[1];
      int k = Math.min(shape[0], shape[1]);
      int len = Math.max(shape[0], shape[1]);
      for (int p = 0; p < k; p++) {
        for (int q = 0; q < k; q++) {
          double dot = 0;
          for (int i = 0; i < len; i++) {
            dot += tall ? w[i][p] * w[i][q] : w[p][i] * w[q][i];
          }
          assertThat(dot).isCloseTo(p == q ? 1 : 0, within(1e-12));
        }
      }
    }
  }

  @Test
  void aRepeatedOrthogonalDrawIsTheSameMatrixAndNotShared() {
    double[][] first = Init.ORTHOGONAL.draw(30, 30, Rng.seeded(5));
    double[][] kept = java.util.Arrays.stream(first).map(double[]::clone).toArray(double[][]::new);
    first[0][0] = 99; // as training would change it
    double[][] again = Init.ORTHOGONAL.draw(30, 30, Rng.seeded(5)); // the memo's answer
    assertThat(again).isDeepEqualTo(kept);
  }
}
