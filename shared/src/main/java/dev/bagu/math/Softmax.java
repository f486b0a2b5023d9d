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
   * Frobenius norm of the softmax Jacobian J = diag(p) − p pᵀ (how much gradient flows back
   * through the softmax), given p. It is √(n−1)/n for uniform p and tends to 0 as p saturates to
   * one-hot.
   *
   * <p>‖J‖²_F = Σ_i p_i²(1 − p_i)² + Σ_{i≠j} p_i² p_j². Written naively as Σp² − 2Σp³ + (Σp²)² it
   * cancels catastrophically near one-hot (1 − 2 + 1), so the largest entry m is kept apart:
   * 1 − p_m is summed from the others, and Σ_{i≠j} p_i²p_j² = 2 p_m² r + r² − Σ_{j≠m} p_j⁴ with
   * r = Σ_{j≠m} p_j².
   */
  public static double jacobianNorm(double[] p) {
    int m = 0;
    for (int i = 1; i < p.length; i++) {
      if (p[i] > p[m]) {
        m = i;
      }
    }
    double rest = 0; // Σ_{j≠m} p_j = 1 − p_m, without cancellation
    double r2 = 0;
    double r4 = 0;
    double diag = 0;
    for (int j = 0; j < p.length; j++) {
      if (j != m) {
        double v = p[j];
        rest += v;
        r2 += v * v;
        r4 += v * v * v * v;
        double d = v * (1 - v);
        diag += d * d;
      }
    }
    double pm = p[m];
    diag += (pm * rest) * (pm * rest);
    double off = 2 * pm * pm * r2 + r2 * r2 - r4;
    return Math.sqrt(diag + Math.max(0, off));
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
