package dev.bagu.demos.models;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;

/**
 * DeBERTa's disentangled attention scores (He et al. 2021, §3.1, eq. 2–4). Each token i has a
 * content vector H_i; each relative distance has its own vector P_δ from a table of 2k rows. Both
 * get their own query and key projections:
 *
 * <pre>
 *   Q_c = H W_q,c   K_c = H W_k,c        (n, d)
 *   Q_r = P W_q,r   K_r = P W_k,r        (2k, d)
 *   δ(i, j) = 0 if i − j ≤ −k;  2k − 1 if i − j ≥ k;  i − j + k otherwise      ∈ [0, 2k)
 *   Ã_ij = Q_c,i·K_c,j  +  Q_c,i·K_r,δ(i,j)  +  K_c,j·Q_r,δ(j,i)
 *          content→content  content→position   position→content
 *   A = softmax(Ã / √(3d))          (three terms of variance ≈ d each, hence 3d)
 * </pre>
 *
 * The position→content term uses δ(j, i), the distance seen from key j: the key's content asks
 * where the query sits relative to it. The position→position term of the full product is left
 * out, as in the paper: with relative positions it carries no information about the pair's content.
 */
final class DisentangledAttention {
  private DisentangledAttention() {}

  /** The inputs and the four projections, each W of shape (d, d_model), applied as x Wᵀ. */
  record Weights(double[][] wqc, double[][] wkc, double[][] wqr, double[][] wkr) {
    /** Random N(0, 1/d_model) projections, so projected entries have variance ≈ 1. */
    static Weights random(int d, int dModel, Rng rng) {
      double std = 1 / Math.sqrt(dModel);
      return new Weights(Matrices.gaussian(d, dModel, std, rng),
          Matrices.gaussian(d, dModel, std, rng), Matrices.gaussian(d, dModel, std, rng),
          Matrices.gaussian(d, dModel, std, rng));
    }

    int d() {
      return wqc.length;
    }
  }

  /** The relative-distance bucket of query i and key j, clipped to [0, 2k). */
  static int delta(int i, int j, int k) {
    int diff = i - j;
    if (diff <= -k) {
      return 0;
    }
    if (diff >= k) {
      return 2 * k - 1;
    }
    return diff + k;
  }

  /** δ(i, j) for every pair of n positions: (n, n). */
  static int[][] deltas(int n, int k) {
    int[][] out = new int[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = delta(i, j, k);
      }
    }
    return out;
  }

  /** The three score maps, already divided by √(3d), each (n, n). */
  record Terms(double[][] c2c, double[][] c2p, double[][] p2c) {
    double[][] sum() {
      return Matrices.add(Matrices.add(c2c, c2p), p2c);
    }
  }

  /**
   * The three terms pair by pair, straight from the formula: one dot product per term and pair.
   * h (n, d_model) contents, p (2k, d_model) relative-position table.
   */
  static Terms terms(double[][] h, double[][] p, Weights w, int k) {
    int n = h.length;
    double[][] qc = Matrices.multiplyTransposed(h, w.wqc()); // (n, d)
    double[][] kc = Matrices.multiplyTransposed(h, w.wkc());
    double[][] qr = Matrices.multiplyTransposed(p, w.wqr()); // (2k, d)
    double[][] kr = Matrices.multiplyTransposed(p, w.wkr());
    double scale = 1 / Math.sqrt(3.0 * w.d());
    double[][] c2c = new double[n][n];
    double[][] c2p = new double[n][n];
    double[][] p2c = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        c2c[i][j] = scale * dot(qc[i], kc[j]);
        c2p[i][j] = scale * dot(qc[i], kr[delta(i, j, k)]);
        p2c[i][j] = scale * dot(kc[j], qr[delta(j, i, k)]);
      }
    }
    return new Terms(c2c, c2p, p2c);
  }

  /**
   * The whole score Ã/√(3d) the way the paper computes it (Algorithm 1): the products against the
   * 2k position rows are formed once as (n, 2k) matrices, then gathered by δ. A second route to the
   * same numbers as {@link #terms}: the two must agree to rounding.
   */
  static double[][] scoresByGather(double[][] h, double[][] p, Weights w, int k) {
    int n = h.length;
    double[][] qc = Matrices.multiplyTransposed(h, w.wqc());
    double[][] kc = Matrices.multiplyTransposed(h, w.wkc());
    double[][] qr = Matrices.multiplyTransposed(p, w.wqr());
    double[][] kr = Matrices.multiplyTransposed(p, w.wkr());
    double[][] content = Matrices.multiplyTransposed(qc, kc); // (n, n)
    double[][] cToP = Matrices.multiplyTransposed(qc, kr); // (n, 2k): query i against bucket r
    double[][] pToC = Matrices.multiplyTransposed(kc, qr); // (n, 2k): key j against bucket r
    double scale = 1 / Math.sqrt(3.0 * w.d());
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        out[i][j] = scale * (content[i][j] + cToP[i][delta(i, j, k)] + pToC[j][delta(j, i, k)]);
      }
    }
    return out;
  }

  /**
   * Scores of n copies of one content vector: the content term is the same for every pair, so
   * what varies is the position's part alone. Returns, per distance i − j from −(n−1) to n−1, the
   * largest spread of the scores among pairs whose clipped distance clip(i − j, −k, k) is equal:
   * 0 when the score depends on positions only through it.
   */
  static double spreadWithinClippedDistance(double[][] scores, int k) {
    int n = scores.length;
    double[] first = new double[2 * k + 1];
    boolean[] seen = new boolean[2 * k + 1];
    double spread = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        int c = Math.max(-k, Math.min(k, i - j)) + k;
        if (!seen[c]) {
          seen[c] = true;
          first[c] = scores[i][j];
        }
        spread = Math.max(spread, Math.abs(scores[i][j] - first[c]));
      }
    }
    return spread;
  }

  /** n rows, each a copy of v. */
  static double[][] repeated(double[] v, int n) {
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = v.clone();
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int t = 0; t < a.length; t++) {
      s += a[t] * b[t];
    }
    return s;
  }
}
