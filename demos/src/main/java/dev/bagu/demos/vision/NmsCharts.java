package dev.bagu.demos.vision;

import dev.bagu.demos.vision.DetectionMetrics.Matched;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.XyPlot;
import java.util.List;
import java.util.Map;

/** The chart panels of the nms figure: weight curves and per-method scores. */
final class NmsCharts {
  private NmsCharts() {}

  /** Short method names for bar labels; the full names are in the box panels' titles. */
  static List<String> shortNames(List<Method> methods, Lang l) {
    return methods.stream().map(m -> switch (m) {
      case GREEDY -> l.t("greedy", "贪心");
      case SOFT_LINEAR -> l.t("lin", "线性");
      case SOFT_GAUSSIAN -> l.t("Gauss", "高斯");
      case WEIGHTED -> l.t("wtd", "加权");
      case DIOU -> "DIoU";
      case CIOU -> "CIoU";
      case SOFTER -> l.t("softer", "Softer");
    }).toList();
  }

  /**
   * What each method multiplies a neighbour's score by, against its IoU with the pick. Weighted,
   * DIoU-, CIoU- and Softer-NMS delete like greedy (DIoU and CIoU with a centre-distance term,
   * which is 0 for concentric boxes, so their step is greedy's there); Softer-NMS's dashed curve
   * is its voting weight p = exp(−(1 − IoU)²/σ_t), how much a neighbour moves the kept box.
   */
  static XyPlot weightPanel(Nms.Settings s, Lang lang) {
    return weightPanel(s, lang, 401);
  }

  /**
   * The same sampled at n IoUs (n − 1 a multiple of 50): a preview's 101 instead of 401, a
   * quarter of the painting (each line's points cost about 25 µs apiece to draw).
   */
  static XyPlot weightPanel(Nms.Settings s, Lang lang, int n) {
    double[] iou = new double[n];
    double[] step = new double[n];
    double[] linear = new double[n];
    double[] gauss = new double[n];
    double[] vote = new double[n];
    SoftNms.Weight g = SoftNms.gaussian(s.sigma());
    SoftNms.Weight l = SoftNms.linear(s.iouThreshold());
    SoftNms.Weight st = SoftNms.step(s.iouThreshold());
    for (int i = 0; i < n; i++) {
      iou[i] = i / (n - 1.0);
      step[i] = st.of(iou[i]);
      linear[i] = l.of(iou[i]);
      gauss[i] = g.of(iou[i]);
      vote[i] = Math.exp(-(1 - iou[i]) * (1 - iou[i]) / Nms.VOTE_SIGMA);
    }
    return XyPlot.titled(lang.t("Weight on score vs IoU", "分数的权重随 IoU 的变化"))
        .axes(lang.t("IoU with the picked box", "与选中框的 IoU"), lang.t("weight", "权重"))
        .yRange(0, 1.05)
        .curve(lang.t("greedy etc.", "贪心等"), iou, step)
        .colour(NmsDemo.methodColour(Method.GREEDY))
        .curve(lang.t("Soft linear", "Soft 线性"), iou, linear)
        .colour(NmsDemo.methodColour(Method.SOFT_LINEAR))
        .curve(lang.t("Soft Gauss", "Soft 高斯"), iou, gauss)
        .colour(NmsDemo.methodColour(Method.SOFT_GAUSSIAN))
        .dashed(lang.t("softer vote", "Softer 投票"), every(iou, (n - 1) / 50),
            every(vote, (n - 1) / 50))
        .colour(NmsDemo.methodColour(Method.SOFTER))
        .verticalLine(s.iouThreshold());
  }

  /**
   * Every k-th value and the last: a dashed line drawn through hundreds of sub-pixel segments
   * starts its dash pattern afresh on each and looks solid; 51 points keep it dashed and smooth.
   */
  static double[] every(double[] v, int k) {
    int n = (v.length - 1) / k + 1 + ((v.length - 1) % k == 0 ? 0 : 1);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = v[Math.min(v.length - 1, i * k)];
    }
    return out;
  }

  /** Recall and precision at IoU 0.5 on the drawn scene. */
  static BarPlot recallPrecisionPanel(List<Method> methods, Map<Method, Matched> matched,
      Lang l) {
    double[] recall = methods.stream().mapToDouble(m -> matched.get(m).recall()).toArray();
    double[] precision = methods.stream().mapToDouble(m -> matched.get(m).precision()).toArray();
    return BarPlot.titled(l.t("This scene, IoU 0.5", "本场景，IoU 0.5"))
        .axes(l.t("method", "方法"), l.t("fraction", "比例"))
        .categories(shortNames(methods, l)).maxLabels(7).yRange(0, 1.1)
        .bars(l.t("recall", "召回率"), recall).bars(l.t("precision", "精确率"), precision);
  }

  /** AP@0.5 pooled over many seeded scenes. */
  static BarPlot apPanel(List<Method> methods, double[] ap, int scenes, Lang l) {
    double lo = 1;
    for (double a : ap) {
      lo = Math.min(lo, a);
    }
    // Start the axis near the lowest bar: the differences are a few points out of ~80.
    double floor = Math.max(0, Math.floor(lo * 10 - 1) / 10);
    return BarPlot.titled(l.f("AP@0.5, %d scenes", "AP@0.5，%d 个场景", scenes))
        .axes(l.t("method (axis from ", "方法（纵轴从 ") + floor + l.t(")", " 起）"), "AP@0.5")
        .categories(shortNames(methods, l)).maxLabels(7).yRange(floor, 1)
        .bars("AP@0.5", ap);
  }
}
