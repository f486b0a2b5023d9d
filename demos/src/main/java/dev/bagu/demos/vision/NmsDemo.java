package dev.bagu.demos.vision;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.vision.DetectionMetrics.Matched;
import dev.bagu.demos.vision.Nms.Kept;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.BoxPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** NMS 及其变体: greedy NMS and six variants on a crowded scene, or on the user's boxes. */
public final class NmsDemo implements Demo {
  static final List<Method> METHODS = List.of(Method.values());
  private static final String BODLA = "Bodla et al. 2017: +1.1 to +1.7 mAP, real detectors";
  private static final String BODLA_ZH = "Bodla 等 2017：真实检测器上 mAP 提高 1.1 到 1.7";

  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("method", "soft-gaussian",
          Arrays.stream(Method.values()).map(Method::id).toList(),
          "the method whose kept boxes go to the JSON (and, with --input, the figure)")
          .zh("哪种方法保留下来的框写进 JSON（用 --input 时也画进图里）"),
      Param.real("iou", 0.5, 0, 1,
          "IoU threshold: greedy/weighted/DIoU/CIoU/softer suppress above it; Soft-NMS linear N_t")
          .zh("IoU 阈值：贪心、加权、DIoU、CIoU、Softer 在它之上抑制；也是线性 Soft-NMS 的 N_t"),
      Param.real("sigma", 0.5, 0.01, 2,
          "Gaussian Soft-NMS σ in exp(−IoU²/σ); small = close to greedy, large = gentle")
          .logScale().zh("高斯 Soft-NMS 中 exp(−IoU²/σ) 的 σ；越小越接近贪心，越大越温和"),
      Param.real("score-threshold", 0.001, 0, 0.5,
          "Soft-NMS drops boxes whose decayed score falls under this")
          .zh("Soft-NMS 把衰减后分数低于它的框丢掉"),
      Param.integer("objects", 12, 1, 40, "people in the generated crowd")
          .zh("生成的人群里有多少人"),
      Param.integer("detections", 5, 1, 20, "jittered detections per person")
          .zh("每个人周围抖动生成的检测框个数"),
      Param.integer("scenes", 50, 1, 500, "seeded scenes the AP@0.5 is averaged over")
          .zh("AP@0.5 取平均用的场景数（各有种子）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("nms", "NMS and its variants on a crowded scene", Section.VISION,
        "NMS 及其变体",
        "greedy NMS deletes the second person in a crowd; Soft-NMS only lowers their score")
        .zh("拥挤场景中的 NMS 及其变体", "贪心 NMS 会把人群里挨着的第二个人删掉；Soft-NMS 只降低他的分数");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  /** A preview's scenes for AP@0.5 at most. */
  static final int PREVIEW_SCENES = 10;

  /**
   * Less work while a slider moves in the window: AP@0.5 over at most 10 scenes (seven methods on
   * every scene are most of the run), said in the subtitle and the AP panel's title, and the
   * weight curves sampled at 101 IoUs instead of 401.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  /** Scenes the AP is averaged over: the parameter's, at most 10 in a preview. */
  static int scenes(Params p) {
    return p.preview() ? Math.min(PREVIEW_SCENES, p.integer("scenes")) : p.integer("scenes");
  }

  static Nms.Settings settings(Params p) {
    return new Nms.Settings(p.real("iou"), p.real("sigma"), p.real("score-threshold"));
  }

  @Override
  public Result run(Params p) {
    if (p.input().isPresent()) {
      return NmsInputView.run(this, p);
    }
    Nms.Settings s = settings(p);
    int objects = p.integer("objects");
    int perObject = p.integer("detections");
    CrowdScene scene = CrowdScene.generate(objects, perObject, Rng.stream(p.seed(), 1));
    Detections d = scene.detections();
    Map<Method, Kept> kept = new LinkedHashMap<>();
    Map<Method, Matched> matched = new LinkedHashMap<>();
    for (Method m : METHODS) {
      Kept k = Nms.run(m, d, s);
      kept.put(m, k);
      matched.put(m, DetectionMetrics.match(k.box(), k.score(), scene.truth(),
          DetectionMetrics.IOU));
    }
    double[] ap = averagePrecision(p, s, objects, perObject);

    // The image and a 10 px margin, so boxes on its edge are not drawn on the axes.
    double[] range = {-10, CrowdScene.WIDTH + 10, -10, CrowdScene.HEIGHT + 10};
    Lang l = p.lang();
    Figure figure = Figure.grid(info().title(l), 3, 4).preferredSize(1800, 1200)
        .subtitle(l.f(
            "%s × %s + %d clutter = %s · opacity = score · IoU threshold %s"
                + " · σ %s · score threshold %s · AP over %s · seed %d",
            "%s 人 × %s 个检测框 + %d 个杂框 = %s 个框 · 透明度 = 分数 · IoU 阈值 %s · σ %s · "
                + "分数阈值 %s · AP 取 %s 个场景的平均 · 种子 %d",
            l.count(objects, "person", "people"), l.count(perObject, "detection", "detections"),
            d.size() - objects * perObject, l.count(d.size(), "box", "boxes"),
            fmt(s.iouThreshold()), fmt(s.sigma()), fmt(s.scoreThreshold()),
            l.count(scenes(p), "scene", "scenes"), p.seed()))
        .add(rawPanel(scene, perObject, range, l));
    for (Method m : METHODS) {
      figure.add(keptPanel(m, kept.get(m), matched.get(m), scene.truth(), range, l));
    }
    // A preview's weight curves: 101 IoUs, not 401 (drawing their points is the costliest panel).
    figure.add(NmsCharts.weightPanel(s, l, p.preview() ? 101 : 401))
        .add(NmsCharts.recallPrecisionPanel(METHODS, matched, l))
        .add(NmsCharts.apPanel(METHODS, ap, scenes(p), l))
        .add(CrowdPair.panel(s, l));
    Result result = Result.of(figure);
    String boxes = l.t("boxes", "个框");
    for (Method m : METHODS) {
      String key = m.id().replace('-', '_');
      result.finding(Finding.of("kept_" + key, m.label(l) + l.t(": boxes kept", "：保留的框数"),
          kept.get(m).size(), boxes));
      result.finding(Finding.of("recall_" + key, m.label(l)
          + l.t(": recall@0.5, this scene", "：本场景 IoU 0.5 下的召回率"),
          matched.get(m).recall(), ""));
    }
    for (Method m : METHODS) {
      result.finding(Finding.of("ap_" + m.id().replace('-', '_'), m.label(l)
          + l.f(": AP@0.5 over %s", "：%s 个场景的 AP@0.5",
              l.count(scenes(p), "scene", "scenes")),
          ap[m.ordinal()], ""));
    }
    String bodla = l.t(BODLA, BODLA_ZH);
    String points = l.t("AP points", "个百分点");
    result.finding(Finding.of("ap_gain_soft_gaussian", l.t(
            "AP@0.5 gain, Gaussian Soft-NMS − greedy", "AP@0.5 提升，高斯 Soft-NMS − 贪心"),
            100 * (ap[Method.SOFT_GAUSSIAN.ordinal()] - ap[Method.GREEDY.ordinal()]),
            points).withReference(1.7, bodla))
        .finding(Finding.of("ap_gain_soft_linear", l.t(
            "AP@0.5 gain, linear Soft-NMS − greedy", "AP@0.5 提升，线性 Soft-NMS − 贪心"),
            100 * (ap[Method.SOFT_LINEAR.ordinal()] - ap[Method.GREEDY.ordinal()]),
            points).withReference(1.1, bodla));
    Method chosen = Method.byId(p.choice("method"));
    result.data("method", chosen.id()).data("kept", keptData(kept.get(chosen)))
        .data("boxes", d.size()).data("ground_truth", scene.truth());
    Map<String, Object> apData = new LinkedHashMap<>();
    for (Method m : METHODS) {
      apData.put(m.id(), ap[m.ordinal()]);
    }
    result.data("ap50", apData);
    addFrames(result, d, s, scene.truth(), range, l);
    return result;
  }

  /** AP@0.5 per method, each scene drawn from its own sub-stream of the seed. */
  private static double[] averagePrecision(Params p, Nms.Settings s, int objects, int perObject) {
    List<List<Matched>> per = new ArrayList<>();
    for (int i = 0; i < METHODS.size(); i++) {
      per.add(new ArrayList<>());
    }
    // A preview (a slider being dragged in the window): the first 10 scenes only.
    for (int sc = 0; sc < scenes(p); sc++) {
      CrowdScene scene = CrowdScene.generate(objects, perObject, Rng.stream(p.seed(), 2, sc));
      for (Method m : METHODS) {
        Kept k = Nms.run(m, scene.detections(), s);
        per.get(m.ordinal()).add(DetectionMetrics.match(k.box(), k.score(), scene.truth(),
            DetectionMetrics.IOU));
      }
    }
    return per.stream().mapToDouble(DetectionMetrics::averagePrecision).toArray();
  }

  /** Detections drawn per person at most: 20 overlapping outlines merge into one blot. */
  static final int RAW_PER_PERSON = 5;

  /**
   * Every detection, coloured by the person it was drawn around (clutter grey), by score; with
   * more than {@value #RAW_PER_PERSON} per person only each person's best ones, as the title says.
   */
  private static BoxPlot rawPanel(CrowdScene scene, int perObject, double[] range, Lang l) {
    Detections d = scene.detections();
    String title = perObject > RAW_PER_PERSON
        ? l.f("Raw: %d boxes (best %d a person drawn)", "原始：%d 个框（每人只画最好的 %d 个）",
            d.size(), RAW_PER_PERSON)
        : l.f("Raw: %s, %s", "原始：%s 个框，%s 个人", l.count(d.size(), "box", "boxes"),
            l.count(scene.truth().length, "person", "people"));
    BoxPlot p = BoxPlot.titled(title).axes("x (px)", "y (px)")
        .range(range[0], range[1], range[2], range[3])
        .legend(l.t("detection (colour: person)", "检测框（颜色：人）"), Theme.category(0), false)
        .legend(l.t("ground truth", "真值框"), Theme.REFERENCE, true);
    for (double[] t : scene.truth()) {
      p.dashedBox(t[0], t[1], t[2], t[3], Theme.REFERENCE);
    }
    int[] rankInPerson = new int[d.size()]; // 0 = that person's best-scoring detection
    for (int i = 0; i < d.size(); i++) {
      for (int j = 0; j < d.size(); j++) {
        if (scene.objectOf()[j] == scene.objectOf()[i] && scene.objectOf()[i] >= 0
            && (d.score()[j] > d.score()[i] || d.score()[j] == d.score()[i] && j < i)) {
          rankInPerson[i]++;
        }
      }
    }
    for (int i = 0; i < d.size(); i++) {
      int o = scene.objectOf()[i];
      if (rankInPerson[i] < RAW_PER_PERSON) {
        p.box(d.x1()[i], d.y1()[i], d.x2()[i], d.y2()[i],
            o < 0 ? Theme.MUTED_TEXT : Theme.category(o), d.score()[i]);
      }
    }
    return p;
  }

  /** One method's kept boxes, strength by final score, over the dashed ground truth. */
  static BoxPlot keptPanel(Method m, Kept k, Matched match, double[][] truth, double[] range,
      Lang l) {
    return keptPanel(m, k, match, truth, range, null, l);
  }

  /**
   * @param classOf each input box's class, or null: with classes, kept boxes take their class's
   *     colour (as in the input panel), since boxes of different classes may overlap unsuppressed
   */
  static BoxPlot keptPanel(Method m, Kept k, Matched match, double[][] truth, double[] range,
      int[] classOf, Lang l) {
    String title = match == null
        ? l.f("%s: %d kept", "%s：保留 %d 个", m.label(l), k.size())
        : l.f("%s: %d kept, recall %.2f", "%s：保留 %d 个，召回率 %.2f", m.label(l), k.size(),
            match.recall());
    String unit = match == null ? "" : " (px)"; // the user's boxes come in their own units
    BoxPlot p = BoxPlot.titled(title).axes("x" + unit, "y" + unit)
        .range(range[0], range[1], range[2], range[3])
        .legend(classOf == null ? l.t("kept", "保留")
                : l.t("kept (colour: class, opacity: score)", "保留（颜色：类别，透明度：分数）"),
            classOf == null ? methodColour(m) : Theme.REFERENCE, false);
    if (truth.length > 0) {
      p.legend(l.t("ground truth", "真值框"), Theme.REFERENCE, true);
    }
    boolean missed = false;
    for (int t = 0; t < truth.length; t++) {
      double[] b = truth[t];
      if (match != null && !match.claimed()[t]) { // a person no kept box found: the crowd case
        p.highlight(b[0], b[1], b[2], b[3], MISSED);
        missed = true;
      } else {
        p.dashedBox(b[0], b[1], b[2], b[3], Theme.REFERENCE);
      }
    }
    if (missed) {
      p.legend(l.t("missed", "漏掉"), MISSED, false);
    }
    for (int i = 0; i < k.size(); i++) {
      double[] b = k.box()[i];
      p.box(b[0], b[1], b[2], b[3],
          classOf == null ? methodColour(m) : Theme.category(classOf[k.index()[i]]), k.score()[i]);
    }
    return p;
  }

  /** A person that no kept box found: thick, in a colour no method uses. */
  static final java.awt.Color MISSED = Theme.category(9);

  static java.awt.Color methodColour(Method m) {
    return Theme.category(m.ordinal());
  }

  /** data.kept: {index, score, box} in selection order; final scores and corners. */
  static List<Map<String, Object>> keptData(Kept k) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("index", k.index()[i]);
      e.put("score", k.score()[i]);
      e.put("box", k.box()[i]);
      out.add(e);
    }
    return out;
  }

  /** Frames: greedy and Gaussian Soft-NMS side by side, one round per frame. */
  private static void addFrames(Result result, Detections d, Nms.Settings s, double[][] truth,
      double[] range, Lang l) {
    List<NmsSteps.Step> greedy = NmsSteps.record(d, SoftNms.step(s.iouThreshold()),
        Math.max(s.scoreThreshold(), Double.MIN_VALUE));
    List<NmsSteps.Step> soft = NmsSteps.record(d, SoftNms.gaussian(s.sigma()),
        s.scoreThreshold());
    if (greedy.isEmpty() || soft.isEmpty()) {
      return; // every score under the threshold: nothing to animate
    }
    int rounds = Math.min(MAX_FRAMES, Math.max(greedy.size(), soft.size()));
    for (int r = 0; r < rounds; r++) {
      Figure f = Figure.grid(l.t("NMS step by step: greedy deletes, Soft-NMS decays",
              "NMS 逐步演示：贪心直接删除，Soft-NMS 只衰减分数"), 1, 2)
          .preferredSize(1800, 800)
          .subtitle(l.t("black: the pick, with the IoU → new score of its largest overlaps above it"
              + " · orange dashed: removed this round · grey: in play, opacity = score",
              "黑框：本轮选中的框，上方写着与它重叠最大的几个框的 IoU → 新分数"
              + " · 橙色虚线：本轮删除 · 灰色：仍在候选中，透明度 = 分数"));
      f.add(NmsSteps.panel(l.t("Greedy", "贪心 NMS"), methodColour(Method.GREEDY), d,
          greedy.get(Math.min(r, greedy.size() - 1)), Math.min(r, greedy.size() - 1) + 1, range,
          truth, l));
      f.add(NmsSteps.panel(l.t("Soft-NMS Gaussian", "高斯 Soft-NMS"),
          methodColour(Method.SOFT_GAUSSIAN), d,
          soft.get(Math.min(r, soft.size() - 1)), Math.min(r, soft.size() - 1) + 1, range,
          truth, l));
      result.frame(f);
    }
    result.frameDelayMillis(900);
  }

  /** Enough rounds to see every person picked in a default scene; the GIF stays small. */
  static final int MAX_FRAMES = 30;

  static String fmt(double x) {
    return dev.bagu.plot.Numbers.readable(x);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new NmsDemo(), args);
  }
}
