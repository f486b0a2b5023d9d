package dev.bagu.demos.attention;

import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
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
   * One random network and input: r[path][l] for l = 0 (the input) … depth, and head 0's
   * attention weights (tokens, tokens) in the first and the last pure-attention layer.
   */
  public record Trial(double[][] r, double[][] firstWeights, double[][] lastWeights) {}

  /** Runs the three paths on one input X ~ N(0, 1)^(tokens × d_model), drawn from rng. */
  public static Trial run(Shape s, Rng rng) {
    double[][] input = Matrices.gaussian(s.tokens(), s.dModel(), 1, rng);
    List<StackLayer> layers = new ArrayList<>();
    for (int l = 0; l < s.depth(); l++) {
      MultiHeadAttention attention = scaledQk(MultiHeadAttention.random(s.dModel(), s.heads(),
          rng), s.qkScale());
      Mlp mlp = new Mlp(new int[] {s.dModel(), 4 * s.dModel(), s.dModel()}, Activation.RELU,
          Init.LECUN_NORMAL, false, rng);
      layers.add(new StackLayer(attention, mlp));
    }
    Path[] paths = Path.values();
    double[][] r = new double[paths.length][s.depth() + 1];
    double[][] first = new double[s.tokens()][s.tokens()];
    double[][] last = new double[s.tokens()][s.tokens()];
    for (Path path : paths) {
      double[][] x = input;
      r[path.ordinal()][0] = RankCollapse.relativeResidual(x);
      for (int l = 0; l < s.depth(); l++) {
        double[][] headZero = path != Path.PURE ? null : l == 0 ? first
            : l == s.depth() - 1 ? last : null;
        double[][] out = layers.get(l).attention(norm(x, s.layerNorm()), headZero);
        x = path == Path.PURE ? out : addBranch(x, out, s.branchScale());
        if (path == Path.SKIP_MLP) {
          x = addBranch(x, layers.get(l).mlp(norm(x, s.layerNorm())), s.branchScale());
        }
        r[path.ordinal()][l + 1] = RankCollapse.relativeResidual(x);
      }
    }
    if (s.depth() == 1) {
      last = first; // one layer (tests build such shapes): the first is the last
    }
    return new Trial(r, first, last);
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
  private static double[][] addBranch(double[][] x, double[][] branch, double alpha) {
    return Matrices.add(x, alpha == 1 ? branch : Matrices.scale(branch, alpha));
  }

  private static double[][] norm(double[][] x, boolean on) {
    return on ? LayerNorm.apply(x) : x;
  }
}
