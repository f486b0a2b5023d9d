package dev.bagu.nn;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;

/**
 * One attention head with its own projections: Q = X W_Q, K = X W_K, V = X W_V, then
 * {@link Attention#steps}. X is (n, d_model); W_Q and W_K are (d_model, d_k), W_V is
 * (d_model, d_v). This is the paper's row-vector convention (Q = X W), not {@link Dense}'s
 * (n_out, n_in) weight layout.
 */
public record AttentionHead(double[][] wq, double[][] wk, double[][] wv) {
  public AttentionHead {
    if (wq.length != wk.length || wq.length != wv.length) {
      throw new IllegalArgumentException("W_Q, W_K, W_V must all have d_model rows");
    }
    if (wq[0].length != wk[0].length) {
      throw new IllegalArgumentException("W_Q and W_K must have the same d_k columns");
    }
  }

  /**
   * A head with N(0, 1/d_model) entries (Xavier-like: q·k stays O(1) per component for unit
   * inputs). W_K is drawn separately from W_Q unless {@code sharedQk}, in which case K = Q.
   */
  public static AttentionHead random(int dModel, int dK, int dV, boolean sharedQk, Rng rng) {
    double std = 1 / Math.sqrt(dModel);
    double[][] wq = Matrices.gaussian(dModel, dK, std, rng);
    double[][] wk = sharedQk ? wq : Matrices.gaussian(dModel, dK, std, rng);
    double[][] wv = Matrices.gaussian(dModel, dV, std, rng);
    return new AttentionHead(wq, wk, wv);
  }

  public int dModel() {
    return wq.length;
  }

  public int dK() {
    return wq[0].length;
  }

  public int dV() {
    return wv[0].length;
  }

  /** Parameters: d_model·(2 d_k + d_v). */
  public long parameters() {
    return (long) dModel() * (2L * dK() + dV());
  }

  /** X (n, d_model) → the head's steps; output (n, d_v). */
  public Attention.Steps forward(double[][] x, boolean causal) {
    double[][] q = Matrices.multiply(x, wq);
    double[][] k = Matrices.multiply(x, wk);
    double[][] v = Matrices.multiply(x, wv);
    return Attention.steps(q, k, v, causal);
  }
}
