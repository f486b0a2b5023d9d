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
      Param.integer("depth", 20, 3, 50, "hidden layers; the gradient is multiplied once per layer"),
      Param.integer("width", 64, 10, 256,
          "units per hidden layer; wider layers give smoother curves").logScale());

  @Override
  public DemoInfo info() {
    return new DemoInfo("vanishing-gradients", "Vanishing gradients in a deep network",
        Section.TRAINING, "梯度消失 / 梯度扩散",
        "Each layer multiplies the gradient by at most max f'·‖W‖₂; with the sigmoid's 1/4 it "
            + "vanishes geometrically, ReLU and skip connections keep it");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int depth = p.integer("depth");
    int width = p.integer("width");
    int batch = VanishingGradients.batchFor(width);
    List<Run> runs = VanishingGradients.runAll(depth, width, batch, p.seed());
    Figure figure = Figure.grid(info().title(), 2, 2).preferredSize(1700, 1100)
        .subtitle(String.format(Locale.US, "%d hidden layers × %d units · %d N(0, 1) inputs, "
                + "random labels over 10 classes · Xavier init for sigmoid and tanh, He for ReLU"
                + " · seed %d", depth, width, batch, p.seed()))
        .add(layerPanel("Back-propagated gradient ‖∂L/∂h_l‖ by layer", "‖∂L/∂h_l‖", runs,
            false))
        .add(factorPanel(runs))
        .add(derivativePanel())
        .add(layerPanel("Weight gradient ‖∂L/∂W_l‖_F by layer (what SGD gets)",
            "‖∂L/∂W_l‖_F", runs, true).hideLegend());
    Result result = Result.of(figure);
    double worst = 0;
    for (Run r : runs) {
      String key = r.kind().name().toLowerCase(Locale.ROOT);
      result.finding(Finding.of("grad_ratio_" + key,
          r.kind().label + ": ‖∂L/∂h‖ first / last hidden layer", r.stats().gradRatio(), ""));
      result.finding(Finding.of("factor_" + key, r.kind().label
          + ": typical per-layer factor (geometric mean)", geometricMean(r.factor()), ""));
      for (int l = 0; l < r.factor().length; l++) {
        worst = Math.max(worst, r.factor()[l] / r.bound()[l]);
      }
    }
    Run sigmoid = runs.get(Kind.SIGMOID.ordinal());
    result.finding(Finding.of("sigmoid_max_derivative", "sigmoid: largest σ'(z) in the batch",
            sigmoid.maxDerivative(), "")
        .withReference(0.25, "σ' = σ(1 − σ) ≤ 1/4, at z = 0"));
    result.finding(Finding.of("factor_over_bound_max",
        "largest per-layer factor / (max f'·‖W‖₂ [+1]), all layers", worst, ""));
    return result.data("runs", data(runs));
  }

  /** Gradient norm against layer, one line per kind, log y. */
  private static XyPlot layerPanel(String title, String yLabel, List<Run> runs, boolean weights) {
    XyPlot plot = XyPlot.titled(title).axes("hidden layer l (1 = next to the input)", yLabel)
        .logY();
    for (Run r : runs) {
      double[] y = weights ? r.stats().weightGradNorm() : r.stats().gradNorm();
      plot.line(r.kind().label, layers(1, y.length), y)
          .colour(Theme.category(r.kind().ordinal()));
    }
    return plot;
  }

  /** Measured per-layer factor (solid) under its bound (dashed, same colour). */
  private static XyPlot factorPanel(List<Run> runs) {
    XyPlot plot = XyPlot.titled("Per-layer factor ‖∂L/∂h_{l−1}‖ / ‖∂L/∂h_l‖ and its bound")
        .axes("hidden layer l (colours as in the legend at left)",
            "factor; dashed: max f'·‖W_l‖₂ (+1 if skip)")
        .yRange(0, Math.ceil(runs.stream().flatMapToDouble(r -> java.util.Arrays.stream(r.bound()))
            .max().orElse(1)))
        .hideLegend();
    for (Run r : runs) {
      double[] x = layers(2, r.factor().length);
      plot.line(r.kind().label, x, r.factor());
      plot.dashed(r.kind().label + " bound", x, r.bound()).sameColourAs(r.kind().label);
    }
    return plot.horizontalLine(1);
  }

  /** The activations' derivatives: the sigmoid's never exceeds 1/4. */
  private static XyPlot derivativePanel() {
    int n = 241;
    double[] z = new double[n];
    XyPlot plot = XyPlot.titled("Derivative of each activation, f'(z)").axes("z", "f'(z)")
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
    return plot.dashed("1/4, the sigmoid's maximum", new double[] {-6, 6},
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
