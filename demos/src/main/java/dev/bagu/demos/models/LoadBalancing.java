package dev.bagu.demos.models;

/**
 * The Switch Transformer's auxiliary load-balancing loss and expert capacity (Fedus et al. 2021,
 * §2.1–2.2, eq. 4–6). For N experts and a batch of T tokens:
 *
 * <pre>
 *   f_i = fraction of the batch's routing choices that go to expert i   (counts: no gradient)
 *   P_i = (1/T) Σ_x p_i(x)                                             (router probabilities)
 *   loss = α · N · Σ_i f_i · P_i
 *   capacity = ⌈capacity factor · k · T / N⌉                            (k = 1 in Switch)
 * </pre>
 *
 * Perfectly uniform routing (f_i = P_i = 1/N) gives α·N·N·(1/N²) = α; total collapse onto one
 * expert (f = P = one-hot) gives α·N. Σ f_i P_i is smallest, for a fixed P, when the counts are
 * spread, which is what the gradient through P pushes the router towards.
 */
public final class LoadBalancing {
  private LoadBalancing() {}

  /**
   * The loss from the router's probabilities (T, N) and each token's chosen experts (T, k).
   * f counts all k choices of each token, so it sums to 1 for any k (for k = 1, Switch's f).
   */
  public static double loss(double[][] probs, int[][] chosen, double alpha) {
    int n = probs[0].length;
    double[] f = choiceShares(chosen, n);
    double[] meanP = meanProbabilities(probs);
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += f[i] * meanP[i];
    }
    return alpha * n * s;
  }

  /** f_i: the share of all routing choices (T·k of them) that name expert i. */
  public static double[] choiceShares(int[][] chosen, int experts) {
    double[] f = new double[experts];
    int total = 0;
    for (int[] c : chosen) {
      for (int e : c) {
        f[e]++;
        total++;
      }
    }
    for (int i = 0; i < experts; i++) {
      f[i] /= total;
    }
    return f;
  }

  /** P_i: the router probability of expert i averaged over the tokens. */
  public static double[] meanProbabilities(double[][] probs) {
    double[] p = new double[probs[0].length];
    for (double[] row : probs) {
      for (int i = 0; i < p.length; i++) {
        p[i] += row[i] / probs.length;
      }
    }
    return p;
  }

  /**
   * ∂loss/∂p_i(x) for every token: α·N·f_i/T (f is held fixed, as the counts have no gradient).
   * The same row for every token, so it is returned once, (N).
   */
  public static double[] gradientPerToken(int[][] chosen, int tokens, int experts, double alpha) {
    double[] f = choiceShares(chosen, experts);
    double[] g = new double[experts];
    for (int i = 0; i < experts; i++) {
      g[i] = alpha * experts * f[i] / tokens;
    }
    return g;
  }

  /** Expert capacity ⌈factor · k · T / N⌉: how many token slots each expert has per batch. */
  public static int capacity(double factor, int topK, int tokens, int experts) {
    // A tiny margin so that 1.25·1024/8 = 160.00000000000003 is not rounded up to 161.
    return (int) Math.ceil(factor * topK * tokens / experts - 1e-9);
  }

  /**
   * Which choices (T, k) fit in capacity: each expert takes at most {@code capacity} choices;
   * first choices of all tokens are placed before any second choice (GShard's priority), tokens
   * in batch order; a choice past capacity is dropped.
   */
  public static boolean[][] keep(int[][] chosen, int experts, int capacity) {
    int tokens = chosen.length;
    int k = tokens == 0 ? 0 : chosen[0].length;
    boolean[][] kept = new boolean[tokens][k];
    int[] used = new int[experts];
    for (int r = 0; r < k; r++) {
      for (int t = 0; t < tokens; t++) {
        int e = chosen[t][r];
        kept[t][r] = used[e] < capacity;
        used[e] += kept[t][r] ? 1 : 0;
      }
    }
    return kept;
  }

  /** The share of all choices that {@link #keep} drops at this capacity. */
  public static double droppedShare(int[][] chosen, int experts, int capacity) {
    int dropped = 0;
    int total = 0;
    for (boolean[] row : keep(chosen, experts, capacity)) {
      for (boolean b : row) {
        total++;
        dropped += b ? 0 : 1;
      }
    }
    return (double) dropped / total;
  }

  /** Router probabilities (T, N) and choices (T, k = 1), to evaluate the loss on by hand. */
  public record Routing(double[][] probs, int[][] chosen) {}

  /** Every token gives each expert 1/N and the tokens take the experts in turn: f = P = 1/N. */
  public static Routing uniform(int tokens, int experts) {
    if (tokens % experts != 0) {
      throw new IllegalArgumentException("uniform routing needs tokens divisible by experts: "
          + tokens + ", " + experts);
    }
    double[][] probs = new double[tokens][experts];
    int[][] chosen = new int[tokens][];
    for (int t = 0; t < tokens; t++) {
      java.util.Arrays.fill(probs[t], 1.0 / experts);
      chosen[t] = new int[] {t % experts};
    }
    return new Routing(probs, chosen);
  }

  /** Total collapse: every token puts probability 1 on expert 0 and goes there. */
  public static Routing collapsed(int tokens, int experts) {
    double[][] probs = new double[tokens][experts];
    int[][] chosen = new int[tokens][];
    for (int t = 0; t < tokens; t++) {
      probs[t][0] = 1;
      chosen[t] = new int[] {0};
    }
    return new Routing(probs, chosen);
  }
}
