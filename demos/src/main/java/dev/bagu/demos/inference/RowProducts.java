package dev.bagu.demos.inference;

/**
 * The matrix products of {@link TinyDecoder}, written so the JIT can vectorise them: the inner
 * loop adds a multiple of one weight row to the output row ("axpy"), with no reduction to a
 * single number and no temporary objects. Same arithmetic as the textbook i-j-k loop (each output
 * element is a sum of the same products, added in the same order k = 0, 1, …).
 */
final class RowProducts {
  private RowProducts() {}

  /** x (n, m) · w (m, k) → (n, k). */
  static double[][] times(double[][] x, double[][] w) {
    int k = w[0].length;
    double[][] out = new double[x.length][k];
    for (int r = 0; r < x.length; r++) {
      double[] xr = x[r];
      double[] o = out[r];
      for (int i = 0; i < xr.length; i++) {
        double a = xr[i];
        double[] wi = w[i];
        for (int j = 0; j < k; j++) {
          o[j] += a * wi[j];
        }
      }
    }
    return out;
  }

  /** wᵀ: (m, k) → (k, m), so a layer stored as (outputs, inputs) can be used by {@link #times}. */
  static double[][] transpose(double[][] w) {
    double[][] t = new double[w[0].length][w.length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        t[j][i] = w[i][j];
      }
    }
    return t;
  }

  /** a · b, two rows of the same length. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
