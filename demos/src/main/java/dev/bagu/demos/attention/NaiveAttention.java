package dev.bagu.demos.attention;

/**
 * Standard attention as the paper's Algorithm 0 writes it, materialising the (N, N) matrices:
 * S = τ Q Kᵀ, P = softmax_row(S), O = P V, in plain Java loops like {@link FlashAttention}'s, so
 * that the timing panel compares the two algorithms and not two matrix libraries. (The demo's
 * exactness check uses the shared {@link dev.bagu.nn.Attention} instead, an independent
 * implementation.)
 */
final class NaiveAttention {
  private NaiveAttention() {}

  /** Q, K, V (N, d) → O (N, d); causal: key j > query i gets weight 0. */
  static double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal) {
    int n = q.length;
    int d = q[0].length;
    double tau = 1 / Math.sqrt(d);
    double[][] s = new double[n][n]; // S, then P in place: the N² floats FlashAttention avoids
    for (int i = 0; i < n; i++) {
      int visible = causal ? i + 1 : n;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < visible; j++) {
        double dot = 0;
        for (int t = 0; t < d; t++) {
          dot += q[i][t] * k[j][t];
        }
        s[i][j] = tau * dot;
        max = Math.max(max, s[i][j]);
      }
      double sum = 0;
      for (int j = 0; j < visible; j++) {
        s[i][j] = Math.exp(s[i][j] - max);
        sum += s[i][j];
      }
      for (int j = 0; j < visible; j++) {
        s[i][j] /= sum;
      }
    }
    double[][] o = new double[n][d];
    for (int i = 0; i < n; i++) {
      int visible = causal ? i + 1 : n;
      double[] oi = o[i];
      for (int j = 0; j < visible; j++) {
        double p = s[i][j];
        double[] vj = v[j];
        for (int t = 0; t < d; t++) {
          oi[t] += p * vj[t];
        }
      }
    }
    return o;
  }
}
