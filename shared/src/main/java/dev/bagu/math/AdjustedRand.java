package dev.bagu.math;

import java.util.Arrays;

/**
 * The adjusted Rand index (Hubert & Arabie 1985) between two labelings of the same points, as
 * scikit-learn's {@code adjusted_rand_score}: 1 for the same partition (whatever the label
 * numbers), about 0 for a random one, negative for worse than random. Labels are arbitrary ints;
 * noise (−1) is one more label, as in scikit-learn.
 *
 * <pre>
 *   ARI = (Σ_ij C(n_ij, 2) − E) / (½(Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − E),
 *   E = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(n, 2)
 * </pre>
 * n_ij the contingency table, a_i and b_j its row and column sums.
 */
public final class AdjustedRand {
  private AdjustedRand() {}

  public static double index(int[] truth, int[] predicted) {
    if (truth.length != predicted.length) {
      throw new IllegalArgumentException("labelings differ in length: " + truth.length + " and "
          + predicted.length);
    }
    if (truth.length < 2) {
      return 1.0; // no pairs to disagree on
    }
    // Each sum counts the pairs inside groups of equal keys: sort, then measure each run. The
    // terms are whole numbers far below 2^53, so the sums are exact in any order.
    long[] cells = new long[truth.length];
    long[] rows = new long[truth.length];
    long[] cols = new long[truth.length];
    for (int i = 0; i < truth.length; i++) {
      cells[i] = ((long) truth[i] << 32) ^ (predicted[i] & 0xffffffffL);
      rows[i] = truth[i];
      cols[i] = predicted[i];
    }
    double sumCells = pairsWithin(cells);
    double sumRows = pairsWithin(rows);
    double sumCols = pairsWithin(cols);
    double expected = sumRows * sumCols / pairs(truth.length);
    double max = 0.5 * (sumRows + sumCols);
    if (max == expected) {
      // One cluster on both sides, or every point alone on both: the same partition (sklearn).
      return 1.0;
    }
    return (sumCells - expected) / (max - expected);
  }

  /** Σ C(m, 2) over the groups of equal values (m the size of each); sorts the array. */
  private static double pairsWithin(long[] keys) {
    Arrays.sort(keys);
    double sum = 0;
    int run = 1;
    for (int i = 1; i < keys.length; i++) {
      if (keys[i] == keys[i - 1]) {
        run++;
      } else {
        sum += pairs(run);
        run = 1;
      }
    }
    return sum + pairs(run);
  }

  /** C(m, 2). */
  private static double pairs(int m) {
    return m * (m - 1.0) / 2;
  }
}
