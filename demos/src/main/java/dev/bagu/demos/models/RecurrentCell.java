package dev.bagu.demos.models;

import java.util.List;

/**
 * One step of a recurrent network, s_t = cell(s_{t−1}, x_t), with its hand-written backward beside
 * the forward. The state s holds h first (H numbers) and, for the LSTM, the cell c after it.
 * Every weight matrix acts on u = [h_{t−1}; x_t; 1] (its last column is the bias), so a cell's
 * parameters are a short list of matrices that {@link dev.bagu.nn.Adam} can step.
 */
interface RecurrentCell {
  /** What a forward step keeps for its backward step: the new state and cell-specific arrays. */
  record Step(double[] previous, double[] state, double[][] saved) {}

  /** H, the width of h. */
  int hidden();

  /** The width of the state: H, or 2H for the LSTM's (h, c). */
  int stateSize();

  /** Short name for figures and JSON: "RNN", "LSTM", "GRU". */
  String name();

  /** One step forward from state (stateSize) with input x (X). */
  Step forward(double[] state, double[] x);

  /**
   * dL/ds_t (stateSize) → dL/ds_{t−1} (stateSize); adds dL/dW to the gradients. Vector–Jacobian
   * product with the step's Jacobian ∂s_t/∂s_{t−1}.
   */
  double[] backward(Step step, double[] dState);

  /** A cell with copies of these weights and zero gradients. */
  RecurrentCell copy();

  /** Deep copy of a (rows, cols) matrix. */
  static double[][] copy(double[][] w) {
    double[][] out = new double[w.length][];
    for (int r = 0; r < w.length; r++) {
      out[r] = w[r].clone();
    }
    return out;
  }

  /** The weight matrices, in the order of {@link #gradients()}. */
  List<double[][]> weights();

  /** dL/dW summed since the last {@link #zeroGrad()}, same shapes as {@link #weights()}. */
  List<double[][]> gradients();

  default void zeroGrad() {
    for (double[][] g : gradients()) {
      for (double[] row : g) {
        java.util.Arrays.fill(row, 0);
      }
    }
  }

  /** u = [h; x; 1] from the first H entries of state. */
  static double[] input(double[] state, int hidden, double[] x) {
    double[] u = new double[hidden + x.length + 1];
    System.arraycopy(state, 0, u, 0, hidden);
    System.arraycopy(x, 0, u, hidden, x.length);
    u[u.length - 1] = 1;
    return u;
  }

  /** out[r] = Σ_c w[r0 + r][c] u[c] for rows r0 … r0 + n − 1. */
  static double[] multiply(double[][] w, int r0, int n, double[] u) {
    double[] out = new double[n];
    for (int r = 0; r < n; r++) {
      double[] row = w[r0 + r];
      double s = 0;
      for (int c = 0; c < u.length; c++) {
        s += row[c] * u[c];
      }
      out[r] = s;
    }
    return out;
  }

  /**
   * Backward through a = W[r0 … r0+n) u: adds da uᵀ to the gradient rows and da·W to du (the
   * gradient with respect to u).
   */
  static void accumulate(double[][] w, double[][] grad, int r0, double[] da, double[] u,
      double[] du) {
    for (int r = 0; r < da.length; r++) {
      double d = da[r];
      if (d == 0) {
        continue;
      }
      double[] row = w[r0 + r];
      double[] g = grad[r0 + r];
      for (int c = 0; c < u.length; c++) {
        g[c] += d * u[c];
        du[c] += d * row[c];
      }
    }
  }
}
