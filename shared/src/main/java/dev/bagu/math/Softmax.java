package dev.bagu.math;

/**
 * Numerically stable softmax and log-sum-exp. Subtracting the maximum logit first keeps every
 * exp() in (0, 1], so logits of ±1e4 give finite probabilities that sum to 1 instead of
 * ∞/∞ = NaN.
 */
public final class Softmax {
  private Softmax() {}

  /** p_i = exp(z_i − max z) / Σ_j exp(z_j − max z). */
  public static double[] of(double[] logits) {
    double[] p = new double[logits.length];
    into(logits, p);
    return p;
  }

  /** Writes softmax(logits) into p (same length); returns p. */
  public static double[] into(double[] logits, double[] p) {
    if (logits.length == 0) {
      throw new IllegalArgumentException("softmax of an empty vector");
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i] - max);
      sum += p[i];
    }
    for (int i = 0; i < logits.length; i++) {
      p[i] /= sum;
    }
    return p;
  }

  /** log Σ exp(z_i), computed as max + log Σ exp(z_i − max). */
  public static double logSumExp(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double z : logits) {
      max = Math.max(max, z);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double z : logits) {
      sum += Math.exp(z - max);
    }
    return max + Math.log(sum);
  }

  /**
   * Frobenius norm of the softmax Jacobian J = diag(p) − p pᵀ, given p:
   * ‖J‖²_F = Σ_i p_i²(1 − p_i)² + Σ_{i≠j} p_i² p_j² = Σ_i p_i² − 2 Σ_i p_i³ + (Σ_i p_i²)².
   * It is 0 for a one-hot p (saturated: no gradient flows back) and √(n−1)/n for uniform p.
   */
  public static double jacobianNorm(double[] p) {
    double s2 = 0;
    double s3 = 0;
    for (double v : p) {
      s2 += v * v;
      s3 += v * v * v;
    }
    return Math.sqrt(Math.max(0, s2 - 2 * s3 + s2 * s2));
  }

  /** Shannon entropy −Σ p log p in nats (0·log 0 taken as 0). */
  public static double entropy(double[] p) {
    double h = 0;
    for (double v : p) {
      if (v > 0) {
        h -= v * Math.log(v);
      }
    }
    return h;
  }
}
