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
  /** Inputs in the deep-net batch: about 12,800 values per layer for smooth histograms. */
  static int batchFor(int width) {
    return Math.max(32, Math.min(1280, 12_800 / width));
  }

  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("activation", "tanh", List.of("tanh", "relu"),
          "hidden non-linearity of both nets; Xavier suits tanh, He suits ReLU"),
      Param.integer("depth", 10, 2, 50, "hidden layers of the deep net (Glorot & Bengio: 5)"),
      Param.integer("width", 64, 10, 256,
          "units per hidden layer of the deep net (Glorot & Bengio: 1000)").logScale(),
      Param.integer("steps", 200, 10, 3000,
          "SGD steps (minibatches of 32) on the moons, per init").logScale(),
      Param.real("lr", 0.2, 0.001, 2, "SGD learning rate on the moons").logScale());

  @Override
  public DemoInfo info() {
    return new DemoInfo("weight-init", "Weight initialisation in a deep network", Section.TRAINING,
        "权重初始化方法",
        "Too small vanishes, too large saturates or explodes; Xavier (tanh) and He (ReLU) keep "
            + "every layer's signal and gradient the same size; zero init never breaks symmetry");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    boolean relu = p.choice("activation").equals("relu");
    Activation f = relu ? Activation.RELU : Activation.TANH;
    int depth = p.integer("depth");
    int width = p.integer("width");
    int steps = p.integer("steps");
    double lr = p.real("lr");
    int batch = batchFor(width);
    List<DeepStats> stats = WeightInit.deepStats(f, depth, width, batch, p.seed());
    List<Training> runs = WeightInit.trainAll(f, steps, lr, p.seed());
    List<String> names = WeightInit.INITS.stream().map(Init::label).toList();

    Figure figure = Figure.grid(info().title(), 2, 2).preferredSize(1800, 1150)
        .subtitle(String.format(Locale.US,
            "%s · deep net: %d hidden layers × %d units, %d N(0, 1) inputs · moons: %d points, "
                + "net 2-16-16-16-16-2, lr %s · seed %d", f.label(), depth, width, batch,
            WeightInit.TRAIN_POINTS, trimmed(lr), p.seed()))
        .add(ActivationGrid.of("Activations of each layer at init (" + f.label() + ")", names,
            stats, !relu))
        .add(depthPanel("Activation std by layer", "std of layer output h_l", names, stats, true))
        .add(depthPanel("Back-propagated gradient by layer", "‖∂L/∂h_l‖ over the batch", names,
            stats, false))
        .add(trainingPanel(names, runs));
    Result result = Result.of(figure);
    for (int i = 0; i < names.size(); i++) {
      String key = WeightInit.INITS.get(i).name().toLowerCase(Locale.ROOT);
      DeepStats s = stats.get(i);
      result.finding(Finding.of("last_std_" + key, names.get(i) + ": std of last hidden layer",
          s.std()[depth - 1], ""));
      if (WeightInit.INITS.get(i) != Init.ZERO) { // zero init: every gradient is 0 (0/0)
        result.finding(Finding.of("grad_ratio_" + key,
            names.get(i) + ": ‖∂L/∂h‖ first / last hidden layer", s.gradRatio(), ""));
      }
      result.finding(Finding.of("final_loss_" + key, names.get(i) + ": moons loss after training",
          runs.get(i).finalLoss(), "nats"));
    }
    addReferences(result, runs, width, p.seed());
    return result.data("deep_net", deepData(stats, names)).data("training", trainData(runs, names));
  }

  private static void addReferences(Result result, List<Training> runs, int width, long seed) {
    double gap = WeightInit.symmetryGap(runs.get(WeightInit.INITS.indexOf(Init.ZERO)).net());
    result.finding(Finding.of("zero_symmetry_gap",
            "zero init: largest difference between units of a layer, after training", gap, "")
        .withReference(0, "symmetry: identical units get identical gradients"));
    result.finding(Finding.of("xavier_variance", "Xavier uniform: Var(w), "
            + width + " × " + width + " matrix", WeightInit.xavierVariance(width, width, seed), "")
        .withReference(2.0 / (width + width), GLOROT));
    double he = WeightInit.heDepthRatio(Init.HE_NORMAL, width, seed);
    double lecun = WeightInit.heDepthRatio(Init.LECUN_NORMAL, width, seed);
    int d = WeightInit.HE_DEPTH;
    result.finding(Finding.of("he_30_layer_ratio",
            "He √(2/n), 30-layer ReLU, width " + width + ": E[z²] layer 30 / layer 1", he, "")
        .withReference(1, HE + " (flat)"));
    result.finding(Finding.of("he_per_layer_factor",
            "He √(2/n), 30-layer ReLU: E[z²] factor per layer", Math.pow(he, 1.0 / (d - 1)), "")
        .withReference(1, HE));
    result.finding(Finding.of("lecun_per_layer_factor",
            "1/n, 30-layer ReLU: E[z²] factor per layer", Math.pow(lecun, 1.0 / (d - 1)), "")
        .withReference(0.5, HE + " (halves per layer)"));
  }

  /** Std (top right) or gradient norm (bottom left) against layer, log y, one line per init. */
  private static XyPlot depthPanel(String title, String yLabel, List<String> names,
      List<DeepStats> stats, boolean std) {
    XyPlot plot = XyPlot.titled(title + " (colours as at left)")
        .axes("hidden layer l (1 = next to the input)", yLabel).logY().hideLegend();
    for (int i = 0; i < names.size(); i++) {
      double[] y = std ? stats.get(i).std() : stats.get(i).gradNorm();
      double[] x = new double[y.length];
      for (int l = 0; l < y.length; l++) {
        x[l] = l + 1;
      }
      plot.line(names.get(i), x, y).colour(Theme.category(i)); // zero init: no positive y, no line
    }
    return plot;
  }

  /** Bottom right: full-set loss on the moons against step, one line per init. */
  private static XyPlot trainingPanel(List<String> names, List<Training> runs) {
    XyPlot plot = XyPlot.titled("Training loss on the moons")
        .axes("SGD step", "loss on all points (nats, log)").logY();
    for (int i = 0; i < names.size(); i++) {
      Training t = runs.get(i);
      double[] x = new double[t.steps().length];
      for (int k = 0; k < x.length; k++) {
        x[k] = t.steps()[k];
      }
      plot.line(names.get(i), x, t.loss());
    }
    double last = runs.get(0).steps()[runs.get(0).steps().length - 1];
    return plot.dashed("ln 2 (guessing)", new double[] {0, last},
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
