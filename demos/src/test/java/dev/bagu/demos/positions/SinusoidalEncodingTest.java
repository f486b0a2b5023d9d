package dev.bagu.demos.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SinusoidalEncodingTest {
  @Test
  void handWorkedRowsInTheInterleavedLayout() {
    // d = 4, base 10000: ω_0 = 1, ω_1 = 10000^(−2/4) = 0.01.
    double[][] pe = SinusoidalEncoding.matrix(3, 4, 10_000);
    assertThat(pe[0]).containsExactly(new double[] {0, 1, 0, 1}, within(1e-15));
    assertThat(pe[1]).containsExactly(
        new double[] {Math.sin(1), Math.cos(1), Math.sin(0.01), Math.cos(0.01)}, within(1e-15));
    assertThat(pe[2]).containsExactly(
        new double[] {Math.sin(2), Math.cos(2), Math.sin(0.02), Math.cos(0.02)}, within(1e-15));
  }

  @Test
  void wavelengthsRunGeometricallyFromTwoPi() {
    double[] lambda = SinusoidalEncoding.wavelengths(128, 10_000);
    assertThat(lambda).hasSize(64);
    assertThat(lambda[0]).isCloseTo(2 * Math.PI, within(1e-12));
    for (int i = 1; i < lambda.length; i++) {
      assertThat(lambda[i] / lambda[i - 1]).isCloseTo(Math.pow(10_000, 2.0 / 128), within(1e-12));
    }
    // The last pair stops at 2π·10000^(126/128), short of the paper's "10000·2π".
    assertThat(lambda[63]).isCloseTo(2 * Math.PI * Math.pow(10_000, 126.0 / 128), within(1e-6));
    assertThat(lambda[63]).isLessThan(2 * Math.PI * 10_000 * 0.9);
  }

  @ParameterizedTest
  @CsvSource({"2, 5, 10", "16, 64, 10000", "128, 128, 10000", "64, 200, 500000", "1024, 40, 1e7"})
  void dotProductDependsOnTheOffsetOnly(int d, int positions, double base) {
    double[][] gram = SinusoidalEncoding.gram(SinusoidalEncoding.matrix(positions, d, base));
    assertThat(SinusoidalEncoding.maxShiftDeviation(gram)).isLessThan(1e-9);
    assertThat(SinusoidalEncoding.maxClosedFormError(gram,
        SinusoidalEncoding.frequencies(d, base))).isLessThan(1e-9);
    for (int m = 0; m < positions; m++) {
      assertThat(gram[m][m]).isCloseTo(d / 2.0, within(1e-9));
    }
  }

  /** The diagonal shortcut gives what the triple loop over m, n, s gives, on a matrix that is not Toeplitz. */
  @Test
  void shiftDeviationEqualsTheBruteForceMaximum() {
    Rng rng = Rng.seeded(3);
    for (int trial = 0; trial < 20; trial++) {
      int p = 2 + trial % 7;
      double[][] g = new double[p][p];
      for (double[] row : g) {
        rng.fillGaussian(row);
      }
      double brute = 0;
      for (int m = 0; m < p; m++) {
        for (int n = 0; n < p; n++) {
          for (int s = -p; s <= p; s++) {
            if (m + s >= 0 && n + s >= 0 && m + s < p && n + s < p) {
              brute = Math.max(brute, Math.abs(g[m][n] - g[m + s][n + s]));
            }
          }
        }
      }
      assertThat(SinusoidalEncoding.maxShiftDeviation(g)).isEqualTo(brute);
    }
  }

  /** A position-dependent encoding that is not sinusoidal fails the check: the finding can fail. */
  @Test
  void aLearnedLikeEncodingIsNotShiftInvariant() {
    double[][] pe = new double[16][8];
    Rng rng = Rng.seeded(7);
    for (double[] row : pe) {
      rng.fillGaussian(row);
    }
    assertThat(SinusoidalEncoding.maxShiftDeviation(SinusoidalEncoding.gram(pe)))
        .isGreaterThan(1);
  }

  @Test
  void oddWidthIsRefused() {
    assertThatThrownBy(() -> SinusoidalEncoding.frequencies(7, 10_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7");
    SinusoidalEncodingDemo demo = new SinusoidalEncodingDemo();
    assertThatThrownBy(() -> Params.defaults(demo.params()).with("d-model", 127))
        .isInstanceOf(UserException.class)
        .hasMessage("parameter d-model = 127 is not even: allowed even integers 2 to 1024");
  }

  @Test
  void demoReportsTheIssuesFindingAndTheMatrix() {
    SinusoidalEncodingDemo demo = new SinusoidalEncodingDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.finding("max_shift_deviation").agrees()).isTrue();
    assertThat(r.finding("max_closed_form_error").agrees()).isTrue();
    assertThat(r.finding("norm_squared").value()).isCloseTo(64, within(1e-9));
    assertThat(r.finding("shortest_wavelength").agrees()).isTrue();
    // The paper's 10000·2π is the d → ∞ limit; at d = 128 the last pair is 13% short of it.
    assertThat(r.finding("longest_wavelength").agrees()).isFalse();
    double[][] pe = (double[][]) r.data().get("pe");
    assertThat(pe.length).isEqualTo(128);
    assertThat(pe[0].length).isEqualTo(128);
    assertThat(pe[5][3]).isEqualTo(Math.cos(5 * Math.pow(10_000, -2.0 / 128)));
  }
}
