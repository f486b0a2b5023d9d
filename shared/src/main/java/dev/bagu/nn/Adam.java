package dev.bagu.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam (Kingma and Ba 2015, Algorithm 1) over a fixed list of weight matrices, updated in place:
 *
 * <pre>
 *   m ← β₁ m + (1 − β₁) g,   v ← β₂ v + (1 − β₂) g²
 *   θ ← θ − lr · m̂ / (√v̂ + ε),   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
 * </pre>
 *
 * The attention demos train a handful of small matrices whose gradients differ by orders of
 * magnitude between the score and value paths; plain SGD would need a learning rate per matrix.
 */
public final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final List<double[][]> params;
  private final List<double[][]> m = new ArrayList<>();
  private final List<double[][]> v = new ArrayList<>();
  private final double learningRate;
  private int t;

  /** The matrices to train; the same array listed twice would be stepped twice. */
  public Adam(List<double[][]> params, double learningRate) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
    }
    this.params = List.copyOf(params);
    this.learningRate = learningRate;
    for (double[][] p : this.params) {
      m.add(new double[p.length][p[0].length]);
      v.add(new double[p.length][p[0].length]);
    }
  }

  /** One step with the gradients, given in the same order and shapes as the parameters. */
  public void step(List<double[][]> grads) {
    if (grads.size() != params.size()) {
      throw new IllegalArgumentException(grads.size() + " gradients for " + params.size()
          + " parameters");
    }
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int p = 0; p < params.size(); p++) {
      double[][] w = params.get(p);
      double[][] g = grads.get(p);
      for (int i = 0; i < w.length; i++) {
        double[] wi = w[i];
        double[] gi = g[i];
        double[] mi = m.get(p)[i];
        double[] vi = v.get(p)[i];
        for (int j = 0; j < wi.length; j++) {
          mi[j] = BETA1 * mi[j] + (1 - BETA1) * gi[j];
          vi[j] = BETA2 * vi[j] + (1 - BETA2) * gi[j] * gi[j];
          wi[j] -= learningRate * (mi[j] / c1) / (Math.sqrt(vi[j] / c2) + EPS);
        }
      }
    }
  }
}
