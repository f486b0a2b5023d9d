package dev.bagu.demos.finetune;

import dev.bagu.math.Softmax;

/**
 * The K-class losses on logits z with true class t: cross-entropy −log p_t, focal
 * −(1 − p_t)^γ log p_t (Lin et al. 2017), and label-smoothed cross-entropy −Σ_k q_k log p_k with
 * PyTorch's target q = (1 − ε)·onehot(t) + ε/K.
 */
public final class MulticlassLosses {
  private MulticlassLosses() {}

  public static double crossEntropy(double[] z, int t) {
    return Softmax.logSumExp(z) - z[t];
  }

  public static double focal(double[] z, int t, double gamma) {
    double logP = z[t] - Softmax.logSumExp(z);
    return -Math.pow(1 - Math.exp(logP), gamma) * logP;
  }

  public static double labelSmoothed(double[] z, int t, double epsilon) {
    double lse = Softmax.logSumExp(z);
    int k = z.length;
    double loss = 0;
    for (int i = 0; i < k; i++) {
      double q = epsilon / k + (i == t ? 1 - epsilon : 0);
      loss -= q * (z[i] - lse);
    }
    return loss;
  }

  /** ∂/∂z of the label-smoothed loss: softmax(z) − q. */
  public static double[] labelSmoothedGradient(double[] z, int t, double epsilon) {
    double[] g = Softmax.of(z);
    for (int i = 0; i < g.length; i++) {
      g[i] -= epsilon / g.length + (i == t ? 1 - epsilon : 0);
    }
    return g;
  }

  /** The logit gap z_t − z_other that minimises the smoothed loss: ln(1 + K(1 − ε)/ε). */
  public static double optimalGap(int k, double epsilon) {
    return Math.log1p(k * (1 - epsilon) / epsilon);
  }

  /**
   * Gradient descent (step 1) on one example's logits from z = 0: the gap z_t − z_other after
   * each step. With ε > 0 it settles at {@link #optimalGap}; with ε = 0 (plain cross-entropy) it
   * keeps growing, like ln(step).
   */
  public static double[] gapPath(int k, double epsilon, int steps) {
    double[] z = new double[k];
    double[] gap = new double[steps + 1];
    for (int s = 1; s <= steps; s++) {
      double[] g = labelSmoothedGradient(z, 0, epsilon);
      for (int i = 0; i < k; i++) {
        z[i] -= g[i];
      }
      gap[s] = z[0] - z[1];
    }
    return gap;
  }
}
