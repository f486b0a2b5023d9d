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
import org.junit.jupiter.params.provider.ValueSource;

class RopeTest {
  @Test
  void rotatesEachPairByPositionTimesTheta() {
    // d = 4, base 100: θ_0 = 1, θ_1 = 100^(−2/4) = 0.1.
    double[] theta = Rope.thetas(4, 100);
    assertThat(theta).containsExactly(new double[] {1, 0.1}, within(1e-15));
    double[] r = Rope.rotate(new double[] {1, 0, 0, 2}, 3, theta);
    assertThat(r).containsExactly(new double[] {Math.cos(3), Math.sin(3),
        -2 * Math.sin(0.3), 2 * Math.cos(0.3)}, within(1e-15));
    assertThat(Rope.rotate(new double[] {0.5, -1, 2, 3}, 0, theta))
        .containsExactly(0.5, -1, 2, 3);
  }

  /** The score equals Re Σ_j q̃_j·conj(k̃_j)·e^{i(m−n)θ_j} with q̃_j = q_2j + i·q_2j+1 (§3.4.2). */
  @Test
  void scoreMatchesTheComplexForm() {
    Rng rng = Rng.seeded(1);
    double[] theta = Rope.thetas(16, 10_000);
    for (int t = 0; t < 50; t++) {
      double[] q = new double[16];
      double[] k = new double[16];
      rng.fillGaussian(q);
      rng.fillGaussian(k);
      int m = rng.nextInt(5000);
      int n = rng.nextInt(5000);
      double expected = 0;
      for (int j = 0; j < 8; j++) {
        double hRe = q[2 * j] * k[2 * j] + q[2 * j + 1] * k[2 * j + 1];
        double hIm = q[2 * j + 1] * k[2 * j] - q[2 * j] * k[2 * j + 1];
        double a = (m - n) * theta[j];
        expected += hRe * Math.cos(a) - hIm * Math.sin(a);
      }
      assertThat(Rope.score(q, m, k, n, theta)).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void normsArePreservedAndScoresDependOnTheOffsetOnly() {
    Rng rng = Rng.seeded(2);
    for (int d : new int[] {2, 8, 128, 1024}) {
      double[] theta = Rope.thetas(d, 10_000);
      double[] q = unit(d, rng);
      double[] k = unit(d, rng);
      assertThat(Rope.maxNormChange(q, 2000, theta)).isLessThan(1e-12);
      for (int t = 0; t < 30; t++) {
        int m = rng.nextInt(2000);
        int n = rng.nextInt(2000);
        int s = rng.nextInt(2000);
        assertThat(Rope.score(q, m, k, n, theta) - Rope.score(q, m + s, k, n + s, theta))
            .isCloseTo(0, within(1e-12));
      }
      double[][] grid = Rope.scores(q, k, 0, 40, theta);
      assertThat(SinusoidalEncoding.maxDiagonalSpread(grid)).isLessThan(1e-12);
    }
  }

  /** Without the rotation (an absolute encoding added instead) the scores are not Toeplitz. */
  @Test
  void anAddedAbsoluteEncodingFailsTheShiftCheck() {
    double[][] pe = SinusoidalEncoding.matrix(20, 8, 10_000);
    double[] q = unit(8, Rng.seeded(4));
    double[] k = unit(8, Rng.seeded(5));
    double[][] s = new double[20][20];
    for (int m = 0; m < 20; m++) {
      for (int n = 0; n < 20; n++) {
        for (int c = 0; c < 8; c++) {
          s[m][n] += (q[c] + pe[m][c]) * (k[c] + pe[n][c]);
        }
      }
    }
    assertThat(SinusoidalEncoding.maxDiagonalSpread(s)).isGreaterThan(0.1);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4, 64, 128, 1024})
  void boundAtZeroIsHalfOfHalfDPlusOne(int d) {
    assertThat(Rope.decayBound(0, Rope.thetas(d, 10_000))).isCloseTo((d / 2 + 1) / 2.0,
        within(1e-12));
  }

  /** The catalogue's values (1/(d/2))·Σ|S_j|, d = 128, base 10000; a 1/d normalisation halves them. */
  @Test
  void boundReproducesTheCatalogue() {
    double[] theta = Rope.thetas(128, 10_000);
    assertThat(Rope.decayBound(0, theta)).isEqualTo(32.5);
    assertThat(Rope.decayBound(5, theta)).isCloseTo(20.85, within(0.005));
    assertThat(Rope.decayBound(50, theta)).isCloseTo(12.63, within(0.005));
    assertThat(Rope.decayBound(100, theta)).isCloseTo(10.23, within(0.005));
    assertThat(Rope.decayBound(250, theta)).isCloseTo(6.55, within(0.005));
    // A larger base decays more slowly (Llama 3's 500000 against 10000).
    assertThat(Rope.decayBound(250, Rope.thetas(128, 500_000)))
        .isGreaterThan(Rope.decayBound(250, theta) + 2);
  }

  /**
   * The Abel-summation inequality the curve comes from: |Σ_j h_j e^{irθ_j}| ≤ max_j |h_{j+1} − h_j|
   * · Σ_{j=1}^{d/2} |S_j| with h_{d/2} = 0, on random q, k and r.
   */
  @Test
  void theAbelBoundHolds() {
    Rng rng = Rng.seeded(9);
    int d = 64;
    double[] theta = Rope.thetas(d, 10_000);
    for (int t = 0; t < 200; t++) {
      double[] q = new double[d];
      double[] k = new double[d];
      rng.fillGaussian(q);
      rng.fillGaussian(k);
      int r = rng.nextInt(1000);
      double[] hRe = new double[d / 2 + 1];
      double[] hIm = new double[d / 2 + 1];
      double sumRe = 0;
      double sumIm = 0;
      for (int j = 0; j < d / 2; j++) {
        hRe[j] = q[2 * j] * k[2 * j] + q[2 * j + 1] * k[2 * j + 1];
        hIm[j] = q[2 * j + 1] * k[2 * j] - q[2 * j] * k[2 * j + 1];
        double c = Math.cos(r * theta[j]);
        double s = Math.sin(r * theta[j]);
        sumRe += hRe[j] * c - hIm[j] * s;
        sumIm += hRe[j] * s + hIm[j] * c;
      }
      double maxStep = 0;
      for (int j = 0; j < d / 2; j++) {
        maxStep = Math.max(maxStep, Math.hypot(hRe[j + 1] - hRe[j], hIm[j + 1] - hIm[j]));
      }
      double bound = maxStep * Rope.decayBound(r, theta) * (d / 2);
      assertThat(Math.hypot(sumRe, sumIm)).isLessThanOrEqualTo(bound + 1e-9);
      assertThat(Math.abs(Rope.score(q, r, k, 0, theta))).isLessThanOrEqualTo(bound + 1e-9);
    }
  }

  @Test
  void demoFindingsAndData() {
    RopeDemo demo = new RopeDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    for (String key : new String[] {"bound_r0", "bound_r5", "bound_r50", "bound_r100",
        "bound_r250", "max_norm_change", "max_shift_deviation"}) {
      assertThat(r.finding(key).agrees()).as(key).isTrue();
    }
    double[][] bound = (double[][]) r.data().get("bound");
    assertThat(bound).hasNumberOfRows(257);
    assertThat(bound[0]).containsExactly(0, 32.5);
    assertThat(bound[256][0]).isEqualTo(256);
    // Off the catalogue's setting only r = 0 keeps a reference.
    Result other = demo.run(Params.defaults(demo.params()).with("d", 64));
    assertThat(other.finding("bound_r0").agrees()).isTrue();
    assertThat(other.finding("bound_r5").reference()).isEmpty();
    assertThatThrownBy(() -> Params.defaults(demo.params()).with("d", 63))
        .isInstanceOf(UserException.class)
        .hasMessage("parameter d = 63 is not even: allowed even integers 2 to 1024");
  }

  private static double[] unit(int d, Rng rng) {
    double[] v = new double[d];
    rng.fillGaussian(v);
    double n = Math.sqrt(Rope.dot(v, v));
    for (int i = 0; i < d; i++) {
      v[i] /= n;
    }
    return v;
  }
}
