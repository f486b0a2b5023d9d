package dev.bagu.demos.clustering;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A static 2-D k-d tree for the nearest-neighbour questions DBSCAN's eps sweep asks of every
 * point: the distance to its k-th nearest point (its core distance) and the reach distance
 * below. Built by median splits on the wider side of each box, leaves of at most {@link #LEAF}
 * points: O(n log n) to build, about O(log n + k) per query on spread-out points.
 *
 * <p>Everything is in squared distances, computed as {@code dx·dx + dy·dy} exactly as
 * {@link PointGrid} and {@link Dbscan} compute them, so "core at eps" here and there agree to the
 * last bit (a point is core iff its k-th smallest d² ≤ eps²).
 *
 * <p>Points are stored in tree order ("slots"): {@code id[s]} is the input index of slot s, and
 * every node owns the contiguous slots [lo, hi). Queries run in parallel over points; each
 * point's answer depends on the points only, so the results are the same on any core count.
 */
final class KdTree {
  static final int LEAF = 16;

  final int n;
  final double[] xs; // x of slot s
  final double[] ys;
  final int[] id; // input index of slot s
  // Nodes, root 0: slots [lo, hi), children (−1 at a leaf), bounding box.
  int nodes;
  int[] lo;
  int[] hi;
  int[] left;
  int[] right;
  double[] minX;
  double[] maxX;
  double[] minY;
  double[] maxY;

  KdTree(double[][] x) {
    n = x.length;
    xs = new double[n];
    ys = new double[n];
    id = new int[n];
    for (int i = 0; i < n; i++) {
      xs[i] = x[i][0];
      ys[i] = x[i][1];
      id[i] = i;
    }
    int cap = Math.max(1, 4 * (n / LEAF + 1));
    lo = new int[cap];
    hi = new int[cap];
    left = new int[cap];
    right = new int[cap];
    minX = new double[cap];
    maxX = new double[cap];
    minY = new double[cap];
    maxY = new double[cap];
    if (n > 0) {
      build(0, n);
    }
  }

  /** Builds the node for slots [from, to) and its subtree; returns its index. */
  private int build(int from, int to) {
    int node = nodes++;
    lo[node] = from;
    hi[node] = to;
    double x0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int s = from; s < to; s++) {
      x0 = Math.min(x0, xs[s]);
      x1 = Math.max(x1, xs[s]);
      y0 = Math.min(y0, ys[s]);
      y1 = Math.max(y1, ys[s]);
    }
    minX[node] = x0;
    maxX[node] = x1;
    minY[node] = y0;
    maxY[node] = y1;
    if (to - from <= LEAF || (x1 == x0 && y1 == y0)) {
      left[node] = -1;
      right[node] = -1;
      return node;
    }
    int mid = (from + to) >>> 1;
    select(from, to - 1, mid, x1 - x0 >= y1 - y0 ? xs : ys);
    left[node] = build(from, mid);
    right[node] = build(mid, to);
    return node;
  }

  /** Quickselect: slots [a, b] reordered so that slot k holds the k-th smallest of {@code key}. */
  private void select(int a, int b, int k, double[] key) {
    while (a < b) {
      double pivot = key[(a + b) >>> 1];
      int i = a;
      int j = b;
      while (i <= j) {
        while (key[i] < pivot) {
          i++;
        }
        while (key[j] > pivot) {
          j--;
        }
        if (i <= j) {
          swap(i++, j--);
        }
      }
      if (k <= j) {
        b = j;
      } else if (k >= i) {
        a = i;
      } else {
        return;
      }
    }
  }

  private void swap(int i, int j) {
    double t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
    t = ys[i];
    ys[i] = ys[j];
    ys[j] = t;
    int u = id[i];
    id[i] = id[j];
    id[j] = u;
  }

  /**
   * The child of an inner node whose box is nearer (qx, qy), the left one on a tie: searches
   * visit it first, so their bound tightens sooner. The other child is left + right − this one.
   * Both children's box distances go to {@code d2}: [near, far], so no search measures a box
   * twice (a child used to be measured here and again on entry).
   */
  int nearChild(int node, double qx, double qy, double[] d2) {
    int a = left[node];
    int b = right[node];
    double da = boxDist2(a, qx, qy);
    double db = boxDist2(b, qx, qy);
    boolean bFirst = db < da;
    d2[0] = bFirst ? db : da;
    d2[1] = bFirst ? da : db;
    return bFirst ? b : a;
  }

  /** Squared distance from (qx, qy) to the node's box (0 inside it). */
  double boxDist2(int node, double qx, double qy) {
    double dx = qx < minX[node] ? minX[node] - qx : qx > maxX[node] ? qx - maxX[node] : 0;
    double dy = qy < minY[node] ? minY[node] - qy : qy > maxY[node] ? qy - maxY[node] : 0;
    return dx * dx + dy * dy;
  }

  /**
   * For every slot, the squared distance to its k-th nearest point counting itself (so k = 1
   * gives 0), or +∞ when there are fewer than k points. Indexed by slot.
   */
  double[] kthNearest2(int k) {
    double[] out = new double[n];
    if (k > n) {
      Arrays.fill(out, Double.POSITIVE_INFINITY);
      return out;
    }
    IntStream.range(0, n).parallel().forEach(s -> out[s] = kth2(s, k));
    return out;
  }

  private double kth2(int s, int k) {
    double[] heap = new double[k]; // max-heap of the k smallest d² so far
    Arrays.fill(heap, Double.POSITIVE_INFINITY);
    kth2(0, xs[s], ys[s], heap, boxDist2(0, xs[s], ys[s]), new double[2]);
    return heap[0];
  }

  /** Node with its box's squared distance {@code box2} from (qx, qy); children is scratch. */
  private void kth2(int node, double qx, double qy, double[] heap, double box2,
      double[] children) {
    if (box2 > heap[0]) {
      return;
    }
    if (left[node] < 0) {
      for (int r = lo[node]; r < hi[node]; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        double d2 = dx * dx + dy * dy;
        if (d2 < heap[0]) {
          replaceTop(heap, d2);
        }
      }
      return;
    }
    int a = nearChild(node, qx, qy, children);
    double far = children[1];
    kth2(a, qx, qy, heap, children[0], children);
    kth2(left[node] + right[node] - a, qx, qy, heap, far, children);
  }

  /** Replaces the largest value of a max-heap by v and sifts it down. */
  private static void replaceTop(double[] heap, double v) {
    int i = 0;
    int m = heap.length;
    while (true) {
      int c = 2 * i + 1;
      if (c >= m) {
        break;
      }
      if (c + 1 < m && heap[c + 1] > heap[c]) {
        c++;
      }
      if (heap[c] <= v) {
        break;
      }
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = v;
  }

  /** Per node, the smallest of {@code perSlot} over its slots. */
  double[] nodeMin(double[] perSlot) {
    double[] out = new double[nodes];
    for (int node = nodes - 1; node >= 0; node--) { // children have higher indices
      if (left[node] < 0) {
        double m = Double.POSITIVE_INFINITY;
        for (int r = lo[node]; r < hi[node]; r++) {
          m = Math.min(m, perSlot[r]);
        }
        out[node] = m;
      } else {
        out[node] = Math.min(out[left[node]], out[right[node]]);
      }
    }
    return out;
  }

  /**
   * For every slot p, reach²(p) = min over points q of max(d²(p, q), core²(q)), q = p included:
   * the smallest eps² at which p is a core point or lies within eps of one, i.e. the eps from
   * which DBSCAN stops calling p noise. Only q within core(p) of p can beat q = p.
   */
  double[] reach2(double[] core2) {
    double[] nodeCore = nodeMin(core2);
    double[] out = new double[n];
    IntStream.range(0, n).parallel().forEach(s -> {
      double[] best = {core2[s]};
      reach2(0, xs[s], ys[s], core2, nodeCore, best, boxDist2(0, xs[s], ys[s]), new double[2]);
      out[s] = best[0];
    });
    return out;
  }

  private void reach2(int node, double qx, double qy, double[] core2, double[] nodeCore,
      double[] best, double box2, double[] children) {
    if (nodeCore[node] >= best[0] || box2 >= best[0]) {
      return;
    }
    if (left[node] < 0) {
      for (int r = lo[node]; r < hi[node]; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        double w = Math.max(dx * dx + dy * dy, core2[r]);
        if (w < best[0]) {
          best[0] = w;
        }
      }
      return;
    }
    int a = nearChild(node, qx, qy, children);
    double far = children[1];
    reach2(a, qx, qy, core2, nodeCore, best, children[0], children);
    reach2(left[node] + right[node] - a, qx, qy, core2, nodeCore, best, far, children);
  }

  /** Calls {@code visit} with every slot within squared distance r2 of (qx, qy). */
  void forEachWithin(double qx, double qy, double r2, java.util.function.IntConsumer visit) {
    forEachWithin(0, qx, qy, r2, visit);
  }

  private void forEachWithin(int node, double qx, double qy, double r2,
      java.util.function.IntConsumer visit) {
    if (boxDist2(node, qx, qy) > r2) {
      return;
    }
    if (left[node] < 0) {
      for (int r = lo[node]; r < hi[node]; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        if (dx * dx + dy * dy <= r2) {
          visit.accept(r);
        }
      }
      return;
    }
    forEachWithin(left[node], qx, qy, r2, visit);
    forEachWithin(right[node], qx, qy, r2, visit);
  }
}
