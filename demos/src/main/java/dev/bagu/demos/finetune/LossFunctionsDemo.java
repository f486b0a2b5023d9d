package dev.bagu.demos.finetune;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.finetune.ImbalancedTask.Model;
import dev.bagu.demos.finetune.ImbalancedTask.Scores;
import dev.bagu.demos.finetune.MarginLoss.Knobs;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 介绍损失函数: CE, BCE, MSE, hinge, focal and label smoothing, side by side. */
public final class LossFunctionsDemo implements Demo {
  private static final int GAP_STEPS = 3000;
  /** Adam steps of the toy task's models in a preview (the full run: ImbalancedTask.STEPS). */
  private static final int PREVIEW_STEPS = 100;
  private static final double[] X_RANGE = {-3.5, 5.5};
  private static final double[] Y_RANGE = {-3.5, 5};

  private static final List<Param<?>> PARAMS = List.of(
      Param.real("gamma", 2, 0, 5, "focal loss γ: 0 is cross-entropy, larger ignores easy points")
          .zh("焦点损失（focal loss）的 γ：0 即交叉熵，越大越忽略容易的样本"),
      Param.real("epsilon", 0.1, 0.01, 0.5, "label smoothing ε (PyTorch: ε/K to every class)")
          .logScale().zh("标签平滑的 ε（PyTorch 定义：每个类别加 ε/K）"),
      Param.integer("classes", 10, 2, 1000, "classes K for the label-smoothing logit gap")
          .logScale().zh("标签平滑 logit 差距实验的类别数 K"),
      Param.integer("imbalance", 10, 1, 40, "majority : minority ratio of the toy task (400 "
          + "majority points)").logScale().zh("玩具任务中多数类与少数类之比（多数类 400 个点）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("loss-functions", "Loss functions: CE, MSE, hinge, focal, label smoothing",
        Section.FINETUNE, "介绍损失函数",
        "Each loss and its gradient against the margin, focal (γ = 0 is CE), label smoothing's "
            + "finite logit gap ln(1 + K(1 − ε)/ε), and their boundaries on an imbalanced task")
        .zh("损失函数：交叉熵、MSE、合页损失、焦点损失、标签平滑",
            "各损失及其梯度随间隔的变化，focal（γ = 0 即交叉熵），标签平滑的有限 logit 差距"
                + " ln(1 + K(1 − ε)/ε)，以及它们在不平衡任务上的决策边界");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  private static String name(MarginLoss loss, Knobs k, Lang l) {
    return switch (loss) {
      case CROSS_ENTROPY -> l.t("CE = BCE", "交叉熵 = BCE");
      case MSE -> "MSE";
      case HINGE -> l.t("hinge", "合页损失");
      case FOCAL -> l.t("focal γ = ", "焦点损失 γ = ") + Numbers.readable(k.gamma());
      case LABEL_SMOOTHING -> l.t("smoothed ε = ", "平滑 ε = ") + Numbers.readable(k.epsilon());
    };
  }

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    Knobs knobs = new Knobs(p.real("gamma"), p.real("epsilon"));
    int classes = p.integer("classes");
    // A preview (the window, while a slider moves) trains the toy task's models for 100 steps.
    int steps = p.preview() ? PREVIEW_STEPS : ImbalancedTask.STEPS;
    int minority = Math.max(1, ImbalancedTask.MAJORITY / p.integer("imbalance"));
    ImbalancedTask.Data train = ImbalancedTask.sample(ImbalancedTask.MAJORITY, minority,
        Rng.stream(p.seed(), 1));
    ImbalancedTask.Data test = ImbalancedTask.sample(2000, 2000, Rng.stream(p.seed(), 2));
    MarginLoss[] losses = MarginLoss.values();
    Model[] models = new Model[losses.length];
    Scores[] scores = new Scores[losses.length];
    for (MarginLoss loss : losses) {
      models[loss.ordinal()] = ImbalancedTask.train(loss, knobs, train, steps);
      scores[loss.ordinal()] = ImbalancedTask.score(models[loss.ordinal()], test);
    }
    double[] smoothGap = MulticlassLosses.gapPath(classes, knobs.epsilon(), GAP_STEPS);
    double[] plainGap = MulticlassLosses.gapPath(classes, 0, GAP_STEPS);

    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("margin m = y·s, p = σ(m) · focal γ = %s · smoothing ε = %s, K = %d · "
                + "toy task: 400 : %d points, linear model, %d Adam steps",
            "间隔 m = y·s，p = σ(m) · 焦点损失 γ = %s · 平滑 ε = %s，K = %d · 玩具任务：400 : %d 个点，"
                + "线性模型，%d 步 Adam",
            Numbers.readable(knobs.gamma()), Numbers.readable(knobs.epsilon()), classes, minority,
            steps))
        .add(lossPanel(knobs, l))
        .add(gradientPanel(knobs, l))
        .add(focalPanel(knobs, l))
        .add(gapPanel(smoothGap, plainGap, classes, knobs.epsilon(), l))
        .add(boundaryPanel(train, models, knobs, l))
        .add(scorePanel(scores, knobs, l));
    Result result = Result.of(figure);
    findings(result, knobs, classes, smoothGap, plainGap, scores, p.seed(), l);
    Map<String, Object> task = new LinkedHashMap<>();
    for (MarginLoss loss : losses) {
      Model m = models[loss.ordinal()];
      Scores s = scores[loss.ordinal()];
      task.put(loss.name().toLowerCase(), dev.bagu.io.Json.object("w", new double[] {m.w0(), m.w1()}, "b", m.b(),
          "minority_recall", s.minorityRecall(), "balanced_accuracy", s.balancedAccuracy()));
    }
    return result.data("imbalanced_task", task).data("gap_smoothed", smoothGap)
        .data("gap_plain", plainGap);
  }

  private static void findings(Result result, Knobs knobs, int classes, double[] smoothGap,
      double[] plainGap, Scores[] scores, long seed, Lang l) {
    result.finding(Finding.of("focal_gamma0_minus_ce",
            l.t("max |focal(γ = 0) − CE| over 1000 random logit rows",
                "1000 行随机对数几率上 |焦点损失(γ = 0) − 交叉熵| 的最大值"),
            LossChecks.focalZeroGap(Rng.stream(seed, 3)), "")
        .withReference(0, l.t("Lin et al. 2017, §3.2 (γ = 0 is CE)", "Lin 等 2017，§3.2（γ = 0 即交叉熵）"),
            1e-12));
    result.finding(Finding.of("gradient_fd_error",
            l.t("max |analytic − finite-difference| gradient, five losses",
                "五种损失解析梯度与有限差分之差的最大值"), LossChecks.gradientError(knobs), "")
        .withUpperBound(1e-6, l.t("central differences, h = 1e-5", "中心差分，h = 1e-5")));
    result.finding(Finding.of("smoothed_gap", l.f("logit gap after %d steps, ε = %s, K = %d",
            "%d 步后的对数几率差距，ε = %s，K = %d", GAP_STEPS, Numbers.readable(knobs.epsilon()),
            classes), smoothGap[GAP_STEPS], "")
        .withReference(MulticlassLosses.optimalGap(classes, knobs.epsilon()),
            "ln(1 + K(1 − ε)/ε)", 0.01));
    result.finding(Finding.of("plain_gap", l.f("logit gap after %d steps, plain CE (still growing)",
        "%d 步后的对数几率差距，普通交叉熵（仍在增长）", GAP_STEPS), plainGap[GAP_STEPS], ""));
    result.finding(Finding.of("plain_gap_growth", l.t("plain CE gap growth over the last half",
        "普通交叉熵差距在后一半步数里的增长"), plainGap[GAP_STEPS] - plainGap[GAP_STEPS / 2], ""));
    String[] keys = {"ce", "mse", "hinge", "focal", "smoothed"};
    for (MarginLoss loss : MarginLoss.values()) {
      result.finding(Finding.of("minority_recall_" + keys[loss.ordinal()],
          l.f("minority recall, %s", "少数类召回率，%s", name(loss, knobs, l)),
          scores[loss.ordinal()].minorityRecall(), ""));
    }
    result.finding(Finding.of("balanced_accuracy_focal", l.t("balanced accuracy, focal",
        "平衡准确率，焦点损失"), scores[MarginLoss.FOCAL.ordinal()].balancedAccuracy(), ""));
    result.finding(Finding.of("balanced_accuracy_ce", l.t("balanced accuracy, CE",
        "平衡准确率，交叉熵"), scores[MarginLoss.CROSS_ENTROPY.ordinal()].balancedAccuracy(), ""));
  }

  private static double[] grid(double from, double to, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = from + (to - from) * i / (n - 1);
    }
    return x;
  }

  /** Panel 1: every loss against the margin, with the 0–1 loss they stand in for. */
  private static XyPlot lossPanel(Knobs k, Lang l) {
    double[] m = grid(-3, 3, 121);
    XyPlot plot = XyPlot.titled(l.t("Loss against the margin", "损失与间隔"))
        .axes(l.t("margin m = y·s (> 0: right side)", "间隔 m = y·s（> 0：分对）"),
            l.t("loss", "损失")).yRange(0, 5);
    for (MarginLoss loss : MarginLoss.values()) {
      plot.curve(name(loss, k, l), m, java.util.Arrays.stream(m).map(v -> loss.loss(v, k))
          .toArray());
    }
    return plot.dashed(l.t("0–1 loss", "0–1 损失"), m,
        java.util.Arrays.stream(m).map(v -> v < 0 ? 1 : 0).toArray());
  }

  /** Panel 2: how hard each loss pushes, −∂L/∂m. */
  private static XyPlot gradientPanel(Knobs k, Lang l) {
    double[] m = grid(-3, 3, 121);
    XyPlot plot = XyPlot.titled(l.t("Push on the margin: −∂L/∂m", "对间隔的推力：−∂L/∂m"))
        .axes(l.t("margin m = y·s (colours as on the left)", "间隔 m = y·s（颜色同左图）"),
            "−∂L/∂m").yRange(-0.5, 3).hideLegend();
    for (MarginLoss loss : MarginLoss.values()) {
      plot.curve(name(loss, k, l), m, java.util.Arrays.stream(m).map(v -> -loss.gradient(v, k))
          .toArray());
    }
    return plot.horizontalLine(0);
  }

  /** Panel 3: Lin et al.'s Figure 1, focal loss against the true-class probability. */
  private static XyPlot focalPanel(Knobs k, Lang l) {
    double[] pt = grid(0.01, 1, 100);
    java.util.TreeSet<Double> gammas = new java.util.TreeSet<>(List.of(0.0, 0.5, 1.0, 2.0, 5.0));
    gammas.add(k.gamma());
    XyPlot plot = XyPlot.titled(l.t("Focal loss against p_t", "焦点损失与 p_t"))
        .axes(l.t("probability of the true class p_t", "真实类别的概率 p_t"),
            "−(1 − p_t)^γ log p_t").yRange(0, 5);
    for (double g : gammas) {
      String label = "γ = " + Numbers.readable(g) + (g == k.gamma() ? l.t(" (chosen)", "（所选）")
          : "") + (g == 0 ? l.t(" = CE", " = 交叉熵") : "");
      plot.curve(label, pt, java.util.Arrays.stream(pt)
          .map(v -> -Math.pow(1 - v, g) * Math.log(v)).toArray());
    }
    return plot;
  }

  /** Panel 4: the logit gap z_t − z_other under plain and smoothed cross-entropy. */
  private static XyPlot gapPanel(double[] smooth, double[] plain, int classes, double eps,
      Lang l) {
    // Every 10th step: 300 points draw the same curve as 3000, at a tenth of the cost.
    int n = (smooth.length - 1) / 10 + 1;
    double[] step = new double[n];
    double[] plainShown = new double[n];
    double[] smoothShown = new double[n];
    for (int i = 0; i < n; i++) {
      step[i] = 10 * i;
      plainShown[i] = plain[10 * i];
      smoothShown[i] = smooth[10 * i];
    }
    double opt = MulticlassLosses.optimalGap(classes, eps);
    return XyPlot.titled(l.f("Logit gap z_t − z_j, K = %d", "对数几率差距 z_t − z_j，K = %d",
            classes))
        .axes(l.t("gradient step (step size 1), j ≠ t", "梯度下降步数（步长 1），j ≠ t"),
            "z_t − z_j")
        .curve(l.t("plain CE: grows without bound", "普通交叉熵：无限增长"), step, plainShown)
        .curve(l.t("smoothed ε = ", "平滑 ε = ") + Numbers.readable(eps), step, smoothShown)
        .dashed("ln(1 + K(1 − ε)/ε) = " + Numbers.fixed(opt, 3), new double[] {0, step[n - 1]},
            new double[] {opt, opt});
  }

  /** Panel 5: the toy task and each loss's boundary s = 0. */
  private static XyPlot boundaryPanel(ImbalancedTask.Data data, Model[] models, Knobs k,
      Lang l) {
    List<double[]> maj = new ArrayList<>();
    List<double[]> min = new ArrayList<>();
    for (int i = 0; i < data.y().length; i++) {
      (data.y()[i] > 0 ? min : maj).add(data.x()[i]);
    }
    XyPlot plot = XyPlot.titled(l.t("Boundaries, imbalanced task", "不平衡任务的决策边界"))
        .axes(l.t("x₁ (grey: majority, black: minority)", "x₁（灰：多数类，黑：少数类）"), "x₂").hideLegend().xRange(X_RANGE[0], X_RANGE[1]).yRange(Y_RANGE[0], Y_RANGE[1]);
    for (MarginLoss loss : MarginLoss.values()) {
      double[][] seg = segment(models[loss.ordinal()]);
      plot.curve(name(loss, k, l), seg[0], seg[1]);
    }
    plot.smallPoints(l.t("majority (y = −1)", "多数类（y = −1）"),
            maj.stream().mapToDouble(q -> q[0]).toArray(),
            maj.stream().mapToDouble(q -> q[1]).toArray())
        .colour(new java.awt.Color(0x99, 0x99, 0x99));
    plot.points(l.t("minority (y = +1)", "少数类（y = +1）"),
            min.stream().mapToDouble(q -> q[0]).toArray(),
            min.stream().mapToDouble(q -> q[1]).toArray())
        .colour(java.awt.Color.BLACK);
    return plot;
  }

  /** The part of the line w·x + b = 0 inside the plotted box, as points along it. */
  static double[][] segment(Model m) {
    int n = 200;
    List<double[]> pts = new ArrayList<>();
    boolean alongX = Math.abs(m.w1()) >= Math.abs(m.w0());
    for (int i = 0; i < n; i++) {
      double[] xy = new double[2];
      if (alongX) {
        xy[0] = X_RANGE[0] + (X_RANGE[1] - X_RANGE[0]) * i / (n - 1);
        xy[1] = -(m.w0() * xy[0] + m.b()) / m.w1();
      } else {
        xy[1] = Y_RANGE[0] + (Y_RANGE[1] - Y_RANGE[0]) * i / (n - 1);
        xy[0] = -(m.w1() * xy[1] + m.b()) / m.w0();
      }
      if (xy[0] >= X_RANGE[0] && xy[0] <= X_RANGE[1] && xy[1] >= Y_RANGE[0]
          && xy[1] <= Y_RANGE[1]) {
        pts.add(xy);
      }
    }
    return new double[][] {pts.stream().mapToDouble(q -> q[0]).toArray(),
        pts.stream().mapToDouble(q -> q[1]).toArray()};
  }

  /** Panel 6: minority recall and balanced accuracy per loss. */
  private static BarPlot scorePanel(Scores[] scores, Knobs k, Lang l) {
    List<String> names = new ArrayList<>();
    for (MarginLoss loss : MarginLoss.values()) {
      names.add(loss == MarginLoss.LABEL_SMOOTHING ? l.t("smoothed", "平滑")
          : loss == MarginLoss.FOCAL ? l.t("focal", "焦点损失") : name(loss, k, l));
    }
    return BarPlot.titled(l.t("Test scores (balanced test set)", "测试得分（平衡的测试集）"))
        .axes(l.t("loss", "损失"), l.t("score", "得分")).categories(names).everyLabel()
        .yRange(0, 1)
        .bars(l.t("minority recall", "少数类召回率"), java.util.Arrays.stream(scores)
            .mapToDouble(Scores::minorityRecall).toArray())
        .bars(l.t("balanced accuracy", "平衡准确率"), java.util.Arrays.stream(scores)
            .mapToDouble(Scores::balancedAccuracy).toArray());
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new LossFunctionsDemo(), args);
  }
}
