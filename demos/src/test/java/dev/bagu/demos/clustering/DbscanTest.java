package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ml.clustering.Cluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.DBSCANClusterer;
import org.apache.commons.math3.ml.clustering.DoublePoint;
import org.junit.jupiter.api.Test;

/** DBSCAN by the definition, and label for label the same as Commons Math's with minPts − 1. */
class DbscanTest {
  /**
   * A point that is equal only to itself. Commons Math keeps its visited points in a HashMap, and
   * DoublePoint is equal by value, so duplicate DoublePoints share one entry and only the first
   * copy is ever put in a cluster ({@link #commonsMathDropsDuplicateDoublePoints}).
   */
  record Point(double[] getPoint) implements Clusterable {
    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** Commons Math's clusters turned into labels in input order, noise −1. */
  static int[] commonsMath(double[][] x, double eps, int minPts) {
    List<Point> pts = new ArrayList<>();
    for (double[] p : x) {
      pts.add(new Point(p));
    }
    List<Cluster<Point>> clusters = new DBSCANClusterer<Point>(eps, minPts).cluster(pts);
    int[] labels = new int[x.length];
    Arrays.fill(labels, -1);
    for (int c = 0; c < clusters.size(); c++) {
      for (Point p : clusters.get(c).getPoints()) {
        for (int i = 0; i < pts.size(); i++) {
          if (pts.get(i) == p) {
            labels[i] = c;
          }
        }
      }
    }
    return labels;
  }

  private static void agreesWithCommonsMath(double[][] x, double eps, int minSamples) {
    assertThat(Dbscan.run(x, eps, minSamples).labels())
        .as("eps %s, minSamples %d", eps, minSamples)
        .isEqualTo(commonsMath(x, eps, minSamples - 1));
  }

  @Test
  void sameLabelsAsCommonsMathOnSeededSets() {
    for (int s = 0; s < 6; s++) {
      double[][] blobs = ClusterData.standardised(
          ClusterData.blobs(300, 3, 1.5, Rng.seeded(s)).x());
      double[][] moons = ToyData.moons(300, 0.08, Rng.seeded(s)).x();
      for (double eps : new double[] {0.05, 0.15, 0.3}) {
        for (int m : new int[] {1, 2, 5, 10}) {
          agreesWithCommonsMath(blobs, eps, m);
          agreesWithCommonsMath(moons, eps, m);
        }
      }
    }
  }

  @Test
  void aChainIsOneClusterAndItsEndsAreBorderPoints() {
    // Points 1 apart on a line, eps 1: inner points have 3 within eps (themselves included).
    double[][] x = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}, {9, 0}};
    Dbscan.Clustering c = Dbscan.run(x, 1.0, 3);
    assertThat(c.labels()).containsExactly(0, 0, 0, 0, 0, -1);
    assertThat(c.core()).containsExactly(false, true, true, true, false, false);
    agreesWithCommonsMath(x, 1.0, 3);
  }

  @Test
  void aBorderPointReachableFromTwoClustersJoinsTheFirst() {
    // Two tight triples and point 6 at distance exactly 1 from (0, 0) and (2, 0). With
    // minSamples 4 those two are core (their triple and point 6); point 6 has only 3 within eps
    // (itself and those two): a border point of both clusters, it goes to cluster 0, found first.
    double[][] x = {{0, 0}, {-0.1, 0}, {-0.1, 0.1}, {2, 0}, {2.1, 0}, {2.1, 0.1}, {1, 0}};
    Dbscan.Clustering c = Dbscan.run(x, 1.0, 4);
    assertThat(c.labels()).containsExactly(0, 0, 0, 1, 1, 1, 0);
    assertThat(c.core()).containsExactly(true, false, false, true, false, false, false);
    agreesWithCommonsMath(x, 1.0, 4);
    // Listing the second triple first makes it cluster 0, and the border point follows it.
    double[][] swapped = {{2, 0}, {2.1, 0}, {2.1, 0.1}, {0, 0}, {-0.1, 0}, {-0.1, 0.1}, {1, 0}};
    assertThat(Dbscan.run(swapped, 1.0, 4).labels()).containsExactly(0, 0, 0, 1, 1, 1, 0);
    agreesWithCommonsMath(swapped, 1.0, 4);
  }

  @Test
  void allNoiseAndDuplicates() {
    double[][] far = {{0, 0}, {5, 5}, {10, 0}};
    assertThat(Dbscan.run(far, 1, 2).labels()).containsExactly(-1, -1, -1);
    assertThat(Dbscan.run(far, 1, 2).clusters()).isZero();
    agreesWithCommonsMath(far, 1, 2);
    // minSamples 1: every point is core, alone if need be (a cluster of one).
    assertThat(Dbscan.run(far, 1, 1).labels()).containsExactly(0, 1, 2);
    double[][] dup = {{1, 1}, {1, 1}, {1, 1}, {3, 3}};
    assertThat(Dbscan.run(dup, 0.5, 3).labels()).containsExactly(0, 0, 0, -1);
    assertThat(Dbscan.run(dup, 0.5, 4).labels()).containsExactly(-1, -1, -1, -1);
    agreesWithCommonsMath(dup, 0.5, 3);
    agreesWithCommonsMath(dup, 0.5, 4);
  }

  @Test
  void commonsMathsMinPtsLeavesThePointItselfOutAndCountsDistanceEqualToEps() {
    // Three points 1 apart, eps exactly 1: the middle one has itself and two at distance 1.
    double[][] x = {{0, 0}, {1, 0}, {2, 0}};
    assertThat(Dbscan.run(x, 1.0, 3).labels()).containsExactly(0, 0, 0);
    assertThat(commonsMath(x, 1.0, 2)).containsExactly(0, 0, 0); // minPts 2 = minSamples − 1
    assertThat(commonsMath(x, 1.0, 3)).containsExactly(-1, -1, -1); // not minSamples itself
  }

  @Test
  void commonsMathDropsDuplicateDoublePoints() {
    List<DoublePoint> pts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pts.add(new DoublePoint(new double[] {1, 1}));
    }
    List<Cluster<DoublePoint>> clusters = new DBSCANClusterer<DoublePoint>(0.5, 2).cluster(pts);
    assertThat(clusters).hasSize(1);
    assertThat(clusters.get(0).getPoints()).hasSize(1); // ours: all three in cluster 0
    assertThat(Dbscan.run(new double[][] {{1, 1}, {1, 1}, {1, 1}}, 0.5, 3).labels())
        .containsExactly(0, 0, 0);
  }

  @Test
  void kDistancesAreSortedAndCountThePointItself() {
    double[][] x = {{0, 0}, {1, 0}, {3, 0}};
    assertThat(Dbscan.sortedKDistances(x, 1, 100)).containsExactly(0, 0, 0);
    assertThat(Dbscan.sortedKDistances(x, 2, 100)).containsExactly(2, 1, 1);
    assertThat(Dbscan.sortedKDistances(x, 3, 100)).containsExactly(3, 3, 2);
    double[] v = {5, 1, 4, 1, 3};
    assertThat(Dbscan.kthSmallest(v.clone(), 3)).isCloseTo(3, within(0.0));
    assertThat(Dbscan.kthSmallest(v.clone(), 5)).isEqualTo(5);
  }

  /** Every point's k-th smallest squared distance, itself included, by brute force. */
  static double[] bruteCore2(double[][] x, int k) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] d2 = new double[x.length];
      for (int j = 0; j < x.length; j++) {
        d2[j] = KMeans.dist2(x[i], x[j]);
      }
      Arrays.sort(d2);
      out[i] = k <= x.length ? d2[k - 1] : Double.POSITIVE_INFINITY;
    }
    return out;
  }

  @Test
  void theKdTreeFindsTheSameKthNeighboursAsBruteForce() {
    double[][] x = ClusterData.blobs(700, 4, 0.8, Rng.seeded(3)).x();
    double[][] dup = new double[x.length + 40][]; // with duplicates and a collinear run
    System.arraycopy(x, 0, dup, 0, x.length);
    for (int i = 0; i < 40; i++) {
      dup[x.length + i] = i < 20 ? x[7].clone() : new double[] {0.1 * i, 2.0};
    }
    KdTree t = new KdTree(dup);
    for (int k : new int[] {1, 2, 5, 30}) {
      double[] bySlot = t.kthNearest2(k);
      double[] brute = bruteCore2(dup, k);
      for (int s = 0; s < dup.length; s++) {
        assertThat(bySlot[s]).as("k %d point %d", k, t.id[s]).isEqualTo(brute[t.id[s]]);
      }
    }
    assertThat(new KdTree(new double[][] {{0, 0}, {1, 1}}).kthNearest2(3))
        .containsExactly(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  @Test
  void theOnePassSweepGivesDbscansClustersAndNoiseAtEveryEps() {
    for (int s = 0; s < 3; s++) {
      double[][] blobs = ClusterData.standardised(
          ClusterData.blobs(400, 4, 1.2, Rng.seeded(s)).x());
      double[][] moons = ToyData.moons(400, 0.1, Rng.seeded(s)).x();
      for (double[][] x : List.of(blobs, moons)) {
        for (int m : new int[] {1, 3, 10, 25}) {
          DbscanSweep sweep = DbscanSweep.of(x, m, 2.0);
          for (double eps = 0.01; eps <= 2.0; eps *= 1.17) {
            Dbscan.Clustering c = Dbscan.run(x, eps, m);
            assertThat(new int[] {sweep.clusters(eps), sweep.noise(eps),
                sweep.corePoints(eps)}).as("seed %d, min %d, eps %s", s, m, eps)
                .containsExactly(c.clusters(), c.noise(), c.coreCount());
            Dbscan.Clustering fromForest = sweep.labelsAt(eps);
            assertThat(fromForest.labels()).as("labels: seed %d, min %d, eps %s", s, m, eps)
                .isEqualTo(c.labels());
            assertThat(fromForest.core()).isEqualTo(c.core());
          }
        }
      }
    }
  }

  @Test
  void theSweepIsExactAtTheDistancesThemselves() {
    // Points 1 apart on a line: at eps exactly 1 every point has its neighbours within eps.
    double[][] x = {{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}, {9, 0}, {10, 0}};
    DbscanSweep sweep = DbscanSweep.of(x, 3, 5);
    for (double eps : new double[] {0.5, 1, 1.5, 2, 3, 5}) {
      Dbscan.Clustering c = Dbscan.run(x, eps, 3);
      assertThat(sweep.clusters(eps)).as("eps %s", eps).isEqualTo(c.clusters());
      assertThat(sweep.noise(eps)).as("eps %s", eps).isEqualTo(c.noise());
    }
    assertThat(sweep.clusters(1)).isEqualTo(1); // 9 and 10 have only 2 within 1
    assertThat(sweep.noise(1)).isEqualTo(2);
    assertThat(sweep.kDistancesDescending(100)).containsExactly(6, 5, 2, 2, 1, 1, 1);
    double[][] twoTriples = {{0, 0}, {-0.1, 0}, {-0.1, 0.1}, {2, 0}, {2.1, 0}, {2.1, 0.1}, {1, 0}};
    assertThat(DbscanSweep.of(twoTriples, 4, 1).labelsAt(1).labels()) // the shared border point
        .containsExactly(0, 0, 0, 1, 1, 1, 0);
    double[][] dup = {{1, 1}, {1, 1}, {1, 1}, {3, 3}};
    assertThat(DbscanSweep.of(dup, 3, 1).labelsAt(0.5).labels()).containsExactly(0, 0, 0, -1);
  }
}
