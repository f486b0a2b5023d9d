package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.attention.SoftmaxScaling.Curves;
import dev.bagu.math.Rng;
import dev.bagu.math.Softmax;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SoftmaxScalingTest {
  /**
   * Vaswani et al. 2017, footnote 4: Var(q·k) = d_k. The estimate's standard error is
   * √((2 + 6/d_k)/n) relative, so five of them is a bound that fails about once in 10⁶ runs, and
   * is tighter than the catalogue's ±3% at 10⁵ samples.
   */
  @ParameterizedTest
  @ValueSource(ints = {1, 16, 64, 512})
  void varianceIsDkUnscaledAndOneScaled(int dk) {
    int samples = dk >= 512 ? 20_000 : 100_000;
    SoftmaxScaling.Variance v = SoftmaxScaling.variance(dk, samples, Rng.seeded(dk));
    double tolerance = 5 * v.relativeError();
    assertThat(tolerance).as("a bound worth testing").isLessThan(0.06);
    assertThat(v.unscaled() / dk).isCloseTo(1, within(tolerance));
    assertThat(v.scaled()).isCloseTo(1, within(tolerance));
  }

  @Test
  void entropyFromTheLogitsEqualsMinusSumPLogP() {
    Rng rng = Rng.seeded(5);
    for (int n : new int[] {2, 7, 64}) {
      double[] z = new double[n];
      rng.fillGaussian(z);
      for (int i = 0; i < n; i++) {
        z[i] *= 10; // peaked rows too
      }
      double[] expected = Softmax.of(z);
      double[] p = new double[n];
      double h = SoftmaxScaling.softmaxEntropy(z.clone(), p);
      assertThat(h).isCloseTo(Softmax.entropy(expected), within(1e-12));
      for (int i = 0; i < n; i++) {
        assertThat(p[i]).isCloseTo(expected[i], within(1e-15));
      }
    }
  }

  @Test
  void theVarianceInParallelPartsIsTheSameOnOneCore() throws Exception {
    SoftmaxScaling.Variance parallel = SoftmaxScaling.variance(64, 20_000, 7, 1);
    var one = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      SoftmaxScaling.Variance serial = one.submit(() -> new java.util.concurrent.ForkJoinPool(1)
          .submit(() -> SoftmaxScaling.variance(64, 20_000, 7, 1)).get()).get();
      assertThat(parallel).isEqualTo(serial);
      assertThat(parallel.unscaled() / 64).isCloseTo(1, within(5 * parallel.relativeError()));
    } finally {
      one.shutdown();
    }
  }

  @Test
  void curvesReproduceTheCatalogueMaxProbabilities() {
    // 64 keys: E[max weight] ≈ 0.59/0.80/0.90/0.95 unscaled at d_k = 16/64/256/1024 and 0.107
    // scaled (catalogue, derived). Per-query spread is ≤ 0.25, so 2,000 queries give a standard
    // error under 0.006; the 0.59 at d_k = 16 is a rounded simulation (we measure ≈ 0.577).
    Curves c = SoftmaxScaling.curves(new int[] {16, 64, 256, 1024}, 64, 2000, 11, 0);
    double[] expected = {0.59, 0.80, 0.90, 0.95};
    for (int i = 0; i < 4; i++) {
      assertThat(c.maxProb()[Curves.UNSCALED][i]).as("d_k = " + c.dks()[i])
          .isCloseTo(expected[i], within(0.03));
      assertThat(c.maxProb()[Curves.SCALED][i]).isCloseTo(0.107, within(0.006));
      assertThat(c.var()[i] / c.dks()[i]).isCloseTo(1, within(0.05));
    }
  }

  @Test
  void unscaledGradientCollapsesAtLargeDkWhileScaledStays() {
    Curves c = SoftmaxScaling.curves(new int[] {1, 1024}, 64, 1000, 5, 0);
    // At d_k = 1 scaling changes nothing.
    assertThat(c.gradMedian()[Curves.UNSCALED][0]).isEqualTo(c.gradMedian()[Curves.SCALED][0]);
    // At 1024 the typical unscaled row is saturated: its gradient is orders of magnitude smaller.
    assertThat(c.gradMedian()[Curves.UNSCALED][1])
        .isLessThan(c.gradMedian()[Curves.SCALED][1] / 100);
    assertThat(c.saturated()[Curves.UNSCALED][1]).isGreaterThan(0.5);
    assertThat(c.saturated()[Curves.SCALED][1]).isZero();
    // Scaled, the typical row is near-uniform: ‖J‖_F close to √63/64 ≈ 0.124, well under 0.5.
    assertThat(c.gradMedian()[Curves.SCALED][1]).isBetween(0.12, 0.3);
  }

  @Test
  void gridHoldsPowersOfTwoAndTheChosenDk() {
    assertThat(SoftmaxScaling.grid(64)).containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 256, 512,
        1024);
    assertThat(SoftmaxScaling.grid(100)).contains(100).hasSize(12);
    assertThat(SoftmaxScaling.grid(4096)).endsWith(2048, 4096);
  }

  @Test
  void exampleRowIsSortedAndBothRowsAreDistributions() {
    SoftmaxScaling.ExampleRow row = SoftmaxScaling.exampleRow(64, 32, Rng.seeded(2));
    for (int i = 1; i < 32; i++) {
      assertThat(row.scores()[i]).isLessThanOrEqualTo(row.scores()[i - 1]);
    }
    assertThat(java.util.Arrays.stream(row.unscaled()).sum()).isCloseTo(1, within(1e-12));
    assertThat(java.util.Arrays.stream(row.scaled()).sum()).isCloseTo(1, within(1e-12));
    assertThat(row.unscaled()[0]).isGreaterThan(row.scaled()[0]);
  }

  @Test
  void resultDoesNotDependOnTheNumberOfThreads() throws Exception {
    int[] dks = {2, 16};
    Curves parallel = SoftmaxScaling.curves(dks, 8, 300, 4, 0);
    java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
    try {
      Curves serial = one.submit(() -> SoftmaxScaling.curves(dks, 8, 300, 4, 0)).get();
      assertThat(serial.var()).containsExactly(parallel.var());
      assertThat(serial.gradMedian()[0]).containsExactly(parallel.gradMedian()[0]);
      assertThat(serial.maxProb()[1]).containsExactly(parallel.maxProb()[1]);
    } finally {
      one.shutdown();
    }
  }

  @Test
  void sameSeedSameCurves() {
    Curves a = SoftmaxScaling.curves(new int[] {4, 8}, 16, 200, 9, 0);
    Curves b = SoftmaxScaling.curves(new int[] {4, 8}, 16, 200, 9, 0);
    assertThat(a.var()).containsExactly(b.var());
    assertThat(a.gradMean()[0]).containsExactly(b.gradMean()[0]);
  }
}
