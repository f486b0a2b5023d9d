package dev.bagu.demos.models;

import dev.bagu.math.Rng;
import dev.bagu.math.Softmax;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Dense;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A mixture-of-experts layer with a top-k softmax router and expert capacity, forward and
 * backward side by side. Tokens x are (T, d); the router is a linear map d → N (logits), each
 * expert a linear map d → 1.
 *
 * <pre>
 *   p(x) = softmax(W_r x + b_r)                       (N)   router probabilities
 *   S(x) = the k experts of largest p                  k = 1: Switch; k = 2: GShard, Mixtral
 *   gates: k = 1  g_i = p_i                            (Switch: the router still gets a gradient)
 *          k ≥ 2  g_i = p_i / Σ_{j∈S} p_j              (Mixtral: softmax over the top-k logits)
 *   y(x) = Σ_{i∈S, kept} g_i · E_i(x)                  a dropped choice adds nothing (the residual
 *                                                      path of a real layer carries the token on)
 * </pre>
 *
 * Capacity: each expert takes at most C choices per batch ({@link LoadBalancing#keep}).
 */
public final class MoeLayer {
  final Dense router; // (N, d)
  final List<Dense> experts = new ArrayList<>(); // N × (1, d)
  final int topK;

  /** Switch's router init: small N(0, 0.1/d) weights (Fedus et al. 2021, §2.4); experts LeCun. */
  public MoeLayer(int inputs, int experts, int topK, Rng rng) {
    if (topK < 1 || topK > experts) {
      throw new IllegalArgumentException("top-k must be in [1, experts]: " + topK);
    }
    this.router = new Dense(gaussian(experts, inputs, Math.sqrt(0.1 / inputs), rng),
        Activation.IDENTITY);
    for (int e = 0; e < experts; e++) {
      this.experts.add(new Dense(gaussian(1, inputs, Math.sqrt(1.0 / inputs), rng),
          Activation.IDENTITY));
    }
    this.topK = topK;
  }

  private static double[][] gaussian(int rows, int cols, double std, Rng rng) {
    double[][] w = new double[rows][cols];
    for (double[] row : w) {
      for (int j = 0; j < cols; j++) {
        row[j] = std * rng.gaussian();
      }
    }
    return w;
  }

  public int experts() {
    return experts.size();
  }

  /**
   * One forward pass. chosen (T, k): experts by rank; kept (T, k): whether the choice fit in
   * capacity; gates (T, k); expertOut (T, k): E_i(x) of each kept choice; y (T).
   */
  public record Forward(Dense.Cache routerCache, double[][] probs, int[][] chosen,
      boolean[][] kept, double[][] gates, double[][] expertOut, double[] y, int capacity) {
    /** Routing choices per expert, before capacity (what f_i counts). */
    public int[] load(int experts) {
      int[] load = new int[experts];
      for (int[] c : chosen) {
        for (int e : c) {
          load[e]++;
        }
      }
      return load;
    }

    /** The share of the T·k choices dropped for lack of capacity. */
    public double droppedShare() {
      int dropped = 0;
      int total = 0;
      for (boolean[] k : kept) {
        for (boolean b : k) {
          total++;
          dropped += b ? 0 : 1;
        }
      }
      return (double) dropped / total;
    }
  }

  public Forward forward(double[][] x, int capacity) {
    int tokens = x.length;
    int n = experts();
    Dense.Cache rc = router.forward(x);
    double[][] probs = new double[tokens][n];
    int[][] chosen = new int[tokens][];
    double[][] gates = new double[tokens][topK];
    for (int t = 0; t < tokens; t++) {
      Softmax.into(rc.a()[t], probs[t]);
      chosen[t] = topIndices(probs[t], topK);
      double norm = 0;
      for (int e : chosen[t]) {
        norm += probs[t][e];
      }
      for (int r = 0; r < topK; r++) {
        gates[t][r] = topK == 1 ? probs[t][chosen[t][0]] : probs[t][chosen[t][r]] / norm;
      }
    }
    boolean[][] kept = LoadBalancing.keep(chosen, n, capacity);
    double[][] expertOut = new double[tokens][topK];
    double[] y = new double[tokens];
    for (int t = 0; t < tokens; t++) {
      for (int r = 0; r < topK; r++) {
        if (kept[t][r]) {
          expertOut[t][r] = apply(experts.get(chosen[t][r]), x[t]);
          y[t] += gates[t][r] * expertOut[t][r];
        }
      }
    }
    return new Forward(rc, probs, chosen, kept, gates, expertOut, y, capacity);
  }

  private static double apply(Dense expert, double[] x) {
    double s = expert.b[0];
    for (int i = 0; i < x.length; i++) {
      s += expert.w[0][i] * x[i];
    }
    return s;
  }

  /** The k indices of the largest values, largest first (ties: the lower index). */
  static int[] topIndices(double[] p, int k) {
    int[] top = new int[k];
    for (int r = 0; r < k; r++) {
      int best = -1;
      for (int i = 0; i < p.length; i++) {
        if ((best < 0 || p[i] > p[best]) && !taken(top, r, i)) {
          best = i;
        }
      }
      top[r] = best;
    }
    return top;
  }

  private static boolean taken(int[] top, int count, int i) {
    for (int r = 0; r < count; r++) {
      if (top[r] == i) {
        return true;
      }
    }
    return false;
  }

  /**
   * Backward from dL/dy (T) and dL/dp from other losses (the balancing loss: one row for every
   * token, or null); adds to the router's and experts' gradients.
   *
   * <pre>
   *   expert i:  ∂w_i += dy·g_i·x,  ∂b_i += dy·g_i                 (kept choices only)
   *   gate:      ∂g_i = dy·E_i(x)
   *   k = 1:     ∂p_i += ∂g_i
   *   k ≥ 2:     ∂p_m += (∂g_m − Σ_{j∈S} ∂g_j g_j) / Σ_{j∈S} p_j   for m ∈ S
   *   softmax:   ∂l_m = p_m (∂p_m − Σ_j p_j ∂p_j)
   * </pre>
   */
  public void backward(double[][] x, Forward f, double[] dy, double[] dProbsPerToken) {
    int tokens = x.length;
    int n = experts();
    double[][] dLogits = new double[tokens][n];
    double[] dp = new double[n];
    double[] dGate = new double[topK];
    for (int t = 0; t < tokens; t++) {
      if (dProbsPerToken != null) {
        System.arraycopy(dProbsPerToken, 0, dp, 0, n);
      } else {
        Arrays.fill(dp, 0);
      }
      Arrays.fill(dGate, 0);
      for (int r = 0; r < topK; r++) {
        if (!f.kept[t][r]) {
          continue;
        }
        Dense e = experts.get(f.chosen[t][r]);
        double g = dy[t] * f.gates[t][r];
        for (int i = 0; i < x[t].length; i++) {
          e.gradW[0][i] += g * x[t][i];
        }
        e.gradB[0] += g;
        dGate[r] = dy[t] * f.expertOut[t][r];
      }
      if (topK == 1) {
        dp[f.chosen[t][0]] += dGate[0];
      } else {
        double norm = 0;
        double dot = 0;
        for (int r = 0; r < topK; r++) {
          norm += f.probs[t][f.chosen[t][r]];
          dot += dGate[r] * f.gates[t][r];
        }
        for (int r = 0; r < topK; r++) {
          dp[f.chosen[t][r]] += (dGate[r] - dot) / norm;
        }
      }
      double pdp = 0;
      for (int m = 0; m < n; m++) {
        pdp += f.probs[t][m] * dp[m];
      }
      for (int m = 0; m < n; m++) {
        dLogits[t][m] = f.probs[t][m] * (dp[m] - pdp);
      }
    }
    router.backward(f.routerCache, dLogits);
  }

  public void zeroGrad() {
    router.zeroGrad();
    experts.forEach(Dense::zeroGrad);
  }

  /** Every trainable array, biases as one-row views (b itself, so an optimiser updates it). */
  public List<double[][]> parameters() {
    List<double[][]> p = new ArrayList<>(List.of(router.w, new double[][] {router.b}));
    for (Dense e : experts) {
      p.add(e.w);
      p.add(new double[][] {e.b});
    }
    return p;
  }

  /** The gradients, in the order of {@link #parameters()}. */
  public List<double[][]> gradients() {
    List<double[][]> g = new ArrayList<>(List.of(router.gradW, new double[][] {router.gradB}));
    for (Dense e : experts) {
      g.add(e.gradW);
      g.add(new double[][] {e.gradB});
    }
    return g;
  }
}
