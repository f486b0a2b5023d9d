package dev.bagu.demos.training;

/**
 * The three surfaces of the {@code optimizers} demo, each with its gradient, start point, minima
 * and the window the figure shows. Every minimum has f = 0, so f itself is the gap to the optimum
 * (drawn on a log axis).
 */
public enum TestFunction {
  /**
   * Rosenbrock (1960): f = (1 − x)² + 100 (y − x²)², a curved, narrow valley; the classic start
   * (−1.2, 1), f = 24.2 there, minimum (1, 1).
   */
  ROSENBROCK("rosenbrock", new double[] {-1.2, 1}, new double[][] {{1, 1}},
      new double[] {-2, 2, -1, 3}) {
    @Override
    public double value(double x, double y) {
      double a = 1 - x;
      double b = y - x * x;
      return a * a + 100 * b * b;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = -2 * (1 - x) - 400 * x * (y - x * x);
      out[1] = 200 * (y - x * x);
    }
  },
  /**
   * A saddle between two minima: f = 5x² + 5(y² − 1)², saddle (0, 0) with curvature 10 along x
   * and −20 along y, minima (0, ±1). The start (1.5, 0.001) lies almost on the ridge, so the
   * gradient first pulls every method towards the saddle, where it nearly vanishes.
   */
  SADDLE("saddle", new double[] {1.5, 1e-3}, new double[][] {{0, 1}, {0, -1}},
      new double[] {-2, 2, -1.6, 1.6}) {
    @Override
    public double value(double x, double y) {
      double b = y * y - 1;
      return 5 * x * x + 5 * b * b;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 10 * x;
      out[1] = 20 * y * (y * y - 1);
    }
  },
  /**
   * An ill-conditioned quadratic: f = 5x² + 500y², curvatures 10 and 1000 (condition number 100),
   * minimum (0, 0), start (−1.8, 0.6).
   */
  QUADRATIC("quadratic", new double[] {-1.8, 0.6}, new double[][] {{0, 0}},
      new double[] {-2, 2, -1, 1}) {
    @Override
    public double value(double x, double y) {
      return 5 * x * x + 500 * y * y;
    }

    @Override
    public void gradient(double x, double y, double[] out) {
      out[0] = 10 * x;
      out[1] = 1000 * y;
    }
  };

  private final String id;
  private final double[] start;
  private final double[][] minima;
  private final double[] window;

  TestFunction(String id, double[] start, double[][] minima, double[] window) {
    this.id = id;
    this.start = start;
    this.minima = minima;
    this.window = window;
  }

  public abstract double value(double x, double y);

  /** ∇f at (x, y), written into out[0..1]. */
  public abstract void gradient(double x, double y, double[] out);

  /** The parameter value naming this function. */
  public String id() {
    return id;
  }

  public double[] start() {
    return start.clone();
  }

  public double[][] minima() {
    return minima.clone();
  }

  /** {xMin, xMax, yMin, yMax} of the figure. */
  public double[] window() {
    return window.clone();
  }

  /** Distance from (x, y) to the nearest minimum. */
  public double distanceToMinimum(double x, double y) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] m : minima) {
      best = Math.min(best, Math.hypot(x - m[0], y - m[1]));
    }
    return best;
  }

  public static TestFunction of(String id) {
    for (TestFunction f : values()) {
      if (f.id.equals(id)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no function " + id);
  }
}
