package dev.bagu.demos.models;

import dev.bagu.nn.Activation;
import java.util.List;

/**
 * The vanilla (Elman) RNN: h_t = tanh(W_hh h_{t−1} + W_xh x_t + b), one (H, H + X + 1) matrix
 * [W_hh | W_xh | b]. Its step Jacobian is ∂h_t/∂h_{t−1} = diag(1 − h_t²) W_hh, whose norm is at
 * most γ·‖W_hh‖₂ with γ = max tanh' = 1: Pascanu et al. 2013's bound.
 */
final class RnnCell implements RecurrentCell {
  final double[][] w;
  private final double[][] grad;
  private final int hidden;

  RnnCell(double[][] w) {
    this.w = w;
    this.grad = new double[w.length][w[0].length];
    this.hidden = w.length;
  }

  /** W_hh (H, H), the recurrent block of w. */
  double[][] recurrent() {
    double[][] out = new double[hidden][];
    for (int r = 0; r < hidden; r++) {
      out[r] = java.util.Arrays.copyOf(w[r], hidden);
    }
    return out;
  }

  @Override public int hidden() {
    return hidden;
  }

  @Override public int stateSize() {
    return hidden;
  }

  @Override public String name() {
    return "RNN";
  }

  @Override
  public Step forward(double[] state, double[] x) {
    double[] u = RecurrentCell.input(state, hidden, x);
    double[] a = RecurrentCell.multiply(w, 0, hidden, u);
    double[] h = new double[hidden];
    for (int k = 0; k < hidden; k++) {
      h[k] = Activation.TANH.apply(a[k]);
    }
    return new Step(state, h, new double[][] {u});
  }

  @Override
  public double[] backward(Step step, double[] dh) {
    double[] u = step.saved()[0];
    double[] h = step.state();
    double[] da = new double[hidden];
    for (int k = 0; k < hidden; k++) {
      da[k] = dh[k] * (1 - h[k] * h[k]); // tanh' = 1 − h²
    }
    double[] du = new double[u.length];
    RecurrentCell.accumulate(w, grad, 0, da, u, du);
    return java.util.Arrays.copyOf(du, hidden);
  }

  @Override public RecurrentCell copy() {
    return new RnnCell(RecurrentCell.copy(w));
  }

  @Override public List<double[][]> weights() {
    return List.<double[][]>of(w);
  }

  @Override public List<double[][]> gradients() {
    return List.<double[][]>of(grad);
  }
}
