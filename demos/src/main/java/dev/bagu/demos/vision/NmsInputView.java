package dev.bagu.demos.vision;

import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.demos.vision.Nms.Kept;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BoxPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import java.nio.file.Path;
import java.util.List;

/** {@code bagu run nms --input boxes.csv}: the chosen method on the user's boxes. */
final class NmsInputView {
  private NmsInputView() {}

  static Result run(NmsDemo demo, Params p) {
    Path file = p.input().orElseThrow();
    BoxesFile.Boxes boxes = BoxesFile.read(file);
    Detections d = boxes.detections();
    Method m = Method.byId(p.choice("method"));
    if (m == Method.SOFTER && d.std() == null) {
      throw new UserException(file.getFileName() + ": method softer needs the columns "
          + String.join(",", BoxesFile.STD) + " (each box's standard deviations); choose "
          + "another method or add them");
    }
    Nms.Settings s = NmsDemo.settings(p);
    long start = System.nanoTime();
    Kept k = Nms.run(m, d, s);
    double millis = (System.nanoTime() - start) / 1e6;

    double[] range = range(d);
    Lang l = p.lang();
    int classes = boxes.classNames().isEmpty() ? 1 : boxes.classNames().size();
    BoxPlot raw = BoxPlot.titled(l.f("Input: %d boxes", "输入：%d 个框", d.size())
            + (classes > 1 ? l.f(", %d classes", "，%d 个类别", classes) : "")).axes("x", "y")
        .range(range[0], range[1], range[2], range[3]);
    List<String> names = boxes.classNames();
    for (int c = 0; c < Math.min(names.size(), 6); c++) {
      raw.legend(names.get(c), Theme.category(c), false);
    }
    for (int i = 0; i < d.size(); i++) {
      raw.box(d.x1()[i], d.y1()[i], d.x2()[i], d.y2()[i],
          Theme.category(d.cls() == null ? 0 : d.cls()[i]), d.score()[i]);
    }
    Figure figure = Figure.grid(l.f("%s on %s", "%s：%s", m.label(l), file.getFileName()), 1, 3)
        .preferredSize(1800, 800)
        .subtitle(l.f("%d boxes in, %d kept · IoU threshold %s · σ %s · "
                + "score threshold %s%s", "输入 %d 个框，保留 %d 个 · IoU 阈值 %s · σ %s · "
                + "分数阈值 %s%s", d.size(), k.size(), NmsDemo.fmt(s.iouThreshold()),
            NmsDemo.fmt(s.sigma()), NmsDemo.fmt(s.scoreThreshold()),
            classes > 1 ? l.t(" · class-aware", " · 按类别分别抑制") : ""))
        .add(raw)
        .add(NmsDemo.keptPanel(m, k, null, new double[0][], range, classes > 1 ? d.cls() : null,
            l))
        .add(NmsCharts.weightPanel(s, l));
    String unit = l.t("boxes", "个框");
    Result result = Result.of(figure)
        .finding(Finding.of("boxes_in", l.t("boxes in the file", "文件中的框数"), d.size(), unit))
        .finding(Finding.of("kept", m.label(l) + l.t(": boxes kept", "：保留的框数"), k.size(),
            unit))
        .finding(Finding.of("classes", l.t("classes", "类别数"), classes, ""))
        .finding(Finding.of("nms_time", m.label(l) + l.t(": time", "：耗时"), millis, "ms")
            .asMeasured());
    result.data("method", m.id()).data("kept", NmsDemo.keptData(k))
        .data("classes", boxes.classNames());
    if (m == Method.GREEDY || m.isSoft()) {
      SoftNms.Weight w = m == Method.SOFT_LINEAR ? SoftNms.linear(s.iouThreshold())
          : m == Method.SOFT_GAUSSIAN ? SoftNms.gaussian(s.sigma())
          : SoftNms.step(s.iouThreshold());
      double threshold = m == Method.GREEDY ? Double.MIN_VALUE : s.scoreThreshold();
      List<NmsSteps.Step> steps = NmsSteps.record(d, w, threshold);
      for (int r = 0; r < Math.min(steps.size(), NmsDemo.MAX_FRAMES); r++) {
        result.frame(Figure.single(l.f("%s step by step on %s", "%s 逐步演示：%s", m.label(l),
                file.getFileName()),
            NmsSteps.panel(m.label(l), NmsDemo.methodColour(m), d, steps.get(r), r + 1, range,
                new double[0][], l)).preferredSize(1200, 900));
      }
      result.frameDelayMillis(900);
    }
    return result;
  }

  /** All boxes with a 5% margin. */
  private static double[] range(Detections d) {
    double[] r = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < d.size(); i++) {
      r[0] = Math.min(r[0], d.x1()[i]);
      r[1] = Math.max(r[1], d.x2()[i]);
      r[2] = Math.min(r[2], d.y1()[i]);
      r[3] = Math.max(r[3], d.y2()[i]);
    }
    double px = 0.05 * (r[1] - r[0]);
    double py = 0.05 * (r[3] - r[2]);
    return new double[] {r[0] - px, r[1] + px, r[2] - py, r[3] + py};
  }
}
