package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class ReceptiveFieldTest {
  @Test
  void uniformKernelsHaveVarianceNTimesKSquaredMinusOneOverTwelve() {
    for (int k : new int[] {3, 5, 7}) {
      for (int n = 1; n <= 20; n++) {
        assertThat(ReceptiveField.uniformVariance(n, k))
            .isCloseTo(n * (k * k - 1) / 12.0, within(1e-9 * n * k * k));
      }
    }
  }

  @Test
  void backpropOfADeltaIsTheKernelAndGrowsTheMapByKMinusOne() {
    double[][] kernel = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    double[][] g = ReceptiveField.backprop(new double[][] {{1}}, kernel);
    assertThat(g).isDeepEqualTo(kernel);
    assertThat(ReceptiveField.backprop(g, kernel)).hasDimensions(5, 5);
    // two 3×3 boxes: the centre counts 9 paths, a corner 1
    double[][] box = ReceptiveField.uniformStack(2, 3);
    assertThat(box[2][2]).isEqualTo(9);
    assertThat(box[0][0]).isEqualTo(1);
    assertThat(ReceptiveField.sigma(box)).isCloseTo(Math.sqrt(2 * 8 / 12.0), within(1e-12));
  }

  @Test
  void randomStacksFollowTheSquareRootLaw() {
    int n = 12;
    double[][][] maps = ReceptiveField.randomStack(n, 3, 400, Rng.stream(4, 1));
    double[] x = new double[n];
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
      s[i] = ReceptiveField.sigma(maps[i]);
      assertThat(s[i]).isCloseTo(Math.sqrt(2 * x[i] / 3), within(0.12 * Math.sqrt(x[i])));
    }
    assertThat(ReceptiveField.logLogSlope(x, s)[0]).isCloseTo(0.5, within(0.05));
  }

  @Test
  void aLargeKernelUsesAboutSixtyPercentOfItsField() {
    double[][] large = ReceptiveField.largeKernel(31, 400, Rng.stream(4, 2));
    assertThat(ReceptiveField.sigma(large) / 15).isCloseTo(Math.sqrt(80) / 15, within(0.03));
  }
}
