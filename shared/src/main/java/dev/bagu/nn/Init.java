package dev.bagu.nn;

import dev.bagu.math.Rng;

/**
 * Ways to draw a weight matrix W of shape (n_out, n_in) before training. Biases start at 0 in
 * every case. The variances are those of the papers and of PyTorch's {@code nn.init}.
 */
public enum Init {
  /** All weights 0: every unit of a layer computes the same thing, forever. */
  ZERO("zero"),
  /** N(0, 0.01²), the "small random numbers" of early tutorials. */
  SMALL("small N(0, 0.01²)"),
  /** N(0, 1), regardless of the layer's size. */
  LARGE("large N(0, 1)"),
  /** Glorot & Bengio 2010, eq. 16: U[−a, a] with a = √(6/(n_in + n_out)), Var = 2/(n_in + n_out). */
  XAVIER_UNIFORM("Xavier uniform"),
  /** Glorot & Bengio's variance from a normal: N(0, 2/(n_in + n_out)). */
  XAVIER_NORMAL("Xavier normal"),
  /** He et al. 2015, eq. 10: N(0, 2/n_in), for ReLU. */
  HE_NORMAL("He normal"),
  /** LeCun et al. 1998: N(0, 1/n_in), the "1/n" that He et al. compare against. */
  LECUN_NORMAL("LeCun N(0, 1/n)"),
  /** Saxe et al. 2014: a random orthogonal matrix (orthonormal rows or columns), gain 1. */
  ORTHOGONAL("orthogonal");

  private final String label;

  Init(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The variance of one weight this init aims for, for a layer n_in → n_out. */
  public double variance(int nIn, int nOut) {
    return switch (this) {
      case ZERO -> 0;
      case SMALL -> 1e-4;
      case LARGE -> 1;
      case XAVIER_UNIFORM, XAVIER_NORMAL -> 2.0 / (nIn + nOut);
      case HE_NORMAL -> 2.0 / nIn;
      case LECUN_NORMAL -> 1.0 / nIn;
      // Q with orthonormal columns (n_out ≥ n_in): Σ_ij q_ij² = n_in over n_out·n_in entries.
      case ORTHOGONAL -> 1.0 / Math.max(nIn, nOut);
    };
  }

  /** A fresh (n_out, n_in) matrix drawn from this init. */
  public double[][] draw(int nOut, int nIn, Rng rng) {
    double[][] w = new double[nOut][nIn];
    switch (this) {
      case ZERO -> { }
      case XAVIER_UNIFORM -> {
        double a = Math.sqrt(6.0 / (nIn + nOut)); // Var(U[−a, a]) = a²/3 = 2/(n_in + n_out)
        for (double[] row : w) {
          for (int j = 0; j < nIn; j++) {
            row[j] = rng.uniform(-a, a);
          }
        }
      }
      case ORTHOGONAL -> OrthogonalDraw.fill(w, rng);
      default -> {
        double std = Math.sqrt(variance(nIn, nOut));
        for (double[] row : w) {
          for (int j = 0; j < nIn; j++) {
            row[j] = std * rng.gaussian();
          }
        }
      }
    }
    return w;
  }
}
