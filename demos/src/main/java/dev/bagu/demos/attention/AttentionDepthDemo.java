package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionDepth.Networks;
import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** self-attention 堆叠多层: what stacking attention layers does to the tokens (rank collapse). */
public final class AttentionDepthDemo implements Demo {
  static final String DONG = "Dong et al. 2021, Thm 2.2 (exponent 3^L of the bound)";
  static final String DONG_ZH = "Dong 等 2021，定理 2.2（上界中的指数 3^L）";
  /** Half the gap from ln 3 to ln 4: within it the decay is closer to cubic than to quartic. */
  static final double SLOPE_TOLERANCE = (Math.log(4) - Math.log(3)) / 2;

  private static final List<Param<?>> PARAMS = List.of(
      // At least 2 layers: a stack, and a first and a last layer to compare (at 1 the two
      // heatmaps were the same matrix under two titles).
      Param.integer("depth", 12, 2, 32, "attention layers stacked; pure attention reaches "
          + "the 1e-12 rounding floor in a few") // past ~40 layers XChart crowds the x ticks
          .zh("堆叠的注意力层数；纯注意力几层之内就跌到 1e-12 的舍入下限"),
      Param.integer("tokens", 32, 2, 128, "tokens n (rows of X)").logScale()
          .zh("词元数 n（X 的行数）"),
      Param.integer("d-model", 32, 4, 128, "model width d (a power of two, at least heads)")
          .powersOfTwo().zh("模型维度 d（2 的幂，不小于 heads）"),
      Param.integer("heads", 4, 1, 16, "attention heads per layer, each d_model/heads wide")
          .powersOfTwo().zh("每层的注意力头数，每个头宽 d_model/heads"),
      Param.real("qk-scale", 1.0, 0.25, 4.0, "multiplies W_Q and W_K (scores by its square): "
          + "above 1 attention is sharper and collapse starts later")
          .zh("乘在 W_Q 和 W_K 上（分数乘它的平方）：大于 1 时注意力更尖锐，坍缩来得更晚"),
      Param.real("branch-scale", 1.0, 0.05, 1.0, "α in X + α·f(X) on the skip paths; "
          + "1/√depth keeps r near 1")
          .zh("残差路径 X + α·f(X) 里的 α；取 1/√depth 能让 r 保持在 1 附近"),
      Param.bool("layer-norm", false, "pre-LN: every sub-layer reads LN(X), pure path too")
          .zh("前置层规范化（Pre-LN）：每个子层读入 LN(X)，纯注意力路径也一样"));

  /** A shape with depth 0 (networks of every depth are slices of the same ones) and a seed. */
  private record NetworksKey(Shape shape, long seed) {}

  /** A preview's random networks: two, both cores busy, the curves noisier. */
  static final int PREVIEW_TRIALS = AttentionDepth.MIN_TRIALS;

  @Override
  public boolean hasPreview() {
    return true;
  }

  /**
   * The random networks of the last few shapes and seeds, grown as deep and as many as asked for
   * (bounded): a depth slider adds or drops layers of the same networks, a preview's two
   * networks are the release's first two, and a rerun or the other language reuses them all.
   */
  private static final Memo<NetworksKey, Networks> GROWN = new Memo<>(8);

  @Override
  public DemoInfo info() {
    return new DemoInfo("attention-depth", "Stacking self-attention: rank collapse",
        Section.ATTENTION, "self-attention 堆叠多层",
        "pure attention drives tokens to one vector doubly exponentially fast; skip "
            + "connections stop it")
        .zh("堆叠自注意力：秩坍缩",
            "纯注意力让所有词元以双指数的速度变成同一个向量；残差连接阻止了这一点");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int dModel = p.integer("d-model");
    int heads = p.integer("heads");
    Lang l = p.lang();
    if (dModel < heads) { // both powers of two: otherwise heads divides d-model
      throw new UserException("parameter d-model = " + dModel + " is smaller than heads = "
          + heads + ": allowed d-model at least heads (each head is d_model/heads wide)");
    }
    Shape shape = new Shape(p.integer("depth"), p.integer("tokens"), dModel, heads,
        p.real("qk-scale"), p.real("branch-scale"), p.bool("layer-norm"));
    // A preview (a slider being dragged) averages PREVIEW_TRIALS networks, the full run's
    // first ones; the subtitle says how many.
    int trials = AttentionDepth.trials(shape);
    Networks networks = GROWN.get(new NetworksKey(new Shape(0, shape.tokens(), dModel, heads,
        shape.qkScale(), shape.branchScale(), shape.layerNorm()), p.seed()),
        k -> new Networks(k.shape(), k.seed(), 1));
    Curves c = AttentionDepth.curves(shape, networks.trials(p.preview()
        ? Math.min(trials, PREVIEW_TRIALS) : trials, shape.depth()));
    int depth = shape.depth();

    double top = max(c.firstWeights());
    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("n = %d tokens · d_model = %d · %s · qk-scale %.2f · branch α %.2f · "
                + "%s · geometric mean of %d random networks · seed %d",
            "n = %d 个词元 · d_model = %d · %s 个头 · qk 缩放 %.2f · 分支 α %.2f · %s · "
                + "%d 个随机网络的几何平均 · 种子 %d", shape.tokens(), dModel,
            l.count(heads, "head", "heads"),
            shape.qkScale(), shape.branchScale(), shape.layerNorm()
                ? l.t("pre-LN", "前置 LN") : l.t("no layer norm", "无层规范化"),
            c.trials(), p.seed()))
        .add(AttentionDepthPanels.residual(c, l))
        .add(AttentionDepthPanels.doubleLog(c, l))
        .add(AttentionDepthPanels.weights(l.t("Pure attention, head 1, layer 1",
            "纯注意力，头 1，第 1 层"), c.firstWeights(), top, l))
        .add(AttentionDepthPanels.weights(l.f("Pure attention, head 1, layer %d (1/n = %.3f)",
            "纯注意力，头 1，第 %d 层（1/n = %.3f）", depth, 1.0 / shape.tokens()),
            c.lastWeights(), top, l));
    String perLayer = l.t("per layer", "每层");
    Result result = Result.of(figure);
    result.finding(Finding.of("input_r", l.t("r of the input X (layer 0)", "输入 X 的 r（第 0 层）"),
            c.rAt(Path.PURE, 0), ""))
        .finding(Finding.of("pure_r_layer1", l.t("r after 1 pure attention layer",
            "一层纯注意力之后的 r"), c.rAt(Path.PURE, 1), ""));
    int pureLast = c.lastAboveFloor()[Path.PURE.ordinal()];
    if (pureLast < depth) {
      result.finding(Finding.of("pure_floor_layer", l.t("first layer with pure r < 1e-12 "
          + "(rounding)", "纯注意力 r < 1e-12（舍入）的第一层"), pureLast + 1,
          l.t("layer", "层")));
    }
    if (!Double.isNaN(c.pureSlope())) {
      result.finding(Finding.of("pure_double_log_slope", l.f(
              "slope of ln(−ln r), pure, layers %d–%d", "ln(−ln r) 的斜率，纯注意力，第 %d–%d 层",
              c.fitFrom(), pureLast), c.pureSlope(), perLayer)
          .withReference(Math.log(3), l.t(DONG, DONG_ZH), SLOPE_TOLERANCE));
    }
    for (Path path : List.of(Path.SKIP, Path.SKIP_MLP)) {
      String key = path.name().toLowerCase(Locale.ROOT);
      if (c.lastAboveFloor()[path.ordinal()] == depth) {
        double last = c.rAt(path, depth);
        result.finding(Finding.of(key + "_r_last", l.f("r at layer %d, %s", "第 %d 层的 r，%s",
                depth, path.label(l)), last, ""))
            .finding(Finding.of(key + "_factor_per_layer", "(r_L / r_0)^(1/L)" + l.t(", ", "，")
                + path.label(l), Math.pow(last / c.rAt(path, 0), 1.0 / depth), perLayer));
      }
    }
    result.finding(Finding.of("weights_from_uniform_first", l.t("max |P − 1/n|, pure layer 1",
        "max |P − 1/n|，纯注意力第 1 层"), c.firstDeviation(), ""));
    if (depth > 1) { // always, since depth ≥ 2; kept for callers that build Shapes directly
      result.finding(Finding.of("weights_from_uniform_last", l.f("max |P − 1/n|, pure layer %d",
          "max |P − 1/n|，纯注意力第 %d 层", depth), c.lastDeviation(), ""));
    }
    return result.data("curves", curveData(c));
  }

  private static double max(double[][] m) {
    double top = 0;
    for (double[] row : m) {
      for (double v : row) {
        top = Math.max(top, v);
      }
    }
    return top;
  }

  /** r per path and layer (null past the rounding floor), and the fit. */
  private static Map<String, Object> curveData(Curves c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("trials", c.trials());
    m.put("floor", AttentionDepth.FLOOR);
    for (Path path : Path.values()) {
      Double[] r = new Double[c.shape().depth() + 1];
      for (int l = 0; l < r.length; l++) {
        double v = c.rAt(path, l);
        r[l] = Double.isNaN(v) ? null : v;
      }
      m.put("r_" + path.name().toLowerCase(Locale.ROOT), r);
    }
    m.put("fit_from_layer", c.fitFrom());
    m.put("pure_double_log_slope", Double.isNaN(c.pureSlope()) ? null : c.pureSlope());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new AttentionDepthDemo(), args);
  }
}
