package dev.bagu.demos.finetune;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.finetune.Distillation.Data;
import dev.bagu.demos.finetune.Distillation.Metrics;
import dev.bagu.demos.finetune.Distillation.Settings;
import dev.bagu.demos.finetune.Distillation.Student;
import dev.bagu.demos.finetune.Distillation.Training;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** 知识蒸馏: soft targets at temperature T against hard labels (Hinton et al. 2015). */
public final class DistillationDemo implements Demo {
  private static final String HINTON = "Hinton et al. 2015";
  private static final int TEST_SIZE = 2000;
  private static final double LEARNING_RATE = 0.05;

  private static final List<Param<?>> PARAMS = List.of(
      Param.real("temperature", 4, 1, 50, "T of the soft targets (and of the student's softmax "
          + "in the soft loss)").logScale().zh("软目标的温度 T（软损失里学生的 softmax 也用它）"),
      Param.integer("per-class", 4, 2, 30, "labelled training points per class").logScale()
          .zh("每个类别的带标签训练样本数"),
      Param.real("hard-weight", 0.2, 0.01, 0.99, "weight of the hard-label loss in 'both'; the "
          + "soft loss gets the rest").zh("“两者结合”中硬标签损失的权重，其余给软损失"),
      Param.integer("seeds", 10, 2, 30, "training sets drawn (each trains all three students)")
          .zh("抽取的训练集个数（每个都训练三个学生）"),
      Param.integer("dims", 10, 4, 20, "input dimension d").zh("输入维度 d"),
      Param.integer("steps", 200, 20, 1000, "full-batch Adam steps per student").logScale()
          .zh("每个学生的全批量 Adam 步数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("distillation", "Knowledge distillation: soft targets at temperature T",
        Section.FINETUNE, "知识蒸馏",
        "A student trained on a teacher's softened outputs beats hard labels from the same few "
            + "points; T²·∂C/∂z → (z − v)/N as T grows (Hinton et al. 2015)")
        .zh("知识蒸馏：温度 T 下的软目标",
            "用教师软化后的输出训练的学生，在同样少的样本上胜过只用硬标签；T 越大，T²·∂C/∂z 越接近"
                + " (z − v)/N（Hinton 等 2015）");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** One seed's three students. */
  private record SeedRun(Metrics[] metrics, Student hardStudent) {}

  /** Everything one training set's three students read: its index among the seeds included. */
  private record SeedKey(double temperature, int perClass, Settings settings, int dims, long seed,
      int index) {}

  /**
   * The last few settings' training sets (3 students each, trained and scored on 2,000 test
   * points: the run's whole cost). A redraw or a language switch reuses them all, raising
   * "seeds" trains only the new sets; a preview's 60-step students have their own key (their
   * settings), so they never stand in for a full run's. Read-only.
   */
  private static final Memo<SeedKey, SeedRun> SEED_RUNS = new Memo<>(96);

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    double temperature = p.real("temperature");
    int perClass = p.integer("per-class");
    // A preview (the window, while a slider moves): 2 training sets, at most 60 steps each.
    int seeds = p.preview() ? 2 : p.integer("seeds");
    int dims = p.integer("dims");
    Settings s = new Settings(temperature, p.real("hard-weight"),
        p.preview() ? Math.min(p.integer("steps"), 60) : p.integer("steps"), LEARNING_RATE);
    double[][] mu = Distillation.means(dims);
    Data test = Distillation.sample(mu, TEST_SIZE / Distillation.CLASSES, Rng.stream(p.seed(), 1));
    Metrics teacher = Distillation.evaluate(x -> Distillation.teacherLogits(mu, x), test);
    List<SeedRun> runs = IntStream.range(0, seeds).parallel().mapToObj(seed -> SEED_RUNS.get(
        new SeedKey(temperature, perClass, s, dims, p.seed(), seed), () -> {
          Data train = Distillation.sample(mu, perClass, Rng.stream(p.seed(), 2, seed));
          double[][] v = Distillation.teacherLogits(mu, train);
          Metrics[] m = new Metrics[3];
          Student hard = null;
          for (Training t : Training.values()) {
            Student st = Distillation.train(t, train, v, s);
            m[t.ordinal()] = Distillation.evaluate(st::logits, test);
            hard = t == Training.HARD ? st : hard;
          }
          return new SeedRun(m, hard);
        })).toList();

    // The gradient check on one test point: the teacher's logits v against the hard-label
    // student's z, both zero-mean (Hinton §2.1's assumption).
    int example = typicalPoint(mu, test);
    double[] v = Distillation.teacherLogits(mu, test.x()[example]);
    double[] z = SoftTargets.zeroMean(runs.get(0).hardStudent().logits(test.x()[example]));
    GradientCurve curve = gradientCurve(z, v);

    String[] names = trainingNames(l);
    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("6 classes in 3 similar pairs · d = %d · %d labelled points per class · "
                + "T = %s · hard weight %s in 'both' · %d seeds · %d test points",
            "6 个类别分成 3 对相似类 · d = %d · 每类 %d 个带标签样本 · T = %s · “两者结合”中硬标签"
                + "权重 %s · %d 个种子 · %d 个测试样本",
            dims, perClass, dev.bagu.plot.Numbers.readable(temperature),
            dev.bagu.plot.Numbers.readable(s.hardWeight()), seeds, TEST_SIZE))
        .add(teacherPanel(v, temperature, l))
        .add(accuracyPanel(runs, teacher, names, l))
        .add(reliabilityPanel(runs, names, l))
        .add(gradientPanel(curve, temperature, l));
    Result result = Result.of(figure);
    findings(result, runs, teacher, curve, seeds, l);
    Map<String, Object> accuracy = new LinkedHashMap<>();
    Map<String, Object> ece = new LinkedHashMap<>();
    for (Training t : Training.values()) {
      accuracy.put(t.name().toLowerCase(), runs.stream()
          .mapToDouble(r -> r.metrics()[t.ordinal()].accuracy()).toArray());
      ece.put(t.name().toLowerCase(), runs.stream()
          .mapToDouble(r -> r.metrics()[t.ordinal()].ece()).toArray());
    }
    return result.data("accuracy", accuracy).data("ece", ece)
        .data("teacher_accuracy", teacher.accuracy())
        .data("gradient_curve", dev.bagu.io.Json.object("temperature", curve.t(), "grad_norm", curve.norm(),
            "relative_deviation", curve.deviation()))
        .data("example_teacher_logits", v).data("example_student_logits", z);
  }

  /** The first test point of class A₁ that the teacher also puts in A₁. */
  private static int typicalPoint(double[][] mu, Data test) {
    for (int i = 0; i < test.y().length; i++) {
      double[] v = Distillation.teacherLogits(mu, test.x()[i]);
      if (test.y()[i] == 0 && v[0] == java.util.Arrays.stream(v).max().orElseThrow()) {
        return i;
      }
    }
    return 0;
  }

  private static String[] trainingNames(Lang l) {
    return new String[] {l.t("hard labels", "硬标签"), l.t("soft targets", "软目标"),
        l.t("both", "两者结合")};
  }

  /** The soft-target gradient over a grid of T. */
  record GradientCurve(double[] t, double[] norm, double[] deviation) {}

  static GradientCurve gradientCurve(double[] z, double[] v) {
    int n = 31;
    double[] t = new double[n];
    double[] norm = new double[n];
    double[] dev = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = Math.pow(10, 3.0 * i / (n - 1)); // 1 … 1000
      double[] g = SoftTargets.gradient(z, v, t[i]);
      norm[i] = Math.sqrt(java.util.Arrays.stream(g).map(x -> x * x).sum());
      dev[i] = SoftTargets.relativeDeviation(z, v, t[i]);
    }
    return new GradientCurve(t, norm, dev);
  }

  private static double mean(List<SeedRun> runs, Training t,
      java.util.function.ToDoubleFunction<Metrics> f) {
    return runs.stream().mapToDouble(r -> f.applyAsDouble(r.metrics()[t.ordinal()])).average()
        .orElseThrow();
  }

  private static void findings(Result result, List<SeedRun> runs, Metrics teacher,
      GradientCurve curve, int seeds, Lang l) {
    int last = curve.t().length - 1;
    result.finding(Finding.of("t2_gradient_deviation",
            l.t("|T²·∂C/∂z − (z − v)/N| / |(z − v)/N| at T = 1000",
                "T = 1000 时 |T²·∂C/∂z − (z − v)/N| / |(z − v)/N|"), curve.deviation()[last], "")
        .withReference(0, l.t(HINTON + ", §2.1 (limit, within 0.01)",
            "Hinton 等 2015，§2.1（极限，差 0.01 以内）"), 0.01));
    double slope = Math.log(curve.norm()[last] / curve.norm()[last - 3])
        / Math.log(curve.t()[last] / curve.t()[last - 3]);
    result.finding(Finding.of("gradient_exponent", l.t("slope of log‖∂C/∂z‖ against log T, T → 1000",
            "log‖∂C/∂z‖ 对 log T 的斜率（T → 1000）"), slope, "")
        .withReference(-2, l.t(HINTON + ", §2 (gradients scale as 1/T²)",
            "Hinton 等 2015，§2（梯度按 1/T² 缩放）"), 0.05));
    double[] gain = runs.stream().mapToDouble(r -> r.metrics()[Training.SOFT.ordinal()].accuracy()
        - r.metrics()[Training.HARD.ordinal()].accuracy()).toArray();
    double meanGain = java.util.Arrays.stream(gain).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(gain).map(g -> (g - meanGain) * (g - meanGain))
        .sum() / (gain.length - 1));
    String[] names = {"hard", "soft", "both"};
    String[] zh = {"硬标签", "软目标", "两者结合"};
    for (Training t : Training.values()) {
      result.finding(Finding.of("accuracy_" + names[t.ordinal()],
          l.f("test accuracy, %s (mean of %d seeds)", "测试准确率，%s（%d 个种子平均）",
              trainingNames(l)[t.ordinal()], seeds), mean(runs, t, Metrics::accuracy), ""));
    }
    result.finding(Finding.of("soft_minus_hard", l.t("accuracy gain of soft targets over hard labels",
        "软目标相对硬标签的准确率提升"), meanGain, ""));
    result.finding(Finding.of("soft_minus_hard_sd", l.t("its standard deviation over seeds",
        "提升在各种子间的标准差"), sd, ""));
    result.finding(Finding.of("soft_wins", l.t("seeds where soft targets beat hard labels",
        "软目标胜过硬标签的种子比例"), java.util.Arrays.stream(gain).filter(g -> g > 0).count()
        / (double) gain.length, ""));
    result.finding(Finding.of("accuracy_teacher", l.t("teacher (Bayes posterior) accuracy",
        "教师（贝叶斯后验）准确率"), teacher.accuracy(), ""));
    result.finding(Finding.of("ece_hard", l.t("calibration error (ECE), hard labels",
        "校准误差（ECE），硬标签"), mean(runs, Training.HARD, Metrics::ece), ""));
    result.finding(Finding.of("ece_soft", l.t("calibration error (ECE), soft targets",
        "校准误差（ECE），软目标"), mean(runs, Training.SOFT, Metrics::ece), ""));
  }

  /** Panel 1: one test point's teacher distribution at several temperatures. */
  private static BarPlot teacherPanel(double[] v, double temperature, Lang l) {
    List<String> classes = List.of("A₁", "A₂", "B₁", "B₂", "C₁", "C₂");
    BarPlot plot = BarPlot.titled(l.t("Teacher's softmax(v/T) for one point of class A₁",
            "教师对一个 A₁ 类样本的 softmax(v/T)"))
        .axes(l.t("class (A₁, A₂ are a similar pair)", "类别（A₁ 与 A₂ 是相似的一对）"),
            l.t("probability", "概率")).categories(classes).everyLabel().yRange(0, 1);
    java.util.TreeSet<Double> ts = new java.util.TreeSet<>(List.of(1.0, temperature, 20.0));
    for (double t : ts) {
      plot.bars("T = " + dev.bagu.plot.Numbers.readable(t), SoftTargets.soft(v, t));
    }
    return plot;
  }

  /** Panel 2: test accuracy per seed, one line per training. */
  private static XyPlot accuracyPanel(List<SeedRun> runs, Metrics teacher, String[] names,
      Lang l) {
    double[] seed = IntStream.range(0, runs.size()).asDoubleStream().toArray();
    XyPlot plot = XyPlot.titled(l.t("Student's test accuracy per training set",
            "学生在各训练集上的测试准确率"))
        .axes(l.t("training set (seed)", "训练集（种子）"), l.t("test accuracy", "测试准确率"));
    for (Training t : Training.values()) {
      plot.line(names[t.ordinal()], seed, runs.stream()
          .mapToDouble(r -> r.metrics()[t.ordinal()].accuracy()).toArray());
    }
    double[] ends = {0, Math.max(1, runs.size() - 1)};
    return plot.dashed(l.t("teacher (Bayes)", "教师（贝叶斯）"), ends,
        new double[] {teacher.accuracy(), teacher.accuracy()});
  }

  /** Panel 3: reliability diagram pooled over seeds. */
  private static XyPlot reliabilityPanel(List<SeedRun> runs, String[] names, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Calibration (pooled over seeds)", "校准（各种子汇总）"))
        .axes(l.t("confidence (largest probability)", "置信度（最大概率）"),
            l.t("accuracy in the bin", "该区间内的准确率")).xRange(0, 1).yRange(0, 1);
    for (Training t : Training.values()) {
      List<double[]> pts = new ArrayList<>();
      for (int b = 0; b < Distillation.BINS; b++) {
        double conf = 0;
        double acc = 0;
        int n = 0;
        for (SeedRun r : runs) {
          Metrics m = r.metrics()[t.ordinal()];
          if (m.binCount()[b] > 0) {
            conf += m.binConfidence()[b] * m.binCount()[b];
            acc += m.binAccuracy()[b] * m.binCount()[b];
            n += m.binCount()[b];
          }
        }
        if (n >= 20) {
          pts.add(new double[] {conf / n, acc / n});
        }
      }
      plot.line(names[t.ordinal()], pts.stream().mapToDouble(q -> q[0]).toArray(),
          pts.stream().mapToDouble(q -> q[1]).toArray());
    }
    return plot.dashed(l.t("perfectly calibrated", "完美校准"), new double[] {0, 1},
        new double[] {0, 1});
  }

  /** Panel 4: the soft-target gradient against T. */
  private static XyPlot gradientPanel(GradientCurve c, double temperature, Lang l) {
    double[] inverseSquare = new double[c.t().length];
    double[] inverse = new double[c.t().length];
    int last = c.t().length - 1;
    for (int i = 0; i < inverse.length; i++) {
      inverseSquare[i] = c.norm()[last] * Math.pow(c.t()[last] / c.t()[i], 2);
      inverse[i] = c.deviation()[last] * c.t()[last] / c.t()[i];
    }
    String normName = l.t("‖∂C/∂z‖", "‖∂C/∂z‖");
    String devName = l.t("T²·∂C/∂z: relative distance from (z − v)/N",
        "T²·∂C/∂z 与 (z − v)/N 的相对距离");
    return XyPlot.titled(l.t("Soft-target gradient against T (one point)",
            "软目标梯度与温度 T（一个样本）"))
        .axes(l.t("temperature T", "温度 T"), l.t("norm or relative distance", "范数或相对距离")).logX().logY()
        .line(normName, c.t(), c.norm())
        .dashed("∝ 1/T²", c.t(), inverseSquare).sameColourAs(normName)
        .line(devName, c.t(), c.deviation())
        .dashed("∝ 1/T", c.t(), inverse).sameColourAs(devName)
        .verticalLine(temperature);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new DistillationDemo(), args);
  }
}
