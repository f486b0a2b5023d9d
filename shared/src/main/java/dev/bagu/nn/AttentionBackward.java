package dev.bagu.nn;

import dev.bagu.math.Matrices;

/**
 * The backward pass of one {@link AttentionHead}, step for step the reverse of
 * {@link Attention#steps}: given ∂L/∂O it returns ∂L/∂W_Q, ∂L/∂W_K, ∂L/∂W_V. Shapes as in
 * the forward pass: X (n, d_model), Q and K (n, d_k), V (n, d_v), S and A (n, n), O (n, d_v).
 *
 * <pre>
 *   O = A V              ∂A = ∂O Vᵀ,  ∂V = Aᵀ ∂O
 *   A = softmax_row(Ŝ)   ∂Ŝ_ij = A_ij (∂A_ij − Σ_k A_ik ∂A_ik)   (masked entries: A = 0, so 0)
 *   Ŝ = Q Kᵀ / √d_k      ∂Q = ∂Ŝ K / √d_k,  ∂K = ∂Ŝᵀ Q / √d_k
 *   Q = X W_Q …          ∂W_Q = Xᵀ ∂Q,  ∂W_K = Xᵀ ∂K,  ∂W_V = Xᵀ ∂V
 * </pre>
 *
 * A head whose W_K is the same array as W_Q (shared projection) gets ∂W_Q + ∂W_K for it; that
 * sum is the caller's to take, since only the caller knows the two are one parameter.
 */
public final class AttentionBackward {
  private AttentionBackward() {}

  /** ∂L/∂W for the three projections of one head. */
  public record Gradient(double[][] wq, double[][] wk, double[][] wv) {}

  /** Full backward pass from ∂L/∂O (n, d_v), using the forward pass's steps. */
  public static Gradient backward(double[][] x, AttentionHead head, Attention.Steps steps,
      double[][] dOut) {
    double[][] v = Matrices.multiply(x, head.wv());
    double[][] dWeights = Matrices.multiplyTransposed(dOut, v); // (n, n)
    double[][] dV = Matrices.multiply(Matrices.transpose(steps.weights()), dOut); // (n, d_v)
    double[][] dScaled = softmaxBackward(steps.weights(), dWeights);
    Gradient qk = scoresBackward(x, head, dScaled);
    return new Gradient(qk.wq(), qk.wk(), Matrices.multiply(Matrices.transpose(x), dV));
  }

  /**
   * From ∂L/∂Ŝ (n, n), the gradient of the scaled scores, to ∂W_Q and ∂W_K; ∂W_V is zero (for
   * losses on the attention weights alone).
   */
  public static Gradient scoresBackward(double[][] x, AttentionHead head, double[][] dScaled) {
    double c = 1 / Math.sqrt(head.dK());
    double[][] q = Matrices.multiply(x, head.wq());
    double[][] k = Matrices.multiply(x, head.wk());
    double[][] dQ = Matrices.scale(Matrices.multiply(dScaled, k), c); // (n, d_k)
    double[][] dK = Matrices.scale(Matrices.multiply(Matrices.transpose(dScaled), q), c);
    double[][] xt = Matrices.transpose(x);
    return new Gradient(Matrices.multiply(xt, dQ), Matrices.multiply(xt, dK),
        new double[head.dModel()][head.dV()]);
  }

  /** Row-wise softmax backward: ∂Ŝ_ij = A_ij (∂A_ij − Σ_k A_ik ∂A_ik). */
  public static double[][] softmaxBackward(double[][] weights, double[][] dWeights) {
    double[][] out = new double[weights.length][];
    for (int i = 0; i < weights.length; i++) {
      double dot = 0;
      for (int j = 0; j < weights[i].length; j++) {
        dot += weights[i][j] * dWeights[i][j];
      }
      out[i] = new double[weights[i].length];
      for (int j = 0; j < weights[i].length; j++) {
        out[i][j] = weights[i][j] * (dWeights[i][j] - dot);
      }
    }
    return out;
  }
}
