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
import dev.bagu.demos.attention.SoftmaxScaling.Curves;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 除以根号 d_k: what dividing the attention scores by √d_k does to their variance and softmax. */
public final class SoftmaxScalingDemo implements Demo {
  private static final String VASWANI = "Vaswani et al. 2017, §3.2.1, footnote 4";
  /** E[max softmax] with 64 keys, derived in the catalogue by simulation; only for keys = 64. */
  private static final Map<Integer, Double> MAX_PROB_64_KEYS = Map.of(
      16, 0.59, 64, 0.80, 256, 0.90, 1024, 0.95);
  private static final double MAX_PROB_64_KEYS_SCALED = 0.107;
  private static final String CATALOGUE = "catalogue, derived (64 keys)";
  private static final String CATALOGUE_ZH = "目录，推导值（64 个键）";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("dk", 64, 1, 4096,
          "key/query dimension d_k; the variance of q·k grows with it").logScale()
          .zh("键/查询的维度 d_k；q·k 的方差随它增长"),
      Param.integer("keys", 64, 2, 1024,
          "keys each query is scored against (the softmax's length)").logScale()
          .zh("每个查询要打分的键的个数（softmax 的长度）"),
      Param.integer("samples", 100_000, 1_000, 1_000_000,
          "independent (q, k) pairs for the variance at d_k; relative error √(2 + 6/d_k)/√samples "
          + "(√8/√samples at d_k = 1, √2/√samples for large d_k); at most 3·10⁷/d_k are used")
          .logScale()
          .zh("估计 d_k 处方差所用的独立 (q, k) 对数；相对误差 √(2 + 6/d_k)/√samples（d_k = 1 时为 "
              + "√8/√samples，d_k 大时为 √2/√samples）；最多用 3·10⁷/d_k 对"),
      Param.integer("trials", 1_000, 100, 10_000,
          "random queries for the softmax curves (each against `keys` keys); at most "
          + "10⁶/keys are used").logScale()
          .zh("画 softmax 曲线用的随机查询数（每个对 keys 个键）；最多用 10⁶/keys 个"));

  /**
   * The two sampled experiments, memoised on their own parameters and the seed (bounded; see
   * {@link Memo}): moving `keys` or `trials` reuses the variance, moving `samples` reuses
   * the curves, and a rerun reuses both. Each is deterministic in its key.
   */
  private record VarianceKey(int dk, int samples, long seed) {}

  private record CurvesKey(int dk, int keys, int trials, long seed) {}

  private static final Memo<VarianceKey, SoftmaxScaling.Variance> VARIANCES =
      new Memo<>(8);
  private static final Memo<CurvesKey, Curves> CURVES = new Memo<>(8);

  @Override
  public DemoInfo info() {
    return new DemoInfo("softmax-scaling", "Why attention divides by √d_k", Section.ATTENTION,
        "除以根号 d_k",
        "Var(q·k) = d_k makes softmax saturate and its gradient vanish; q·k/√d_k keeps variance 1")
        .zh("注意力为什么要除以 √d_k",
            "Var(q·k) = d_k 让 softmax 饱和、梯度消失；q·k/√d_k 让方差保持为 1");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  private static final int PREVIEW_SAMPLES = 5_000;
  private static final int PREVIEW_TRIALS = 100;

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int dk = p.integer("dk");
    int keys = p.integer("keys");
    int samples = p.integer("samples");
    int asked = p.integer("trials");
    // A preview (a slider being dragged in the window) draws at most PREVIEW_SAMPLES pairs and
    // PREVIEW_TRIALS queries: the same curves, noisier, in a fraction of the time.
    int trials = Math.min(SoftmaxScaling.trialsUsed(keys, asked),
        p.preview() ? PREVIEW_TRIALS : Integer.MAX_VALUE);
    Lang l = p.lang();
    // Separate random streams: moving one slider leaves the other experiments' draws alone.
    int used = Math.min(SoftmaxScaling.samplesUsed(dk, samples),
        p.preview() ? PREVIEW_SAMPLES : Integer.MAX_VALUE);
    SoftmaxScaling.Variance v = VARIANCES.get(new VarianceKey(dk, used, p.seed()),
        k -> SoftmaxScaling.variance(k.dk(), k.samples(), k.seed(), 1));
    Curves c = CURVES.get(new CurvesKey(dk, keys, trials, p.seed()),
        k -> SoftmaxScaling.curves(SoftmaxScaling.grid(k.dk()), k.keys(), k.trials(), k.seed(), 2));
    SoftmaxScaling.ExampleRow row = SoftmaxScaling.exampleRow(dk, keys, Rng.stream(p.seed(), 3));

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("d_k = %d · %d keys · %,d (q, k) pairs%s · %,d random queries%s · seed %d",
            "d_k = %d · %d 个键 · %,d 对 (q, k)%s · %,d 个随机查询%s · 种子 %d", dk, keys,
            used, used < samples ? l.f(" (of %,d: capped at 3·10⁷ products)",
                "（共 %,d 对：乘积数上限 3·10⁷）", samples) : "", trials,
            trials < asked ? l.f(" (of %,d: capped at 10⁶ scores)",
                "（共 %,d 个：分数个数上限 10⁶）", asked) : "", p.seed()))
        .add(variancePanel(c, v, l))
        .add(maxProbPanel(c, l).verticalLine(dk))
        .add(gradientPanel(c, l).verticalLine(dk))
        .add(examplePanel(row, dk, l));
    Result result = Result.of(figure);
    int at = c.indexOf(dk);
    String vaswani = l.t(VASWANI, "Vaswani 等 2017，§3.2.1 脚注 4");
    String catalogue = l.t(CATALOGUE, CATALOGUE_ZH);
    result.finding(Finding.of("var_qk_unscaled", l.t("Var(q·k), unscaled", "Var(q·k)，未缩放"),
            v.unscaled(), "").withReference(dk, vaswani + " (= d_k)"))
        .finding(Finding.of("var_qk_scaled", l.t("Var(q·k/√d_k), scaled",
            "Var(q·k/√d_k)，缩放后"), v.scaled(), "").withReference(1, vaswani))
        .finding(maxProbFinding("max_prob_unscaled", l.t("E[max softmax weight], unscaled",
            "E[softmax 最大权重]，未缩放"), c.maxProb()[Curves.UNSCALED][at],
            keys == 64 ? MAX_PROB_64_KEYS.get(dk) : null, catalogue))
        .finding(maxProbFinding("max_prob_scaled", l.t("E[max softmax weight], scaled",
            "E[softmax 最大权重]，缩放后"), c.maxProb()[Curves.SCALED][at],
            keys == 64 ? MAX_PROB_64_KEYS_SCALED : null, catalogue))
        .finding(Finding.of("grad_norm_unscaled", l.t("median ‖softmax Jacobian‖_F, unscaled",
            "‖softmax 雅可比‖_F 中位数，未缩放"), c.gradMedian()[Curves.UNSCALED][at], ""))
        .finding(Finding.of("grad_norm_scaled", l.t("median ‖softmax Jacobian‖_F, scaled",
            "‖softmax 雅可比‖_F 中位数，缩放后"), c.gradMedian()[Curves.SCALED][at], ""))
        .finding(Finding.of("grad_norm_mean_unscaled", l.t("mean ‖softmax Jacobian‖_F, unscaled",
            "‖softmax 雅可比‖_F 均值，未缩放"), c.gradMean()[Curves.UNSCALED][at], ""))
        .finding(Finding.of("grad_norm_mean_scaled", l.t("mean ‖softmax Jacobian‖_F, scaled",
            "‖softmax 雅可比‖_F 均值，缩放后"), c.gradMean()[Curves.SCALED][at], ""))
        .finding(Finding.of("saturated_unscaled", l.t("rows with max weight > 0.99, unscaled",
            "最大权重 > 0.99 的行占比，未缩放"), c.saturated()[Curves.UNSCALED][at],
            l.t("fraction", "比例")))
        .finding(Finding.of("saturated_scaled", l.t("rows with max weight > 0.99, scaled",
            "最大权重 > 0.99 的行占比，缩放后"), c.saturated()[Curves.SCALED][at],
            l.t("fraction", "比例")));
    return result.data("variance", v).data("curves", curveData(c)).data("example_row", row);
  }

  private static Finding maxProbFinding(String key, String label, double value,
      Double reference, String source) {
    Finding f = Finding.of(key, label, value, "");
    return reference == null ? f : f.withReference(reference, source);
  }

  /** Panel 1: the variance facts, log–log, with the theory lines d_k and 1. */
  private static XyPlot variancePanel(Curves c, SoftmaxScaling.Variance v, Lang l) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    double[] scaled = new double[dk.length];
    for (int i = 0; i < dk.length; i++) {
      scaled[i] = c.var()[i] / dk[i];
    }
    return XyPlot.titled(l.t("Variance of the scores", "分数的方差"))
        .axes("d_k", l.t("Var(score)", "Var(分数)")).logX().logY()
        .line("q·k", dk, c.var())
        .dashed(l.t("d_k (theory)", "d_k（理论）"), dk, dk).sameColourAs("q·k")
        .line("q·k / √d_k", dk, scaled)
        .dashed(l.t("1 (theory)", "1（理论）"), dk, constant(dk.length, 1))
        .sameColourAs("q·k / √d_k")
        .highlight(l.t("chosen d_k", "所选 d_k"), new double[] {v.dk(), v.dk()},
            new double[] {v.unscaled(), v.scaled()}).colour(java.awt.Color.BLACK);
  }

  /** Panel 2: how peaked the softmax gets; 1/keys is uniform, 1 is one-hot. */
  private static XyPlot maxProbPanel(Curves c, Lang l) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    return XyPlot.titled(l.t("Largest softmax weight (mean over queries)",
            "softmax 最大权重（对查询取平均）"))
        .axes("d_k", l.t("E[max weight]", "E[最大权重]")).logX().yRange(0, 1)
        .line(l.t("unscaled", "未缩放"), dk, c.maxProb()[Curves.UNSCALED])
        .line(l.t("scaled", "缩放后"), dk, c.maxProb()[Curves.SCALED])
        .dashed(l.t("uniform 1/", "均匀 1/") + c.keys(), dk, constant(dk.length, 1.0 / c.keys()));
  }

  /** Panel 3: the gradient that flows back through the softmax, median (solid) and mean. */
  private static XyPlot gradientPanel(Curves c, Lang l) {
    double[] dk = Arrays.stream(c.dks()).asDoubleStream().toArray();
    String unscaledMedian = l.t("unscaled median", "未缩放中位数");
    String scaledMedian = l.t("scaled median", "缩放后中位数");
    return XyPlot.titled(l.t("Gradient through softmax: ‖J‖_F, J = ∂p/∂z",
            "穿过 softmax 的梯度：‖J‖_F，J = ∂p/∂z"))
        .axes("d_k", l.t("Frobenius norm of J", "J 的 Frobenius 范数")).logX().logY()
        .line(unscaledMedian, dk, c.gradMedian()[Curves.UNSCALED])
        .line(scaledMedian, dk, c.gradMedian()[Curves.SCALED])
        .dashed(l.t("dashed: mean", "虚线：均值"), dk, c.gradMean()[Curves.UNSCALED])
        .sameColourAs(unscaledMedian)
        .dashed(l.t("scaled mean", "缩放后均值"), dk, c.gradMean()[Curves.SCALED])
        .sameColourAs(scaledMedian).notInLegend();
  }

  /** Keys shown in panel 4; beyond this the bars become hairlines. */
  private static final int SHOWN_KEYS = 32;

  /**
   * Panel 4: one query's attention row at the chosen d_k, keys in order of score, on a log scale
   * so that both rows show at every setting (at d_k = 4096 and 1,024 keys the scaled weights are
   * about 10⁻³ beside an unscaled 1). The axis starts at the decade below the smallest scaled
   * weight shown; unscaled weights below it get no bar, and the axis label says so.
   */
  private static BarPlot examplePanel(SoftmaxScaling.ExampleRow row, int dk, Lang l) {
    int keys = row.scores().length;
    int shown = Math.min(keys, SHOWN_KEYS);
    List<String> ranks = new ArrayList<>();
    for (int i = 1; i <= shown; i++) {
      ranks.add(Integer.toString(i));
    }
    double[] scaled = Arrays.copyOf(row.scaled(), shown);
    double smallest = Arrays.stream(scaled).min().orElse(1);
    double floor = Math.min(1e-2, Math.pow(10, Math.floor(Math.log10(smallest))));
    double[] unscaled = Arrays.copyOf(row.unscaled(), shown);
    int cut = 0;
    for (int i = 0; i < shown; i++) {
      if (unscaled[i] < floor) {
        unscaled[i] = Double.NaN; // no bar: below the axis
        cut++;
      }
    }
    String xLabel = l.t("key, by score (highest first)", "键，按分数排序（高者在前）");
    if (shown < keys) {
      // Short enough for the window's narrow panel (a longer wording was cut there).
      xLabel = l.f("top %d of %d keys · other %d hold: unscaled %.1f%%, scaled %.1f%%",
          "%2$d 个键中的前 %1$d 个 · 其余 %3$d 个占：未缩放 %4$.1f%%，缩放后 %5$.1f%%",
          shown, keys, keys - shown, 100 * tail(row.unscaled(), shown),
          100 * tail(row.scaled(), shown));
    }
    String yLabel = l.t("softmax weight (log)", "softmax 权重（对数）");
    if (cut > 0) {
      yLabel = l.f("softmax weight (log; %d unscaled < %s)", "权重（对数；%d 个未缩放 < %s）",
          cut, Numbers.readable(floor));
    }
    return BarPlot.titled(l.t("One query's weights at d_k = ", "d_k = ") + dk
            + l.t("", " 时一个查询的权重"))
        .axes(xLabel, yLabel).logY().yRange(floor, 1)
        .categories(ranks).maxLabels(9)
        .bars(l.t("unscaled", "未缩放"), unscaled)
        .bars(l.t("scaled", "缩放后"), scaled);
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
