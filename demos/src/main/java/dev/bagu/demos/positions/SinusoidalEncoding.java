package dev.bagu.demos.positions;

/**
 * The Transformer's fixed sinusoidal position encoding (Vaswani et al. 2017, §3.5), in the paper's
 * interleaved layout: for pair i = 0 … d/2 − 1 with frequency ω_i = base^(−2i/d),
 *
 * <pre>
 *   PE(pos, 2i)     = sin(pos · ω_i)
 *   PE(pos, 2i + 1) = cos(pos · ω_i)
 * </pre>
 *
 * Because sin a·sin b + cos a·cos b = cos(a − b), the dot product of two rows is
 * PE(m)·PE(n) = Σ_i cos((m − n)·ω_i): it depends on the offset m − n only, which is why a linear
 * map of PE(m) can reach PE(m + k) for any fixed k (the paper's reason for choosing it).
 */
public final class SinusoidalEncoding {
  private SinusoidalEncoding() {}

  /** ω_i = base^(−2i/d) for i = 0 … d/2 − 1: from 1 down to almost 1/base (radians per position). */
  public static double[] frequencies(int d, double base) {
    requireEven(d);
    double[] omega = new double[d / 2];
    for (int i = 0; i < omega.length; i++) {
      omega[i] = Math.pow(base, -2.0 * i / d);
    }
    return omega;
  }

  /** Wavelength of pair i, 2π/ω_i = 2π·base^(2i/d): from 2π up to 2π·base^((d−2)/d) positions. */
  public static double[] wavelengths(int d, double base) {
    double[] omega = frequencies(d, base);
    double[] lambda = new double[omega.length];
    for (int i = 0; i < omega.length; i++) {
      lambda[i] = 2 * Math.PI / omega[i];
    }
    return lambda;
  }

  /** The encoding, shape [positions][d]: one row per position 0 … positions − 1. */
  public static double[][] matrix(int positions, int d, double base) {
    double[] omega = frequencies(d, base);
    double[][] pe = new double[positions][d];
    for (int pos = 0; pos < positions; pos++) {
      for (int i = 0; i < omega.length; i++) {
        double angle = pos * omega[i];
        pe[pos][2 * i] = Math.sin(angle);
        pe[pos][2 * i + 1] = Math.cos(angle);
      }
    }
    return pe;
  }

  /** All dot products G[m][n] = PE(m)·PE(n), shape [positions][positions], symmetric. */
  public static double[][] gram(double[][] pe) {
    int p = pe.length;
    double[][] g = new double[p][p];
    for (int m = 0; m < p; m++) {
      for (int n = m; n < p; n++) {
        double dot = 0;
        for (int c = 0; c < pe[m].length; c++) {
          dot += pe[m][c] * pe[n][c];
        }
        g[m][n] = dot;
        g[n][m] = dot;
      }
    }
    return g;
  }

  /**
   * max |PE(m)·PE(n) − PE(m+s)·PE(n+s)| over every m, n, s inside the grid. Pairs (m, n) and
   * (m+s, n+s) lie on the same diagonal of the Gram matrix, so the maximum is the largest spread
   * (max − min) along any diagonal: O(positions²) instead of O(positions³).
   */
  public static double maxShiftDeviation(double[][] gram) {
    return maxDiagonalSpread(gram);
  }

  /**
   * The largest max − min along any diagonal of a square matrix: max |A[m][n] − A[m+s][n+s]|.
   * Zero exactly when A[m][n] is a function of m − n (a Toeplitz matrix).
   */
  static double maxDiagonalSpread(double[][] a) {
    int p = a.length;
    double worst = 0;
    for (int offset = -(p - 1); offset <= p - 1; offset++) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int m = Math.max(0, -offset); m < p && m + offset < p; m++) {
        double v = a[m][m + offset];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      worst = Math.max(worst, hi - lo);
    }
    return worst;
  }

  /** The closed form PE(m)·PE(n) = Σ_i cos(k·ω_i) at offset k = m − n. */
  public static double dotAtOffset(int k, double[] omega) {
    double sum = 0;
    for (double w : omega) {
      sum += Math.cos(k * w);
    }
    return sum;
  }

  /** max |G[m][n] − Σ_i cos((m − n)·ω_i)|: the measured dot products against the closed form. */
  public static double maxClosedFormError(double[][] gram, double[] omega) {
    int p = gram.length;
    double[] byOffset = new double[p]; // even in k, so |m − n| is enough
    for (int k = 0; k < p; k++) {
      byOffset[k] = dotAtOffset(k, omega);
    }
    double worst = 0;
    for (int m = 0; m < p; m++) {
      for (int n = 0; n < p; n++) {
        worst = Math.max(worst, Math.abs(gram[m][n] - byOffset[Math.abs(m - n)]));
      }
    }
    return worst;
  }

  static void requireEven(int d) {
    if (d < 2 || d % 2 != 0) {
      throw new IllegalArgumentException("dimension must be even and at least 2: " + d);
    }
  }
}
