package dev.bagu.demos.training;

import java.util.Locale;

/**
 * The seven update rules of the {@code optimizers} demo, each exactly as PyTorch's
 * {@code torch.optim} documents its algorithm (defaults: no dampening, no weight decay except
 * AdamW's, no AMSGrad, RMSProp uncentred without momentum), in double precision. θ and g are
 * vectors of any length; {@link #step} changes θ in place.
 *
 * <pre>
 *   SGD        θ ← θ − γ g
 *   momentum   b ← μ b + g (b₁ = g₁),             θ ← θ − γ b
 *   Nesterov   b as momentum,                      θ ← θ − γ (g + μ b)
 *   AdaGrad    s ← s + g² (s₀ = 0),                θ ← θ − γ g / (√s + 1e-10)
 *   RMSProp    v ← α v + (1 − α) g², α = 0.99,     θ ← θ − γ g / (√v + 1e-8)
 *   Adam       m ← β₁ m + (1 − β₁) g, v ← β₂ v + (1 − β₂) g², β = (0.9, 0.999)
 *              θ ← θ − γ m̂ / (√v̂ + 1e-8),  m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)
 *   AdamW      θ ← θ − γ λ θ first (decoupled decay), then the Adam step
 * </pre>
 */
public final class Optimizer {
  /** The seven rules, in the order the demo draws them; {@link #key()} names them in the JSON. */
  public enum Kind {
    SGD("SGD"), MOMENTUM("momentum"), NESTEROV("Nesterov"), ADAGRAD("AdaGrad"),
    RMSPROP("RMSProp"), ADAM("Adam"), ADAMW("AdamW");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** "sgd", "momentum", …, "adamw". */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The name people write ("AdaGrad"); also the legend entry. */
    public String label() {
      return label;
    }
  }

  static final double ADAGRAD_EPS = 1e-10;
  static final double RMSPROP_ALPHA = 0.99;
  static final double RMSPROP_EPS = 1e-8;
  static final double BETA1 = 0.9;
  static final double BETA2 = 0.999;
  static final double ADAM_EPS = 1e-8;

  private final Kind kind;
  private final double lr;
  private final double momentum;
  private final double weightDecay;
  private double[] first; // momentum buffer b, or Adam's m
  private double[] second; // AdaGrad's sum s, RMSProp's and Adam's v
  private int t;

  /**
   * @param momentum μ, used by momentum and Nesterov only
   * @param weightDecay λ, used by AdamW only (decoupled: θ ← θ − γλθ)
   */
  public Optimizer(Kind kind, double lr, double momentum, double weightDecay) {
    if (!(lr > 0) || !(momentum >= 0 && momentum < 1) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException("need lr > 0, 0 ≤ momentum < 1, weight decay ≥ 0: "
          + lr + ", " + momentum + ", " + weightDecay);
    }
    this.kind = kind;
    this.lr = lr;
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  public Kind kind() {
    return kind;
  }

  /** One step: θ changes in place, g (the gradient at θ) is left alone. */
  public void step(double[] theta, double[] g) {
    int n = theta.length;
    if (first == null) {
      first = new double[n];
      second = new double[n];
    }
    t++;
    switch (kind) {
      case SGD -> {
        for (int i = 0; i < n; i++) {
          theta[i] -= lr * g[i];
        }
      }
      case MOMENTUM, NESTEROV -> {
        for (int i = 0; i < n; i++) {
          first[i] = t == 1 ? g[i] : momentum * first[i] + g[i]; // torch: b₁ = g₁
          double d = kind == Kind.NESTEROV ? g[i] + momentum * first[i] : first[i];
          theta[i] -= lr * d;
        }
      }
      case ADAGRAD -> {
        for (int i = 0; i < n; i++) {
          second[i] += g[i] * g[i];
          theta[i] -= lr * g[i] / (Math.sqrt(second[i]) + ADAGRAD_EPS);
        }
      }
      case RMSPROP -> {
        for (int i = 0; i < n; i++) {
          second[i] = RMSPROP_ALPHA * second[i] + (1 - RMSPROP_ALPHA) * g[i] * g[i];
          theta[i] -= lr * g[i] / (Math.sqrt(second[i]) + RMSPROP_EPS);
        }
      }
      case ADAM, ADAMW -> {
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int i = 0; i < n; i++) {
          if (kind == Kind.ADAMW) {
            theta[i] -= lr * weightDecay * theta[i]; // decoupled decay, before the Adam step
          }
          first[i] = BETA1 * first[i] + (1 - BETA1) * g[i];
          second[i] = BETA2 * second[i] + (1 - BETA2) * g[i] * g[i];
          theta[i] -= lr * (first[i] / c1) / (Math.sqrt(second[i] / c2) + ADAM_EPS);
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
  }
}
