package dev.bagu.demos.attention;

/**
 * Layer normalisation without learned gain and bias (Ba, Kiros &amp; Hinton 2016): each token's
 * row is shifted to mean 0 and scaled to variance 1 over its d features. It acts on one row at
 * a time, so it cannot make identical rows differ: it does not undo rank collapse by itself.
 */
final class LayerNorm {
  /** Added to the variance, as PyTorch's default, so a constant row does not divide by 0. */
  static final double EPS = 1e-5;

  private LayerNorm() {}

  /** (n, d) → (n, d), row by row. */
  static double[][] apply(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      double mean = 0;
      for (double v : row) {
        mean += v / row.length;
      }
      double var = 0;
      for (double v : row) {
        var += (v - mean) * (v - mean) / row.length;
      }
      double inv = 1 / Math.sqrt(var + EPS);
      out[i] = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        out[i][j] = (row[j] - mean) * inv;
      }
    }
    return out;
  }
}
