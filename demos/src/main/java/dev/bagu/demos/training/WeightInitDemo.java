package dev.bagu.demos.training;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.training.WeightInit.Training;
import dev.bagu.i18n.Lang;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 权重初始化方法: zero, small, large, Xavier, He and orthogonal init in a deep tanh or ReLU net. */
public final class WeightInitDemo implements Demo {
  private static final String GLOROT = "Glorot & Bengio 2010, eq. 16: 2/(n_in + n_out)";
  private static final String HE = "He et al. 2015, §2.2";
  private static final String HE_ZH = "He 等 2015，§2.2";
  /** Inputs in the deep-net batch: about 12,800 values per layer for smooth histograms. */
  static int batchFor(int width) {
    return Math.max(32, Math.min(1280, 12_800 / width));
  }

  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("activation", "tanh", List.of("tanh", "relu"),
          "hidden non-linearity of both nets; Xavier suits tanh, He suits ReLU")
          .zh("两个网络隐藏层的激活函数；Xavier 适合 tanh，He 适合 ReLU"),
      Param.integer("depth", 10, 2, 50, "hidden layers of the deep net (Glorot & Bengio: 5)")
          .zh("深层网络的隐藏层数（Glorot 和 Bengio 用的是 5 层）"),
      Param.integer("width", 64, 10, 256,
          "units per hidden layer of the deep net (Glorot & Bengio: 1000)").logScale()
          .zh("深层网络每个隐藏层的单元数（Glorot 和 Bengio 用的是 1000）"),
      Param.integer("steps", 200, 10, 2000,
          "SGD steps (minibatches of 32) on the moons, per init").logScale()
          .zh("每种初始化在双月数据上训练的 SGD 步数（小批量 32）"),
      Param.real("lr", 0.2, 0.001, 2, "SGD learning rate on the moons").logScale()
          .zh("双月数据上 SGD 的学习率"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("weight-init", "Weight initialisation in a deep network", Section.TRAINING,
        "权重初始化方法",
        "Too small vanishes, too large saturates or explodes; Xavier (tanh) and He (ReLU) keep "
            + "every layer's signal and gradient the same size; zero init never breaks symmetry")
        .zh("深层网络的权重初始化",
            "太小信号消失，太大饱和或爆炸；Xavier（tanh）和 He（ReLU）让每层的信号和梯度保持同样大小；"
                + "全零初始化永远打不破对称性");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview trains the moons nets this many steps at most (all 200 are 1,400 SGD steps). */
  static final int PREVIEW_STEPS = 20;
  /**
   * A preview measures its loss where a run of this many steps would (every 5th step), whatever
   * the steps slider says: the first steps are the same for every run length (SGD at a constant
   * rate), so dragging the steps slider reuses one memoised preview training.
   */
  static final int PREVIEW_GRID_STEPS = 200;

  /**
   * Less work while a slider moves in the window, each said in the figure: the deep net sees an
   * eighth of the inputs (its passes through 7 inits are most of a depth or width change); the
   * moons nets train their first {@link #PREVIEW_STEPS} steps, drawn on the whole run's axis (a
   * steps or lr drag retrained 7 nets for 230–290 ms); He's 30-layer
   * checks, which only findings use, wait for the release (the window keeps the last full run's
   * findings while a preview shows).
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    boolean relu = p.choice("activation").equals("relu");
    Activation f = relu ? Activation.RELU : Activation.TANH;
    int depth = p.integer("depth");
    int width = p.integer("width");
    int steps = p.integer("steps");
    double lr = p.real("lr");
    // A preview (a slider being dragged in the window): an eighth of the deep net's inputs,
    // ≈ 1,600 values per layer, so noisier histograms (memoised under its own batch size).
    int batch = p.preview() ? Math.max(8, batchFor(width) / 8) : batchFor(width);
    List<DeepStats> stats = WeightInit.deepStatsRecent(f, depth, width, batch, p.seed());
    List<Training> runs = p.preview() && steps > PREVIEW_STEPS
        ? WeightInit.trainAllRecent(f, PREVIEW_GRID_STEPS, lr, p.seed(), PREVIEW_STEPS)
        : WeightInit.trainAllRecent(f, steps, lr, p.seed(), steps);
    Lang l = p.lang();
    List<String> names = WeightInit.INITS.stream().map(i -> name(i, l)).toList();

    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1800, 1150)
        .subtitle(l.f(
            "%s · deep net: %d hidden layers × %d units, %d N(0, 1) inputs (%s) · moons: %d "
                + "points, net 2-16-16-16-16-2, lr %s · seed %d",
            "%s · 深层网络：%d 个隐藏层 × %d 个单元，%d 个 N(0, 1) 输入（%s）· 双月：%d 个点，"
                + "网络 2-16-16-16-16-2，学习率 %s · 种子 %d",
            f.label(), depth, width, batch, p.preview()
                ? l.f("preview: %,d values per layer", "预览：每层 %,d 个值", batch * width)
                : l.t("≈ 12,800 values per layer at any width", "任何宽度下每层都约 12,800 个值"),
            WeightInit.TRAIN_POINTS, trimmed(lr), p.seed()))
        .add(ActivationGrid.of(l.t("Activations of each layer at init (", "初始化时每层的激活值（")
            + f.label() + l.t(")", "）"), names, stats, !relu, l))
        .add(depthPanel(l.t("Activation std", "激活值的标准差"),
            l.t("std of layer output h_l", "层输出 h_l 的 std"), names, stats, true, l))
        .add(depthPanel(l.t("Back-propagated gradient", "反传的梯度"),
            l.t("‖∂L/∂h_l‖ over the batch", "整批的 ‖∂L/∂h_l‖"), names, stats, false, l))
        .add(trainingPanel(names, runs, steps, l));
    Result result = Result.of(figure);
    for (int i = 0; i < names.size(); i++) {
      String key = WeightInit.INITS.get(i).name().toLowerCase(Locale.ROOT);
      DeepStats s = stats.get(i);
      result.finding(Finding.of("last_std_" + key, names.get(i)
          + l.t(": std of last hidden layer", "：最后一个隐藏层的 std"), s.std()[depth - 1], ""));
      if (WeightInit.INITS.get(i) != Init.ZERO) { // zero init: every gradient is 0 (0/0)
        result.finding(Finding.of("grad_ratio_" + key,
            names.get(i) + l.t(": ‖∂L/∂h‖ first / last hidden layer",
                "：‖∂L/∂h‖ 第一个 / 最后一个隐藏层"), s.gradRatio(), ""));
      }
      result.finding(Finding.of("final_loss_" + key, names.get(i)
          + l.t(": moons loss after training", "：训练后双月数据上的损失"),
          runs.get(i).finalLoss(), l.t("nats", "奈特")));
    }
    if (!p.preview()) {
      addReferences(result, runs, width, p.seed(), l);
    }
    return result.data("deep_net", deepData(stats, names)).data("training", trainData(runs, names));
  }

  private static void addReferences(Result result, List<Training> runs, int width, long seed,
      Lang l) {
    double gap = WeightInit.symmetryGap(runs.get(WeightInit.INITS.indexOf(Init.ZERO)).net());
    String he = l.t(HE, HE_ZH);
    result.finding(Finding.of("zero_symmetry_gap",
            l.t("zero init: largest difference between units of a layer, after training",
                "全零初始化：训练后同一层各单元之间的最大差别"), gap, "")
        .withReference(0, l.t("symmetry: identical units get identical gradients",
            "对称性：相同的单元得到相同的梯度")));
    result.finding(Finding.of("xavier_variance", l.f("Xavier uniform: Var(w), %d × %d matrix",
            "Xavier 均匀：Var(w)，%d × %d 矩阵", width, width),
            WeightInit.xavierVariance(width, width, seed), "")
        .withReference(2.0 / (width + width),
            l.t(GLOROT, "Glorot 和 Bengio 2010，式 16：2/(n_in + n_out)")));
    HeDepthCheck he2 = WeightInit.heCheckRecent(Init.HE_NORMAL, width, seed);
    HeDepthCheck lecun = WeightInit.heCheckRecent(Init.LECUN_NORMAL, width, seed);
    int nets = HeDepthCheck.NETS;
    double ratioSd = HeDepthCheck.ratioSpread(width);
    result.finding(Finding.of("he_30_layer_ratio",
            l.f("He √(2/n), 30-layer ReLU, width %d, %d nets: E[z²] layer 30 / layer 1",
                "He √(2/n)，30 层 ReLU，宽 %d，%d 个网络：E[z²] 第 30 层 / 第 1 层", width, nets),
            he2.ratio(), "")
        .withReference(1, he + l.f(": 1 in expectation; ± 2σ, σ = √(((1 + 5/n)²⁹ − 1)/%d) = %s"
                + " (29 chi-square factors)", "：期望为 1；± 2σ，σ = √(((1 + 5/n)²⁹ − 1)/%d) = %s"
                + "（29 个卡方因子之积）", nets, dev.bagu.plot.Numbers.readable(ratioSd)),
            2 * ratioSd));
    double heSd = HeDepthCheck.factorSpread(2, width, he2.factors());
    result.finding(Finding.of("he_per_layer_factor",
            l.f("He √(2/n), ReLU: E[z_l²] / E[z_{l−1}²], mean of %d layer factors",
                "He √(2/n)，ReLU：E[z_l²] / E[z_{l−1}²]，%d 个层因子的平均", he2.factors()),
            he2.meanFactor(), "")
        .withReference(1, he + l.f(", eq. 10; ± 2σ, σ = √(5/(n·%d)) = %s",
            "，式 10；± 2σ，σ = √(5/(n·%d)) = %s", he2.factors(),
            dev.bagu.plot.Numbers.readable(heSd)), 2 * heSd));
    double lecunSd = HeDepthCheck.factorSpread(1, width, lecun.factors());
    result.finding(Finding.of("lecun_per_layer_factor",
            l.f("1/n, ReLU: E[z_l²] / E[z_{l−1}²], mean of %d layer factors",
                "1/n，ReLU：E[z_l²] / E[z_{l−1}²]，%d 个层因子的平均", lecun.factors()),
            lecun.meanFactor(), "")
        .withReference(0.5, he + l.f(" (halves per layer); ± 2σ, σ = √(5/(4n·%d)) = %s",
            "（每层减半）；± 2σ，σ = √(5/(4n·%d)) = %s", lecun.factors(),
            dev.bagu.plot.Numbers.readable(lecunSd)), 2 * lecunSd));
  }

  /** An init's name in the figure and the findings; the formulas stay as they are. */
  static String name(Init init, Lang l) {
    return switch (init) {
      case ZERO -> l.t(init.label(), "全零");
      case SMALL -> l.t(init.label(), "小随机 N(0, 0.01²)");
      case LARGE -> l.t(init.label(), "大随机 N(0, 1)");
      case XAVIER_UNIFORM -> l.t(init.label(), "Xavier 均匀");
      case XAVIER_NORMAL -> l.t(init.label(), "Xavier 正态");
      case HE_NORMAL -> l.t(init.label(), "He 正态");
      case LECUN_NORMAL -> init.label();
      case ORTHOGONAL -> l.t(init.label(), "正交");
    };
  }

  /** Std (top right) or gradient norm (bottom left) against layer, log y, one line per init. */
  private static XyPlot depthPanel(String title, String yLabel, List<String> names,
      List<DeepStats> stats, boolean std, Lang l) {
    XyPlot plot = XyPlot.titled(title + l.t(" (colours as at left; orthogonal dashed)",
            "（颜色同左图；正交为虚线）"))
        .axes(l.t("hidden layer l (1 = next to the input)", "隐藏层 l（1 = 紧挨输入）"), yLabel)
        .logY().hideLegend();
    for (int i = 0; i < names.size(); i++) {
      double[] y = std ? stats.get(i).std() : stats.get(i).gradNorm();
      double[] x = new double[y.length];
      for (int k = 0; k < y.length; k++) {
        x[k] = k + 1;
      }
      // zero init: no positive y, no line. Orthogonal is dashed on top: with tanh it lies on
      // Xavier's lines, which show through its gaps.
      (WeightInit.INITS.get(i) == Init.ORTHOGONAL ? plot.dashed(names.get(i), x, y)
          : plot.line(names.get(i), x, y)).colour(Theme.category(i));
    }
    return plot;
  }

  /**
   * Bottom right: full-set loss on the moons against step, one line per init, on an axis to
   * {@code steps} (a preview's lines stop where its training did).
   */
  private static XyPlot trainingPanel(List<String> names, List<Training> runs, int steps,
      Lang l) {
    int[] trainedTo = runs.get(0).steps();
    int stoppedAt = trainedTo[trainedTo.length - 1];
    String title = stoppedAt < steps
        ? l.f("Training loss on the moons (preview: first %d of %d steps)",
            "双月数据上的训练损失（预览：只训练前 %d / %d 步）", stoppedAt, steps)
        : l.t("Training loss on the moons", "双月数据上的训练损失");
    XyPlot plot = XyPlot.titled(title)
        .axes(l.t("SGD step", "SGD 步数"),
            l.t("loss on all points (nats, log)", "全部点上的损失（奈特，对数）")).logY()
        .xRange(0, steps);
    for (int i = 0; i < names.size(); i++) {
      Training t = runs.get(i);
      double[] x = new double[t.steps().length];
      for (int k = 0; k < x.length; k++) {
        x[k] = t.steps()[k];
      }
      (WeightInit.INITS.get(i) == Init.ORTHOGONAL ? plot.dashed(names.get(i), x, t.loss())
          : plot.line(names.get(i), x, t.loss())).colour(Theme.category(i));
    }
    return plot.dashed(l.t("ln 2 (guessing)", "ln 2（瞎猜）"), new double[] {0, steps},
        new double[] {Math.log(2), Math.log(2)}).colour(java.awt.Color.GRAY);
  }

  private static String trimmed(double x) {
    return dev.bagu.plot.Numbers.readable(x);
  }

  private static Map<String, Object> deepData(List<DeepStats> stats, List<String> names) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("std", stats.get(i).std());
      one.put("grad_norm", stats.get(i).gradNorm());
      one.put("weight_grad_norm", stats.get(i).weightGradNorm());
      m.put(WeightInit.INITS.get(i).name().toLowerCase(Locale.ROOT), one);
    }
    return m;
  }

  private static Map<String, Object> trainData(List<Training> runs, List<String> names) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", runs.get(0).steps());
    for (int i = 0; i < names.size(); i++) {
      m.put(WeightInit.INITS.get(i).name().toLowerCase(Locale.ROOT), runs.get(i).loss());
    }
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new WeightInitDemo(), args);
  }
}
