package dev.bagu.demos.vision;

import dev.bagu.math.Rng;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The effective receptive field (Luo et al. 2016) of a stack of linear k × k convolutions: the
 * gradient of the centre output pixel with respect to the input. For a linear stack it is the
 * centre delta back-propagated through every kernel (a correlation with each kernel, last layer
 * first), a (2r + 1)² map with r = n(k − 1)/2, the theoretical receptive field's half-width.
 *
 * <p>The ERF is measured as E[g²] over random N(0, 1) kernels; its spread is σ, the standard
 * deviation along one axis of the map read as a distribution. With independent kernels E[g²] is
 * exactly the n-fold convolution of a k × k box (E[w²] = 1 at every tap), so σ² = n(k² − 1)/12,
 * the variance of a sum of n uniform steps in {−(k−1)/2, …, (k−1)/2}: σ grows as √n while the
 * theoretical field grows as n.
 */
public final class ReceptiveField {
  private ReceptiveField() {}

  /** The map after one more layer: map (2r+1)² correlated with a k × k kernel → (2r+k)². */
  static double[][] backprop(double[][] map, double[][] kernel) {
    int m = map.length;
    int k = kernel.length;
    int size = m + k - 1;
    double[][] out = new double[size][size];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        double v = map[i][j];
        if (v == 0) {
          continue;
        }
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            out[i + a][j + b] += v * kernel[a][b];
          }
        }
      }
    }
    return out;
  }

  /**
   * Mean over {@code trials} of g² for stacks of 1 … n random k × k kernels: maps[l − 1] is the
   * ERF after l layers, side 2l(k − 1)/2 + 1, not normalised.
   */
  public static double[][][] randomStack(int n, int k, int trials, Rng rng) {
    double[][][] sum = new double[n][][];
    for (int t = 0; t < trials; t++) {
      double[][] g = {{1}};
      for (int l = 0; l < n; l++) {
        double[][] kernel = new double[k][k];
        for (double[] row : kernel) {
          rng.fillGaussian(row);
        }
        g = backprop(g, kernel);
        if (sum[l] == null) {
          sum[l] = new double[g.length][g.length];
        }
        for (int i = 0; i < g.length; i++) {
          for (int j = 0; j < g.length; j++) {
            sum[l][i][j] += g[i][j] * g[i][j] / trials;
          }
        }
      }
    }
    return sum;
  }

  /** The gradient map of n stacked k × k kernels of ones (Luo et al.'s uniform weights), exact. */
  public static double[][] uniformStack(int n, int k) {
    double[][] ones = new double[k][k];
    for (double[] row : ones) {
      java.util.Arrays.fill(row, 1);
    }
    double[][] g = {{1}};
    for (int l = 0; l < n; l++) {
      g = backprop(g, ones);
    }
    return g;
  }

  /** One large k × k random kernel: E[g²] over trials (flat in expectation). */
  public static double[][] largeKernel(int k, int trials, Rng rng) {
    return randomStack(1, k, trials, rng)[0];
  }

  /** σ along the first axis of a non-negative map read as a distribution centred on the middle. */
  public static double sigma(double[][] map) {
    int c = map.length / 2;
    double total = 0;
    double second = 0;
    for (int i = 0; i < map.length; i++) {
      for (double v : map[i]) {
        total += v;
        second += v * (i - c) * (i - c);
      }
    }
    return Math.sqrt(second / total);
  }

  /**
   * The variance of n uniform 1-D kernels of size k stacked, computed by convolving the
   * normalised box n times: exactly n(k² − 1)/12.
   */
  public static double uniformVariance(int n, int k) {
    double[] p = {1};
    for (int l = 0; l < n; l++) {
      double[] q = new double[p.length + k - 1];
      for (int i = 0; i < p.length; i++) {
        for (int a = 0; a < k; a++) {
          q[i + a] += p[i] / k;
        }
      }
      p = q;
    }
    int c = p.length / 2;
    double var = 0;
    for (int i = 0; i < p.length; i++) {
      var += p[i] * (i - c) * (i - c);
    }
    return var;
  }

  /** Slope and its standard error of log y against log x (least squares). */
  public static double[] logLogSlope(double[] x, double[] y) {
    SimpleRegression r = new SimpleRegression();
    for (int i = 0; i < x.length; i++) {
      r.addData(Math.log(x[i]), Math.log(y[i]));
    }
    return new double[] {r.getSlope(), r.getSlopeStdErr()};
  }
}
