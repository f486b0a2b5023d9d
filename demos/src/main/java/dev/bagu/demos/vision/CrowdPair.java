package dev.bagu.demos.vision;

import dev.bagu.demos.vision.DetectionMetrics.Matched;
import dev.bagu.demos.vision.Nms.Kept;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BoxPlot;
import dev.bagu.plot.Theme;
import java.awt.Color;

/**
 * The crowd case on its own, where a random scene may or may not show it: person B stands behind
 * person A, shifted by a fifth of a width, so their boxes overlap with IoU 0.60. Each has a tight
 * detection and a slightly worse duplicate. Greedy NMS at N_t = 0.5 keeps A and deletes B as a
 * duplicate; Gaussian Soft-NMS lowers B's score and keeps it. Both run for real with the demo's
 * settings, so at N_t ≥ 0.6 greedy keeps B too and the panel says so.
 */
final class CrowdPair {
  private CrowdPair() {}

  /** A in front, B behind: x1, y1, x2, y2 in px (80 × 200 people). */
  static final double[][] TRUTH = {{200, 80, 280, 280}, {216, 92, 296, 292}};

  /** A's tight box and duplicate, then B's: the detector's proposals, by score. */
  static Detections detections() {
    double[][] boxes = {
        {200, 80, 280, 280}, {195, 84, 277, 286}, {216, 92, 296, 292}, {220, 87, 302, 290}};
    return Detections.of(boxes, new double[] {0.92, 0.81, 0.78, 0.66});
  }

  /** How far right the Soft-NMS copy is drawn from the greedy one. */
  private static final double OFFSET = 190;

  /** Greedy NMS (left copy) and Gaussian Soft-NMS (right copy) on the pair. */
  static BoxPlot panel(Nms.Settings s, Lang l) {
    Detections d = detections();
    Kept greedy = Nms.run(Method.GREEDY, d, s);
    Kept soft = Nms.run(Method.SOFT_GAUSSIAN, d, s);
    Matched g = DetectionMetrics.match(greedy.box(), greedy.score(), TRUTH, DetectionMetrics.IOU);
    Matched so = DetectionMetrics.match(soft.box(), soft.score(), TRUTH, DetectionMetrics.IOU);
    double pairIou = d.iou(0, 2);
    Color greedyColour = NmsDemo.methodColour(Method.GREEDY);
    Color softColour = NmsDemo.methodColour(Method.SOFT_GAUSSIAN);
    BoxPlot p = BoxPlot.titled(l.f("IoU %.2f pair: greedy finds %d, Soft %d",
            "IoU %.2f 的两人：贪心找到 %d 个，Soft %d 个", pairIou, g.found(), so.found()))
        .axes(l.f("x (px; right copy +%d)", "x（px；右边一份 +%d）", (int) OFFSET), "y (px)")
        .range(170, 330 + OFFSET, 30, 320)
        .legend(l.t("greedy", "贪心"), greedyColour, false)
        .legend(l.t("Soft Gaussian", "高斯 Soft"), softColour, false);
    if (g.found() < TRUTH.length || so.found() < TRUTH.length) {
      p.legend(l.t("missed", "漏掉"), NmsDemo.MISSED, false);
    }
    drawCopy(p, greedy, g, 0, greedyColour);
    drawCopy(p, soft, so, OFFSET, softColour);
    p.label(185, 52, l.t("greedy NMS", "贪心 NMS"), Theme.TEXT);
    p.label(185 + OFFSET, 52, l.t("Soft-NMS", "Soft-NMS"), Theme.TEXT);
    // B's score under Soft-NMS: the decay that replaces the deletion.
    for (int i = 0; i < soft.size(); i++) {
      if (soft.index()[i] == 2) {
        p.label(TRUTH[1][0] + OFFSET - 70, 314, String.format(java.util.Locale.US,
            "B: %.2f → %.2f", d.score()[2], soft.score()[i]), Theme.TEXT);
      }
    }
    return p;
  }

  private static void drawCopy(BoxPlot p, Kept k, Matched m, double dx, Color colour) {
    for (int t = 0; t < TRUTH.length; t++) {
      double[] b = TRUTH[t];
      if (m.claimed()[t]) {
        p.dashedBox(b[0] + dx, b[1], b[2] + dx, b[3], Theme.REFERENCE);
      } else {
        p.highlight(b[0] + dx, b[1], b[2] + dx, b[3], NmsDemo.MISSED);
      }
    }
    for (int i = 0; i < k.size(); i++) {
      double[] b = k.box()[i];
      p.box(b[0] + dx, b[1], b[2] + dx, b[3], colour, k.score()[i]);
    }
  }
}
