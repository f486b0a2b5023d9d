package dev.bagu.demos.finetune;

import dev.bagu.math.Rng;

/** The numerical checks the loss-functions demo prints. */
final class LossChecks {
  private LossChecks() {}

  /** max |focal(γ = 0) − CE| over 1000 rows of 10 logits N(0, 3²). */
  static double focalZeroGap(Rng rng) {
    double worst = 0;
    double[] z = new double[10];
    for (int row = 0; row < 1000; row++) {
      for (int i = 0; i < z.length; i++) {
        z[i] = 3 * rng.gaussian();
      }
      int t = rng.nextInt(z.length);
      worst = Math.max(worst, Math.abs(MulticlassLosses.focal(z, t, 0)
          - MulticlassLosses.crossEntropy(z, t)));
    }
    return worst;
  }

  /**
   * max |∂L/∂m − (L(m + h) − L(m − h))/2h| over m ∈ [−4, 4] (a grid that avoids the hinge's kink
   * at m = 1) for every margin loss.
   */
  static double gradientError(MarginLoss.Knobs knobs) {
    double h = 1e-5;
    double worst = 0;
    for (MarginLoss loss : MarginLoss.values()) {
      for (int i = 0; i <= 160; i++) {
        double m = -4 + 8 * i / 160.0 + 0.0123;
        double fd = (loss.loss(m + h, knobs) - loss.loss(m - h, knobs)) / (2 * h);
        worst = Math.max(worst, Math.abs(loss.gradient(m, knobs) - fd));
      }
    }
    return worst;
  }
}
