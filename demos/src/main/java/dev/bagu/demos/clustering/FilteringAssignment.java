package dev.bagu.demos.clustering;

import java.util.Arrays;

/**
 * Lloyd's assignment step by the filtering algorithm (Kanungo, Mount, Netanyahu, Piatko, Silverman
 * and Wu 2002, "An efficient k-means clustering algorithm: analysis and implementation"): walk the
 * k-d tree of {@link KMeansPoints} with a list of candidate centres; at each node, drop every
 * candidate that is farther than the one nearest the box's middle from every point of the box;
 * once one is left, the whole node joins it with one addition of its precomputed sums. Only the
 * nodes near a boundary between clusters are opened, so a step on 100,000 well-clustered points
 * visits about a thousand nodes instead of every point.
 *
 * <p>Exact: a candidate is dropped only when it loses by a margin a million times wider than the
 * rounding of a d², and the points of a leaf still open are scanned with the arithmetic and tie
 * rule of {@link KMeans#assign} (dx·dx + dy·dy, ties to the lower index). So the labels are the
 * plain loop's at every step; the sums are exact ({@link ExactSums}), so each centre is its
 * cluster's exactly rounded sum divided by its size, whatever nodes made it up
 * ({@code KMeansFilterTest} checks both against the plain loop).
 *
 * <p>"Did any label change?" without a pass over the points: each node remembers how it was
 * assigned last step — whole to one centre, or opened. A node whole both times compares two
 * numbers; one opened last step and whole now asks its subtree, which was walked last step anyway.
 * One run's state; the points are shared.
 */
final class FilteringAssignment {
  /** How far the losing centre's d² must exceed the winner's, relative to their size. */
  private static final double MARGIN = 1e-9;

  private final KMeansPoints points;
  private final KdTree tree;
  /** Per node: the centre it went to whole at the last step, or −1 if it was opened. */
  private final int[] owner;
  /** Per slot: its centre, valid where its leaf was opened at the last step. */
  private final int[] slotLabel;
  /** Candidate lists by depth: the root's at 0, a child's after pruning one deeper. */
  private final int[][] candidates;
  private double[] cx;
  private double[] cy;
  /** Each centre's exact coordinate sums (high, low) and size under the last assignment. */
  private final long[] sumX;
  private final long[] sumY;
  private final int[] count;
  private boolean changed;

  FilteringAssignment(KMeansPoints points, int k) {
    this.points = points;
    tree = points.tree;
    owner = new int[tree.nodes];
    slotLabel = new int[tree.n];
    candidates = new int[66][k]; // one list a tree level; median splits: depth ≤ log2(n) + 1
    sumX = new long[2 * k];
    sumY = new long[2 * k];
    count = new int[k];
  }

  /**
   * Assigns every point to its nearest of the centres (cx[j], cy[j]).
   *
   * @return whether any label changed (every label "changes" on the first call)
   */
  boolean assign(double[] cx, double[] cy) {
    boolean first = this.cx == null;
    this.cx = cx;
    this.cy = cy;
    Arrays.fill(sumX, 0);
    Arrays.fill(sumY, 0);
    Arrays.fill(count, 0);
    changed = first;
    int[] all = candidates[0];
    Arrays.setAll(all, j -> j);
    visit(0, 0, all.length, -1);
    return changed;
  }

  /**
   * Node v with the first m candidates of list {@code depth}. {@code was}: the centre an ancestor
   * went to whole at the last step (so v did too), or −1 when v's own record holds.
   */
  private void visit(int v, int depth, int m, int was) {
    int before = was >= 0 ? was : owner[v];
    int[] c = candidates[depth];
    if (m > 1) {
      m = prune(v, c, m, candidates[depth + 1]);
      depth++;
      c = candidates[depth];
    }
    if (m == 1) {
      int j = c[0];
      ExactSums.add(sumX, j, points.nodeSumX[2 * v], points.nodeSumX[2 * v + 1]);
      ExactSums.add(sumY, j, points.nodeSumY[2 * v], points.nodeSumY[2 * v + 1]);
      count[j] += tree.hi[v] - tree.lo[v];
      if (!changed) {
        changed = before >= 0 ? before != j : differs(v, j);
      }
      owner[v] = j;
      return;
    }
    owner[v] = -1;
    if (tree.left[v] < 0) {
      scanLeaf(v, c, m, before);
      return;
    }
    visit(tree.left[v], depth, m, before);
    visit(tree.right[v], depth, m, before);
  }

  /**
   * Copies into {@code out} the candidates that may be nearest to some point of v's box: z* (the
   * one nearest the box's middle) and every z not farther than z* from the whole box. Whether z
   * loses everywhere is decided at the box corner farthest along z − z*, where
   * ‖p − z*‖² − ‖p − z‖² (linear in p) is largest. Order is kept (ties go to the lower index).
   */
  private int prune(int v, int[] c, int m, int[] out) {
    double x0 = tree.minX[v];
    double x1 = tree.maxX[v];
    double y0 = tree.minY[v];
    double y1 = tree.maxY[v];
    double mx = 0.5 * (x0 + x1);
    double my = 0.5 * (y0 + y1);
    int star = c[0];
    double best = d2(mx, my, star);
    for (int q = 1; q < m; q++) {
      double d = d2(mx, my, c[q]);
      if (d < best) {
        best = d;
        star = c[q];
      }
    }
    double diameter2 = (x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0);
    int kept = 0;
    for (int q = 0; q < m; q++) {
      int z = c[q];
      if (z != star) {
        double vx = cx[z] > cx[star] ? x1 : x0;
        double vy = cy[z] > cy[star] ? y1 : y0;
        double near = d2(vx, vy, star);
        double far = d2(vx, vy, z);
        if (far - near > MARGIN * (far + near + diameter2)) {
          continue; // z loses at every point of the box
        }
      }
      out[kept++] = z;
    }
    return kept;
  }

  /**
   * Every point of leaf v against the m candidates, as KMeans.assign scans all k. When they all
   * go to one centre (the leaf only grazes a boundary) the leaf's sums join it at once.
   */
  private void scanLeaf(int v, int[] c, int m, int before) {
    double[] xs = tree.xs;
    double[] ys = tree.ys;
    int from = tree.lo[v];
    int to = tree.hi[v];
    boolean uniform = true;
    for (int s = from; s < to; s++) {
      int label = KMeans.nearest(xs[s], ys[s], cx, cy, c, m);
      if (!changed) {
        changed = (before >= 0 ? before : slotLabel[s]) != label;
      }
      slotLabel[s] = label;
      uniform &= label == slotLabel[from];
    }
    if (uniform) {
      int j = slotLabel[from];
      ExactSums.add(sumX, j, points.nodeSumX[2 * v], points.nodeSumX[2 * v + 1]);
      ExactSums.add(sumY, j, points.nodeSumY[2 * v], points.nodeSumY[2 * v + 1]);
      count[j] += to - from;
      return;
    }
    ExactSums fx = points.fixedX;
    ExactSums fy = points.fixedY;
    for (int s = from; s < to; s++) {
      int j = slotLabel[s];
      ExactSums.add(sumX, j, fx.hi[s], fx.lo[s]);
      ExactSums.add(sumY, j, fy.hi[s], fy.lo[s]);
      count[j]++;
    }
  }

  /** Whether any point of v (opened at the last step, records current) had a centre other than j. */
  private boolean differs(int v, int j) {
    if (owner[v] >= 0) {
      return owner[v] != j;
    }
    if (tree.left[v] < 0) {
      for (int s = tree.lo[v]; s < tree.hi[v]; s++) {
        if (slotLabel[s] != j) {
          return true;
        }
      }
      return false;
    }
    return differs(tree.left[v], j) || differs(tree.right[v], j);
  }

  private double d2(double x, double y, int z) {
    double dx = x - cx[z];
    double dy = y - cy[z];
    return dx * dx + dy * dy;
  }

  /** The last assignment's cluster sizes, [k]. */
  int count(int j) {
    return count[j];
  }

  /** Mean of cluster j's x (its exactly rounded sum over its size); j must not be empty. */
  double meanX(int j) {
    return points.fixedX.toDouble(sumX, j) / count[j];
  }

  double meanY(int j) {
    return points.fixedY.toDouble(sumY, j) / count[j];
  }

  /**
   * φ of the last assignment, Σ ‖x − c(x)‖², without materialising the labels: a whole node's
   * share from its moments ({@link KMeansPoints#moments}), an opened leaf's point by point as
   * {@link KMeans#assign} computes them; added in tree order with Neumaier's compensation.
   */
  double inertia() {
    double[] sum = new double[2]; // sum, compensation
    inertia(0, -1, sum);
    return sum[0] + sum[1];
  }

  private void inertia(int v, int was, double[] sum) {
    int j = was >= 0 ? was : owner[v];
    if (j >= 0) {
      double dx = points.meanX[v] - cx[j];
      double dy = points.meanY[v] - cy[j];
      add(sum, points.scatter[v] + 2 * (dx * points.restX[v] + dy * points.restY[v])
          + (tree.hi[v] - tree.lo[v]) * (dx * dx + dy * dy));
    } else if (tree.left[v] >= 0) {
      inertia(tree.left[v], -1, sum);
      inertia(tree.right[v], -1, sum);
    } else {
      for (int s = tree.lo[v]; s < tree.hi[v]; s++) {
        int own = slotLabel[s];
        double dx = tree.xs[s] - cx[own];
        double dy = tree.ys[s] - cy[own];
        add(sum, dx * dx + dy * dy);
      }
    }
  }

  /** sum[0] += d, the rounding error carried in sum[1] (Neumaier). */
  private static void add(double[] sum, double d) {
    double total = sum[0];
    double t = total + d;
    sum[1] += Math.abs(total) >= Math.abs(d) ? (total - t) + d : (d - t) + total;
    sum[0] = t;
  }

  /** The last assignment's labels, by input index. */
  void labels(int[] out) {
    labels(0, -1, out);
  }

  private void labels(int v, int was, int[] out) {
    int j = was >= 0 ? was : owner[v];
    if (j >= 0 || tree.left[v] < 0) {
      for (int s = tree.lo[v]; s < tree.hi[v]; s++) {
        out[tree.id[s]] = j >= 0 ? j : slotLabel[s];
      }
      return;
    }
    labels(tree.left[v], -1, out);
    labels(tree.right[v], -1, out);
  }
}
