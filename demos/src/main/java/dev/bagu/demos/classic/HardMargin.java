package dev.bagu.demos.classic;

import dev.bagu.math.Rng;

/**
 * A separable toy set whose maximum-margin separator is known in closed form: the two closest
 * points x₋ = (−1, −0.5) and x₊ = (1, 0.5) of opposite classes, and other points placed beyond
 * their margins. Then the perpendicular bisector of x₋x₊ is optimal (no separator can have a
 * margin wider than ‖x₊ − x₋‖, and this one reaches it):
 *
 * <pre>
 *   d = x₊ − x₋,   w = 2d / ‖d‖²,   b = −w·(x₊ + x₋)/2,   margin width 2/‖w‖ = ‖d‖
 * </pre>
 */
final class HardMargin {
  private HardMargin() {}

  static final double[] NEG = {-1, -0.5};
  static final double[] POS = {1, 0.5};
  /** Other points lie at least this far out: y·(w·x + b) ≥ 1.4. */
  private static final double CLEARANCE = 1.4;

  /** The closed-form {w₁, w₂, b}. */
  static double[] closedForm() {
    double dx = POS[0] - NEG[0];
    double dy = POS[1] - NEG[1];
    double d2 = dx * dx + dy * dy;
    double w1 = 2 * dx / d2;
    double w2 = 2 * dy / d2;
    double b = -(w1 * (POS[0] + NEG[0]) + w2 * (POS[1] + NEG[1])) / 2;
    return new double[] {w1, w2, b};
  }

  /** The two closest points (indices 0 and 1) and n − 2 others drawn beyond the margins. */
  static SvmPoints points(int n, Rng rng) {
    double[] wb = closedForm();
    double[][] x = new double[n][];
    int[] y = new int[n];
    x[0] = NEG.clone();
    x[1] = POS.clone();
    y[1] = 1;
    for (int i = 2; i < n; i++) {
      int cls = i % 2;
      double cx = cls == 1 ? 2.2 : -2.2;
      double cy = cls == 1 ? 1.0 : -1.0;
      double[] p;
      do {
        p = new double[] {cx + 1.0 * rng.gaussian(), cy + 1.0 * rng.gaussian()};
      } while ((cls == 1 ? 1 : -1) * (wb[0] * p[0] + wb[1] * p[1] + wb[2]) < CLEARANCE);
      x[i] = p;
      y[i] = cls;
    }
    return new SvmPoints(x, y, java.util.List.of("0", "1"), "separable");
  }
}
