package dev.bagu.demos.clustering;

import java.util.Arrays;

/**
 * DBSCAN (Ester, Kriegel, Sander & Xu 1996) with scikit-learn's semantics:
 *
 * <ul>
 *   <li>a point is <b>core</b> when at least {@code minSamples} points, itself included, lie
 *       within distance ≤ eps of it;
 *   <li>clusters are numbered from 0 in the order their first core point appears in the input,
 *       and a cluster is everything reachable from that core point through chains of core points;
 *   <li>a non-core point within eps of a core point is a <b>border</b> point and joins the first
 *       cluster that reaches it (the lowest-numbered one); every other point is noise, label −1.
 * </ul>
 *
 * <p>Commons Math's {@code DBSCANClusterer(eps, minPts)} gives the same labels with
 * {@code minPts = minSamples − 1}: its neighbourhood leaves the point itself out (it compares
 * references, so a duplicate point still counts), its test is also distance ≤ eps, its clusters
 * come in the same order, and its border points also stay with the first cluster. It returns
 * clusters as lists of points and leaves noise out. One trap: it records visited points in a
 * HashMap, and its {@code DoublePoint} is equal by value, so of duplicate points only the first
 * copy ever appears in a cluster; with a point type equal only to itself the labels match
 * ({@code DbscanTest} checks all of this).
 *
 * <p>Neighbourhoods come from a {@link PointGrid} of cell eps: O(n · points per neighbourhood).
 */
public final class Dbscan {
  private Dbscan() {}

  /**
   * @param labels cluster per point, −1 for noise
   * @param core whether each point is a core point
   * @param clusters how many clusters
   */
  public record Clustering(int[] labels, boolean[] core, int clusters) {
    public int noise() {
      return (int) Arrays.stream(labels).filter(l -> l < 0).count();
    }

    public int coreCount() {
      int c = 0;
      for (boolean b : core) {
        c += b ? 1 : 0;
      }
      return c;
    }
  }

  public static Clustering run(double[][] x, double eps, int minSamples) {
    if (!(eps > 0) || !Double.isFinite(eps)) {
      throw new IllegalArgumentException("eps must be positive and finite: " + eps);
    }
    if (minSamples < 1) {
      throw new IllegalArgumentException("minSamples must be at least 1: " + minSamples);
    }
    int n = x.length;
    PointGrid grid = new PointGrid(x, eps);
    boolean[] core = new boolean[n];
    for (int i = 0; i < n; i++) {
      core[i] = grid.countWithin(x[i][0], x[i][1]) >= minSamples;
    }
    int[] labels = new int[n];
    Arrays.fill(labels, -1);
    int[] stack = new int[Math.max(1, n)];
    int clusters = 0;
    for (int i = 0; i < n; i++) {
      if (labels[i] != -1 || !core[i]) {
        continue;
      }
      // Grow cluster `clusters` from core point i: every point within eps of a core point of
      // the cluster joins it; only core points spread it further.
      int top = 0;
      labels[i] = clusters;
      stack[top++] = i;
      while (top > 0) {
        int c = stack[--top];
        final int label = clusters;
        int[] pushed = {top};
        grid.forEachWithin(x[c][0], x[c][1], j -> {
          if (labels[j] == -1) {
            labels[j] = label;
            if (core[j]) {
              stack[pushed[0]++] = j;
            }
          }
        });
        top = pushed[0];
      }
      clusters++;
    }
    return new Clustering(labels, core, clusters);
  }

  /**
   * The sorted k-distance graph (Ester et al. 1996, §4.2): for each query point, the distance to
   * its k-th nearest point counting itself (so k = minSamples gives the smallest eps that makes
   * it core), in descending order. Brute force over all points for at most {@code maxQueries}
   * evenly spaced query points, so it stays fast on big inputs.
   */
  public static double[] sortedKDistances(double[][] x, int k, int maxQueries) {
    int n = x.length;
    int kk = Math.min(k, n);
    int step = Math.max(1, (n + maxQueries - 1) / maxQueries);
    double[] out = new double[(n + step - 1) / step];
    java.util.stream.IntStream.range(0, out.length).parallel().forEach(q -> // each on its own
        out[q] = kthDistance(x, x[q * step], kk));
    Arrays.sort(out);
    for (int a = 0, b = out.length - 1; a < b; a++, b--) {
      double t = out[a];
      out[a] = out[b];
      out[b] = t;
    }
    return out;
  }

  /**
   * The distance from q to its k-th nearest point of x (1-based, q itself counted if it is one),
   * by brute force: n distances and a quickselect. Shared by every k-distance query, so a
   * preview's few queries run the code the full runs compiled.
   */
  static double kthDistance(double[][] x, double[] q, int k) {
    double[] d2 = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      d2[j] = KMeans.dist2(q, x[j]);
    }
    return Math.sqrt(kthSmallest(d2, k));
  }

  /** The k-th smallest value (1-based) of v, which it reorders (quickselect). */
  static double kthSmallest(double[] v, int k) {
    int lo = 0;
    int hi = v.length - 1;
    int target = k - 1;
    while (lo < hi) {
      double pivot = v[(lo + hi) >>> 1];
      int a = lo;
      int b = hi;
      while (a <= b) {
        while (v[a] < pivot) {
          a++;
        }
        while (v[b] > pivot) {
          b--;
        }
        if (a <= b) {
          double t = v[a];
          v[a++] = v[b];
          v[b--] = t;
        }
      }
      if (target <= b) {
        hi = b;
      } else if (target >= a) {
        lo = a;
      } else {
        return v[target];
      }
    }
    return v[target];
  }
}
