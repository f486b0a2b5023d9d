package dev.bagu.demos.models;

import dev.bagu.demos.models.RecurrentCell.Step;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * ‖∂h_T/∂s_t‖₂ for t = T, T − 1, …, 0: the spectral norm of the product of step Jacobians
 * (Pascanu et al. 2013, eq. 5). The product is built row by row with the cell's own backward:
 * G_T = [I_H 0] (H, stateSize), G_{t−1} = G_t · ∂s_t/∂s_{t−1}, each row one vector–Jacobian
 * product. For the LSTM s = (h, c), so the norm covers both routes back, through h and through c.
 */
final class GradientFlow {
  private GradientFlow() {}

  /** norms[k] = ‖∂h_T/∂s_{T−k}‖₂ for k = 0 … T (norms[0] = 1). */
  static double[] norms(RecurrentCell cell, List<Step> steps) {
    int n = cell.hidden();
    int size = cell.stateSize();
    double[][] g = new double[n][size];
    for (int k = 0; k < n; k++) {
      g[k][k] = 1;
    }
    double[] out = new double[steps.size() + 1];
    out[0] = 1;
    for (int t = steps.size() - 1; t >= 0; t--) {
      for (int r = 0; r < n; r++) {
        g[r] = cell.backward(steps.get(t), g[r]);
      }
      out[steps.size() - t] = spectralNorm(g);
    }
    cell.zeroGrad(); // the backward steps above added to the weight gradients
    return out;
  }

  /**
   * ‖G‖₂ = √λ_max(G Gᵀ) for a (rows, cols) matrix, rows ≤ cols here: the eigenvalues of the small
   * symmetric (rows, rows) matrix G Gᵀ by Commons Math.
   */
  static double spectralNorm(double[][] g) {
    int rows = g.length;
    double[][] m = new double[rows][rows];
    double scale = 0;
    for (int a = 0; a < rows; a++) {
      for (int b = a; b < rows; b++) {
        double s = DisentangledAttention.dot(g[a], g[b]);
        m[a][b] = s;
        m[b][a] = s;
      }
      scale = Math.max(scale, m[a][a]);
    }
    if (scale == 0) {
      return 0;
    }
    for (double[] row : m) { // scaled to max diagonal 1, so tiny products keep their digits
      for (int b = 0; b < rows; b++) {
        row[b] /= scale;
      }
    }
    double[] eigen = new EigenDecomposition(new Array2DRowRealMatrix(m, false)).getRealEigenvalues();
    double max = 0;
    for (double e : eigen) {
      max = Math.max(max, e);
    }
    return Math.sqrt(max * scale);
  }
}
