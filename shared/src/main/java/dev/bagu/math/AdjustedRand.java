package dev.bagu.math;

import java.util.HashMap;
import java.util.Map;

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
    Map<Long, Integer> cells = new HashMap<>();
    Map<Integer, Integer> rows = new HashMap<>();
    Map<Integer, Integer> cols = new HashMap<>();
    for (int i = 0; i < truth.length; i++) {
      cells.merge(((long) truth[i] << 32) ^ (predicted[i] & 0xffffffffL), 1, Integer::sum);
      rows.merge(truth[i], 1, Integer::sum);
      cols.merge(predicted[i], 1, Integer::sum);
    }
    double sumCells = cells.values().stream().mapToDouble(AdjustedRand::pairs).sum();
    double sumRows = rows.values().stream().mapToDouble(AdjustedRand::pairs).sum();
    double sumCols = cols.values().stream().mapToDouble(AdjustedRand::pairs).sum();
    double expected = sumRows * sumCols / pairs(truth.length);
    double max = 0.5 * (sumRows + sumCols);
    if (max == expected) {
      // One cluster on both sides, or every point alone on both: the same partition (sklearn).
      return 1.0;
    }
    return (sumCells - expected) / (max - expected);
  }

  /** C(m, 2). */
  private static double pairs(int m) {
    return m * (m - 1.0) / 2;
  }
}
