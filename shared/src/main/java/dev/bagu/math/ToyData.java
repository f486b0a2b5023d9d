package dev.bagu.math;

/**
 * Seeded toy 2-D classification sets, as in scikit-learn's {@code make_moons}: small, known
 * shapes that a network must bend its boundary to fit.
 */
public final class ToyData {
  private ToyData() {}

  /** Points x (n, 2) with labels y (n) in [0, classes). */
  public record Labelled(double[][] x, int[] y, int classes) {}

  /**
   * Two interleaving half circles (scikit-learn's {@code make_moons}): class 0 on the upper arc
   * (cos t, sin t), class 1 on the lower arc (1 − cos t, 1/2 − sin t), t uniform in [0, π), plus
   * N(0, noise²) on each coordinate. Classes alternate, so any prefix is balanced.
   */
  public static Labelled moons(int n, double noise, Rng rng) {
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double t = Math.PI * rng.uniform();
      y[i] = i % 2;
      x[i][0] = y[i] == 0 ? Math.cos(t) : 1 - Math.cos(t);
      x[i][1] = y[i] == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
      x[i][0] += noise * rng.gaussian();
      x[i][1] += noise * rng.gaussian();
    }
    return new Labelled(x, y, 2);
  }

  /**
   * {@code classes} interleaved spiral arms (the CS231n spiral): point j of arm k sits at radius
   * r = j/m and angle 4r + 2πk/classes + N(0, noise²), m points per arm.
   */
  public static Labelled spirals(int n, int classes, double noise, Rng rng) {
    double[][] x = new double[n][2];
    int[] y = new int[n];
    int perArm = (n + classes - 1) / classes;
    for (int i = 0; i < n; i++) {
      int k = i % classes;
      double r = (double) (i / classes) / perArm;
      double angle = 4 * r + 2 * Math.PI * k / classes + noise * rng.gaussian();
      y[i] = k;
      x[i][0] = r * Math.cos(angle);
      x[i][1] = r * Math.sin(angle);
    }
    return new Labelled(x, y, classes);
  }
}
