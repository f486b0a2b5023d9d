package dev.bagu.demos.training;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.training.VanishingGradients.Kind;
import dev.bagu.demos.training.VanishingGradients.Run;
import dev.bagu.i18n.Lang;
import dev.bagu.nn.Activation;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 梯度消失 / 梯度扩散: the gradient's size layer by layer for sigmoid, tanh, ReLU and residual ReLU. */
public final class VanishingGradientsDemo implements Demo {

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("depth", 20, 3, 50, "hidden layers; the gradient is multiplied once per layer")
          .zh("隐藏层数；梯度每经过一层就被乘一次"),
      Param.integer("width", 64, 10, 256,
          "units per hidden layer; wider layers give smoother curves").logScale()
          .zh("每个隐藏层的单元数；越宽曲线越平滑"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("vanishing-gradients", "Vanishing gradients in a deep network",
        Section.TRAINING, "梯度消失 / 梯度扩散",
        "Each layer multiplies the gradient by at most max f'·‖W‖₂; with the sigmoid's 1/4 it "
            + "vanishes geometrically, ReLU and skip connections keep it")
        .zh("深层网络中的梯度消失",
            "每层把梯度至多乘以 max f'·‖W‖₂；sigmoid 的导数最大只有 1/4，梯度按几何级数消失，"
                + "ReLU 和残差连接能把它保住");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /**
   * Less work while a slider moves in the window: a quarter of the inputs through the four nets
   * (their forward and backward passes are most of the run), the subtitle says how many.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int depth = p.integer("depth");
    int width = p.integer("width");
    // A preview (a slider being dragged in the window): an eighth of the batch, ≈ 1,024 values
    // per layer, so noisier norms (memoised under its own batch size); the forward and backward
    // passes through four nets are most of a preview.
    int batch = p.preview() ? Math.max(4, VanishingGradients.batchFor(width) / 8)
        : VanishingGradients.batchFor(width);
    List<Run> runs = VanishingGradients.runAllRecent(depth, width, batch, p.seed());
    Lang l = p.lang();
    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1700, 1100)
        .subtitle(l.f("%d hidden layers × %d units · %d N(0, 1) inputs, "
                + "random labels over 10 classes · Xavier init for sigmoid and tanh, He for ReLU"
                + " · seed %d", "%d 个隐藏层 × %d 个单元 · %d 个 N(0, 1) 输入，10 类随机标签"
                + " · sigmoid 和 tanh 用 Xavier 初始化，ReLU 用 He 初始化 · 种子 %d",
            depth, width, batch, p.seed()))
        .add(layerPanel(l.t("Back-propagated gradient ‖∂L/∂h_l‖ by layer",
            "各层反传的梯度 ‖∂L/∂h_l‖"), "‖∂L/∂h_l‖", runs, false, l))
        .add(factorPanel(runs, l))
        .add(derivativePanel(l))
        .add(layerPanel(l.t("Weight gradient ‖∂L/∂W_l‖_F by layer (what SGD gets)",
            "各层的权重梯度 ‖∂L/∂W_l‖_F（SGD 实际拿到的）"), "‖∂L/∂W_l‖_F", runs, true, l)
            .hideLegend());
    Result result = Result.of(figure);
    double worst = 0;
    for (Run r : runs) {
      String key = r.kind().name().toLowerCase(Locale.ROOT);
      result.finding(Finding.of("grad_ratio_" + key, r.kind().label(l)
          + l.t(": ‖∂L/∂h‖ first / last hidden layer", "：‖∂L/∂h‖ 第一个 / 最后一个隐藏层"),
          r.stats().gradRatio(), ""));
      result.finding(Finding.of("factor_" + key, r.kind().label(l)
          + l.t(": typical per-layer factor (geometric mean)", "：典型的每层倍数（几何平均）"),
          geometricMean(r.factor()), ""));
      for (int k = 0; k < r.factor().length; k++) {
        worst = Math.max(worst, r.factor()[k] / r.bound()[k]);
      }
    }
    Run sigmoid = runs.get(Kind.SIGMOID.ordinal());
    result.finding(Finding.of("sigmoid_max_derivative",
            l.t("sigmoid: largest σ'(z) in the batch", "sigmoid：这批数据中最大的 σ'(z)"),
            sigmoid.maxDerivative(), "")
        .withReference(0.25, l.t("σ' = σ(1 − σ) ≤ 1/4, at z = 0", "σ' = σ(1 − σ) ≤ 1/4，在 z = 0 处")));
    result.finding(Finding.of("factor_over_bound_max",
        l.t("largest per-layer factor / (max f'·‖W‖₂ [+1]), all layers",
            "所有层中最大的 每层倍数 / (max f'·‖W‖₂ [+1])"), worst, ""));
    return result.data("runs", data(runs));
  }

  /** Gradient norm against layer, one line per kind, log y. */
  private static XyPlot layerPanel(String title, String yLabel, List<Run> runs, boolean weights,
      Lang l) {
    XyPlot plot = XyPlot.titled(title)
        .axes(l.t("hidden layer l (1 = next to the input)", "隐藏层 l（1 = 紧挨输入）"), yLabel)
        .logY();
    for (Run r : runs) {
      double[] y = weights ? r.stats().weightGradNorm() : r.stats().gradNorm();
      plot.line(r.kind().label(l), layers(1, y.length), y)
          .colour(Theme.category(r.kind().ordinal()));
    }
    return plot;
  }

  /** Measured per-layer factor (solid) under its bound (dashed, same colour). */
  private static XyPlot factorPanel(List<Run> runs, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Per-layer factor ‖∂L/∂h_{l−1}‖ / ‖∂L/∂h_l‖ and its bound",
            "每层倍数 ‖∂L/∂h_{l−1}‖ / ‖∂L/∂h_l‖ 及其上界"))
        .axes(l.t("hidden layer l (colours as in the legend at left)", "隐藏层 l（颜色同左图图例）"),
            l.t("factor; dashed: max f'·‖W_l‖₂ (+1 if skip)",
                "倍数；虚线：max f'·‖W_l‖₂（有残差再 +1）"))
        .yRange(0, Math.ceil(runs.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.bound()))
            .max().orElse(1)))
        .hideLegend();
    for (Run r : runs) {
      double[] x = layers(2, r.factor().length);
      plot.line(r.kind().label(l), x, r.factor());
      plot.dashed(r.kind().label(l) + l.t(" bound", " 上界"), x, r.bound())
          .sameColourAs(r.kind().label(l));
    }
    return plot.horizontalLine(1);
  }

  /** The activations' derivatives: the sigmoid's never exceeds 1/4. */
  private static XyPlot derivativePanel(Lang l) {
    int n = 241;
    double[] z = new double[n];
    XyPlot plot = XyPlot.titled(l.t("Derivative of each activation, f'(z)", "各激活函数的导数 f'(z)"))
        .axes("z", "f'(z)")
        .yRange(0, 1.1);
    for (int i = 0; i < n; i++) {
      z[i] = -6 + 12.0 * i / (n - 1);
    }
    for (Activation f : List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU)) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = f.derivative(z[i], f.apply(z[i]));
      }
      plot.curve(f.label(), z, d);
    }
    return plot.dashed(l.t("1/4, the sigmoid's maximum", "1/4，sigmoid 导数的最大值"),
        new double[] {-6, 6},
        new double[] {0.25, 0.25}).colour(Color.GRAY);
  }

  private static double[] layers(int first, int count) {
    double[] x = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = first + i;
    }
    return x;
  }

  static double geometricMean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += Math.log(x);
    }
    return Math.exp(s / v.length);
  }

  private static Map<String, Object> data(List<Run> runs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Run r : runs) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("grad_norm", r.stats().gradNorm());
      one.put("weight_grad_norm", r.stats().weightGradNorm());
      one.put("std", r.stats().std());
      one.put("factor", r.factor());
      one.put("bound", r.bound());
      m.put(r.kind().name().toLowerCase(Locale.ROOT), one);
    }
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new VanishingGradientsDemo(), args);
  }
}
