package dev.bagu.nn;

import dev.bagu.math.Matrices;
import dev.bagu.math.Softmax;
import java.util.Arrays;

/**
 * Scaled dot-product attention (Vaswani et al. 2017, eq. 1), written out step by step so each
 * intermediate can be drawn:
 *
 * <pre>
 *   S = Q Kᵀ            (n_q, n_k)  raw scores
 *   Ŝ = S / √d_k        (n_q, n_k)  scaled scores; causal: Ŝ_ij = −∞ for j > i
 *   A = softmax_row(Ŝ)  (n_q, n_k)  weights, every row sums to 1
 *   O = A V             (n_q, d_v)  output
 * </pre>
 *
 * Q is (n_q, d_k), K is (n_k, d_k), V is (n_k, d_v); rows are tokens.
 */
public final class Attention {
  private Attention() {}

  /** Every intermediate of one attention call. */
  public record Steps(double[][] scores, double[][] scaled, double[][] weights,
      double[][] output) {}

  /** O = softmax(Q Kᵀ / √d_k [+ causal mask]) V, with the intermediates. */
  public static Steps steps(double[][] q, double[][] k, double[][] v, boolean causal) {
    if (k.length != v.length) {
      throw new IllegalArgumentException("K has " + k.length + " rows but V has " + v.length);
    }
    double[][] scores = Matrices.multiplyTransposed(q, k);
    double[][] scaled = Matrices.scale(scores, 1 / Math.sqrt(q[0].length));
    double[][] weights = weights(scaled, causal);
    return new Steps(scores, scaled, weights, Matrices.multiply(weights, v));
  }

  /** The output O alone. */
  public static double[][] attend(double[][] q, double[][] k, double[][] v, boolean causal) {
    return steps(q, k, v, causal).output();
  }

  /**
   * Row-wise softmax of scores (n_q, n_k). Causal: query i sees keys 0..i only (masked entries
   * get weight exactly 0), which needs n_q ≤ n_k so that every row keeps at least one key.
   */
  public static double[][] weights(double[][] scores, boolean causal) {
    double[][] w = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      double[] row = scores[i];
      if (causal) {
        if (i >= row.length) {
          throw new IllegalArgumentException("causal mask: query " + i + " has no key");
        }
        double[] visible = Softmax.of(Arrays.copyOf(row, i + 1));
        w[i] = Arrays.copyOf(visible, row.length); // masked keys: weight 0
      } else {
        w[i] = Softmax.of(row);
      }
    }
    return w;
  }
}
