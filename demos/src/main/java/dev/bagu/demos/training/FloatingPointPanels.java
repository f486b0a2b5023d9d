package dev.bagu.demos.training;

import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The six panels of {@code floating-point}, in the figure's language. */
final class FloatingPointPanels {
  private final Lang l;

  FloatingPointPanels(Lang l) {
    this.l = l;
  }

  /** Top left: the positive range of each format on a log axis. */
  DrawingPanel ranges() {
    Int8Format int8 = Int8Format.forAbsMax(1);
    List<NumberLines.Row> rows = List.of(
        row(FloatFormat.FP32, 0), row(FloatFormat.BF16, 1), row(FloatFormat.FP16, 2),
        row(FloatFormat.E5M2, 3), row(FloatFormat.E4M3, 4),
        new NumberLines.Row(l.t("int8 (absmax 1)", "int8（absmax 1）"), int8.scale(),
            int8.scale(), int8.max(), Theme.category(5)));
    return NumberLines.ranges(l.t("Range of positive values", "正数的表示范围"),
        l.t("|x| (log scale)", "|x|（对数坐标）"),
        l.t("light: subnormal (fewer significant bits)", "浅色：次正规数（有效位更少）"), rows);
  }

  private NumberLines.Row row(FloatFormat f, int colour) {
    return new NumberLines.Row(f.name(), f.minSubnormal(), f.minNormal(), f.max(),
        Theme.category(colour));
  }

  /** Top middle: every representable value in [0, 8]. */
  DrawingPanel valuesNearOne() {
    double hi = 8;
    return NumberLines.values(l.t("Every representable value in [0, 8] (count at right)",
            "[0, 8] 内所有可表示的值（右侧为个数）"), "x", hi, List.of(
        new NumberLines.Values("bf16", NumberLines.valuesUpTo(FloatFormat.BF16, hi),
            Theme.category(1)),
        new NumberLines.Values("fp8 E4M3", NumberLines.valuesUpTo(FloatFormat.E4M3, hi),
            Theme.category(4)),
        new NumberLines.Values("fp8 E5M2", NumberLines.valuesUpTo(FloatFormat.E5M2, hi),
            Theme.category(3)),
        new NumberLines.Values(l.t("int8 (absmax 8)", "int8（absmax 8）"),
            NumberLines.int8UpTo(Int8Format.forAbsMax(hi), hi), Theme.category(5))));
  }

  /** Points per format in the rounding-error panel. */
  static final int ERROR_POINTS = 250;

  /**
   * Top right: |round(x) − x| / |x| for x log-uniform in [1e-8, 1e2], with each format's bound
   * 2^−(m+1) (half the machine epsilon) dashed; int8 with absmax 1 for comparison.
   */
  XyPlot relativeError(FloatFormat[] formats, Rng rng) {
    return relativeError(formats, rng, ERROR_POINTS);
  }

  /** The same over {@code points} random magnitudes (a preview's fewer). */
  XyPlot relativeError(FloatFormat[] formats, Rng rng, int points) {
    XyPlot plot = XyPlot.titled(l.t("Relative rounding error against magnitude",
            "相对舍入误差与数值大小"))
        .axes("|x|", l.t("|round(x) − x| / |x|", "|round(x) − x| / |x|")).logX().logY();
    double[] x = new double[points];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.pow(10, rng.uniform(-8, 2));
    }
    double[] ends = {1e-8, 1e2};
    for (FloatFormat f : formats) {
      double[] err = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        err[i] = Math.abs(f.round(x[i]) - x[i]) / x[i];
      }
      plot.smallPoints(f.name(), x, err);
      double bound = f.epsilon() / 2;
      plot.dashed(f.name() + " 2^−" + (f.mantissaBits() + 1), ends, new double[] {bound, bound})
          .sameColourAs(f.name()).notInLegend();
    }
    Int8Format q = Int8Format.forAbsMax(1);
    double[] err = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      err[i] = Math.abs(q.round(x[i]) - x[i]) / x[i];
    }
    return plot.smallPoints(l.t("int8 (absmax 1)", "int8（absmax 1）"), x, err)
        .colour(Theme.category(5));
  }

  /** Bottom left: the largest softmax weight against the largest logit, three ways. */
  XyPlot softmax(double threshold) {
    int n = 193; // c in steps of 1/12
    double[] c = new double[n];
    double[][] w = new double[3][n];
    for (int i = 0; i < n; i++) {
      c[i] = 16.0 * i / (n - 1);
      double[] m = MixedPrecision.softmaxMax(c[i], FloatingPointDemo.LOGITS);
      for (int j = 0; j < 3; j++) {
        w[j][i] = m[j];
      }
    }
    double sumOverflow = Double.NaN; // first c where the naive sum is +∞ but exp(c) is not
    for (int i = 0; i < n && Double.isNaN(sumOverflow); i++) {
      sumOverflow = w[1][i] == 0 ? c[i] : Double.NaN;
    }
    return XyPlot.titled(l.f("fp16 softmax of %d logits c, c − 1, …, c − 7",
            "%d 个输入（c, c − 1, …, c − 7）的 fp16 softmax", FloatingPointDemo.LOGITS))
        // Where the naive sum overflows goes in its curve's name, where exp(c) does is the line:
        // both numbers in the axis title were cut in the window's narrow panel.
        .axes(l.t("largest logit c (line: exp(c) = ∞)", "最大输入 c（竖线：exp(c) = ∞）"),
            l.t("largest weight", "最大权重"))
        .yRange(0, 1)
        .dashed(l.t("exact (fp64)", "精确值（fp64）"), c, w[0])
        .curve(l.t("fp16, max subtracted", "fp16，减去最大值"), c, w[2])
        .curve(l.f("fp16, naive: 0 from c = %.2f (sum = ∞), then NaN",
            "fp16，直接算：c = %.2f 起为 0（和为 ∞），之后为 NaN", sumOverflow), c, w[1])
        .verticalLine(threshold);
  }

  /** The loss-scale curve runs from S = 1 to S = 2^this. */
  static final int MAX_LOG2_SCALE = 40;

  /** Bottom middle's data and panel. */
  record LossScaling(XyPlot panel, MixedPrecision.Scaled unscaled,
      MixedPrecision.Scaled scaled, Map<String, Object> data) {}

  /** Bottom middle: the share of gradients lost (to 0 or ∞) against the loss scale. */
  LossScaling lossScaling(double[] g, double mean, double sd, int chosen) {
    int n = MAX_LOG2_SCALE + 1;
    double[] k = new double[n];
    double[] under = new double[n];
    double[] over = new double[n];
    double[] theory = new double[n];
    MixedPrecision.Scaled unscaled = null;
    MixedPrecision.Scaled scaled = null;
    for (int i = 0; i < n; i++) {
      k[i] = i;
      MixedPrecision.Scaled s = MixedPrecision.scale(g, Math.scalb(1.0, i));
      under[i] = s.underflow();
      over[i] = s.overflow();
      theory[i] = MixedPrecision.underflowTheory(mean, sd, i);
      unscaled = i == 0 ? s : unscaled;
      scaled = i == chosen ? s : scaled;
    }
    XyPlot plot = XyPlot.titled(l.t("Loss scaling: gradients lost in fp16",
            "损失缩放：fp16 中丢失的梯度"))
        .axes(l.t("log₂ S (gradients stored as g·S)", "log₂ S（梯度存为 g·S）"),
            l.t("share of gradients", "梯度占比")).yRange(0, 1)
        .line(l.t("to 0 (underflow)", "变成 0（下溢）"), k, under)
        .dashed(l.t("Φ((−25 − log₂S − mean)/sd)", "Φ((−25 − log₂S − 均值)/标准差)"), k, theory)
        .sameColourAs(l.t("to 0 (underflow)", "变成 0（下溢）"))
        .line(l.t("to ±∞ (overflow)", "变成 ±∞（上溢）"), k, over)
        .highlight(l.f("chosen S = 2^%d", "所选 S = 2^%d", chosen),
            new double[] {chosen, chosen}, new double[] {under[chosen], over[chosen]})
        .colour(Color.BLACK);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("log2_scale", k);
    data.put("underflow", under);
    data.put("overflow", over);
    data.put("underflow_theory", theory);
    return new LossScaling(plot, unscaled, scaled, data);
  }

  /** Bottom right: w ← w − u repeated, stored in fp32, fp16 or bf16. */
  XyPlot updates(double[][] w, FloatFormat[] formats, double u) {
    int steps = w[0].length - 1;
    int stride = 5; // every 5th step: 201 points per line draw as fast as they read
    int n = steps / stride + 1;
    double[] t = new double[n];
    double[] exact = new double[n];
    double[][] shown = new double[w.length][n];
    for (int i = 0; i < n; i++) {
      t[i] = i * stride;
      exact[i] = 1 - t[i] * u;
      for (int f = 0; f < w.length; f++) {
        shown[f][i] = w[f][i * stride];
      }
    }
    XyPlot plot = XyPlot.titled(l.f("Weight update w ← w − %s from w = 1",
            "权重更新 w ← w − %s，从 w = 1 开始", dev.bagu.plot.Numbers.readable(u))).axes(l.t("update step", "更新步数"), "w")
        .dashed(l.t("exact 1 − t·u", "精确值 1 − t·u"), t, exact);
    for (int i = 0; i < formats.length; i++) {
      String name = l.f("w stored in %s", "w 存为 %s", formats[i].name());
      if (i == formats.length - 1) { // dashed: a line under it (fp16 stuck at 1) shows through
        plot.dashed(name, t, shown[i]).colour(Theme.category(i));
      } else {
        plot.curve(name, t, shown[i]).colour(Theme.category(i));
      }
    }
    return plot;
  }
}
