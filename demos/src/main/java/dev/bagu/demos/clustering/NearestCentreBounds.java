package dev.bagu.demos.clustering;

/**
 * Lloyd's assignment step with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"):
 * each point keeps an upper bound u on the distance to its own centre and a lower bound l on the
 * distance to every other centre. When the centres move by p_j, u grows by its centre's p and l
 * shrinks by the largest p; while u stays below max(l, s) — s being half the distance from its
 * centre to the nearest other centre — no other centre can be nearer and the point is skipped.
 * After the first iterations almost every point is skipped, so an iteration costs O(n) cheap
 * comparisons instead of n·k distances.
 *
 * <p>Exact, not approximate: a point is skipped only when its bounds clear by a margin far wider
 * than the rounding the bounds accumulate; every other point is assigned by the same arithmetic
 * and tie rule as {@link KMeans#assign} (dx·dx + dy·dy, ties to the lower index). So the labels
 * are those of the plain assignment, to the bit, at every iteration ({@code KMeansBoundsTest}).
 *
 * <p>Shapes: points as two arrays xs, ys of length n; centres (k, 2).
 */
final class NearestCentreBounds {
  private final double[] xs;
  private final double[] ys;
  private final int[] labels;
  /**
   * The bounds, stored so that a skipped point costs reads only: the upper bound is
   * upper[i] + moved[label], the lower bound lower[i] − lowered, where moved[j] is how far centre
   * j has moved in all and lowered the sum of each step's largest move.
   */
  private final double[] upper;
  private final double[] lower;
  private double[] moved;
  private double lowered;
  /** Bound slack: 1e-9 of the data's extent, thousands of times the rounding of 300 updates. */
  private final double margin;
  /** The centres of the last assignment, copied: the caller moves its own in place. */
  private double[] lastX;
  private double[] lastY;
  /** Each cluster's sums and size under the last assignment, added up as it is made. */
  private double[] sumX;
  private double[] sumY;
  private int[] count;

  NearestCentreBounds(double[][] x, int[] labels) {
    int n = x.length;
    xs = new double[n];
    ys = new double[n];
    double extent = 0;
    for (int i = 0; i < n; i++) {
      xs[i] = x[i][0];
      ys[i] = x[i][1];
      extent = Math.max(extent, Math.max(Math.abs(xs[i]), Math.abs(ys[i])));
    }
    this.labels = labels;
    upper = new double[n];
    lower = new double[n];
    margin = 1e-9 * (1 + extent);
  }

  /**
   * Assigns every point to its nearest centre of {@code c}. The first call scans every centre
   * for every point; later calls use the bounds carried from the previous centres.
   *
   * @return whether any label changed (every label "changes" on the first call)
   */
  boolean assign(double[][] c) {
    int k = c.length;
    double[] cx = KMeans.column(c, 0);
    double[] cy = KMeans.column(c, 1);
    sumX = new double[k];
    sumY = new double[k];
    count = new int[k];
    boolean changed = lastX == null;
    if (changed) {
      moved = new double[k];
      for (int i = 0; i < xs.length; i++) {
        add(i, scan(i, cx, cy));
      }
    } else {
      changed = reassign(cx, cy);
    }
    lastX = cx;
    lastY = cy;
    return changed;
  }

  /**
   * One pass: move each point's bounds by the centres' drift since the last assignment, then
   * skip, tighten or scan, and add the point to its cluster's sums.
   */
  private boolean reassign(double[] cx, double[] cy) {
    double[] drift = drifts(cx, cy);
    double farthest = 0;
    for (int j = 0; j < drift.length; j++) {
      moved[j] += drift[j];
      farthest = Math.max(farthest, drift[j]);
    }
    lowered += farthest;
    double[] half = halfGaps(cx, cy);
    // Fields in locals: the quick JIT (C1, which `bagu run --out` uses) reloads a field on every
    // use in a loop, the optimising one hoists it; with locals both run this loop at full speed.
    double[] px = xs;
    double[] py = ys;
    int[] label = labels;
    double[] up = upper;
    double[] low = lower;
    double[] shift = moved;
    double[] sx = sumX;
    double[] sy = sumY;
    int[] size = count;
    double drop = lowered;
    double slack = margin;
    boolean changed = false;
    for (int i = 0; i < px.length; i++) {
      int a = label[i];
      double u = up[i] + shift[a];
      double m = Math.max(half[a], low[i] - drop) - slack;
      if (u >= m) {
        double dx = px[i] - cx[a];
        double dy = py[i] - cy[a];
        u = Math.sqrt(dx * dx + dy * dy);
        up[i] = u - shift[a];
        if (u >= m) {
          int b = scan(i, cx, cy);
          changed |= b != a;
          a = b;
        }
      }
      sx[a] += px[i];
      sy[a] += py[i];
      size[a]++;
    }
    return changed;
  }

  /** Point i into cluster a's sums; in input order, so the sums are the plain loop's bits. */
  private void add(int i, int a) {
    sumX[a] += xs[i];
    sumY[a] += ys[i];
    count[a]++;
  }

  /** Squared distance of every point to its assigned centre, as {@link KMeans#assign} gives. */
  void distances(double[] d2) {
    for (int i = 0; i < xs.length; i++) {
      double dx = xs[i] - lastX[labels[i]];
      double dy = ys[i] - lastY[labels[i]];
      d2[i] = dx * dx + dy * dy;
    }
  }

  /** Point i against every centre: label, exact upper bound, lower bound from the runner-up. */
  private int scan(int i, double[] cx, double[] cy) {
    double px = xs[i];
    double py = ys[i];
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    double second = Double.POSITIVE_INFINITY;
    for (int j = 0; j < cx.length; j++) {
      double dx = px - cx[j];
      double dy = py - cy[j];
      double d = dx * dx + dy * dy;
      // min/max rather than nested branches: the JIT makes them conditional moves
      second = Math.min(second, Math.max(d, bestD));
      if (d < bestD) {
        bestD = d;
        best = j;
      }
    }
    labels[i] = best;
    upper[i] = Math.sqrt(bestD) - moved[best];
    lower[i] = Math.sqrt(second) + lowered;
    return best;
  }

  /** How far each centre moved since the last assignment. */
  private double[] drifts(double[] cx, double[] cy) {
    double[] drift = new double[cx.length];
    for (int j = 0; j < cx.length; j++) {
      double dx = cx[j] - lastX[j];
      double dy = cy[j] - lastY[j];
      drift[j] = Math.sqrt(dx * dx + dy * dy);
    }
    return drift;
  }

  /** The last assignment's coordinate sums of each cluster, [k]. */
  double[] sumX() {
    return sumX;
  }

  double[] sumY() {
    return sumY;
  }

  /** The last assignment's cluster sizes, [k]. */
  int[] count() {
    return count;
  }

  /** Half the distance from each centre to its nearest other centre (∞ when k = 1). */
  private static double[] halfGaps(double[] cx, double[] cy) {
    int k = cx.length;
    double[] half = new double[k];
    java.util.Arrays.fill(half, Double.POSITIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      for (int q = j + 1; q < k; q++) {
        double dx = cx[j] - cx[q];
        double dy = cy[j] - cy[q];
        double d = 0.5 * Math.sqrt(dx * dx + dy * dy);
        half[j] = Math.min(half[j], d);
        half[q] = Math.min(half[q], d);
      }
    }
    return half;
  }
}
