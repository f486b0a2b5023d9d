package dev.bagu.demos.attention;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;
import dev.bagu.nn.Attention;
import dev.bagu.nn.AttentionBackward;
import dev.bagu.nn.AttentionHead;
import java.util.ArrayList;
import java.util.List;

/**
 * Shared Q = K (W_K = W_Q) against separate projections: what holds for the score matrix over
 * many random heads, and training both to attend to the previous token.
 */
final class SharedQk {
  private SharedQk() {}

  /** Over many random (X, W) draws: counts for the shared and the separate score matrices. */
  record Stats(double sharedDiagonalRows, double separateDiagonalRows, double longestQueryWins,
      int pairViolations, double sharedAsymmetry) {}

  /**
   * {@code trials} draws of Gaussian X (n, d) and of a shared and a separate head. Diagonal rows:
   * fraction of rows whose largest score is the token's own. Longest query wins: fraction of
   * shared matrices in which the row with the largest ‖q_i‖ has its maximum on the diagonal.
   * Pair violations: shared pairs with S_ij > max(S_ii, S_jj).
   */
  static Stats stats(int n, int dModel, int dk, int trials, long seed) {
    int sharedDiag = 0;
    int separateDiag = 0;
    int longestWins = 0;
    int violations = 0;
    double asym = 0;
    for (int t = 0; t < trials; t++) {
      Rng rng = Rng.stream(seed, 10, t);
      double[][] x = Matrices.gaussian(n, dModel, 1, rng);
      double[][] shared = scores(AttentionHead.random(dModel, dk, 1, true, rng), x);
      double[][] separate = scores(AttentionHead.random(dModel, dk, 1, false, rng), x);
      asym = Math.max(asym, Matrices.maxAbsDifference(shared, Matrices.transpose(shared)));
      int longest = 0;
      for (int i = 0; i < n; i++) {
        sharedDiag += argmax(shared[i]) == i ? 1 : 0;
        separateDiag += argmax(separate[i]) == i ? 1 : 0;
        longest = shared[i][i] > shared[longest][longest] ? i : longest;
        for (int j = 0; j < n; j++) {
          violations += shared[i][j] > Math.max(shared[i][i], shared[j][j]) ? 1 : 0;
        }
      }
      longestWins += argmax(shared[longest]) == longest ? 1 : 0;
    }
    double rows = (double) trials * n;
    return new Stats(sharedDiag / rows, separateDiag / rows, longestWins / (double) trials,
        violations, asym);
  }

  static double[][] scores(AttentionHead head, double[][] x) {
    return Matrices.multiplyTransposed(Matrices.multiply(x, head.wq()),
        Matrices.multiply(x, head.wk()));
  }

  static int argmax(double[] row) {
    int best = 0;
    for (int j = 1; j < row.length; j++) {
      best = row[j] > row[best] ? j : best;
    }
    return best;
  }

  /** A trained head and its error (1 − mean weight on the previous token) after every step. */
  record Run(AttentionHead head, double[] error) {
    double finalError() {
      return error[error.length - 1];
    }
  }

  /**
   * Trains one head on X = I_n (position one-hots, no mask) to put all weight of row i on i − 1
   * (rows 1 … n−1), by Adam on the cross-entropy −mean log A_{i,i−1}; its gradient on the scaled
   * scores is (A − Y)/R, passed through {@link AttentionBackward#scoresBackward}. Shared: W_K is
   * W_Q, one parameter, gradient ∂W_Q + ∂W_K.
   */
  static Run trainPreviousToken(int n, int dk, boolean shared, int steps, double lr, Rng rng) {
    double[][] x = Matrices.identity(n);
    AttentionHead head = AttentionHead.random(n, dk, 1, shared, rng);
    List<double[][]> params = shared ? List.<double[][]>of(head.wq())
        : List.<double[][]>of(head.wq(), head.wk());
    Adam adam = new Adam(params, lr);
    double[] error = new double[steps + 1];
    for (int t = 0; t <= steps; t++) {
      double[][] a = head.forward(x, false).weights();
      double[][] dScaled = new double[n][n];
      double missed = 0;
      for (int i = 1; i < n; i++) {
        missed += (1 - a[i][i - 1]) / (n - 1);
        for (int j = 0; j < n; j++) {
          dScaled[i][j] = (a[i][j] - (j == i - 1 ? 1 : 0)) / (n - 1);
        }
      }
      error[t] = missed;
      if (t < steps) {
        AttentionBackward.Gradient g = AttentionBackward.scoresBackward(x, head, dScaled);
        List<double[][]> grads = new ArrayList<>();
        grads.add(shared ? Matrices.add(g.wq(), g.wk()) : g.wq());
        if (!shared) {
          grads.add(g.wk());
        }
        adam.step(grads);
      }
    }
    return new Run(head, error);
  }

  static Attention.Steps forward(AttentionHead head, int n) {
    return head.forward(Matrices.identity(n), false);
  }
}
