package dev.bagu.demos.finetune;

/**
 * Binary losses as functions of the margin m = y·s (label y ∈ {−1, +1}, score s): the loss a
 * correctly classified point with a big margin pays, and how hard it pushes back (∂L/∂m). With
 * p = σ(m), the model's probability of the true class. log p and 1 − p are computed as
 * −softplus(−m) and σ(−m), so nothing cancels at large |m|.
 */
public enum MarginLoss {
  /** Cross-entropy of σ(s): log(1 + e^{−m}). For two classes CE and BCE are the same loss. */
  CROSS_ENTROPY,
  /** Squared error of the score against y: (s − y)² = (1 − m)². */
  MSE,
  /** max(0, 1 − m), the SVM's loss. */
  HINGE,
  /** Lin et al. 2017: −(1 − p)^γ log p. */
  FOCAL,
  /** CE against the PyTorch smoothed target: 1 − ε/2 on the true class, ε/2 on the other. */
  LABEL_SMOOTHING;

  /** γ for focal, ε for label smoothing. */
  public record Knobs(double gamma, double epsilon) {}

  public double loss(double m, Knobs k) {
    return switch (this) {
      case CROSS_ENTROPY -> softplus(-m);
      case MSE -> (1 - m) * (1 - m);
      case HINGE -> Math.max(0, 1 - m);
      case FOCAL -> Math.pow(sigmoid(-m), k.gamma()) * softplus(-m);
      case LABEL_SMOOTHING -> (1 - k.epsilon() / 2) * softplus(-m) + k.epsilon() / 2 * softplus(m);
    };
  }

  /**
   * ∂L/∂m. Focal: with q = 1 − p, d/dm of −q^γ log p is γ p q^γ log p − q^{γ+1} (using dp/dm =
   * p q); at γ = 0 that is −q, cross-entropy's. Label smoothing: p − (1 − ε/2).
   */
  public double gradient(double m, Knobs k) {
    double p = sigmoid(m);
    double q = sigmoid(-m);
    return switch (this) {
      case CROSS_ENTROPY -> -q;
      case MSE -> -2 * (1 - m);
      case HINGE -> m < 1 ? -1 : 0;
      case FOCAL -> {
        double logP = -softplus(-m);
        double qGamma = Math.pow(q, k.gamma());
        yield k.gamma() * p * qGamma * logP - qGamma * q;
      }
      case LABEL_SMOOTHING -> p - (1 - k.epsilon() / 2);
    };
  }

  /** log(1 + e^x) without overflow. */
  public static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  public static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }
}
