package dev.bagu.demos.attention;

import dev.bagu.math.Rng;

/**
 * A toy task that needs two attention relations at once. Sequences of n random tokens from a
 * vocabulary of V; position i must output the token one back AND the token {@code offset} back,
 * side by side:
 *
 * <pre>
 *   X_i = [onehot(t_i) ; onehot(i)]                      (V + n)   token and position
 *   Y_i = [onehot(t_{i−1}) ; onehot(t_{i−offset})]       (2V)      for i ≥ offset
 * </pre>
 *
 * Rows i < offset have no target and are left out of the loss. One head outputs one convex
 * mixture of value rows, the same mixture for both halves of Y_i, so it can copy one of the two
 * tokens, or a blend; two heads can each copy one.
 */
public record TwoRelationsTask(int vocab, int length, int offset, int[][] tokens) {
  public TwoRelationsTask {
    if (offset < 2 || offset >= length) {
      throw new IllegalArgumentException("offset must be in [2, length − 1]: " + offset);
    }
  }

  /** {@code sequences} sequences of uniformly random tokens. */
  public static TwoRelationsTask random(int vocab, int length, int offset, int sequences,
      Rng rng) {
    int[][] t = new int[sequences][length];
    for (int[] row : t) {
      for (int i = 0; i < length; i++) {
        row[i] = rng.nextInt(vocab);
      }
    }
    return new TwoRelationsTask(vocab, length, offset, t);
  }

  public int sequences() {
    return tokens.length;
  }

  public int dModel() {
    return vocab + length;
  }

  /** X of sequence s, (n, V + n). */
  public double[][] input(int s) {
    double[][] x = new double[length][vocab + length];
    for (int i = 0; i < length; i++) {
      x[i][tokens[s][i]] = 1;
      x[i][vocab + i] = 1;
    }
    return x;
  }

  /** Y of sequence s, (n, 2V); rows before {@code offset} are zero and not scored. */
  public double[][] target(int s) {
    double[][] y = new double[length][2 * vocab];
    for (int i = offset; i < length; i++) {
      y[i][tokens[s][i - 1]] = 1;
      y[i][vocab + tokens[s][i - offset]] = 1;
    }
    return y;
  }

  /** Rows that count in the loss. */
  public int scoredRows() {
    return length - offset;
  }

  /** Token letters a, b, c, … for axis labels. */
  public static String letter(int token) {
    return Character.toString((char) ('a' + token));
  }

  /**
   * Error per scored row of a head that copies one of the two tokens and predicts the other as
   * uniform, or that blends them 50/50 (both give Σ = 1 − 1/V for one-hot tokens; derived in the
   * explanation). Not a proof of a lower bound for every single head; the training measures.
   */
  public double oneRelationError() {
    return 1 - 1.0 / vocab;
  }
}
