package dev.bagu.demos.attention;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * How far token representations X (n tokens, d features; rows are tokens) are from "token
 * uniformity", after Dong, Cordonnier &amp; Loukas 2021 (§2.2):
 *
 * <pre>
 *   res(X) = X − 1 xᵀ                        (n, d)  what is left once every row is the same x
 *   ‖X‖₁,∞ = √(‖X‖₁ · ‖X‖∞)                          their composite norm: max column |sum| times
 *                                                    max row |sum|, square-rooted
 *   r(X)   = ‖res(X)‖₁,∞ / ‖X‖₁,∞                    relative residual, 0 for identical rows
 * </pre>
 *
 * The paper takes x = argmin_x ‖X − 1xᵀ‖; here x is the column mean (what their released code
 * and most replications use). The mean is one candidate x, so r here is an upper bound on the
 * argmin residual; for the Frobenius norm the mean is exactly the argmin.
 */
public final class RankCollapse {
  private RankCollapse() {}

  /** X − 1 x̄ᵀ with x̄ the mean row: (n, d) → (n, d). */
  public static double[][] residual(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    double[][] res = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        res[i][j] = x[i][j] - mean[j];
      }
    }
    return res;
  }

  /** ‖X‖₁,∞ = √(max_j Σ_i |x_ij| · max_i Σ_j |x_ij|). */
  public static double compositeNorm(double[][] x) {
    double[] columnSums = new double[x[0].length];
    double maxRow = 0;
    for (double[] row : x) {
      double rowSum = 0;
      for (int j = 0; j < row.length; j++) {
        rowSum += Math.abs(row[j]);
        columnSums[j] += Math.abs(row[j]);
      }
      maxRow = Math.max(maxRow, rowSum);
    }
    double maxColumn = 0;
    for (double s : columnSums) {
      maxColumn = Math.max(maxColumn, s);
    }
    return Math.sqrt(maxColumn * maxRow);
  }

  /** r(X) = ‖res(X)‖₁,∞ / ‖X‖₁,∞, in [0, 2]; 0 for X = 0. Invariant to scaling X. */
  public static double relativeResidual(double[][] x) {
    double norm = compositeNorm(x);
    return norm == 0 ? 0 : compositeNorm(residual(x)) / norm;
  }

  /**
   * Least-squares slope of ln(−ln r_l) against layer l. If r_l = c^((3^l − 1)/2) r_0^(3^l), the
   * shape of the paper's bound (Thm 2.2), then ln r_l ≈ 3^l·(ln r_0 + ½ ln c) and the slope tends
   * to ln 3. Only points with 0 &lt; r &lt; 1 count (others have no double logarithm); NaN when
   * fewer than two are left.
   *
   * @param layers the layer of each value
   * @param r the relative residual at that layer
   */
  public static double doubleLogSlope(int[] layers, double[] r) {
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < layers.length; i++) {
      if (r[i] > 0 && r[i] < 1) {
        fit.addData(layers[i], Math.log(-Math.log(r[i])));
      }
    }
    return fit.getN() < 2 ? Double.NaN : fit.getSlope();
  }
}
