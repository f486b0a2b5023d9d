package dev.bagu.demos.training;

import java.util.ArrayList;
import java.util.List;

/**
 * A test function sampled on the figure's grid, and the contour levels to draw: powers of
 * 10^(1/3) (1, 2.15, 4.64, 10, …) from 0.1 up to the largest value in the window, so the lines
 * crowd where f changes fast, as on a log scale.
 *
 * @param z z[j][i] = f(x_i, y_j), row 0 at the bottom of the window
 */
record Surface(double[][] z, double[] levels) {
  static final int GRID = 81;

  static Surface of(TestFunction f) {
    double[] w = f.window();
    double[][] z = new double[GRID][GRID];
    double max = 0;
    for (int j = 0; j < GRID; j++) {
      double y = w[2] + (w[3] - w[2]) * j / (GRID - 1);
      for (int i = 0; i < GRID; i++) {
        double x = w[0] + (w[1] - w[0]) * i / (GRID - 1);
        z[j][i] = f.value(x, y);
        max = Math.max(max, z[j][i]);
      }
    }
    List<Double> levels = new ArrayList<>();
    for (int k = -3; Math.pow(10, k / 3.0) < max; k++) {
      levels.add(Math.pow(10, k / 3.0));
    }
    return new Surface(z, levels.stream().mapToDouble(Double::doubleValue).toArray());
  }
}
