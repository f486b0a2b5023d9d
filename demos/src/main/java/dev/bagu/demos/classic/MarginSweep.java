package dev.bagu.demos.classic;

import dev.bagu.demo.Memo;
import dev.bagu.demos.classic.Svm.Kernel;
import java.util.Arrays;

/**
 * The linear SVM's margin width 2/‖w‖ and share of support vectors at each C of {@link #C_GRID},
 * one LIBSVM fit per C. The large-C fits are the slow ones (LIBSVM needs more iterations as the
 * box 0 ≤ α ≤ C grows on overlapping classes).
 *
 * <p>The sweep depends on the points only, not on the demo's kernel, C or γ, so it is memoised:
 * a small bounded static cache (the {@link #CACHED} most recently used point sets, keyed by the
 * points' values) lets a parameter change, or a rerun, reuse it. The numbers are the same either
 * way: LIBSVM is deterministic.
 *
 * @param width 2/‖w‖ per C_GRID value
 * @param share support vectors / points per C_GRID value
 */
record MarginSweep(double[] width, double[] share) {
  static final double[] C_GRID = {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000};
  static final int CACHED = 8;

  private static final Memo<Key, MarginSweep> CACHE = new Memo<>(CACHED);

  /** The sweep over x (n, 2) with labels y in {0, 1}; callers get their own arrays. */
  static MarginSweep of(double[][] x, int[] y) {
    MarginSweep s = CACHE.get(new Key(x, y), () -> fit(x, y));
    return new MarginSweep(s.width.clone(), s.share.clone());
  }

  /** One LIBSVM fit per C, no cache. */
  static MarginSweep fit(double[][] x, int[] y) {
    double[] width = new double[C_GRID.length];
    double[] share = new double[C_GRID.length];
    for (int i = 0; i < C_GRID.length; i++) {
      Svm m = Svm.train(x, y, Kernel.LINEAR, C_GRID[i], 1);
      width[i] = width(m);
      share[i] = share(m, x.length);
    }
    return new MarginSweep(width, share);
  }

  static double width(Svm linear) {
    double[] w = linear.weights();
    return 2 / Math.hypot(w[0], w[1]);
  }

  static double share(Svm m, int n) {
    return (double) m.support().length / n;
  }

  /** Position of c in C_GRID, or −1. */
  static int indexOf(double c) {
    for (int i = 0; i < C_GRID.length; i++) {
      if (C_GRID[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The points by value (copied, so a caller changing its arrays cannot change a key). */
  private static final class Key {
    private final double[][] x;
    private final int[] y;
    private final int hash;

    Key(double[][] x, int[] y) {
      this.x = new double[x.length][];
      for (int i = 0; i < x.length; i++) {
        this.x[i] = x[i].clone();
      }
      this.y = y.clone();
      this.hash = 31 * Arrays.deepHashCode(this.x) + Arrays.hashCode(this.y);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && hash == k.hash && Arrays.equals(y, k.y)
          && Arrays.deepEquals(x, k.x);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
