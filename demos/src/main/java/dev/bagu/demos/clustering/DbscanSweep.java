package dev.bagu.demos.clustering;

import java.util.Arrays;

/**
 * DBSCAN's cluster count and noise at every eps up to a largest one, from one pass over the
 * points (the view of DBSCAN that HDBSCAN* and OPTICS take), instead of one DBSCAN run per eps:
 *
 * <ul>
 *   <li>core²(p): squared distance to p's minSamples-th nearest point, itself counted; p is core
 *       at eps iff core²(p) ≤ eps² (at least minSamples points within eps);
 *   <li>the minimum spanning forest of the mutual-reachability graph ({@link ReachabilityMst}):
 *       clusters(eps) = #{core² ≤ eps²} − #{forest edges ≤ eps²};
 *   <li>reach²(p) = min over q of max(d²(p, q), core²(q)) ({@link KdTree#reach2}): p is noise at
 *       eps iff reach²(p) > eps².
 * </ul>
 *
 * <p>DBSCAN* (Campello et al. 2013) calls every non-core point noise; DBSCAN keeps border points
 * (non-core, within eps of a core point) in a cluster. Both have the same clusters of core points,
 * so the cluster count is the same; the noise here is DBSCAN's, border points excluded, the same
 * as {@link Dbscan#run} at that eps ({@code DbscanTest} checks every eps of a sweep). Which
 * cluster a border point joins (the first one that reaches it, as scikit-learn) matters only for
 * the labels, which {@link Dbscan#run} computes exactly at the chosen eps.
 *
 * <p>O(n log n) for the core and reach distances; Borůvka's rounds for the forest.
 */
final class DbscanSweep {
  private final int n;
  private final double maxEps;
  private final KdTree tree;
  private final double[] coreBySlot;
  private final double[] reachBySlot;
  private final ReachabilityMst.Forest forest;
  private final double[] core2; // ascending
  private final double[] reach2; // ascending
  private final double[] forest2; // forest edge weights, ascending

  private DbscanSweep(double maxEps, KdTree tree, double[] coreBySlot, double[] reachBySlot,
      ReachabilityMst.Forest forest) {
    this.n = tree.n;
    this.maxEps = maxEps;
    this.tree = tree;
    this.coreBySlot = coreBySlot;
    this.reachBySlot = reachBySlot;
    this.forest = forest;
    this.core2 = sorted(coreBySlot);
    this.reach2 = sorted(reachBySlot);
    this.forest2 = sorted(forest.w());
  }

  private static double[] sorted(double[] v) {
    double[] s = v.clone();
    Arrays.parallelSort(s);
    return s;
  }

  /** Exact for every eps ≤ maxEps (forest edges above maxEps² are not looked for). */
  static DbscanSweep of(double[][] x, int minSamples, double maxEps) {
    KdTree t = new KdTree(x);
    double[] core2 = t.kthNearest2(minSamples);
    double[] reach2 = t.reach2(core2);
    return new DbscanSweep(maxEps, t, core2, reach2,
        ReachabilityMst.of(t, core2, maxEps * maxEps));
  }

  /**
   * DBSCAN's labels at eps ≤ maxEps, the same as {@link Dbscan#run} (and scikit-learn's): the
   * clusters are the forest's components over edges ≤ eps², numbered in the order their first
   * core point appears in the input; a border point joins the lowest-numbered cluster with a
   * core point within eps of it (scikit-learn grows cluster 0 completely before cluster 1, so
   * the first cluster to reach a border point keeps it).
   */
  Dbscan.Clustering labelsAt(double eps) {
    if (eps > maxEps) {
      throw new IllegalArgumentException("eps " + eps + " beyond the sweep's " + maxEps);
    }
    double e2 = eps * eps;
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    for (int e = 0; e < forest.edges(); e++) {
      if (forest.w()[e] <= e2) {
        int a = ReachabilityMst.find(parent, forest.a()[e]);
        int b = ReachabilityMst.find(parent, forest.b()[e]);
        parent[Math.max(a, b)] = Math.min(a, b);
      }
    }
    int[] slotOf = new int[n];
    for (int s = 0; s < n; s++) {
      slotOf[tree.id[s]] = s;
    }
    boolean[] core = new boolean[n];
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int[] number = new int[n]; // cluster number of a component's root slot
    Arrays.fill(number, -1);
    int[] bySlot = new int[n]; // cluster number of each core slot, −1 for the rest
    Arrays.fill(bySlot, -1);
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      int s = slotOf[i];
      if (coreBySlot[s] <= e2) {
        core[i] = true;
        int root = ReachabilityMst.find(parent, s);
        if (number[root] < 0) {
          number[root] = clusters++;
        }
        labels[i] = bySlot[s] = number[root];
      }
    }
    for (int i = 0; i < n; i++) {
      int s = slotOf[i];
      if (!core[i] && reachBySlot[s] <= e2) { // a border point: a core point lies within eps
        int[] first = {Integer.MAX_VALUE};
        tree.forEachWithin(tree.xs[s], tree.ys[s], e2, r -> {
          if (bySlot[r] >= 0) {
            first[0] = Math.min(first[0], bySlot[r]);
          }
        });
        labels[i] = first[0];
      }
    }
    return new Dbscan.Clustering(labels, core, clusters);
  }

  int clusters(double eps) {
    return clustersAt2(eps * eps);
  }

  private int clustersAt2(double e2) {
    return atMost(core2, e2) - atMost(forest2, e2);
  }

  /**
   * The next merge above eps: the smallest eps' ≤ maxEps (a forest edge's length) at which there
   * are fewer clusters than at eps, and how many: {eps', clusters(eps')}; null if none.
   */
  double[] nextMerge(double eps) {
    int now = clusters(eps);
    for (int e = atMost(forest2, eps * eps); e < forest2.length; e++) {
      int c = clustersAt2(forest2[e]);
      if (c < now) {
        return new double[] {Math.sqrt(forest2[e]), c};
      }
    }
    return null;
  }

  int noise(double eps) {
    return n - atMost(reach2, eps * eps);
  }

  int corePoints(double eps) {
    return atMost(core2, eps * eps);
  }

  /** How many of the ascending values are ≤ v. */
  private static int atMost(double[] ascending, double v) {
    int lo = 0;
    int hi = ascending.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (ascending[mid] <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The sorted k-distance graph (Ester et al. 1996, §4.2), k = minSamples: every point's core
   * distance, largest first, at most {@code maxDrawn} of them at evenly spaced ranks (first and
   * last kept). Infinite distances (fewer than k points) are left out.
   */
  double[] kDistancesDescending(int maxDrawn) {
    int finite = atMost(core2, Double.MAX_VALUE);
    int m = Math.min(finite, maxDrawn);
    double[] out = new double[m];
    for (int i = 0; i < m; i++) {
      int rank = m == 1 ? 0 : (int) Math.round((double) i * (finite - 1) / (m - 1));
      out[i] = Math.sqrt(core2[finite - 1 - rank]);
    }
    return out;
  }

  int size() {
    return n;
  }
}
