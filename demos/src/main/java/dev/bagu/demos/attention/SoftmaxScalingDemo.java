package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.attention.SoftmaxScaling.Curves;
import dev.bagu.math.Rng;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 除以根号 d_k: what dividing the attention scores by √d_k does to their variance and softmax. */
public final class SoftmaxScalingDemo implements Demo {
  private static final String VASWANI = "Vaswani et al. 2017, §3.2.1, footnote 4";
  /** E[max softmax] with 64 keys, derived in the catalogue by simulation; only for keys = 64. */
  private static final Map<Integer, Double> MAX_PROB_64_KEYS = Map.of(
      16, 0.59, 64, 0.80, 256, 0.90, 1024, 0.95);
  private static final double MAX_PROB_64_KEYS_SCALED = 0.107;
  private static final String CATALOGUE = "catalogue, derived (64 keys)";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("dk", 64, 1, 4096,
          "key/query dimension d_k; the variance of q·k grows with it").logScale(),
      Param.integer("keys", 64, 2, 1024,
          "keys each query is scored against (the softmax's length)").logScale(),
      Param.integer("samples", 100_000, 1_000, 1_000_000,
          "independent (q, k) pairs for the variance at d_k; error ≈ 1.4/√samples").logScale(),
      Param.integer("trials", 1_000, 100, 20_000,
          "random queries for the softmax curves (each against `keys` keys)").logScale());

  @Override
  public DemoInfo info() {
    return new DemoInfo("softmax-scaling", "Why attention divides by √d_k", Section.ATTENTION,
        "除以根号 d_k",
        "Var(q·k) = d_k makes softmax saturate and its gradient vanish; q·k/√d_k keeps variance 1");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int dk = p.integer("dk");
    int keys = p.integer("keys");
    int samples = p.integer("samples");
    int trials = p.integer("trials");
    // Separate random streams: moving one slider leaves the other experiments' draws alone.
    SoftmaxScaling.Variance v = SoftmaxScaling.variance(dk, samples, Rng.stream(p.seed(), 1));
    Curves c = SoftmaxScaling.curves(SoftmaxScaling.grid(dk), keys, trials, p.seed(), 2);
    SoftmaxScaling.ExampleRow row = SoftmaxScaling.exampleRow(dk, keys, Rng.stream(p.seed(), 3));

    Figure figure = Figure.grid(info().title(), 2, 2)
        .subtitle(String.format(Locale.US,
            "d_k = %d · %d keys · %,d (q, k) pairs · %,d random queries · seed %d", dk, keys,
            samples, trials, p.seed()))
        .add(variancePanel(c, v))
        .add(maxProbPanel(c).verticalLine(dk))
        .add(gradientPanel(c).verticalLine(dk))
        .add(examplePanel(row, dk));
    Result result = Result.of(figure);
    int at = c.indexOf(dk);
    result.finding(Finding.of("var_qk_unscaled", "Var(q·k), unscaled", v.unscaled(), "")
            .withReference(dk, VASWANI + " (= d_k)"))
        .finding(Finding.of("var_qk_scaled", "Var(q·k/√d_k), scaled", v.scaled(), "")
            .withReference(1, VASWANI))
        .finding(maxProbFinding("max_prob_unscaled", "E[max softmax weight], unscaled",
            c.maxProb()[Curves.UNSCALED][at], keys == 64 ? MAX_PROB_64_KEYS.get(dk) : null))
        .finding(maxProbFinding("max_prob_scaled", "E[max softmax weight], scaled",
            c.maxProb()[Curves.SCALED][at], keys == 64 ? MAX_PROB_64_KEYS_SCALED : null))
        .finding(Finding.of("grad_norm_unscaled", "median ‖softmax Jacobian‖_F, unscaled",
            c.gradMedian()[Curves.UNSCALED][at], ""))
        .finding(Finding.of("grad_norm_scaled", "median ‖softmax Jacobian‖_F, scaled",
            c.gradMedian()[Curves.SCALED][at], ""))
        .finding(Finding.of("grad_norm_mean_unscaled", "mean ‖softmax Jacobian‖_F, unscaled",
            c.gradMean()[Curves.UNSCALED][at], ""))
        .finding(Finding.of("grad_norm_mean_scaled", "mean ‖softmax Jacobian‖_F, scaled",
            c.gradMean()[Curves.SCALED][at], ""))
        .finding(Finding.of("saturated_unscaled", "rows with max weight > 0.99, unscaled",
            c.saturated()[Curves.UNSCALED][at], "fraction"))
        .finding(Finding.of("saturated_scaled", "rows with max weight > 0.99, scaled",
            c.saturated()[Curves.SCALED][at], "fraction"));
    return result.data("variance", v).data("curves", curveData(c)).data("example_row", row);
  }

  private static Finding maxProbFinding(String key, String label, double value,
      Double reference) {
    Finding f = Finding.of(key, label, value, "");
    return reference == null ? f : f.withReference(reference, CATALOGUE);
  }

  /** Panel 1: the variance facts, log–log, with the theory lines d_k and 1. */
  private static XyPlot variancePanel(Curves c, SoftmaxScaling.Variance v) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    double[] scaled = new double[dk.length];
    for (int i = 0; i < dk.length; i++) {
      scaled[i] = c.var()[i] / dk[i];
    }
    return XyPlot.titled("Variance of the scores").axes("d_k", "Var(score)").logX().logY()
        .line("q·k", dk, c.var())
        .dashed("d_k (theory)", dk, dk).sameColourAs("q·k")
        .line("q·k / √d_k", dk, scaled)
        .dashed("1 (theory)", dk, constant(dk.length, 1)).sameColourAs("q·k / √d_k")
        .highlight("chosen d_k", new double[] {v.dk(), v.dk()},
            new double[] {v.unscaled(), v.scaled()}).colour(java.awt.Color.BLACK);
  }

  /** Panel 2: how peaked the softmax gets; 1/keys is uniform, 1 is one-hot. */
  private static XyPlot maxProbPanel(Curves c) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    return XyPlot.titled("Largest softmax weight (mean over queries)")
        .axes("d_k", "E[max weight]").logX().yRange(0, 1)
        .line("unscaled", dk, c.maxProb()[Curves.UNSCALED])
        .line("scaled", dk, c.maxProb()[Curves.SCALED])
        .dashed("uniform 1/" + c.keys(), dk, constant(dk.length, 1.0 / c.keys()));
  }

  /** Panel 3: the gradient that flows back through the softmax, median (solid) and mean. */
  private static XyPlot gradientPanel(Curves c) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    return XyPlot.titled("Gradient through softmax: ‖J‖_F, J = ∂p/∂z")
        .axes("d_k", "Frobenius norm of J").logX().logY()
        .line("unscaled median", dk, c.gradMedian()[Curves.UNSCALED])
        .line("scaled median", dk, c.gradMedian()[Curves.SCALED])
        .dashed("dashed: mean", dk, c.gradMean()[Curves.UNSCALED])
        .sameColourAs("unscaled median")
        .dashed("scaled mean", dk, c.gradMean()[Curves.SCALED]).sameColourAs("scaled median")
        .notInLegend();
  }

  /** Keys shown in panel 4; beyond this the bars become hairlines. */
  private static final int SHOWN_KEYS = 32;

  /** Panel 4: one query's attention row at the chosen d_k, keys in order of score. */
  private static BarPlot examplePanel(SoftmaxScaling.ExampleRow row, int dk) {
    int keys = row.scores().length;
    int shown = Math.min(keys, SHOWN_KEYS);
    List<String> ranks = new ArrayList<>();
    for (int i = 1; i <= shown; i++) {
      ranks.add(Integer.toString(i));
    }
    String xLabel = "key, by score (highest first)";
    if (shown < keys) {
      xLabel = String.format(Locale.US, "top %d keys; the other %d hold %.1f%% / %.1f%%",
          shown, keys - shown, 100 * tail(row.unscaled(), shown), 100 * tail(row.scaled(), shown));
    }
    return BarPlot.titled("One query's weights at d_k = " + dk)
        .axes(xLabel, "softmax weight")
        .categories(ranks).maxLabels(9)
        .bars("unscaled", Arrays.copyOf(row.unscaled(), shown))
        .bars("scaled", Arrays.copyOf(row.scaled(), shown));
  }

  /** The weight held by the keys from index {@code from} on. */
  private static double tail(double[] weights, int from) {
    return Arrays.stream(weights, from, weights.length).sum();
  }

  private static double[] constant(int n, double value) {
    double[] a = new double[n];
    Arrays.fill(a, value);
    return a;
  }

  /** The curves for the JSON, one named array per line in the figure. */
  private static Map<String, Object> curveData(Curves c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("dk", c.dks());
    m.put("keys", c.keys());
    m.put("trials", c.trials());
    m.put("var_unscaled", c.var());
    m.put("max_prob_unscaled", c.maxProb()[Curves.UNSCALED]);
    m.put("max_prob_scaled", c.maxProb()[Curves.SCALED]);
    m.put("grad_median_unscaled", c.gradMedian()[Curves.UNSCALED]);
    m.put("grad_median_scaled", c.gradMedian()[Curves.SCALED]);
    m.put("grad_mean_unscaled", c.gradMean()[Curves.UNSCALED]);
    m.put("grad_mean_scaled", c.gradMean()[Curves.SCALED]);
    m.put("saturated_unscaled", c.saturated()[Curves.UNSCALED]);
    m.put("saturated_scaled", c.saturated()[Curves.SCALED]);
    m.put("entropy_unscaled", c.entropy()[Curves.UNSCALED]);
    m.put("entropy_scaled", c.entropy()[Curves.SCALED]);
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new SoftmaxScalingDemo(), args);
  }
}
