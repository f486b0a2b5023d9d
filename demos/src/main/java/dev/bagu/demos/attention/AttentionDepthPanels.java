package dev.bagu.demos.attention;

import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.Arrays;
import java.util.stream.IntStream;

/** The panels of {@link AttentionDepthDemo}: r against depth, its double logarithm, weights. */
final class AttentionDepthPanels {
  private AttentionDepthPanels() {}

  /**
   * Panel 1: log₁₀ r per layer for the three paths, cut at the rounding floor. log₁₀ on a linear
   * axis, because a log axis over 12 decades labels every decade and crowds.
   */
  static XyPlot residual(Curves c, Lang l) {
    int depth = c.shape().depth();
    XyPlot plot = XyPlot.titled(l.t("Relative residual r = ‖X − 1x̄ᵀ‖ / ‖X‖ by depth",
            "相对残差 r = ‖X − 1x̄ᵀ‖ / ‖X‖ 随深度的变化"))
        .axes(l.t("layer (0 = input)", "层（0 = 输入）"),
            l.t("log₁₀ r  (composite ℓ1,∞ norm)", "log₁₀ r（复合 ℓ1,∞ 范数）"));
    for (Path path : Path.values()) {
      int last = c.lastAboveFloor()[path.ordinal()];
      plot.line(path.label(l), layers(0, last), Arrays.stream(c.r()[path.ordinal()], 0, last + 1)
          .map(Math::log10).toArray());
    }
    double floor = Math.log10(AttentionDepth.FLOOR);
    return plot.dashed(l.t("rounding floor: lines stop", "舍入下限：曲线到此为止"),
        new double[] {0, depth},
        new double[] {floor, floor});
  }

  /**
   * Panel 2: ln(−ln r). Doubly exponential decay, r = exp(−a·b^l), is a straight line of slope
   * ln b; plain exponential decay, r = exp(−a·l), bends over like ln l.
   */
  static XyPlot doubleLog(Curves c, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("ln(−ln r): straight line = doubly exponential",
            "ln(−ln r)：直线 = 双指数衰减"))
        .axes(l.t("layer (0 = input)", "层（0 = 输入）"), "ln(−ln r)");
    for (Path path : Path.values()) {
      double[] r = c.r()[path.ordinal()];
      int[] ok = IntStream.rangeClosed(0, c.lastAboveFloor()[path.ordinal()])
          .filter(k -> r[k] > 0 && r[k] < 1).toArray();
      plot.line(path.label(l), IntStream.of(ok).asDoubleStream().toArray(),
          IntStream.of(ok).mapToDouble(k -> Math.log(-Math.log(r[k]))).toArray());
    }
    if (c.fitFrom() > 0) {
      int from = c.fitFrom();
      int to = c.lastAboveFloor()[Path.PURE.ordinal()];
      double[] r = c.r()[Path.PURE.ordinal()];
      // The least-squares line passes through the mean point of the fitted layers.
      double meanX = (from + to) / 2.0;
      double meanY = IntStream.rangeClosed(from, to).mapToDouble(k -> Math.log(-Math.log(r[k])))
          .average().orElseThrow();
      double[] xs = {from, to};
      plot.dashed(l.f("fit, slope %.2f", "拟合，斜率 %.2f", c.pureSlope()), xs,
              line(xs, meanX, meanY, c.pureSlope())).sameColourAs(Path.PURE.label(l))
          .dashed(l.t("slope ln 3 (Dong et al. bound)", "斜率 ln 3（Dong 等的上界）"), xs,
              line(xs, meanX, meanY, Math.log(3)));
    }
    return plot;
  }

  /** Panels 3 and 4: one head's attention weights, on a colour scale shared by both panels. */
  static HeatmapPlot weights(String title, double[][] w, double top, Lang l) {
    HeatmapPlot h = HeatmapPlot.titled(title).matrix(w)
        .axes(l.t("key token", "键词元"), l.t("query token", "查询词元"))
        .colourBarLabel(l.t("weight", "权重")).range(0, top);
    return w.length <= 12 ? h.cellFormat("%.2f") : h;
  }

  private static double[] line(double[] xs, double x0, double y0, double slope) {
    return Arrays.stream(xs).map(x -> y0 + slope * (x - x0)).toArray();
  }

  private static double[] layers(int from, int to) {
    return IntStream.rangeClosed(from, to).asDoubleStream().toArray();
  }
}
