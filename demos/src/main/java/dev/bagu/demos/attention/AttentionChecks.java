package dev.bagu.demos.attention;

/**
 * The facts attention promises, measured on its matrices: every row of weights sums to 1, the
 * output is the weighted sum of the values, equal inputs give equal rows. Written with plain loops
 * on purpose, independent of the Commons Math products the attention itself uses.
 */
public final class AttentionChecks {
  private AttentionChecks() {}

  /** max_i |Σ_j A_ij − 1| over the weights A (n_q, n_k). */
  public static double maxRowSumError(double[][] weights) {
    double worst = 0;
    for (double[] row : weights) {
      double sum = 0;
      for (double w : row) {
        sum += w;
      }
      worst = Math.max(worst, Math.abs(sum - 1));
    }
    return worst;
  }

  /** The smallest weight anywhere (a distribution has none below 0). */
  public static double minWeight(double[][] weights) {
    double min = Double.POSITIVE_INFINITY;
    for (double[] row : weights) {
      for (double w : row) {
        min = Math.min(min, w);
      }
    }
    return min;
  }

  /** max_ij |O_ij − Σ_k A_ik V_kj|: the output against the weighted sum of values by hand. */
  public static double maxOutputError(double[][] output, double[][] weights, double[][] values) {
    double worst = 0;
    for (int i = 0; i < output.length; i++) {
      for (int j = 0; j < output[i].length; j++) {
        double sum = 0;
        for (int k = 0; k < values.length; k++) {
          sum += weights[i][k] * values[k][j];
        }
        worst = Math.max(worst, Math.abs(output[i][j] - sum));
      }
    }
    return worst;
  }

  /** max_ij |M_ij − M_ji|: 0 for a symmetric matrix. */
  public static double maxAsymmetry(double[][] m) {
    double worst = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < i; j++) {
        worst = Math.max(worst, Math.abs(m[i][j] - m[j][i]));
      }
    }
    return worst;
  }

  /** The largest |A_i − A_j| entry over the given row pairs; NaN when there are none. */
  public static double maxRowDifference(double[][] m, Iterable<int[]> pairs) {
    double worst = Double.NaN;
    for (int[] p : pairs) {
      double d = 0;
      for (int k = 0; k < m[p[0]].length; k++) {
        d = Math.max(d, Math.abs(m[p[0]][k] - m[p[1]][k]));
      }
      worst = Double.isNaN(worst) ? d : Math.max(worst, d);
    }
    return worst;
  }

  /** Fraction of rows whose largest entry is on the diagonal (a square matrix). */
  public static double diagonalArgmaxFraction(double[][] m) {
    int hits = 0;
    for (int i = 0; i < m.length; i++) {
      int best = 0;
      for (int j = 1; j < m[i].length; j++) {
        if (m[i][j] > m[i][best]) {
          best = j;
        }
      }
      hits += best == i ? 1 : 0;
    }
    return (double) hits / m.length;
  }
}
