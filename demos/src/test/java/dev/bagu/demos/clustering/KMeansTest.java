package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData.Labelled;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;
import org.junit.jupiter.api.Test;

class KMeansTest {
  @Test
  void inertiaNeverIncreasesFromEitherInitOnManySeeds() {
    for (int s = 0; s < 40; s++) {
      Labelled d = ClusterData.blobs(300, 6, 2.0, Rng.seeded(s));
      for (Init init : Init.values()) {
        KMeans.Run run = KMeans.lloyd(d.x(), KMeans.seed(d.x(), 6, init, Rng.seeded(100 + s)),
            300);
        assertThat(run.converged()).isTrue();
        for (int t = 1; t < run.inertia().length; t++) {
          assertThat(run.inertia()[t]).isLessThanOrEqualTo(run.inertia()[t - 1] * (1 + 1e-12));
        }
        assertThat(run.finalInertia())
            .isCloseTo(KMeans.inertia(d.x(), run.finalCentres()), within(1e-9));
      }
    }
  }

  @Test
  void samePartitionAsCommonsMathKMeansPlusPlusOnWellSeparatedBlobs() {
    double[][] centres = {{0, 0}, {20, 0}, {0, 20}, {20, 20}};
    for (int s = 0; s < 10; s++) {
      Labelled d = ClusterData.blobs(400, centres, new double[] {1, 1, 1, 1}, Rng.seeded(s));
      KMeans.Run ours = KMeans.lloyd(d.x(), KMeans.seed(d.x(), 4, Init.PLUS_PLUS,
          Rng.seeded(s)), 300);
      List<DoublePoint> pts = new ArrayList<>();
      for (double[] p : d.x()) {
        pts.add(new DoublePoint(p));
      }
      JDKRandomGenerator rng = new JDKRandomGenerator();
      rng.setSeed(s);
      List<CentroidCluster<DoublePoint>> cm = new KMeansPlusPlusClusterer<DoublePoint>(4, 300,
          new EuclideanDistance(), rng).cluster(pts);
      int[] theirs = new int[pts.size()];
      for (int c = 0; c < cm.size(); c++) {
        for (DoublePoint p : cm.get(c).getPoints()) {
          theirs[indexOf(pts, p)] = c;
        }
      }
      assertThat(AdjustedRand.index(ours.labels(), theirs)).as("seed " + s).isEqualTo(1.0);
      assertThat(AdjustedRand.index(ours.labels(), d.y())).isEqualTo(1.0);
    }
  }

  private static int indexOf(List<DoublePoint> pts, DoublePoint p) {
    for (int i = 0; i < pts.size(); i++) {
      if (pts.get(i) == p) {
        return i;
      }
    }
    throw new AssertionError("point not found");
  }

  @Test
  void anEmptyClusterIsReseededAtTheFarthestPoint() {
    double[][] x = {{0, 0}, {0, 1}, {10, 0}, {10, 1}};
    // Centre 1 is far from everything: the first assignment leaves it empty. The points farthest
    // from their centre (0, 0.5) are the two at x = 10 (distance² 100.25); the first is taken.
    KMeans.Run run = KMeans.lloyd(x, new double[][] {{0, 0.5}, {100, 100}}, 300);
    assertThat(run.reseeded()).isEqualTo(1);
    assertThat(run.centres().get(1)[1]).containsExactly(10, 0);
    assertThat(run.labels()).containsExactly(0, 0, 1, 1);
    assertThat(run.finalCentres()[1]).containsExactly(10, 0.5);
    assertThat(run.finalInertia()).isCloseTo(1.0, within(1e-12));
    assertThat(run.inertia()[0]).isCloseTo(0.25 * 2 + 100.25 * 2, within(1e-12));
  }

  @Test
  void kMeansPlusPlusNeverPicksAPointTwiceWhenPointsDifferAndHandlesDuplicates() {
    double[][] x = {{0, 0}, {1, 0}, {2, 0}, {3, 0}};
    for (int s = 0; s < 50; s++) {
      double[][] c = KMeans.seed(x, 4, Init.PLUS_PLUS, Rng.seeded(s));
      assertThat(KMeans.inertia(x, c)).isZero();
    }
    double[][] same = {{1, 1}, {1, 1}, {1, 1}};
    KMeans.Run run = KMeans.lloyd(same, KMeans.seed(same, 3, Init.PLUS_PLUS, Rng.seeded(0)), 300);
    assertThat(run.finalInertia()).isZero();
    assertThat(run.converged()).isTrue();
  }

  @Test
  void oneCentreLandsOnTheMean() {
    double[][] x = {{0, 0}, {2, 0}, {4, 6}};
    KMeans.Run run = KMeans.lloyd(x, KMeans.seed(x, 1, Init.RANDOM, Rng.seeded(3)), 300);
    assertThat(run.finalCentres()[0]).containsExactly(2, 2);
    assertThat(run.finalInertia()).isCloseTo((4 + 4) + 4 + (4 + 16), within(1e-12));
  }

  @Test
  void theLabelsAreTheBestKMeansPlusPlusRestartAsNInitKeeps() {
    double[][] x = dev.bagu.math.ClusterData.blobs(600, 6, 1.5, Rng.seeded(4)).x();
    KMeansRestarts r = KMeansRestarts.run(x, 6, 12, 7, KMeansDemo.RESTART_STREAM);
    int b = r.bestRun(Init.PLUS_PLUS);
    KMeans.Run best = KMeansRestarts.run(KMeansPoints.of(x), 6, Init.PLUS_PLUS, 7,
        KMeansDemo.RESTART_STREAM, b);
    // the kept run is that run: rerunning it on its stream gives the same labels
    assertThat(r.bestPlusPlus().labels()).isEqualTo(best.labels());
    assertThat(r.bestPlusPlus().finalInertia()).isEqualTo(best.finalInertia());
    for (int run = 0; run < 12; run++) {
      assertThat(best.finalInertia()).isLessThanOrEqualTo(r.last()[Init.PLUS_PLUS.ordinal()][run]);
    }
    assertThat(KMeans.inertia(x, best.finalCentres())).isCloseTo(best.finalInertia(),
        org.assertj.core.api.Assertions.within(1e-9 * best.finalInertia()));
    // In parallel, run by run on its own stream: the same numbers every time.
    assertThat(KMeansRestarts.run(x, 6, 12, 7, KMeansDemo.RESTART_STREAM).last())
        .isDeepEqualTo(r.last());
    assertThat(KMeansDemo.restarts(100, 500)).isEqualTo(100);
    assertThat(KMeansDemo.restarts(100, 100_000)).isEqualTo(10);
  }

  @Test
  void theElbowsSampleIsDistinctPointsInInputOrderAndTheSameEachTime() {
    double[][] x = new double[50][];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {i, -i};
    }
    double[][] s = KMeansDemo.sample(x, 20, 3);
    assertThat(s).hasNumberOfRows(20);
    for (int i = 1; i < s.length; i++) {
      assertThat(s[i][0]).isGreaterThan(s[i - 1][0]); // input order, so no point twice
    }
    assertThat(KMeansDemo.sample(x, 20, 3)).isDeepEqualTo(s);
    assertThat(KMeansDemo.sample(x, 20, 4)).isNotEqualTo(s);
  }
}
