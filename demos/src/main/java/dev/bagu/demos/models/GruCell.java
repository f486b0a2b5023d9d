package dev.bagu.demos.models;

import dev.bagu.nn.Activation;
import java.util.List;

/**
 * The GRU of Cho et al. 2014 (eq. 5–8): two gates instead of the LSTM's three and no separate
 * cell, the notes' "GRU 的简化设计". With u = [h_{t−1}; x_t; 1]:
 *
 * <pre>
 *   z = σ(W_z u)   r = σ(W_r u)   ñ = tanh(W_n [r ⊙ h_{t−1}; x_t; 1])
 *   h_t = z ⊙ h_{t−1} + (1 − z) ⊙ ñ
 * </pre>
 *
 * With z ≈ 1 a unit copies its value forward and the gradient with it (∂h_t/∂h_{t−1} ≈ diag(z)),
 * the LSTM's forget-gate path folded into h itself.
 */
final class GruCell implements RecurrentCell {
  final double[][] wz;
  final double[][] wr;
  final double[][] wn;
  private final double[][] gz;
  private final double[][] gr;
  private final double[][] gn;
  private final int hidden;

  GruCell(double[][] wz, double[][] wr, double[][] wn) {
    this.wz = wz;
    this.wr = wr;
    this.wn = wn;
    this.gz = new double[wz.length][wz[0].length];
    this.gr = new double[wr.length][wr[0].length];
    this.gn = new double[wn.length][wn[0].length];
    this.hidden = wz.length;
  }

  @Override public int hidden() {
    return hidden;
  }

  @Override public int stateSize() {
    return hidden;
  }

  @Override public String name() {
    return "GRU";
  }

  /** saved = {u, z, r, v = [r ⊙ h; x; 1], ñ}. */
  @Override
  public Step forward(double[] h, double[] x) {
    int n = hidden;
    double[] u = RecurrentCell.input(h, n, x);
    double[] z = RecurrentCell.multiply(wz, 0, n, u);
    double[] r = RecurrentCell.multiply(wr, 0, n, u);
    double[] v = u.clone();
    for (int k = 0; k < n; k++) {
      z[k] = Activation.SIGMOID.apply(z[k]);
      r[k] = Activation.SIGMOID.apply(r[k]);
      v[k] = r[k] * h[k];
    }
    double[] cand = RecurrentCell.multiply(wn, 0, n, v);
    double[] next = new double[n];
    for (int k = 0; k < n; k++) {
      cand[k] = Activation.TANH.apply(cand[k]);
      next[k] = z[k] * h[k] + (1 - z[k]) * cand[k];
    }
    return new Step(h, next, new double[][] {u, z, r, v, cand});
  }

  @Override
  public double[] backward(Step step, double[] dh) {
    int n = hidden;
    double[][] s = step.saved();
    double[] u = s[0];
    double[] z = s[1];
    double[] r = s[2];
    double[] v = s[3];
    double[] cand = s[4];
    double[] h = step.previous();
    double[] dPrev = new double[n];
    double[] daN = new double[n];
    double[] daZ = new double[n];
    for (int k = 0; k < n; k++) {
      dPrev[k] = dh[k] * z[k]; // the direct copy path
      daN[k] = dh[k] * (1 - z[k]) * (1 - cand[k] * cand[k]);
      daZ[k] = dh[k] * (h[k] - cand[k]) * z[k] * (1 - z[k]);
    }
    double[] dv = new double[v.length];
    RecurrentCell.accumulate(wn, gn, 0, daN, v, dv);
    double[] daR = new double[n];
    for (int k = 0; k < n; k++) {
      daR[k] = dv[k] * h[k] * r[k] * (1 - r[k]); // v_k = r_k h_k
      dPrev[k] += dv[k] * r[k];
    }
    double[] du = new double[u.length];
    RecurrentCell.accumulate(wz, gz, 0, daZ, u, du);
    RecurrentCell.accumulate(wr, gr, 0, daR, u, du);
    for (int k = 0; k < n; k++) {
      dPrev[k] += du[k];
    }
    return dPrev;
  }

  @Override public RecurrentCell copy() {
    return new GruCell(RecurrentCell.copy(wz), RecurrentCell.copy(wr),
        RecurrentCell.copy(wn));
  }

  @Override public List<double[][]> weights() {
    return List.of(wz, wr, wn);
  }

  @Override public List<double[][]> gradients() {
    return List.of(gz, gr, gn);
  }
}
