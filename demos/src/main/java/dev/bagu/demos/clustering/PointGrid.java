package dev.bagu.demos.clustering;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Fixed-radius neighbour queries on 2-D points with a uniform grid: cells at least as wide as
 * the radius, so every point within the radius of a query lies in the query's cell or one of its
 * eight neighbours. Building sorts the points by cell (O(n log n)); a query looks up nine cells by
 * binary search and checks the points in them, so DBSCAN and mean shift cost about n times the
 * points per neighbourhood, not n².
 *
 * <p>"Within" means distance ≤ radius (scikit-learn's and Commons Math's DBSCAN compare the
 * same way). Duplicate points are separate points.
 */
final class PointGrid {
  /** Cells per axis at most this many (a tiny radius over a huge extent gets wider cells). */
  private static final double MAX_CELLS = 1 << 20;

  private final double radius2;
  private final double minX;
  private final double minY;
  private final double cell;
  private final long cellsY; // cells along y, for the key cx · cellsY + cy
  private final long[] keys; // sorted distinct cell keys
  private final int[] start; // points of keys[j] are order[start[j] .. start[j + 1])
  private final int[] order; // point indices sorted by cell key, ascending index within a cell
  private final double[] sortedX; // x of order[r]: a cell's points side by side in memory
  private final double[] sortedY;

  /** The bounding box of 2-D points: {min x, max x, min y, max y} (empty: ±MAX_VALUE). */
  static double[] box(double[][] x) {
    double[] box = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : x) {
      box[0] = Math.min(box[0], p[0]);
      box[1] = Math.max(box[1], p[0]);
      box[2] = Math.min(box[2], p[1]);
      box[3] = Math.max(box[3], p[1]);
    }
    return box;
  }

  PointGrid(double[][] x, double radius) {
    if (!(radius > 0) || !Double.isFinite(radius)) {
      throw new IllegalArgumentException("radius must be positive and finite: " + radius);
    }
    this.radius2 = radius * radius;
    double[] box = box(x);
    minX = x.length == 0 ? 0 : box[0];
    minY = x.length == 0 ? 0 : box[2];
    double extent = x.length == 0 ? 0 : Math.max(box[1] - box[0], box[3] - box[2]);
    // A hair wider than the radius: two points within the radius then never fall two cells
    // apart through rounding in (x − min) / cell.
    cell = Math.max(radius * (1 + 1e-9), extent / MAX_CELLS);
    cellsY = x.length == 0 ? 1 : (long) Math.floor((box[3] - minY) / cell) + 1;
    int n = x.length;
    long[] keyOf = new long[n];
    Integer[] idx = new Integer[n];
    for (int i = 0; i < n; i++) {
      keyOf[i] = key(cellX(x[i][0]), cellY(x[i][1]));
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> a.equals(b) ? 0
        : keyOf[a] != keyOf[b] ? Long.compare(keyOf[a], keyOf[b]) : Integer.compare(a, b));
    order = new int[n];
    long[] distinct = new long[n];
    int[] starts = new int[n + 1];
    int m = 0;
    for (int r = 0; r < n; r++) {
      order[r] = idx[r];
      if (r == 0 || keyOf[idx[r]] != distinct[m - 1]) {
        distinct[m] = keyOf[idx[r]];
        starts[m++] = r;
      }
    }
    starts[m] = n;
    sortedX = new double[n];
    sortedY = new double[n];
    for (int r = 0; r < n; r++) {
      sortedX[r] = x[order[r]][0];
      sortedY[r] = x[order[r]][1];
    }
    keys = Arrays.copyOf(distinct, m);
    start = Arrays.copyOf(starts, m + 1);
  }

  private long cellX(double v) {
    return (long) Math.floor((v - minX) / cell);
  }

  private long cellY(double v) {
    return (long) Math.floor((v - minY) / cell);
  }

  private long key(long cx, long cy) {
    return cx * cellsY + cy;
  }

  /** Calls {@code visit} with every point index within the radius of (qx, qy), itself included. */
  void forEachWithin(double qx, double qy, IntConsumer visit) {
    forEachCellNear(qx, qy, (xs, ys, from, to) -> {
      for (int r = from; r < to; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        if (dx * dx + dy * dy <= radius2) {
          visit.accept(order[r]);
        }
      }
    });
  }

  /**
   * The points of one cell: {@code xs[r], ys[r]} for r in [from, to), ascending point index. A
   * caller that sums over them reads two arrays straight through, with no call per point.
   */
  interface CellVisitor {
    void visit(double[] xs, double[] ys, int from, int to);
  }

  /**
   * Calls {@code visit} with each non-empty cell of the nine around (qx, qy), in the order
   * {@link #forEachWithin} visits points: every point within the radius is in one of them, and
   * the caller applies the radius (or a wider kernel's own cut-off up to it) itself.
   */
  void forEachCellNear(double qx, double qy, CellVisitor visit) {
    long cx = cellX(qx);
    long cy = cellY(qy);
    for (long gx = cx - 1; gx <= cx + 1; gx++) {
      for (long gy = Math.max(0, cy - 1); gy <= Math.min(cellsY - 1, cy + 1); gy++) {
        int j = Arrays.binarySearch(keys, key(gx, gy));
        if (j >= 0) {
          visit.visit(sortedX, sortedY, start[j], start[j + 1]);
        }
      }
    }
  }

  /** The squared radius: within it means d² ≤ radius². */
  double radius2() {
    return radius2;
  }

  /** How many points lie within the radius of (qx, qy). */
  int countWithin(double qx, double qy) {
    int[] count = {0};
    forEachCellNear(qx, qy, (xs, ys, from, to) -> {
      int c = 0;
      for (int r = from; r < to; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        if (dx * dx + dy * dy <= radius2) {
          c++;
        }
      }
      count[0] += c;
    });
    return count[0];
  }

  /** The indices within the radius of (qx, qy), ascending. */
  int[] within(double qx, double qy) {
    int[] out = new int[8];
    int[] m = {0};
    int[][] buf = {out};
    forEachWithin(qx, qy, i -> {
      if (m[0] == buf[0].length) {
        buf[0] = Arrays.copyOf(buf[0], 2 * m[0]);
      }
      buf[0][m[0]++] = i;
    });
    int[] r = Arrays.copyOf(buf[0], m[0]);
    Arrays.sort(r);
    return r;
  }
}
