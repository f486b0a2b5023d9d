package dev.bagu.demos.training;

import java.util.Arrays;

/**
 * Runs one optimiser from a function's start for a number of steps and keeps the whole path. A
 * run that leaves the plane (|x| or |y| above {@value #DIVERGED}, or not finite) stops there: its
 * path is shorter than steps + 1 points and {@code diverged} is true.
 *
 * @param x x after each step, the start first (steps + 1 values unless diverged)
 * @param y likewise
 * @param loss f at each point of the path
 */
public record Descent(Optimizer.Kind kind, double[] x, double[] y, double[] loss,
    boolean diverged) {
  /** Beyond this a run counts as diverged and stops. */
  public static final double DIVERGED = 1e3;

  public static Descent run(TestFunction f, Optimizer opt, int steps) {
    double[] theta = f.start();
    double[] g = new double[2];
    double[] xs = new double[steps + 1];
    double[] ys = new double[steps + 1];
    double[] loss = new double[steps + 1];
    xs[0] = theta[0];
    ys[0] = theta[1];
    loss[0] = f.value(theta[0], theta[1]);
    int n = 1;
    boolean diverged = false;
    for (int s = 1; s <= steps; s++) {
      f.gradient(theta[0], theta[1], g);
      opt.step(theta, g);
      if (!(Math.abs(theta[0]) <= DIVERGED && Math.abs(theta[1]) <= DIVERGED)) {
        diverged = true;
        break;
      }
      xs[n] = theta[0];
      ys[n] = theta[1];
      loss[n] = f.value(theta[0], theta[1]);
      n++;
    }
    return new Descent(opt.kind(), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n),
        Arrays.copyOf(loss, n), diverged);
  }

  /** Points on the path, the start included. */
  public int points() {
    return x.length;
  }

  /** The path up to and including point k (for animation frames). */
  public double[][] prefix(int k) {
    int m = Math.min(k + 1, x.length);
    return new double[][] {Arrays.copyOf(x, m), Arrays.copyOf(y, m)};
  }
}
