package dev.bagu.demos.inference;

import static dev.bagu.demos.inference.RoundToNearest.Granularity.GROUPED;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_CHANNEL;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_TENSOR;

import dev.bagu.demos.inference.RoundToNearest.Granularity;
import dev.bagu.demos.inference.RoundToNearest.Grid;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;

/** The four panels of {@link QuantizationDemo}. */
final class QuantizationPanels {
  private static final int BINS = 80;

  private final Lang l;
  private final QuantizationSweep sweep;

  QuantizationPanels(Lang l, QuantizationSweep sweep) {
    this.l = l;
    this.sweep = sweep;
  }

  String grain(Granularity g) {
    return switch (g) {
      case PER_TENSOR -> l.t("per tensor", "整个张量");
      case PER_CHANNEL -> l.t("per output channel", "按输出通道");
      case GROUPED -> l.f("per group of %d", "每 %d 个一组", sweep.groupSize());
    };
  }

  /**
   * Panel 1: the weight histogram with the per-tensor grids. INT4's 16 levels are grey lines;
   * INT8's 256 levels are the dots along the bottom.
   */
  XyPlot histogram(double[] weights) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double w : weights) {
      lo = Math.min(lo, w);
      hi = Math.max(hi, w);
    }
    double width = (hi - lo) / BINS;
    double[] counts = new double[BINS + 1];
    for (double w : weights) {
      counts[Math.min(BINS - 1, (int) ((w - lo) / width))]++;
    }
    counts[BINS] = counts[BINS - 1]; // the step outline's right end
    double[] edges = new double[BINS + 1];
    for (int i = 0; i <= BINS; i++) {
      edges[i] = lo + i * width;
    }
    double[] int8 = Grid.covering(lo, hi, 8).levels();
    XyPlot plot = XyPlot.titled(l.t("Weights and the per-tensor INT4 and INT8 grids",
            "权重分布与整个张量共用的 INT4、INT8 网格"))
        .axes(l.t("weight value (grey lines: the 16 INT4 levels; dots: the 256 INT8 levels)",
                "权重值（灰线：16 个 INT4 格点；圆点：256 个 INT8 格点）"),
            l.t("weights per bin", "每个区间的权重数"))
        .stepArea(l.t("weights", "权重"), edges, counts)
        .smallPoints(l.t("INT8 levels", "INT8 格点"), int8, new double[int8.length])
        .colour(Theme.category(3))
        .hideLegend();
    for (double level : Grid.covering(lo, hi, 4).levels()) {
      plot.verticalLine(level);
    }
    return plot;
  }

  /** Panel 2: round-to-nearest error by bits and by granularity. */
  BarPlot roundToNearest() {
    List<String> bits = new ArrayList<>();
    for (int b : QuantizationSweep.BITS) {
      bits.add("INT" + b);
    }
    BarPlot plot = BarPlot.titled(l.t("Round-to-nearest: output error by grid",
            "就近取整：不同网格粒度的输出误差"))
        .axes(l.t("bits per weight", "每个权重的位数"), "‖WX − ŴX‖² / ‖WX‖²")
        .categories(bits).logY();
    for (Granularity g : Granularity.values()) {
      double[] e = new double[QuantizationSweep.BITS.length];
      for (int i = 0; i < e.length; i++) {
        e[i] = sweep.error("rtn", QuantizationSweep.BITS[i], g);
      }
      plot.bars(grain(g), e);
    }
    return logRange(plot, sweep.entries().values().stream()
        .filter(e -> e.method().equals("rtn")).mapToDouble(QuantizationSweep.Entry::error)
        .toArray());
  }

  /** Panel 3: GPTQ against round-to-nearest at the same bits and grid. */
  BarPlot gptq() {
    List<String> names = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    for (int b : new int[] {4, 3}) {
      for (Granularity g : new Granularity[] {PER_CHANNEL, GROUPED}) {
        names.add("INT" + b + (g == GROUPED ? " g" + sweep.groupSize()
            : l.t(" per channel", " 按通道")));
        pairs.add(new double[] {sweep.error("rtn", b, g), sweep.error("gptq", b, g)});
      }
    }
    double[] rtn = pairs.stream().mapToDouble(p -> p[0]).toArray();
    double[] gptq = pairs.stream().mapToDouble(p -> p[1]).toArray();
    BarPlot plot = BarPlot.titled(l.t("GPTQ against round-to-nearest, same bits and grid",
            "GPTQ 与就近取整：相同位数和网格"))
        .axes(l.t("bits and grid", "位数与网格"), "‖WX − ŴX‖² / ‖WX‖²")
        .categories(names).logY()
        .bars(l.t("round-to-nearest", "就近取整"), rtn)
        .bars("GPTQ", gptq);
    double[] all = java.util.stream.DoubleStream.concat(java.util.Arrays.stream(rtn),
        java.util.Arrays.stream(gptq)).toArray();
    return logRange(plot, all);
  }

  /**
   * XChart's log bar axis starts at 0 unless told otherwise: the range goes from the power of
   * ten below the smallest value to the one above the largest.
   */
  private static BarPlot logRange(BarPlot plot, double[] values) {
    double min = java.util.Arrays.stream(values).filter(v -> v > 0).min().orElse(1e-6);
    double max = java.util.Arrays.stream(values).max().orElse(1);
    return plot.yRange(Math.pow(10, Math.floor(Math.log10(min))),
        Math.pow(10, Math.ceil(Math.log10(max))));
  }

  /** Panel 4: error against storage, scales and zero points included. */
  XyPlot tradeOff() {
    XyPlot plot = XyPlot.titled(l.t("Error against storage (scales included)",
            "误差与存储开销（含缩放因子）"))
        .axes(l.t("bits per weight, scales and zero points included", "每个权重的位数（含缩放因子和零点）"),
            "‖WX − ŴX‖² / ‖WX‖²").logY();
    for (String method : new String[] {"rtn", "gptq"}) {
      for (Granularity g : new Granularity[] {PER_CHANNEL, GROUPED}) {
        double[] x = new double[QuantizationSweep.BITS.length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
          QuantizationSweep.Entry e = sweep.get(method, QuantizationSweep.BITS[i], g);
          x[i] = e.bitsPerWeight();
          y[i] = e.error();
        }
        String name = (method.equals("rtn") ? l.t("RTN ", "就近取整，") : "GPTQ ")
            + (g == GROUPED ? "g" + sweep.groupSize() : l.t("per channel", "按通道"));
        plot.line(name, x, y);
      }
    }
    return plot;
  }
}
