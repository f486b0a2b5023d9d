package dev.bagu.nn;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-head attention (Vaswani et al. 2017, §3.2.2): h heads run side by side on the same X,
 * their outputs are concatenated and projected back,
 *
 * <pre>
 *   head_i = Attention(X W_Q^i, X W_K^i, X W_V^i)   (n, d_v) each
 *   MHA(X) = [head_1 … head_h] W_O                  (n, h·d_v) · (h·d_v, d_model) → (n, d_model)
 * </pre>
 */
public record MultiHeadAttention(List<AttentionHead> heads, double[][] wo) {
  public MultiHeadAttention {
    heads = List.copyOf(heads);
    int concat = heads.stream().mapToInt(AttentionHead::dV).sum();
    if (wo.length != concat) {
      throw new IllegalArgumentException("W_O has " + wo.length + " rows; the heads give "
          + concat + " columns");
    }
  }

  /**
   * The paper's shape: h heads of d_k = d_v = d_model / h (so the cost is that of one full-width
   * head), random N(0, 1/fan_in) weights.
   */
  public static MultiHeadAttention random(int dModel, int h, Rng rng) {
    if (h < 1 || dModel % h != 0) {
      throw new IllegalArgumentException("d_model " + dModel + " is not a multiple of h " + h);
    }
    List<AttentionHead> heads = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      heads.add(AttentionHead.random(dModel, dModel / h, dModel / h, false, rng));
    }
    return new MultiHeadAttention(heads, Matrices.gaussian(dModel, dModel, 1 / Math.sqrt(dModel),
        rng));
  }

  /** What one call produces: every head's steps, their concatenation and the projected output. */
  public record Output(List<Attention.Steps> heads, double[][] concatenated, double[][] output) {}

  public Output forward(double[][] x, boolean causal) {
    List<Attention.Steps> steps = new ArrayList<>();
    List<double[][]> outs = new ArrayList<>();
    // x·W once per distinct projection matrix: heads that share one (a GQA group's K and V) reuse
    // the product, the same numbers as computing it again.
    Map<double[][], double[][]> projected = new IdentityHashMap<>();
    for (AttentionHead head : heads) {
      Attention.Steps s = Attention.steps(project(projected, x, head.wq()),
          project(projected, x, head.wk()), project(projected, x, head.wv()), causal);
      steps.add(s);
      outs.add(s.output());
    }
    double[][] concat = Matrices.concatColumns(outs);
    return new Output(steps, concat, Matrices.multiply(concat, wo));
  }

  private static double[][] project(Map<double[][], double[][]> projected, double[][] x,
      double[][] w) {
    return projected.computeIfAbsent(w, m -> Matrices.multiply(x, m));
  }

  /** Parameters of all projections: Σ_i d_model(2 d_k + d_v) + (h·d_v)·d_model. */
  public long parameters() {
    long sum = (long) wo.length * wo[0].length;
    for (AttentionHead head : heads) {
      sum += head.parameters();
    }
    return sum;
  }
}
