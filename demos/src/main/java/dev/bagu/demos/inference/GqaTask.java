package dev.bagu.demos.inference;

import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * The toy task {@link GqaTraining} trains on: sequences of random tokens, and every position asks
 * for a mix of the tokens just before it, so all heads are pushed toward the same kind of job (look
 * back a few positions, copy the token):
 *
 * <pre>
 *   X_i = [onehot(t_i) ; onehot(i)]                          (V + n)   token and position
 *   Y_i = Σ_k MIX[k] · onehot(t_{i−1−k}),  MIX = (½, ⅓, ⅙)    (V)       for i ≥ 3
 * </pre>
 */
public record GqaTask(int[][] tokens) {
  /** Vocabulary V. */
  public static final int VOCAB = 8;
  /** Weight of the token 1, 2, 3 positions back in the target. */
  static final double[] MIX = {1 / 2.0, 1 / 3.0, 1 / 6.0};

  /** {@code sequences} sequences of {@code length} uniformly random tokens. */
  public static GqaTask random(int sequences, int length, Rng rng) {
    int[][] t = new int[sequences][length];
    for (int[] row : t) {
      for (int i = 0; i < length; i++) {
        row[i] = rng.nextInt(VOCAB);
      }
    }
    return new GqaTask(t);
  }

  public int sequences() {
    return tokens.length;
  }

  public int length() {
    return tokens[0].length;
  }

  public int dModel() {
    return VOCAB + length();
  }

  /** Rows that count in the loss: those with three tokens before them. */
  public int scoredRows() {
    return length() - MIX.length;
  }

  /** X of sequence s, (n, V + n). */
  public double[][] input(int s) {
    double[][] x = new double[length()][dModel()];
    for (int i = 0; i < length(); i++) {
      x[i][tokens[s][i]] = 1;
      x[i][VOCAB + i] = 1;
    }
    return x;
  }

  public List<double[][]> inputs() {
    List<double[][]> list = new ArrayList<>();
    for (int s = 0; s < sequences(); s++) {
      list.add(input(s));
    }
    return list;
  }

  /** Y of sequence s, (n, V); rows before MIX.length have no target and are not scored. */
  public double[][] target(int s) {
    double[][] y = new double[length()][VOCAB];
    for (int i = MIX.length; i < length(); i++) {
      for (int k = 0; k < MIX.length; k++) {
        y[i][tokens[s][i - 1 - k]] += MIX[k];
      }
    }
    return y;
  }
}
