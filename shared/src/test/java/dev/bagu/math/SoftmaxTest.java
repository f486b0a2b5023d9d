package dev.bagu.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SoftmaxTest {
  @Test
  void rowsSumToOneAndStayFiniteForHugeLogits() {
    double[][] cases = {
      {1e4, -1e4, 0}, {1e4, 1e4, 1e4}, {-1e4, -1e4}, {-1e4, -1e4 + 1}, {0}, {3, 1, -2, 7}};
    for (double[] z : cases) {
      double[] p = Softmax.of(z);
      assertThat(Arrays.stream(p).boxed()).allMatch(v -> Double.isFinite(v) && v >= 0 && v <= 1);
      assertThat(Arrays.stream(p).sum()).isCloseTo(1, within(1e-12));
      assertThat(Softmax.logSumExp(z)).isFinite();
    }
    assertThat(Softmax.of(new double[] {1e4, -1e4, 0})).containsExactly(1, 0, 0);
    assertThat(Softmax.of(new double[] {-1e4, -1e4 + 1})[1])
        .isCloseTo(Math.E / (1 + Math.E), within(1e-15));
    assertThat(Softmax.logSumExp(new double[] {1e4, 1e4})).isCloseTo(1e4 + Math.log(2),
        within(1e-9));
  }

  /** ‖diag(p) − ppᵀ‖_F summed entry by entry, the definition. */
  private static double directJacobianNorm(double[] p) {
    double s = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        double jij = (i == j ? p[i] : 0) - p[i] * p[j];
        s += jij * jij;
      }
    }
    return Math.sqrt(s);
  }

  @Test
  void jacobianNormMatchesTheDefinition() {
    Rng rng = Rng.seeded(3);
    for (int t = 0; t < 200; t++) {
      double[] z = new double[2 + rng.nextInt(30)];
      double scale = Math.pow(10, rng.uniform(-2, 2));
      for (int i = 0; i < z.length; i++) {
        z[i] = scale * rng.gaussian();
      }
      double[] p = Softmax.of(z);
      assertThat(Softmax.jacobianNorm(p)).isCloseTo(directJacobianNorm(p), within(1e-12));
    }
  }

  @Test
  void jacobianNormKnownValuesAndAccuracyNearOneHot() {
    int n = 64;
    double[] uniform = new double[n];
    Arrays.fill(uniform, 1.0 / n);
    assertThat(Softmax.jacobianNorm(uniform)).isCloseTo(Math.sqrt(n - 1) / n, within(1e-15));
    assertThat(Softmax.jacobianNorm(new double[] {0.5, 0.5})).isCloseTo(0.5, within(1e-15));
    assertThat(Softmax.jacobianNorm(new double[] {1, 0, 0})).isZero();
    // Two entries (1−ε, ε): J = ε(1−ε)·[[1, −1], [−1, 1]], so ‖J‖_F = 2ε(1−ε) exactly.
    double eps = 1e-12;
    double[] p = Softmax.of(new double[] {0, Math.log(eps / (1 - eps))});
    assertThat(Softmax.jacobianNorm(p) / (2 * eps * (1 - eps))).isCloseTo(1, within(1e-6));
  }

  @Test
  void entropyOfUniformIsLogN() {
    double[] p = {0.25, 0.25, 0.25, 0.25};
    assertThat(Softmax.entropy(p)).isCloseTo(Math.log(4), within(1e-15));
    assertThat(Softmax.entropy(new double[] {1, 0})).isZero();
  }

  /**
   * Streams of small, neighbouring seeds must look independent from the first draw on: the mean
   * of each stream's first 20,000 normals is within 5 standard errors of 0, and neighbouring
   * streams are uncorrelated to within 5 standard errors.
   */
  @Test
  void neighbouringStreamsAreIndependentFromTheFirstDraw() {
    int n = 20_000;
    double[][] draws = new double[8][n];
    for (int part = 0; part < 8; part++) {
      Rng.stream(0, 2, part).fillGaussian(draws[part]);
      assertThat(Arrays.stream(draws[part]).average().orElseThrow())
          .isCloseTo(0, within(5 / Math.sqrt(n)));
    }
    for (int part = 1; part < 8; part++) {
      double dot = 0;
      for (int i = 0; i < n; i++) {
        dot += draws[part][i] * draws[part - 1][i];
      }
      assertThat(dot / n).isCloseTo(0, within(5 / Math.sqrt(n)));
    }
    assertThat(draws[0][0]).isNotEqualTo(Rng.stream(0, 3, 0).gaussian());
    assertThat(draws[0][0]).isNotEqualTo(Rng.stream(1, 2, 0).gaussian());
  }

  @Test
  void seededStreamsRepeatAndDiffer() {
    assertThat(Rng.seeded(5).gaussian()).isEqualTo(Rng.seeded(5).gaussian());
    assertThat(Rng.stream(5, 1).gaussian()).isEqualTo(Rng.stream(5, 1).gaussian());
    assertThat(Rng.stream(5, 1).gaussian()).isNotEqualTo(Rng.stream(5, 2).gaussian());
  }
}
