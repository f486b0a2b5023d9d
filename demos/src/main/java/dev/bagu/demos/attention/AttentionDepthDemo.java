package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.plot.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** self-attention 堆叠多层: what stacking attention layers does to the tokens (rank collapse). */
public final class AttentionDepthDemo implements Demo {
  static final String DONG = "Dong et al. 2021, Thm 2.2 (exponent 3^L of the bound)";
  /** Half the gap from ln 3 to ln 4: within it the decay is closer to cubic than to quartic. */
  static final double SLOPE_TOLERANCE = (Math.log(4) - Math.log(3)) / 2;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("depth", 12, 1, 32, "attention layers stacked; pure attention reaches "
          + "the 1e-12 rounding floor in a few"), // past ~40 layers XChart crowds the x ticks
      Param.integer("tokens", 32, 2, 256, "tokens n (rows of X)").logScale(),
      Param.integer("d-model", 32, 4, 256, "model width d; must be a multiple of heads")
          .logScale(),
      Param.integer("heads", 4, 1, 16, "attention heads per layer, each d_model/heads wide"),
      Param.real("qk-scale", 1.0, 0.25, 4.0, "multiplies W_Q and W_K (scores by its square): "
          + "above 1 attention is sharper and collapse starts later"),
      Param.real("branch-scale", 1.0, 0.05, 1.0, "α in X + α·f(X) on the skip paths; "
          + "1/√depth keeps r near 1"),
      Param.bool("layer-norm", false, "pre-LN: every sub-layer reads LN(X), pure path too"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("attention-depth", "Stacking self-attention: rank collapse",
        Section.ATTENTION, "self-attention 堆叠多层",
        "pure attention drives tokens to one vector doubly exponentially fast; skip "
            + "connections stop it");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int dModel = p.integer("d-model");
    int heads = p.integer("heads");
    if (dModel % heads != 0) {
      throw new UserException("parameter d-model = " + dModel + " is not a multiple of heads = "
          + heads + ": allowed d-model divisible by heads (each head is d_model/heads wide)");
    }
    Shape shape = new Shape(p.integer("depth"), p.integer("tokens"), dModel, heads,
        p.real("qk-scale"), p.real("branch-scale"), p.bool("layer-norm"));
    Curves c = AttentionDepth.measure(shape, p.seed(), 1);
    int depth = shape.depth();

    double top = max(c.firstWeights());
    Figure figure = Figure.grid(info().title(), 2, 2)
        .subtitle(String.format(Locale.US, "n = %d tokens · d_model = %d · %d heads · "
                + "qk-scale %.2f · branch α %.2f · %s · geometric mean of %d random networks "
                + "· seed %d", shape.tokens(), dModel, heads, shape.qkScale(),
            shape.branchScale(), shape.layerNorm() ? "pre-LN" : "no layer norm",
            AttentionDepth.TRIALS, p.seed()))
        .add(AttentionDepthPanels.residual(c))
        .add(AttentionDepthPanels.doubleLog(c))
        .add(AttentionDepthPanels.weights("Pure attention, head 1, layer 1", c.firstWeights(),
            top))
        .add(AttentionDepthPanels.weights(String.format(Locale.US,
            "Pure attention, head 1, layer %d (1/n = %.3f)", depth, 1.0 / shape.tokens()),
            c.lastWeights(), top));
    Result result = Result.of(figure);
    result.finding(Finding.of("input_r", "r of the input X (layer 0)", c.rAt(Path.PURE, 0), ""))
        .finding(Finding.of("pure_r_layer1", "r after 1 pure attention layer",
            c.rAt(Path.PURE, 1), ""));
    int pureLast = c.lastAboveFloor()[Path.PURE.ordinal()];
    if (pureLast < depth) {
      result.finding(Finding.of("pure_floor_layer", "first layer with pure r < 1e-12 (rounding)",
          pureLast + 1, "layer"));
    }
    if (!Double.isNaN(c.pureSlope())) {
      result.finding(Finding.of("pure_double_log_slope", String.format(Locale.US,
              "slope of ln(−ln r), pure, layers %d–%d", c.fitFrom(), pureLast), c.pureSlope(),
              "per layer")
          .withReference(Math.log(3), DONG, SLOPE_TOLERANCE));
    }
    for (Path path : List.of(Path.SKIP, Path.SKIP_MLP)) {
      String key = path.name().toLowerCase(Locale.ROOT);
      if (c.lastAboveFloor()[path.ordinal()] == depth) {
        double last = c.rAt(path, depth);
        result.finding(Finding.of(key + "_r_last", "r at layer " + depth + ", " + path.label(),
                last, ""))
            .finding(Finding.of(key + "_factor_per_layer", "(r_L / r_0)^(1/L), "
                + path.label(), Math.pow(last / c.rAt(path, 0), 1.0 / depth), "per layer"));
      }
    }
    result.finding(Finding.of("weights_from_uniform_first", "max |P − 1/n|, pure layer 1",
        c.firstDeviation(), ""));
    if (depth > 1) {
      result.finding(Finding.of("weights_from_uniform_last", "max |P − 1/n|, pure layer "
          + depth, c.lastDeviation(), ""));
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
    m.put("trials", AttentionDepth.TRIALS);
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
