package dev.bagu.demos.models;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The panels of {@link MoeRoutingDemo}, one method per panel. */
final class MoePanels {
  private MoePanels() {}

  /** Panels 1–2: choices per expert (rows) at the checkpoints (columns), on the whole batch. */
  static HeatmapPlot loadPanel(MoeTraining.Run run, String title, int maxLoad,
      int capacity, Lang l) {
    int[][] load = run.history().load();
    int columns = load.length;
    int experts = load[0].length;
    double[][] m = new double[experts][columns];
    List<String> stepLabels = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      stepLabels.add(Integer.toString(run.history().steps()[c]));
      for (int e = 0; e < experts; e++) {
        m[e][c] = load[c][e];
      }
    }
    List<String> rows = new ArrayList<>();
    for (int e = 0; e < experts; e++) {
      rows.add("E" + (e + 1));
    }
    return HeatmapPlot.titled(title).matrix(m).rowLabels(rows).columnLabels(stepLabels)
        .axes(l.t("training step", "训练步"), l.t("expert", "专家"))
        .colourBarLabel(l.f("tokens routed (capacity %d)", "分到的 token 数（容量 %d）", capacity))
        .range(0, maxLoad);
  }

  /** Panel 5: the share of choices dropped against the capacity factor, for the final routers. */
  static XyPlot dropPanel(double[] factors, double[][] curves, double chosen,
      String without, String with, Lang l) {
    double[] ideal = Arrays.stream(factors).map(f -> Math.max(0, 1 - f)).toArray();
    return XyPlot.titled(l.t("Dropped at capacity, final routers", "超出容量被丢弃的比例（训练后）"))
        .axes(l.t("capacity factor", "容量因子"), l.t("share of choices dropped",
            "被丢弃的分配占比"))
        .yRange(0, 1)
        .curve(without, factors, curves[0])
        .curve(with, factors, curves[1])
        .dashed(l.t("uniform: max(0, 1 − factor)", "完全均匀：max(0, 1 − 因子)"),
            factors, ideal)
        .verticalLine(chosen);
  }

  /** Experts 1–7 take the palette; an eighth takes grey, so every expert has its own colour. */
  static Color expertColour(int e) {
    return e < Theme.categoryCount() ? Theme.category(e) : new Color(0x99, 0x99, 0x99);
  }

  /** Panels 3–4: each token at its 2-D position, coloured by the expert it goes to first. */
  static XyPlot choicePanel(MoeTraining.Task task, MoeTraining.Run run, String title,
      Lang l) {
    MoeLayer.Forward f = run.last();
    int experts = run.layer().experts();
    XyPlot plot = XyPlot.titled(title).axes("x₁", "x₂");
    for (int e = 0; e < experts; e++) {
      List<double[]> kept = new ArrayList<>();
      for (int t = 0; t < task.x().length; t++) {
        if (f.chosen()[t][0] == e && f.kept()[t][0]) {
          kept.add(task.x()[t]);
        }
      }
      plot.smallPoints("E" + (e + 1), xs(kept, 0), xs(kept, 1)).colour(expertColour(e));
    }
    List<double[]> dropped = new ArrayList<>();
    for (int t = 0; t < task.x().length; t++) {
      if (!f.kept()[t][0]) {
        dropped.add(task.x()[t]);
      }
    }
    return plot.smallPoints(l.t("dropped", "丢弃"), xs(dropped, 0), xs(dropped, 1))
        .colour(new Color(0xD0, 0x00, 0x00));
  }

  static double[] xs(List<double[]> points, int d) {
    return points.stream().mapToDouble(pt -> pt[d]).toArray();
  }

  /** Panel 6: the balancing loss at α during both trainings, between its two extremes. */
  static XyPlot balancePanel(MoeTraining.Run plain, MoeTraining.Run balanced,
      double alpha, int experts, String without, String with, Lang l) {
    double[] x = java.util.Arrays.stream(plain.history().steps()).asDoubleStream().toArray();
    double[] ends = {0, x[x.length - 1]};
    return XyPlot.titled(l.t("Balancing loss α·N·Σ f_i·P_i", "均衡损失 α·N·Σ f_i·P_i"))
        .axes(l.t("training step", "训练步"), l.t("balancing loss", "均衡损失"))
        .yRange(0, alpha * experts * 1.05)
        .line(without, x, plain.history().balanceLoss())
        .line(with, x, balanced.history().balanceLoss())
        .dashed(l.t("α·N: collapse", "α·N：全部塌缩"), ends,
            new double[] {alpha * experts, alpha * experts})
        .dashed(l.t("α: uniform", "α：完全均匀"), ends, new double[] {alpha, alpha})
        .colour(new Color(0x99, 0x99, 0x99));
  }
}
