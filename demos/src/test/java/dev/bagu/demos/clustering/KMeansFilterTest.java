package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lloyd on the k-d tree ({@link FilteringAssignment}) against the textbook loop (every point
 * against every centre at every step, {@link KMeans#assign}; each mean and φ from an exact
 * BigDecimal sum): the same labels and centres to the bit at every step and φ to 14 digits, on
 * data made to have ties — points on an integer grid, duplicated points, centres that meet, more
 * centres than clumps (empty clusters) — and on blobs deep enough for the tree to prune.
 */
class KMeansFilterTest {
  @Test
  void sameStepsAsThePlainLoopOnBlobs() {
    for (int s = 0; s < 15; s++) {
      double spread = 0.3 + s * 0.4; // well apart to heavily overlapping
      double[][] x = ClusterData.blobs(600, 5, spread, Rng.seeded(s)).x();
      for (Init init : Init.values()) {
        for (int k : new int[] {1, 2, 5, 9}) {
          double[][] c = KMeans.seed(x, k, init, Rng.seeded(1000 + s));
          assertSame(x, c, "blobs seed " + s + " k " + k + " " + init);
        }
      }
    }
  }

  @Test
  void sameStepsOnManyPointsWhereWholeNodesJoinACluster() {
    double[][] x = ClusterData.blobs(8_000, 8, 0.8, Rng.seeded(11)).x();
    for (Init init : Init.values()) {
      assertSame(x, KMeans.seed(x, 8, init, Rng.seeded(12)), "8,000 points " + init);
    }
    // far from the origin, and a column of tiny values: the margin and the sums are relative
    double[][] shifted = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      shifted[i] = new double[] {1e6 + x[i][0], 1e-7 * x[i][1]};
    }
    assertSame(shifted, KMeans.seed(shifted, 5, Init.PLUS_PLUS, Rng.seeded(13)), "shifted");
  }

  @Test
  void sameStepsOnAGridWithExactTiesAndDuplicates() {
    Rng rng = Rng.seeded(7);
    for (int s = 0; s < 20; s++) {
      double[][] x = new double[400][];
      for (int i = 0; i < x.length; i++) {
        x[i] = new double[] {rng.nextInt(6), rng.nextInt(6)}; // many equal points and distances
      }
      for (int k : new int[] {3, 7, 12}) {
        assertSame(x, KMeans.seed(x, k, Init.RANDOM, Rng.seeded(s)), "grid " + s + " k " + k);
        // centres on the same point: their clusters tie everywhere, one of them empties
        double[][] same = {x[0].clone(), x[0].clone(), x[1].clone()};
        assertSame(x, same, "coinciding centres " + s);
      }
    }
  }

  @Test
  void endsOnlyRunAgreesWithTheFullRun() {
    double[][] x = ClusterData.blobs(3000, 8, 1.5, Rng.seeded(3)).x();
    double[][] c = KMeans.seed(x, 8, Init.PLUS_PLUS, Rng.seeded(4));
    KMeans.Run full = KMeans.lloyd(x, c, 300);
    KMeans.Run ends = KMeans.lloydEnds(x, c, 300);
    assertThat(ends.labels()).isEqualTo(full.labels());
    assertThat(ends.iterations()).isEqualTo(full.iterations());
    assertThat(ends.inertia()).containsExactly(full.inertia()[0], full.finalInertia());
    assertThat(ends.finalCentres()).isDeepEqualTo(full.finalCentres());
  }

  private static void assertSame(double[][] x, double[][] initial, String what) {
    Plain plain = Plain.lloyd(x, initial, 300);
    KMeans.Run run = KMeans.lloyd(x, initial, 300);
    assertThat(run.iterations()).as(what).isEqualTo(plain.centres.size() - 1);
    assertThat(run.labels()).as(what).isEqualTo(plain.labels);
    // φ: whole nodes from their moments, in tree order: not the plain sum to the last bit
    assertThat(run.inertia()).as(what).hasSize(plain.inertia.size());
    for (int t = 0; t < plain.inertia.size(); t++) {
      double exact = plain.inertia.get(t);
      assertThat(run.inertia()[t]).as(what + " φ at step " + t)
          .isCloseTo(exact, within(1e-14 * exact + 1e-300));
    }
    for (int t = 0; t < plain.centres.size(); t++) {
      assertThat(run.centres().get(t)).as(what + " step " + t).isDeepEqualTo(plain.centres.get(t));
    }
  }

  /** The textbook loop: every point against every centre, means from exact sums. */
  private record Plain(List<double[][]> centres, List<Double> inertia, int[] labels) {
    static Plain lloyd(double[][] x, double[][] initial, int maxIterations) {
      int n = x.length;
      Plain out = new Plain(new ArrayList<>(), new ArrayList<>(), new int[n]);
      Arrays.fill(out.labels, -1);
      double[][] c = copy(initial);
      double[] d2 = new double[n];
      for (int t = 0; ; t++) {
        out.centres.add(copy(c));
        boolean changed = KMeans.assign(x, c, out.labels, d2);
        out.inertia.add(exactSum(d2));
        if (!changed || t == maxIterations) {
          return out;
        }
        update(x, out.labels, d2, c);
      }
    }

    /** Σ d2 computed exactly, rounded once. */
    private static double exactSum(double[] d2) {
      BigDecimal sum = BigDecimal.ZERO;
      for (double d : d2) {
        sum = sum.add(new BigDecimal(d));
      }
      return sum.doubleValue();
    }

    private static void update(double[][] x, int[] labels, double[] d2, double[][] c) {
      BigDecimal[][] sum = new BigDecimal[c.length][2];
      for (BigDecimal[] s : sum) {
        Arrays.fill(s, BigDecimal.ZERO);
      }
      int[] count = new int[c.length];
      for (int i = 0; i < x.length; i++) {
        sum[labels[i]][0] = sum[labels[i]][0].add(new BigDecimal(x[i][0]));
        sum[labels[i]][1] = sum[labels[i]][1].add(new BigDecimal(x[i][1]));
        count[labels[i]]++;
      }
      boolean[] used = new boolean[x.length];
      for (int j = 0; j < c.length; j++) {
        if (count[j] > 0) {
          // doubleValue rounds the exact sum to the nearest double, once
          c[j] = new double[] {sum[j][0].doubleValue() / count[j],
              sum[j][1].doubleValue() / count[j]};
          continue;
        }
        int far = -1;
        for (int i = 0; i < x.length; i++) {
          if (!used[i] && (far < 0 || d2[i] > d2[far])) {
            far = i;
          }
        }
        used[far] = true;
        c[j] = x[far].clone();
      }
    }

    private static double[][] copy(double[][] c) {
      double[][] out = new double[c.length][];
      for (int j = 0; j < c.length; j++) {
        out[j] = c[j].clone();
      }
      return out;
    }
  }
}
