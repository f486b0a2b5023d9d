package dev.bagu.demos.models;

import dev.bagu.nn.Activation;
import java.util.List;

/**
 * The LSTM (Hochreiter &amp; Schmidhuber 1997, with the forget gate of Gers et al. 2000). One
 * (4H, H + X + 1) matrix gives the four pre-activations from u = [h_{t−1}; x_t; 1]:
 *
 * <pre>
 *   i = σ(a_i)  f = σ(a_f)  g = tanh(a_g)  o = σ(a_o)
 *   c_t = f ⊙ c_{t−1} + i ⊙ g          h_t = o ⊙ tanh(c_t)
 * </pre>
 *
 * The path c_{t−1} → c_t is multiplied by f alone (no weight matrix, no squashing): with f ≈ 1
 * the gradient crosses many steps intact, the "constant error carousel". State = [h; c], 2H.
 */
final class LstmCell implements RecurrentCell {
  static final int I = 0;
  static final int F = 1;
  static final int G = 2;
  static final int O = 3;

  final double[][] w;
  private final double[][] grad;
  private final int hidden;

  LstmCell(double[][] w) {
    if (w.length % 4 != 0) {
      throw new IllegalArgumentException("LSTM weights need 4H rows: " + w.length);
    }
    this.w = w;
    this.grad = new double[w.length][w[0].length];
    this.hidden = w.length / 4;
  }

  @Override public int hidden() {
    return hidden;
  }

  @Override public int stateSize() {
    return 2 * hidden;
  }

  @Override public String name() {
    return "LSTM";
  }

  /** saved = {u, i, f, g, o, tanh(c_t)}. */
  @Override
  public Step forward(double[] state, double[] x) {
    int n = hidden;
    double[] u = RecurrentCell.input(state, n, x);
    double[] a = RecurrentCell.multiply(w, 0, 4 * n, u);
    double[][] gate = new double[4][n];
    double[] next = new double[2 * n];
    double[] tanhC = new double[n];
    for (int k = 0; k < n; k++) {
      gate[I][k] = Activation.SIGMOID.apply(a[I * n + k]);
      gate[F][k] = Activation.SIGMOID.apply(a[F * n + k]);
      gate[G][k] = Activation.TANH.apply(a[G * n + k]);
      gate[O][k] = Activation.SIGMOID.apply(a[O * n + k]);
      double c = gate[F][k] * state[n + k] + gate[I][k] * gate[G][k];
      tanhC[k] = Activation.TANH.apply(c);
      next[k] = gate[O][k] * tanhC[k];
      next[n + k] = c;
    }
    return new Step(state, next, new double[][] {u, gate[I], gate[F], gate[G], gate[O], tanhC});
  }

  @Override
  public double[] backward(Step step, double[] dState) {
    int n = hidden;
    double[][] s = step.saved();
    double[] u = s[0];
    double[] i = s[1];
    double[] f = s[2];
    double[] g = s[3];
    double[] o = s[4];
    double[] tanhC = s[5];
    double[] cPrev = java.util.Arrays.copyOfRange(step.previous(), n, 2 * n);
    double[] da = new double[4 * n];
    double[] dPrev = new double[2 * n];
    for (int k = 0; k < n; k++) {
      double dh = dState[k];
      // c_t reaches the loss directly (dc_t) and through h_t = o ⊙ tanh(c_t).
      double dc = dState[n + k] + dh * o[k] * (1 - tanhC[k] * tanhC[k]);
      da[I * n + k] = dc * g[k] * i[k] * (1 - i[k]);
      da[F * n + k] = dc * cPrev[k] * f[k] * (1 - f[k]);
      da[G * n + k] = dc * i[k] * (1 - g[k] * g[k]);
      da[O * n + k] = dh * tanhC[k] * o[k] * (1 - o[k]);
      dPrev[n + k] = dc * f[k]; // the carousel: c_{t−1} → c_t is a product with f only
    }
    double[] du = new double[u.length];
    RecurrentCell.accumulate(w, grad, 0, da, u, du);
    System.arraycopy(du, 0, dPrev, 0, n);
    return dPrev;
  }

  @Override public RecurrentCell copy() {
    return new LstmCell(RecurrentCell.copy(w));
  }

  @Override public List<double[][]> weights() {
    return List.<double[][]>of(w);
  }

  @Override public List<double[][]> gradients() {
    return List.<double[][]>of(grad);
  }
}
