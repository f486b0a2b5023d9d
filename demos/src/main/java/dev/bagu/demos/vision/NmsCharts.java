package dev.bagu.demos.vision;

import dev.bagu.demos.vision.DetectionMetrics.Matched;
import dev.bagu.demos.vision.Nms.Kept;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.XyPlot;
import java.util.List;
import java.util.Map;

/** The chart panels of the nms figure: weight curves and per-method scores. */
final class NmsCharts {
  private NmsCharts() {}

  /** Short method names for bar labels; the full names are in the box panels' titles. */
  static List<String> shortNames(List<Method> methods) {
    return methods.stream().map(m -> switch (m) {
      case GREEDY -> "greedy";
      case SOFT_LINEAR -> "lin";
      case SOFT_GAUSSIAN -> "Gauss";
      case WEIGHTED -> "wtd";
      case DIOU -> "DIoU";
      case CIOU -> "CIoU";
      case SOFTER -> "softer";
    }).toList();
  }

  /**
   * What each method multiplies a neighbour's score by, against its IoU with the pick. Weighted,
   * DIoU-, CIoU- and Softer-NMS delete like greedy (DIoU and CIoU with a centre-distance term,
   * which is 0 for concentric boxes, so their step is greedy's there); Softer-NMS's dashed curve
   * is its voting weight p = exp(−(1 − IoU)²/σ_t), how much a neighbour moves the kept box.
   */
  static XyPlot weightPanel(Nms.Settings s) {
    int n = 401;
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
    return XyPlot.titled("Weight on score vs IoU")
        .axes("IoU with the picked box", "weight").yRange(0, 1.05)
        .curve("greedy etc.", iou, step).colour(NmsDemo.methodColour(Method.GREEDY))
        .curve("Soft linear", iou, linear).colour(NmsDemo.methodColour(Method.SOFT_LINEAR))
        .curve("Soft Gauss", iou, gauss).colour(NmsDemo.methodColour(Method.SOFT_GAUSSIAN))
        .dashed("softer vote", iou, vote).colour(NmsDemo.methodColour(Method.SOFTER))
        .verticalLine(s.iouThreshold());
  }

  /** Recall and precision at IoU 0.5 on the drawn scene. */
  static BarPlot recallPrecisionPanel(List<Method> methods, Map<Method, Matched> matched) {
    double[] recall = methods.stream().mapToDouble(m -> matched.get(m).recall()).toArray();
    double[] precision = methods.stream().mapToDouble(m -> matched.get(m).precision()).toArray();
    return BarPlot.titled("This scene, IoU 0.5").axes("method", "fraction")
        .categories(shortNames(methods)).maxLabels(7).yRange(0, 1.1)
        .bars("recall", recall).bars("precision", precision);
  }

  /** AP@0.5 pooled over many seeded scenes. */
  static BarPlot apPanel(List<Method> methods, double[] ap, int scenes) {
    double lo = 1;
    for (double a : ap) {
      lo = Math.min(lo, a);
    }
    // Start the axis near the lowest bar: the differences are a few points out of ~80.
    double floor = Math.max(0, Math.floor(lo * 10 - 1) / 10);
    return BarPlot.titled("AP@0.5, " + scenes + " scenes")
        .axes("method (axis from " + floor + ")", "AP@0.5").categories(shortNames(methods)).maxLabels(7).yRange(floor, 1)
        .bars("AP@0.5", ap);
  }

  /** Boxes kept against the people there and the people found. */
  static BarPlot keptPanel(List<Method> methods, Map<Method, Kept> kept,
      Map<Method, Matched> matched, int objects) {
    double[] k = methods.stream().mapToDouble(m -> kept.get(m).size()).toArray();
    double[] found = methods.stream().mapToDouble(m -> matched.get(m).found()).toArray();
    return BarPlot.titled("Kept vs " + objects + " people")
        .axes("method", "boxes").categories(shortNames(methods)).maxLabels(7)
        .bars("kept", k).bars("people found", found);
  }
}
