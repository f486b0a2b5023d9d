package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.clustering.MeanShift.Kernel;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData.Labelled;
import org.junit.jupiter.api.Test;

class MeanShiftTest {
  @Test
  void everyTrajectoryEndsWhereTheShiftIsAboutZero() {
    Labelled d = ClusterData.blobs(400, 4, 1.0, Rng.seeded(2));
    for (Kernel kernel : Kernel.values()) {
      for (double h : new double[] {0.5, 2, 6}) {
        MeanShift.Clustering c = MeanShift.run(d.x(), h, kernel);
        PointGrid grid = new PointGrid(d.x(), kernel == Kernel.FLAT ? h
            : MeanShift.GAUSSIAN_CUTOFF * h);
        for (double[][] path : c.paths()) {
          double[] end = path[path.length - 1];
          double[] next = MeanShift.shift(grid, end, h, kernel);
          // The last step was under 1e-3·h. One more step is about as short, but not always
          // shorter: with the flat kernel a point entering or leaving the window moves the mean
          // by a jump (seen: 2.2e-3·h), so the check allows 1e-2·h.
          assertThat(Math.sqrt(KMeans.dist2(next, end))).isLessThan(1e-2 * h);
        }
      }
    }
  }

  @Test
  void oneShiftIsTheKernelWeightedMeanOfEveryPointInReach() {
    Labelled d = ClusterData.blobs(500, 3, 1.0, Rng.seeded(4));
    double[][] x = d.x();
    for (Kernel kernel : Kernel.values()) {
      for (double h : new double[] {0.05, 0.7, 4}) {
        double reach = kernel == Kernel.FLAT ? h : MeanShift.GAUSSIAN_CUTOFF * h;
        PointGrid grid = new PointGrid(x, reach);
        for (double[] c : new double[][] {x[0], x[17], {0.3, -0.2}, {9, 9}}) {
          // Brute force over every point, the definition in MeanShift's comment.
          double sx = 0;
          double sy = 0;
          double sw = 0;
          for (double[] p : x) {
            double d2 = KMeans.dist2(p, c);
            if (d2 <= reach * reach) {
              double w = kernel == Kernel.FLAT ? 1 : Math.exp(-d2 / (2 * h * h));
              sx += w * p[0];
              sy += w * p[1];
              sw += w;
            }
          }
          double[] shifted = MeanShift.shift(grid, c, h, kernel);
          if (sw == 0) {
            assertThat(shifted).isNull();
          } else {
            assertThat(shifted[0]).isCloseTo(sx / sw, within(1e-12));
            assertThat(shifted[1]).isCloseTo(sy / sw, within(1e-12));
          }
        }
      }
    }
  }

  @Test
  void twoFarBlobsGiveTwoModesNearTheirMeans() {
    double[][] centres = {{0, 0}, {30, 10}};
    Labelled d = ClusterData.blobs(600, centres, new double[] {1, 1}, Rng.seeded(5));
    for (Kernel kernel : Kernel.values()) {
      MeanShift.Clustering c = MeanShift.run(d.x(), 3, kernel);
      assertThat(c.modes()).hasNumberOfRows(2);
      for (double[] m : c.modes()) {
        double[] near = m[0] < 15 ? centres[0] : centres[1];
        assertThat(Math.sqrt(KMeans.dist2(m, near))).isLessThan(0.3);
      }
      assertThat(AdjustedRand.index(d.y(), c.labels())).isEqualTo(1.0);
    }
  }

  @Test
  void aHugeBandwidthMergesEverythingIntoOneModeAtTheMean() {
    double[][] x = {{0, 0}, {2, 0}, {0, 2}, {2, 2}};
    MeanShift.Clustering c = MeanShift.run(x, 100, Kernel.FLAT);
    assertThat(c.modes()).hasNumberOfRows(1);
    assertThat(c.modes()[0][0]).isCloseTo(1, within(1e-12));
    assertThat(c.modes()[0][1]).isCloseTo(1, within(1e-12));
    assertThat(c.labels()).containsOnly(0);
    // A tiny bandwidth leaves every point its own mode.
    assertThat(MeanShift.run(x, 0.1, Kernel.FLAT).modes()).hasNumberOfRows(4);
  }

  @Test
  void theBandwidthFromChosenQueriesIsTheEstimateOverThoseQueries() {
    Labelled d = ClusterData.blobs(300, 3, 1.0, Rng.seeded(4));
    int[] all = java.util.stream.IntStream.range(0, 300).toArray();
    // Every point a query: scikit-learn's estimate (n ≤ 2,000 queries all), up to summation order.
    assertThat(MeanShift.estimateBandwidth(d.x(), 0.3, all))
        .isCloseTo(MeanShift.estimateBandwidth(d.x(), 0.3), within(1e-12));
    // One query: the distance to its 90th nearest point (itself counted), by sorting.
    double[] d2 = new double[300];
    for (int j = 0; j < 300; j++) {
      d2[j] = KMeans.dist2(d.x()[7], d.x()[j]);
    }
    java.util.Arrays.sort(d2);
    assertThat(MeanShift.estimateBandwidth(d.x(), 0.3, new int[] {7}))
        .isEqualTo(Math.sqrt(d2[89]));
  }
}
