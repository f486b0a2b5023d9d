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
import dev.bagu.demos.finetune.LoraExperiment.Run;
import dev.bagu.demos.finetune.LoraExperiment.Task;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LoRA: a low-rank update B·A trained beside a frozen layer, for several ranks. */
public final class LoraDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("d", 32, 16, 64, "width of the square layer, d_in = d_out = d").logScale()
          .zh("方阵层的宽度，d_in = d_out = d"),
      Param.integer("true-rank", 4, 1, 16, "rank k of the update the target differs by")
          .zh("目标与原层之差的秩 k"),
      Param.integer("steps", 200, 10, 1000, "Adam steps per rank").logScale()
          .zh("每个秩训练的 Adam 步数"),
      Param.real("learning-rate", 0.01, 1e-4, 0.1, "Adam's learning rate").logScale()
          .zh("Adam 的学习率"),
      Param.real("alpha", 8, 1, 64, "LoRA's α: the update is scaled by α/r").logScale()
          .zh("LoRA 的 α：更新乘以 α/r"));

  /**
   * Everything the training reads; a rerun at the same setting (a redraw, the other language).
   * A preview trains fewer ranks, so it is its own setting and never stands in for a full run.
   */
  private record Setting(int d, int trueRank, int steps, double learningRate, double alpha,
      long seed, boolean preview) {}

  /** The task, ΔW*'s singular values and the trained ranks (ascending); shared, read-only. */
  private record Trained(Task task, double[] trueSigma, List<Run> runs) {}

  private static final Memo<Setting, Trained> TRAINED = new Memo<>(4);

  @Override
  public DemoInfo info() {
    return new DemoInfo("lora", "LoRA: a low-rank update beside a frozen layer", Section.FINETUNE,
        "LoRA",
        "ΔW = B·A with B = 0 at the start: the error vanishes once r reaches the rank of the true "
            + "update, and B·A merges into W exactly")
        .zh("LoRA：冻结层旁的低秩更新",
            "ΔW = B·A，B 初始为 0：秩 r 达到真实更新的秩后误差归零，B·A 可以精确地合并进 W");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** Adam steps of a preview at most. */
  static final int PREVIEW_STEPS = 100;

  /**
   * Less work while a slider moves in the window: only the telling ranks ({@link #ranks}), at
   * most {@link #PREVIEW_STEPS} steps.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  /**
   * The ranks trained: all of 1 … maxRank; a preview (a slider being dragged in the window) only
   * the ranks the panels name, 1, k − 1, k and maxRank, so the error-against-rank line is
   * coarser.
   */
  private static int[] ranks(int d, int k, boolean preview) {
    int maxRank = LoraExperiment.maxRank(d, k);
    if (!preview) {
      return java.util.stream.IntStream.rangeClosed(1, maxRank).toArray();
    }
    return new java.util.TreeSet<>(List.of(1, Math.max(1, k - 1), k, maxRank)).stream()
        .mapToInt(Integer::intValue).toArray();
  }

  /** The run of rank r. */
  private static Run at(List<Run> runs, int r) {
    return runs.stream().filter(run -> run.rank() == r).findFirst().orElseThrow();
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    int d = p.integer("d");
    int k = p.integer("true-rank");
    // A preview trains at most PREVIEW_STEPS steps (the subtitle and the loss curves say how
    // many): by then rank k is within about 1% of ΔW*, and every rank's place is clear.
    int steps = p.preview() ? Math.min(p.integer("steps"), PREVIEW_STEPS) : p.integer("steps");
    double alpha = p.real("alpha");
    double learningRate = p.real("learning-rate");
    Trained trained = TRAINED.get(new Setting(d, k, steps, learningRate, alpha, p.seed(),
        p.preview()), () -> {
          Task t = LoraExperiment.task(d, k, Rng.stream(p.seed(), 1), p.preview());
          return new Trained(t, t.trueSigma(),
              LoraExperiment.trainRanks(t, ranks(d, k, p.preview()), alpha, steps, learningRate,
                  p.seed()));
        });
    Task task = trained.task();
    List<Run> runs = trained.runs();
    Run atK = at(runs, k);

    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("d = %d · true rank k = %d · α = %s · %d Adam steps, lr %s · "
                + "whitened inputs · seed %d",
            "d = %d · 真实秩 k = %d · α = %s · %d 步 Adam，学习率 %s · 白化输入 · 种子 %d",
            d, k, dev.bagu.plot.Numbers.readable(alpha), steps,
            dev.bagu.plot.Numbers.readable(p.real("learning-rate")), p.seed()))
        .add(lossPanel(runs, k, l))
        .add(errorPanel(runs, k, l))
        .add(singularPanel(trained.trueSigma(), runs, k, l))
        .add(heatmap(l.t("True update ΔW* (rank k)", "真实更新 ΔW*（秩 k）"), task.trueUpdate(),
            l))
        .add(heatmap(l.f("Learned (α/r)·B·A at r = k = %d", "r = k = %d 时学到的 (α/r)·B·A", k),
            atK.update(), l))
        .add(mergePanel(runs, p.preview() ? task.x().length : 0, l));
    Result result = Result.of(figure);
    findings(result, task, runs, k, d, l);
    return result.data("ranks", runs.stream().mapToInt(Run::rank).toArray())
        .data("final_error", runs.stream().mapToDouble(Run::relativeError).toArray())
        .data("best_error", runs.stream().mapToDouble(Run::bestError).toArray())
        .data("merge_difference", runs.stream().mapToDouble(Run::mergeDifference).toArray())
        .data("true_singular_values", trained.trueSigma())
        .data("learned_singular_values", runs.stream().map(Run::singularValues).toList())
        .data("loss", runs.stream().map(Run::loss).toList());
  }

  private static void findings(Result result, Task task, List<Run> runs, int k, int d, Lang l) {
    double initial = runs.stream().mapToDouble(Run::initialDifference).max().orElseThrow();
    double merge = runs.stream().mapToDouble(Run::mergeDifference).max().orElseThrow();
    String hu = l.t("Hu et al. 2021, §4.1", "Hu 等 2021，§4.1");
    result.finding(Finding.of("init_difference", l.t("max |adapted − base| output with B = 0",
            "B = 0 时 |适配后 − 原层| 输出的最大值"), initial, "")
        .withReference(0, hu + l.t(" (B = 0 at start)", "（B 初始为 0）"), 0));
    result.finding(Finding.of("error_at_true_rank", l.f("relative error ‖ΔW − ΔW*‖/‖ΔW*‖ at r = k = %d",
            "r = k = %d 时的相对误差 ‖ΔW − ΔW*‖/‖ΔW*‖", k), at(runs, k).relativeError(), "")
        .withReference(0, l.t("exact fit possible once r ≥ k (≈ 0: within 0.01)",
            "r ≥ k 时可以精确拟合（≈ 0：差 0.01 以内）"), 0.01));
    if (k >= 2) {
      Run below = at(runs, k - 1);
      result.finding(Finding.of("error_below_true_rank", l.f("relative error at r = k − 1 = %d",
              "r = k − 1 = %d 时的相对误差", k - 1), below.relativeError(), "")
          .withReference(below.bestError(), l.t("Eckart–Young: best rank-r error",
              "Eckart–Young：秩 r 的最小误差"), 0.01));
    }
    result.finding(Finding.of("merge_difference", l.t("max |merged − unmerged| output",
            "合并与未合并输出之差的最大值"), merge, "")
        .withUpperBound(1e-12, l.t("floating-point rounding", "浮点舍入")));
    result.finding(Finding.of("lora_params", l.f("LoRA parameters at r = k: r·(d_in + d_out)",
        "r = k 时 LoRA 的参数：r·(d_in + d_out)"), (double) k * 2 * d, ""));
    result.finding(Finding.of("full_params", l.t("full update parameters: d_in·d_out",
        "全量更新的参数：d_in·d_out"), (double) d * d, ""));
  }

  /** Panel 1: training loss per rank, for a few telling ranks. */
  private static XyPlot lossPanel(List<Run> runs, int k, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Training loss per rank", "各个秩的训练损失"))
        .axes(l.t("Adam step", "Adam 步数"), "½‖W₀ + ΔW − W*‖²").logY();
    java.util.TreeSet<Integer> shown = new java.util.TreeSet<>(List.of(1, k, maxRank(runs)));
    if (k >= 2) {
      shown.add(k - 1);
    }
    for (int r : shown) {
      double[] loss = at(runs, r).loss();
      double[] step = new double[loss.length];
      for (int i = 0; i < step.length; i++) {
        step[i] = i;
      }
      plot.curve((r == k ? "r = k = " : "r = ") + r, step, loss);
    }
    return plot;
  }

  /** Panel 2: final error against r, with the Eckart–Young floor and the true rank marked. */
  private static XyPlot errorPanel(List<Run> runs, int k, Lang l) {
    double[] r = runs.stream().mapToDouble(Run::rank).toArray();
    return XyPlot.titled(l.t("Final error against rank r", "最终误差与秩 r"))
        .axes(l.t("rank r (grey line: true rank k)", "秩 r（灰线：真实秩 k）"),
            "‖ΔW − ΔW*‖ / ‖ΔW*‖")
        .line(l.t("LoRA, trained", "LoRA，训练所得"), r,
            runs.stream().mapToDouble(Run::relativeError).toArray())
        .dashed(l.t("best rank-r (Eckart–Young)", "秩 r 的最优（Eckart–Young）"), r,
            runs.stream().mapToDouble(Run::bestError).toArray())
        .yRange(0, Math.max(1, 1.05 * runs.stream().mapToDouble(Run::relativeError).max()
            .orElse(1))).verticalLine(k);
  }

  /** Values below this are rounding noise of a rank-deficient matrix and are not drawn. */
  private static final double ZERO = 1e-9;

  /** Panel 3: singular values of ΔW* and of the learned updates. */
  private static XyPlot singularPanel(double[] trueSigma, List<Run> runs, int k, Lang l) {
    int shown = maxRank(runs);
    XyPlot plot = XyPlot.titled(l.t("Singular values of the updates", "各更新的奇异值"))
        .axes(l.t("index i", "序号 i"), "σ_i");
    plot.largePoints(l.t("true ΔW*", "真实 ΔW*"), index(shown), head(trueSigma, shown))
        .colour(new Color(0xBBBBBB));
    java.util.TreeSet<Integer> ranks = new java.util.TreeSet<>(List.of(k, shown));
    if (k >= 2) {
      ranks.add(k - 1);
    }
    for (int r : ranks.descendingSet()) { // the smallest rank, the shortest line, drawn on top
      plot.line(l.f("learned, r = %d", "学到的，r = %d", r), index(shown),
          head(at(runs, r).singularValues(), shown));
    }
    return plot.yRange(0, 1.1 * LoraExperiment.TOP_SINGULAR_VALUE);
  }

  /** The largest rank trained (the runs are in ascending rank). */
  private static int maxRank(List<Run> runs) {
    return runs.get(runs.size() - 1).rank();
  }

  private static double[] index(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }

  /** The first n values, those under {@link #ZERO} left out (NaN). */
  private static double[] head(double[] v, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = i < v.length && v[i] > ZERO ? v[i] : Double.NaN;
    }
    return out;
  }

  private static HeatmapPlot heatmap(String title, double[][] m, Lang l) {
    double max = 0;
    for (double[] row : m) {
      for (double v : row) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return HeatmapPlot.titled(title).matrix(m).diverging().range(-max, max)
        .axes(l.t("input j", "输入 j"), l.t("output i", "输出 i")).colourBarLabel("ΔW_ij");
  }

  /** Panel 6: merging B·A into W₀ changes the outputs by rounding only. */
  /** The merge check per rank; {@code previewInputs} > 0 says in the title on how many inputs. */
  private static XyPlot mergePanel(List<Run> runs, int previewInputs, Lang l) {
    double[] r = runs.stream().mapToDouble(Run::rank).toArray();
    double[] diff = runs.stream().mapToDouble(Run::mergeDifference).toArray();
    return XyPlot.titled(l.t("Merged vs unmerged outputs", "合并与未合并的输出")
            + (previewInputs > 0 ? l.f(", %d N(0, 1) inputs", "，%d 个 N(0, 1) 输入", previewInputs)
                : ""))
        .axes(l.t("rank r", "秩 r"), l.t("max |merged − unmerged|", "|合并 − 未合并| 最大值"))
        .logY().points(l.t("measured", "实测"), r, diff)
        .dashed(l.t("bound 1e-12", "上限 1e-12"), new double[] {r[0], r[r.length - 1]},
            new double[] {1e-12, 1e-12}).yRange(1e-17, 1e-11);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new LoraDemo(), args);
  }
}
