package dev.bagu.demos.clustering;

/**
 * Points made ready for many runs of Lloyd's iterations, built once and shared (read only) by
 * every run on them, in parallel: a k-d tree over the points ({@link KdTree}, points in tree
 * order, "slots"), each coordinate as an exact fixed-point value ({@link ExactSums}), and each
 * tree node's exact coordinate sums, so a whole node can join a cluster in one addition, and its
 * mean and moments about it, so its share of φ is one formula.
 *
 * <p>Shapes: x (n, 2) as given; slot values in {@link KdTree#xs}/{@link KdTree#ys}; node sums
 * {@code nodeSumX[2 v]}, {@code nodeSumX[2 v + 1]} (high, low) for node v; means and moments by
 * node.
 */
public final class KMeansPoints {
  final double[][] x;
  /** x's columns, in input order. */
  final double[] xs;
  final double[] ys;
  final KdTree tree;
  final ExactSums fixedX;
  final ExactSums fixedY;
  final long[] nodeSumX;
  final long[] nodeSumY;
  /** Each node's mean point μ (its exact sum rounded once, over its size). */
  final double[] meanX;
  final double[] meanY;
  /** Each node's Σ ‖x − μ‖² and Σ (x − μ) (not 0: μ is rounded), over its points. */
  final double[] scatter;
  final double[] restX;
  final double[] restY;

  private KMeansPoints(double[][] x) {
    this.x = x;
    xs = KMeans.column(x, 0);
    ys = KMeans.column(x, 1);
    tree = new KdTree(x);
    fixedX = new ExactSums(tree.xs);
    fixedY = new ExactSums(tree.ys);
    nodeSumX = new long[2 * tree.nodes];
    nodeSumY = new long[2 * tree.nodes];
    // children come after their parent, so from the last node back every child is summed first
    for (int v = tree.nodes - 1; v >= 0; v--) {
      if (tree.left[v] < 0) {
        for (int s = tree.lo[v]; s < tree.hi[v]; s++) {
          ExactSums.add(nodeSumX, v, fixedX.hi[s], fixedX.lo[s]);
          ExactSums.add(nodeSumY, v, fixedY.hi[s], fixedY.lo[s]);
        }
      } else {
        for (int child : new int[] {tree.left[v], tree.right[v]}) {
          ExactSums.add(nodeSumX, v, nodeSumX[2 * child], nodeSumX[2 * child + 1]);
          ExactSums.add(nodeSumY, v, nodeSumY[2 * child], nodeSumY[2 * child + 1]);
        }
      }
    }
    meanX = new double[tree.nodes];
    meanY = new double[tree.nodes];
    scatter = new double[tree.nodes];
    restX = new double[tree.nodes];
    restY = new double[tree.nodes];
    for (int v = 0; v < tree.nodes; v++) {
      moments(v);
    }
  }

  /**
   * Node v's mean and its points' moments about it, summed point by point (each point is in
   * about log2(n / 16) nodes, so this is O(n log n) once). For any centre c,
   *
   * <pre>  Σ ‖x − c‖² = scatter + 2 (μ − c)·rest + m ‖μ − c‖²</pre>
   *
   * exactly, so a whole node's share of φ is one formula; every term is a small number computed
   * to full relative precision, even for points far from the origin (no large sums subtracted).
   */
  private void moments(int v) {
    int m = tree.hi[v] - tree.lo[v];
    double mx = fixedX.toDouble(nodeSumX, v) / m;
    double my = fixedY.toDouble(nodeSumY, v) / m;
    double sum = 0;
    double rx = 0;
    double ry = 0;
    for (int s = tree.lo[v]; s < tree.hi[v]; s++) {
      double dx = tree.xs[s] - mx;
      double dy = tree.ys[s] - my;
      sum += dx * dx + dy * dy;
      rx += dx;
      ry += dy;
    }
    meanX[v] = mx;
    meanY[v] = my;
    scatter[v] = sum;
    restX[v] = rx;
    restY[v] = ry;
  }

  /** The points (n, 2), at least one, prepared; the array is kept, not copied. */
  public static KMeansPoints of(double[][] x) {
    if (x.length == 0) {
      throw new IllegalArgumentException("k-means needs at least one point");
    }
    return new KMeansPoints(x);
  }

  public int size() {
    return x.length;
  }
}
