package dev.bagu.math;

import dev.bagu.math.ToyData.Labelled;

/**
 * Seeded 2-D sets for clustering, the ones scikit-learn's "Comparing different clustering
 * algorithms on toy datasets" uses: round blobs, anisotropic (sheared) blobs, blobs of varied
 * density, two circles, and uniform points with no structure as a control. (Moons are in
 * {@link ToyData}.) Labels say which blob or ring a point was drawn from; point i belongs to
 * cluster i mod k, so any prefix is balanced.
 */
public final class ClusterData {
  private ClusterData() {}

  /** scikit-learn's {@code make_blobs} box for random centres: each coordinate in [−10, 10). */
  public static final double CENTRE_BOX = 10;

  /** k centres uniform in the centre box, then {@link #blobs(int, double[][], double[], Rng)}. */
  public static Labelled blobs(int n, int k, double spread, Rng rng) {
    double[][] centres = randomCentres(k, rng);
    double[] std = new double[k];
    java.util.Arrays.fill(std, spread);
    return blobs(n, centres, std, rng);
  }

  /** Point i: centre (i mod k) plus N(0, std²) on each coordinate. */
  public static Labelled blobs(int n, double[][] centres, double[] std, Rng rng) {
    int k = centres.length;
    if (k < 1 || std.length != k) {
      throw new IllegalArgumentException("need k ≥ 1 centres and one std per centre: " + k
          + " centres, " + std.length + " stds");
    }
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % k;
      x[i][0] = centres[y[i]][0] + std[y[i]] * rng.gaussian();
      x[i][1] = centres[y[i]][1] + std[y[i]] * rng.gaussian();
    }
    return new Labelled(x, y, k);
  }

  /** scikit-learn's shear for the anisotropic set: x ← x · [[0.6, −0.6], [−0.4, 0.8]]. */
  static final double[][] SHEAR = {{0.6, -0.6}, {-0.4, 0.8}};

  /** Three unit-spread blobs, sheared into long diagonal ellipses that share one orientation. */
  public static Labelled anisotropic(int n, Rng rng) {
    return anisotropic(n, randomCentres(3, rng), rng);
  }

  /** Unit-spread blobs around the given centres, then sheared as {@link #anisotropic(int, Rng)}. */
  public static Labelled anisotropic(int n, double[][] centres, Rng rng) {
    double[] std = new double[centres.length];
    java.util.Arrays.fill(std, 1.0);
    Labelled b = blobs(n, centres, std, rng);
    for (double[] p : b.x()) {
      double u = p[0] * SHEAR[0][0] + p[1] * SHEAR[1][0];
      double v = p[0] * SHEAR[0][1] + p[1] * SHEAR[1][1];
      p[0] = u;
      p[1] = v;
    }
    return b;
  }

  /** scikit-learn's varied set: three blobs with standard deviations 1.0, 2.5 and 0.5. */
  public static Labelled variedDensity(int n, Rng rng) {
    return variedDensity(n, randomCentres(3, rng), rng);
  }

  /** The varied set around three given centres. */
  public static Labelled variedDensity(int n, double[][] centres, Rng rng) {
    if (centres.length != 3) {
      throw new IllegalArgumentException("the varied set has 3 centres: " + centres.length);
    }
    return blobs(n, centres, new double[] {1.0, 2.5, 0.5}, rng);
  }

  /** k centres uniform in the centre box, x then y for each (make_blobs' order). */
  static double[][] randomCentres(int k, Rng rng) {
    double[][] centres = new double[k][2];
    for (double[] c : centres) {
      c[0] = rng.uniform(-CENTRE_BOX, CENTRE_BOX);
      c[1] = rng.uniform(-CENTRE_BOX, CENTRE_BOX);
    }
    return centres;
  }

  /**
   * scikit-learn's {@code make_circles}: class 0 on the unit circle, class 1 on a circle of radius
   * {@code factor}, angles evenly spaced on each, plus N(0, noise²) on each coordinate.
   */
  public static Labelled circles(int n, double factor, double noise, Rng rng) {
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1): " + factor);
    }
    double[][] x = new double[n][2];
    int[] y = new int[n];
    int outer = (n + 1) / 2;
    int inner = n - outer;
    for (int i = 0; i < n; i++) {
      y[i] = i % 2;
      int j = i / 2; // position on its own circle
      double t = 2 * Math.PI * j / (y[i] == 0 ? outer : inner);
      double r = y[i] == 0 ? 1 : factor;
      x[i][0] = r * Math.cos(t) + noise * rng.gaussian();
      x[i][1] = r * Math.sin(t) + noise * rng.gaussian();
    }
    return new Labelled(x, y, 2);
  }

  /** Uniform in the unit square: no clusters at all (every label 0), the control. */
  public static Labelled uniform(int n, Rng rng) {
    double[][] x = new double[n][2];
    for (double[] p : x) {
      p[0] = rng.uniform();
      p[1] = rng.uniform();
    }
    return new Labelled(x, new int[n], 1);
  }

  /**
   * Each column shifted to mean 0 and scaled to standard deviation 1 (population, as
   * scikit-learn's {@code StandardScaler}); a constant column is only shifted. A new array.
   */
  public static double[][] standardised(double[][] x) {
    int n = x.length;
    double[][] out = new double[n][];
    for (int i = 0; i < n; i++) {
      out[i] = x[i].clone();
    }
    if (n == 0) {
      return out;
    }
    for (int d = 0; d < x[0].length; d++) {
      double mean = 0;
      for (double[] p : x) {
        mean += p[d];
      }
      mean /= n;
      double var = 0;
      for (double[] p : x) {
        var += (p[d] - mean) * (p[d] - mean);
      }
      double sd = Math.sqrt(var / n);
      for (double[] p : out) {
        p[d] = sd > 0 ? (p[d] - mean) / sd : p[d] - mean;
      }
    }
    return out;
  }
}
