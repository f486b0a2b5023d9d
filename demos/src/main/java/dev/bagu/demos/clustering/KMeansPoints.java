package dev.bagu.demos.clustering;

/**
 * Points made ready for many runs of Lloyd's iterations, built once and shared (read only) by
 * every run on them, in parallel: a k-d tree over the points ({@link KdTree}, points in tree
 * order, "slots"), each coordinate as an exact fixed-point value ({@link ExactSums}), and each
 * tree node's exact coordinate sums, so a whole node can join a cluster in one addition.
 *
 * <p>Shapes: x (n, 2) as given; slot values in {@link KdTree#xs}/{@link KdTree#ys}; node sums
 * {@code nodeSumX[2 v]}, {@code nodeSumX[2 v + 1]} (high, low) for node v.
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
