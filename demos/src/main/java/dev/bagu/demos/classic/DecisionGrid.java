package dev.bagu.demos.classic;

import java.util.Arrays;

/**
 * A trained {@link Svm}'s decision function on a regular grid, for the contour panels: the same f
 * as {@link Svm#decision(double, double)} (LIBSVM's support vectors, coefficients and ρ; equal to
 * rounding), without LIBSVM's per-point calls and allocations.
 *
 * <pre>
 *   f(p) = Σ_k c_k K(s_k, p) + b,   c_k = α_k y_k
 *   RBF on a grid: exp(−γ‖p − s‖²) = exp(−γ(p₁ − s₁)²) · exp(−γ(p₂ − s₂)²)
 * </pre>
 *
 * so each support vector needs nx + ny exponentials instead of nx · ny, and the sum over support
 * vectors is a (ny, nSV) × (nSV, nx) product.
 */
final class DecisionGrid {
  private DecisionGrid() {}

  /** z[j][i] = f(xs[i], ys[j]). */
  static double[][] field(Svm m, double[] xs, double[] ys) {
    double[][] sv = m.supportPoints();
    double[] coef = m.coefficients();
    int n = sv.length;
    double b = m.bias();
    double gamma = m.gamma();
    double[][] z = new double[ys.length][xs.length];
    switch (m.kernel()) {
      case LINEAR -> {
        double[] w = m.weights();
        for (int j = 0; j < ys.length; j++) {
          for (int i = 0; i < xs.length; i++) {
            z[j][i] = w[0] * xs[i] + w[1] * ys[j] + b;
          }
        }
      }
      case RBF -> {
        double[][] ex = new double[n][xs.length]; // exp(−γ(x_i − s₁)²) per support vector
        double[][] eyc = new double[ys.length][n]; // c_k · exp(−γ(y_j − s₂)²)
        for (int k = 0; k < n; k++) {
          for (int i = 0; i < xs.length; i++) {
            double d = xs[i] - sv[k][0];
            ex[k][i] = Math.exp(-gamma * d * d);
          }
          for (int j = 0; j < ys.length; j++) {
            double d = ys[j] - sv[k][1];
            eyc[j][k] = coef[k] * Math.exp(-gamma * d * d);
          }
        }
        for (int j = 0; j < ys.length; j++) {
          double[] row = z[j];
          Arrays.fill(row, b);
          for (int k = 0; k < n; k++) {
            double a = eyc[j][k];
            double[] e = ex[k];
            for (int i = 0; i < xs.length; i++) {
              row[i] += a * e[i];
            }
          }
        }
      }
      case POLY -> {
        for (int j = 0; j < ys.length; j++) {
          for (int i = 0; i < xs.length; i++) {
            double f = b;
            for (int k = 0; k < n; k++) {
              double u = gamma * (xs[i] * sv[k][0] + ys[j] * sv[k][1]); // coef0 = 0
              f += coef[k] * u * u * u; // Svm.POLY_DEGREE = 3
            }
            z[j][i] = f;
          }
        }
      }
    }
    return z;
  }
}
