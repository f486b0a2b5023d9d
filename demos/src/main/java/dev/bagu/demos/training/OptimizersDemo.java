package dev.bagu.demos.training;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.training.Optimizer.Kind;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.ContourPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 优化器: SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam and AdamW on three 2-D surfaces. */
public final class OptimizersDemo implements Demo {
  private static final String KINGMA = "Kingma & Ba 2015, §2.1";
  /** Animation frames with --format gif. */
  private static final int FRAMES = 40;
  /** Losses below this are drawn at it in the loss panel, so its axis spans about ten decades. */
  private static final double LOSS_FLOOR = 1e-8;
  /** About this many points per loss curve are drawn after the first LOSS_HEAD steps. */
  private static final int LOSS_POINTS = 150;
  private static final int LOSS_HEAD = 30;
  private static final Color START = new Color(0x77, 0x77, 0x77);
  private static final Color MINIMUM = new Color(0xB2, 0x18, 0x2B);

  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("function", "rosenbrock", List.of("rosenbrock", "saddle", "quadratic"),
          "surface: Rosenbrock's curved valley, a saddle between two minima, or an "
              + "ill-conditioned quadratic (curvatures 10 and 1000)")
          .zh("曲面：Rosenbrock 弯曲的山谷、两个极小值之间的鞍点，或病态二次函数（曲率 10 和 1000）"),
      Param.integer("steps", 500, 10, 5000, "update steps of every optimizer").logScale()
          .zh("每个优化器的更新步数"),
      lr("lr-sgd", 0.0015, "SGD", "SGD"),
      lr("lr-momentum", 0.001, "SGD with momentum", "动量法"),
      lr("lr-nesterov", 0.001, "Nesterov momentum", "Nesterov 动量"),
      lr("lr-adagrad", 0.5, "AdaGrad", "AdaGrad"),
      lr("lr-rmsprop", 0.01, "RMSProp", "RMSProp"),
      lr("lr-adam", 0.05, "Adam", "Adam"),
      lr("lr-adamw", 0.05, "AdamW", "AdamW"),
      Param.real("momentum", 0.9, 0, 0.99, "momentum μ of momentum and Nesterov (torch: b ← μb + g)")
          .zh("动量法和 Nesterov 的动量系数 μ（torch：b ← μb + g）"),
      Param.real("weight-decay", 0.01, 0, 1,
          "AdamW's decoupled weight decay λ: θ ← θ − lr·λ·θ each step (torch default 0.01)")
          .zh("AdamW 的解耦权重衰减 λ：每步 θ ← θ − lr·λ·θ（torch 默认 0.01）"));

  private static Param<?> lr(String name, double value, String who, String whoZh) {
    return Param.real(name, value, 1e-5, 2, "learning rate of " + who).logScale()
        .zh(whoZh + " 的学习率");
  }

  @Override
  public DemoInfo info() {
    return new DemoInfo("optimizers", "Optimizers on 2-D loss surfaces", Section.TRAINING,
        "优化器",
        "SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam and AdamW (torch.optim's update rules) "
            + "on Rosenbrock, a saddle and an ill-conditioned quadratic")
        .zh("二维损失曲面上的优化器",
            "SGD、动量法、Nesterov、AdaGrad、RMSProp、Adam 和 AdamW（按 torch.optim 的更新公式）"
                + "在 Rosenbrock、鞍点和病态二次函数上的轨迹");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** The parameter holding each optimizer's learning rate. */
  static String lrParam(Kind k) {
    return "lr-" + k.key();
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    TestFunction f = TestFunction.of(p.choice("function"));
    int steps = p.integer("steps");
    List<Descent> runs = new ArrayList<>();
    for (Kind k : Kind.values()) {
      Optimizer opt = new Optimizer(k, p.real(lrParam(k)), p.real("momentum"),
          p.real("weight-decay"));
      runs.add(Descent.run(f, opt, steps));
    }
    Surface surface = Surface.of(f);
    Result result = Result.of(figure(l, f, surface, runs, steps, steps, p));
    for (int i = 1; i <= FRAMES; i++) {
      result.frame(figure(l, f, surface, runs, steps, (int) ((long) steps * i / FRAMES), p));
    }
    result.frameDelayMillis(120);
    addFindings(result, l, f, runs, p.real("lr-adam"));
    Map<String, Object> paths = new LinkedHashMap<>();
    Map<String, Object> loss = new LinkedHashMap<>();
    Map<String, Object> diverged = new LinkedHashMap<>();
    for (Descent d : runs) {
      List<double[]> points = new ArrayList<>(d.points());
      for (int k = 0; k < d.points(); k++) {
        points.add(new double[] {d.x()[k], d.y()[k]});
      }
      paths.put(d.kind().key(), points);
      loss.put(d.kind().key(), d.loss());
      diverged.put(d.kind().key(), d.diverged());
    }
    return result.data("function", f.id()).data("start", f.start()).data("minima", f.minima())
        .data("paths", paths).data("loss", loss).data("diverged", diverged);
  }

  private static void addFindings(Result result, Lang l, TestFunction f, List<Descent> runs,
      double lrAdam) {
    result.finding(Finding.of("rosenbrock_start", l.t("Rosenbrock f(−1.2, 1)",
            "Rosenbrock f(−1.2, 1)"), TestFunction.ROSENBROCK.value(-1.2, 1), "")
        .withReference(24.2, l.t("(1 + 1.2)² + 100·(1 − 1.44)²", "(1 + 1.2)² + 100·(1 − 1.44)²"),
            1e-12));
    double[] step = adamFirstStep(f, lrAdam);
    String source = l.t(KINGMA + ": |Δθ| ≈ α = lr", "Kingma 与 Ba 2015，§2.1：|Δθ| ≈ α = lr");
    result.finding(Finding.of("adam_first_step_x", l.t("Adam's first step |Δx|",
            "Adam 第一步 |Δx|"), step[0], "").withReference(lrAdam, source, 1e-5 * lrAdam));
    result.finding(Finding.of("adam_first_step_y", l.t("Adam's first step |Δy|",
            "Adam 第一步 |Δy|"), step[1], "").withReference(lrAdam, source, 1e-5 * lrAdam));
    for (Descent d : runs) {
      int last = d.points() - 1;
      String name = name(d.kind(), l);
      String label = d.diverged()
          ? l.f("%s: distance to the minimum (diverged at step %d)",
              "%s：到极小值的距离（第 %d 步发散）", name, last + 1)
          : l.f("%s: distance to the minimum after the last step",
              "%s：最后一步后到极小值的距离", name);
      result.finding(Finding.of("distance_" + d.kind().key(), label,
          f.distanceToMinimum(d.x()[last], d.y()[last]), ""));
    }
  }

  /** |Δx|, |Δy| of Adam's first step from the function's start. */
  static double[] adamFirstStep(TestFunction f, double lr) {
    double[] theta = f.start();
    double[] g = new double[2];
    f.gradient(theta[0], theta[1], g);
    new Optimizer(Kind.ADAM, lr, 0, 0).step(theta, g);
    double[] start = f.start();
    return new double[] {Math.abs(theta[0] - start[0]), Math.abs(theta[1] - start[1])};
  }

  static String name(Kind k, Lang l) {
    return switch (k) {
      case MOMENTUM -> l.t("momentum", "动量法");
      case NESTEROV -> l.t("Nesterov", "Nesterov 动量");
      default -> k.label();
    };
  }

  private static String functionName(TestFunction f, Lang l) {
    return switch (f) {
      case ROSENBROCK -> l.t("Rosenbrock (1 − x)² + 100(y − x²)²", "Rosenbrock (1 − x)² + 100(y − x²)²");
      case SADDLE -> l.t("saddle 5x² + 5(y² − 1)²", "鞍点 5x² + 5(y² − 1)²");
      case QUADRATIC -> l.t("ill-conditioned 5x² + 500y²", "病态二次函数 5x² + 500y²");
    };
  }

  /** The whole figure with every path cut after {@code upTo} steps (the last frame: all). */
  private Figure figure(Lang l, TestFunction f, Surface s, List<Descent> runs, int steps,
      int upTo, Params p) {
    String sub = l.f("%s · %d steps · momentum %s · AdamW λ = %s · start (%s, %s)",
        "%s · %d 步 · 动量 %s · AdamW λ = %s · 起点 (%s, %s)", functionName(f, l), steps,
        p.real("momentum"), p.real("weight-decay"), f.start()[0], f.start()[1]);
    if (upTo < steps) {
      sub = l.f("step %d of %d · ", "第 %d / %d 步 · ", upTo, steps) + sub;
    }
    return Figure.grid(info().title(l), 1, 2).preferredSize(1800, 850).subtitle(sub)
        .add(contourPanel(l, f, s, runs, upTo, p))
        .add(lossPanel(l, runs, steps, upTo));
  }

  private static ContourPlot contourPanel(Lang l, TestFunction f, Surface s, List<Descent> runs,
      int upTo, Params p) {
    double[] w = f.window();
    ContourPlot plot = ContourPlot.titled(l.t("Paths over the contours of f",
            "f 的等高线上的轨迹"))
        .axes("x", "y").field(w[0], w[1], w[2], w[3], s.z()).levels(s.levels());
    for (Descent d : runs) {
      double[][] xy = d.prefix(upTo);
      String name = name(d.kind(), l) + " (lr " + p.real(lrParam(d.kind())) + ")";
      Color c = Theme.category(d.kind().ordinal());
      if (d.kind() == Kind.ADAMW) {
        plot.dashedPath(name, xy[0], xy[1], c); // dashed: Adam's path shows through
      } else {
        plot.path(name, xy[0], xy[1], c);
      }
    }
    plot.marker(l.t("start", "起点"), f.start()[0], f.start()[1], START);
    double[][] minima = f.minima();
    for (int i = 0; i < minima.length; i++) {
      plot.marker(l.t("minimum", "极小值"), minima[i][0], minima[i][1], MINIMUM);
      if (i > 0) {
        plot.notInLegend();
      }
    }
    return plot;
  }

  private static XyPlot lossPanel(Lang l, List<Descent> runs, int steps, int upTo) {
    XyPlot plot = XyPlot.titled(l.t("Loss against step (minimum f = 0)",
            "损失随步数的变化（极小值 f = 0）"))
        .axes(l.t("step", "步数"), l.t("f(x, y), log scale (floored at 1e-8)",
            "f(x, y)，对数坐标（低于 1e-8 画在 1e-8）")).logY()
        .xRange(0, steps);
    for (Descent d : runs) {
      int m = Math.min(upTo + 1, d.points());
      int[] shown = shownSteps(m);
      double[] x = new double[shown.length];
      double[] y = new double[shown.length];
      for (int k = 0; k < shown.length; k++) {
        x[k] = shown[k];
        y[k] = Math.max(d.loss()[shown[k]], LOSS_FLOOR); // below the floor: drawn on it
      }
      String name = name(d.kind(), l);
      if (d.kind() == Kind.ADAMW) {
        plot.dashed(name, x, y).colour(Theme.category(d.kind().ordinal()));
      } else {
        plot.curve(name, x, y).colour(Theme.category(d.kind().ordinal()));
      }
    }
    return plot;
  }

  /**
   * The steps drawn of a curve of m points: the first {@value #LOSS_HEAD} all (the early
   * oscillations), then about {@value #LOSS_POINTS} evenly spaced, and the last.
   */
  static int[] shownSteps(int m) {
    int stride = Math.max(1, (m - LOSS_HEAD + LOSS_POINTS - 1) / LOSS_POINTS);
    java.util.List<Integer> steps = new ArrayList<>();
    for (int k = 0; k < m; k += k < LOSS_HEAD ? 1 : stride) {
      steps.add(k);
    }
    if (steps.get(steps.size() - 1) != m - 1) {
      steps.add(m - 1);
    }
    return steps.stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new OptimizersDemo(), args);
  }
}
