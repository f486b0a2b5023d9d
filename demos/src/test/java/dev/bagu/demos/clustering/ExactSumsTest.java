package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.math.Rng;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Fixed-point sums against BigDecimal: exact, rounded once, in any order. */
class ExactSumsTest {
  @Test
  void sumsAreTheExactSumRoundedOnceInAnyOrder() {
    Rng rng = Rng.seeded(1);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(300);
      double[] v = new double[n];
      for (int i = 0; i < n; i++) {
        // magnitudes from 1e-6 to 1e6, both signs, some exact zeros and repeats
        v[i] = rng.nextInt(10) == 0 ? 0
            : (rng.uniform() - 0.5) * Math.pow(10, -6 + 12 * rng.uniform());
        if (i > 0 && rng.nextInt(8) == 0) {
          v[i] = -v[i - 1]; // cancellation: the naive sum loses digits here
        }
      }
      ExactSums sums = new ExactSums(v);
      BigDecimal exact = BigDecimal.ZERO;
      long[] forward = new long[2];
      long[] backward = new long[2];
      for (int i = 0; i < n; i++) {
        exact = exact.add(new BigDecimal(v[i]));
        ExactSums.add(forward, 0, sums.hi[i], sums.lo[i]);
        ExactSums.add(backward, 0, sums.hi[n - 1 - i], sums.lo[n - 1 - i]);
      }
      assertThat(forward).as("trial " + trial).isEqualTo(backward);
      assertThat(sums.toDouble(forward, 0)).as("trial " + trial).isEqualTo(exact.doubleValue());
    }
  }

  @Test
  void integersNeedNoFractionBitsAndExtremeRangesStayOrderFree() {
    assertThat(ExactSums.scale(new double[] {3, -7, 12, 0})).isZero();
    assertThat(ExactSums.scale(new double[] {0.5, 0.25, 0.125})).isEqualTo(3);
    assertThat(ExactSums.scale(new double[] {0, 0})).isZero();
    // 1e30 and 1e-30 cannot both be exact in 128 bits: values round to the coarser grid, and a
    // sum is still the same in any order
    double[] wide = {1e30, 1e-30, -1e30, 3.5, 1e-30};
    ExactSums sums = new ExactSums(wide);
    assertThat(sums.q).isLessThan(100);
    long[] a = new long[2];
    long[] b = new long[2];
    for (int i = 0; i < wide.length; i++) {
      ExactSums.add(a, 0, sums.hi[i], sums.lo[i]);
      ExactSums.add(b, 0, sums.hi[wide.length - 1 - i], sums.lo[wide.length - 1 - i]);
    }
    assertThat(a).isEqualTo(b);
    assertThat(sums.toDouble(a, 0)).isEqualTo(3.5);
  }

  @Test
  void refusesWhatIsNotANumber() {
    assertThatThrownBy(() -> new ExactSums(new double[] {1, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
  }
}
