package dev.bagu.demos.positions;

/**
 * Rotary position embedding, RoPE (Su et al., RoFormer, §3.2–3.4): each pair (2j, 2j+1) of a query
 * or key at position m is rotated by the angle m·θ_j, θ_j = base^(−2j/d), j = 0 … d/2 − 1. A
 * rotation keeps lengths, and R_mᵀR_n = R_{n−m}, so the score q_mᵀk_n = qᵀR_{n−m}k depends on the
 * offset only, whatever m and n are.
 *
 * <p>Long-term decay (§3.4.3): writing the score as Re Σ_j h_j e^{i(m−n)θ_j} with h_j the j-th
 * pair of q times the conjugate of k's, Abel summation gives
 * |score| ≤ max_j |h_{j+1} − h_j| · Σ_{j=1}^{d/2} |S_j|, S_j = Σ_{k=0}^{j−1} e^{i·r·θ_k},
 * r = m − n; the paper plots the mean (1/(d/2))·Σ_j |S_j| against r (its Fig. 2).
 */
public final class Rope {
  private Rope() {}

  /** θ_j = base^(−2j/d) for j = 0 … d/2 − 1 (radians per position), the sinusoidal frequencies. */
  public static double[] thetas(int d, double base) {
    return SinusoidalEncoding.frequencies(d, base);
  }

  /** R_m x: pair j of x, shape [d], rotated by m·θ_j. */
  public static double[] rotate(double[] x, long m, double[] theta) {
    if (x.length != 2 * theta.length) {
      throw new IllegalArgumentException("vector of " + x.length + " values for "
          + theta.length + " pairs");
    }
    double[] out = new double[x.length];
    for (int j = 0; j < theta.length; j++) {
      double angle = m * theta[j];
      double c = Math.cos(angle);
      double s = Math.sin(angle);
      out[2 * j] = x[2 * j] * c - x[2 * j + 1] * s;
      out[2 * j + 1] = x[2 * j] * s + x[2 * j + 1] * c;
    }
    return out;
  }

  /** The score (R_m q)·(R_n k). */
  public static double score(double[] q, long m, double[] k, long n, double[] theta) {
    return dot(rotate(q, m, theta), rotate(k, n, theta));
  }

  /** Scores of q at positions first … first+count−1 against k at the same positions, [m][n]. */
  public static double[][] scores(double[] q, double[] k, long first, int count, double[] theta) {
    double[][] rq = new double[count][];
    double[][] rk = new double[count][];
    for (int i = 0; i < count; i++) {
      rq[i] = rotate(q, first + i, theta);
      rk[i] = rotate(k, first + i, theta);
    }
    double[][] s = new double[count][count];
    for (int m = 0; m < count; m++) {
      for (int n = 0; n < count; n++) {
        s[m][n] = dot(rq[m], rk[n]);
      }
    }
    return s;
  }

  /** max over m = 0 … positions of | ‖R_m x‖ − ‖x‖ |: a rotation keeps the length. */
  public static double maxNormChange(double[] x, int positions, double[] theta) {
    double norm = Math.sqrt(dot(x, x));
    double worst = 0;
    for (int m = 0; m <= positions; m++) {
      double[] r = rotate(x, m, theta);
      worst = Math.max(worst, Math.abs(Math.sqrt(dot(r, r)) - norm));
    }
    return worst;
  }

  /**
   * The paper's decay curve at relative distance r: (1/(d/2))·Σ_{j=1}^{d/2} |S_j| with
   * S_j = Σ_{k=0}^{j−1} e^{i·r·θ_k}. At r = 0 every term is 1, |S_j| = j, so the value is
   * (d/2 + 1)/2 (32.5 at d = 128).
   */
  public static double decayBound(double r, double[] theta) {
    double re = 0;
    double im = 0;
    double sum = 0;
    for (double t : theta) {
      re += Math.cos(r * t);
      im += Math.sin(r * t);
      sum += Math.hypot(re, im);
    }
    return sum / theta.length;
  }

  /** [r, bound] for r = 0 … maxDistance: the JSON's {@code bound}. */
  public static double[][] decayCurve(int maxDistance, double[] theta) {
    double[][] curve = new double[maxDistance + 1][];
    for (int r = 0; r <= maxDistance; r++) {
      curve[r] = new double[] {r, decayBound(r, theta)};
    }
    return curve;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
