package dev.bagu.demos.attention;

import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack of random multi-head self-attention layers run three ways on the same input and the
 * same weights, recording the relative residual r (see {@link RankCollapse}) after every layer:
 *
 * <pre>
 *   PURE      X ← SAN(X)                          Dong et al.'s "pure attention"
 *   SKIP      X ← X + SAN(X)                      skip connections
 *   SKIP_MLP  X ← X + SAN(X);  X ← X + MLP(X)     skips and a ReLU MLP (d → 4d → d)
 * </pre>
 *
 * With layer norm on, every sub-layer reads LN(X) instead of X (pre-LN, as in GPT-2), the pure
 * path included. Nothing is trained: weights are N(0, 1/fan_in) draws, W_Q and W_K times
 * {@code qkScale}.
 */
public final class AttentionStack {
  private AttentionStack() {}

  /** The three architectures, in the order of {@link Trial#r()}. */
  public enum Path {
    PURE("pure", "纯注意力"), SKIP("skips", "残差连接"), SKIP_MLP("skips + MLP", "残差 + MLP");

    private final String label;
    private final String labelZh;

    Path(String label, String labelZh) {
      this.label = label;
      this.labelZh = labelZh;
    }

    /** The path's name in a legend or finding label, in the figure's language. */
    public String label(Lang l) {
      return l.t(label, labelZh);
    }
  }

  /** One network's shape. */
  public record Shape(int depth, int tokens, int dModel, int heads, double qkScale,
      double branchScale, boolean layerNorm) {}

  /**
   * One random network and input: r[path][l] for l = 0 (the input) … depth; head 0's attention
   * weights (tokens, tokens) in the first and the last pure-attention layer (null when a
   * {@link GrowingStack} did not keep them); and each one's max |P − 1/n|.
   */
  public record Trial(double[][] r, double[][] firstWeights, double[][] lastWeights,
      double firstDeviation, double lastDeviation) {}

  /** Runs the three paths on one input X ~ N(0, 1)^(tokens × d_model), drawn from rng. */
  public static Trial run(Shape s, Rng rng) {
    return new GrowingStack(s, rng, true).growTo(s.depth()).trial(s.depth());
  }

  /** The same layer with W_Q and W_K multiplied by c, so every score is multiplied by c². */
  static MultiHeadAttention scaledQk(MultiHeadAttention mha, double c) {
    List<AttentionHead> heads = new ArrayList<>();
    for (AttentionHead h : mha.heads()) {
      heads.add(new AttentionHead(Matrices.scale(h.wq(), c), Matrices.scale(h.wk(), c), h.wv()));
    }
    return new MultiHeadAttention(heads, mha.wo());
  }

  /** x + α·f(x): the skip connection around a branch f, the branch scaled by α. */
  static double[][] addBranch(double[][] x, double[][] branch, double alpha) {
    return Matrices.add(x, alpha == 1 ? branch : Matrices.scale(branch, alpha));
  }

  static double[][] norm(double[][] x, boolean on) {
    return on ? LayerNorm.apply(x) : x;
  }
}
