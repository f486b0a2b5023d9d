package dev.bagu.demos.positions;

import dev.bagu.math.Softmax;
import java.util.Arrays;

/**
 * ALiBi, attention with linear biases (Press et al. 2021): no position embeddings; head h adds
 * −m_h·(i − j) to the score of query i on key j ≤ i, a penalty growing linearly with distance.
 * The slopes m_h form a geometric sequence that starts at 2^(−8/n) with that same ratio, for n
 * heads a power of two (n = 8: 1/2, 1/4, …, 1/256). For other n the paper's reference code takes
 * the n' = largest power of two below n slopes, then every other slope of the 2n' sequence
 * (its 1st, 3rd, 5th, …) until there are n.
 */
public final class Alibi {
  private Alibi() {}

  /** The slopes m_0 … m_{n−1}, head 0 first (steepest). */
  public static double[] slopes(int heads) {
    if (heads < 1) {
      throw new IllegalArgumentException("heads must be at least 1: " + heads);
    }
    if (isPowerOfTwo(heads)) {
      double[] m = new double[heads];
      for (int h = 0; h < heads; h++) {
        m[h] = Math.pow(2, -8.0 * (h + 1) / heads); // start 2^(−8/n), ratio 2^(−8/n)
      }
      return m;
    }
    int lower = Integer.highestOneBit(heads);
    double[] base = slopes(lower);
    double[] doubled = slopes(2 * lower);
    double[] m = Arrays.copyOf(base, heads);
    for (int extra = 0; extra < heads - lower; extra++) {
      m[lower + extra] = doubled[2 * extra]; // the 2n' sequence's 1st, 3rd, 5th … slopes
    }
    return m;
  }

  public static boolean isPowerOfTwo(int n) {
    return n > 0 && (n & (n - 1)) == 0;
  }

  /**
   * The bias added to head h's scores over the first {@code length} positions, [query i][key j]:
   * −slope·(i − j) for j ≤ i, NaN for j > i (masked: a causal model never sees those keys).
   */
  public static double[][] bias(double slope, int length) {
    double[][] b = new double[length][length];
    for (int i = 0; i < length; i++) {
      for (int j = 0; j < length; j++) {
        b[i][j] = j <= i ? (j - i) * slope : Double.NaN; // (j − i)·m: 0, not −0, on the diagonal
      }
    }
    return b;
  }

  /**
   * The last query's attention over a sequence of {@code length} keys, indexed by distance
   * k = i − j (k = 0 is the query's own position): softmax_k(content[k] − slope·k). The content
   * scores are given by distance, so the same keys sit at the same distances at every length.
   */
  public static double[] lastQueryWeights(double[] content, double slope, int length) {
    if (length > content.length) {
      throw new IllegalArgumentException("length " + length + " needs " + length
          + " content scores, got " + content.length);
    }
    double[] logits = new double[length];
    for (int k = 0; k < length; k++) {
      logits[k] = content[k] - slope * k;
    }
    return Softmax.of(logits);
  }

  /** The attention weight on keys at distance ≥ {@code distance}. */
  public static double massBeyond(double[] weightsByDistance, int distance) {
    double sum = 0;
    for (int k = distance; k < weightsByDistance.length; k++) {
      sum += weightsByDistance[k];
    }
    return sum;
  }
}
