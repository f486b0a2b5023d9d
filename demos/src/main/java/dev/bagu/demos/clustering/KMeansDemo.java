package dev.bagu.demos.clustering;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.i18n.Lang;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** 聚类：kmeans. Lloyd's iterations from a random and a k-means++ seeding, on blobs or your points. */
public final class KMeansDemo implements Demo {
  static final int MAX_ITERATIONS = 300;
  /** k-means++ runs per k on the elbow curve (the best is drawn). */
  static final int ELBOW_RUNS = 5;
  static final int ELBOW_MAX_K = 10;
  /**
   * Point-runs the restarts may spend: runs per seeding = min(seeds, max(10, this / n)). At the
   * defaults (500 points) all the asked-for seeds run; 100,000 points get 10 runs per seeding,
   * scikit-learn's n_init; the figure says how many ran.
   */
  static final int RESTART_BUDGET = 200_000;
  /** Point-runs for the elbow curve's runs per k: min(ELBOW_RUNS, max(1, this / n)). */
  static final int ELBOW_BUDGET = 100_000;
  /**
   * Past this many points the elbow is drawn from a seeded sample of this many, φ scaled by
   * n / sample: the curve's shape is the data's, at a fifth of the cost on 100,000 points (it
   * was half of the run's Lloyd work there). The figure says so.
   */
  static final int ELBOW_SAMPLE = 20_000;
  /** The restarts' streams: random from RESTART_STREAM, k-means++ from RESTART_STREAM + 1. */
  static final int RESTART_STREAM = 10;
  private static final String ARTHUR = "Arthur & Vassilvitskii 2007, Thm 3.1: E[φ] ≤ 8(ln k + 2)"
      + "·φ_OPT";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("k", 5, 1, 12, "clusters k-means looks for").zh("k-means 要找的簇数"),
      Param.integer("blobs", 5, 1, 10, "true blobs in the generated data (ignored with --input)")
          .zh("生成数据里真实的团数（用 --input 时忽略）"),
      Param.real("spread", 0.6, 0.1, 5,
          "standard deviation of each blob, centres in [−10, 10]²; large = blobs overlap")
          .zh("每个团的标准差，中心在 [−10, 10]² 内；越大团之间越重叠"),
      Param.integer("points", 500, 10, 5000, "generated points (ignored with --input)").logScale()
          .zh("生成的点数（用 --input 时忽略）"),
      Param.integer("seeds", 100, 1, 500,
          "seeded runs of each initialisation the averages and the histogram are over")
          .zh("每种初始化各跑多少个种子，平均值和直方图都基于它们"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("kmeans", "k-means: Lloyd's iterations, random vs k-means++ seeding",
        Section.VISION, "聚类：kmeans",
        "k-means only walks downhill from where it starts; k-means++ starts it near the bottom")
        .zh("k-means：Lloyd 迭代，随机初始化与 k-means++ 初始化",
            "k-means 只会从起点往下走；k-means++ 让它一开始就离谷底不远");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  /** A preview's restarts per seeding at most (the histograms, averages and best run). */
  static final int PREVIEW_SEEDS = 20;

  /**
   * Less work while a slider moves in the window: at most 20 restarts per seeding, said in the
   * subtitle; the two drawn runs and the elbow are the full run's.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int blobs = p.integer("blobs");
    Lang l = p.lang();
    String toyName = l.f(blobs == 1 ? "%d blob" : "%d blobs", "%d 个团", blobs);
    PointSource src = PointSource.of(p, toyName, () -> ClusterData.blobs(
        p.integer("points"), blobs, p.real("spread"), Rng.stream(p.seed(), 1)));
    double[][] x = src.x();
    int k = Math.min(p.integer("k"), x.length); // k ≤ n: a centre needs a point to start on
    int seeds = p.integer("seeds");
    // A preview (a slider being dragged in the window): at most 20 restarts per seeding.
    int fullRestarts = restarts(seeds, x.length);
    int restarts = p.preview() ? Math.min(PREVIEW_SEEDS, fullRestarts) : fullRestarts;
    int maxK = Math.min(Math.max(ELBOW_MAX_K, k), x.length);
    int elbowRuns = Math.min(ELBOW_RUNS, Math.max(1, ELBOW_BUDGET / Math.max(1, x.length)));
    // Every Lloyd run of the figure in one pool, each on its own stream, so the cores stay busy
    // to the end and the numbers are the same on any core count: the two drawn runs (every step
    // kept), the restarts, the elbow's runs.
    KMeansPoints points = KMeansPoints.of(x); // the k-d tree all runs on x share
    List<Supplier<KMeans.Run>> tasks = new ArrayList<>();
    for (Init init : Init.values()) {
      tasks.add(() -> KMeans.lloyd(points, KMeans.seed(points, k, init,
          Rng.stream(p.seed(), 2 + init.ordinal())), MAX_ITERATIONS));
    }
    tasks.addAll(KMeansRestarts.tasks(points, k, restarts, p.seed(), RESTART_STREAM));
    double[][] elbowX = x.length <= ELBOW_SAMPLE ? x : sample(x, ELBOW_SAMPLE, p.seed());
    KMeansPoints elbowPoints = elbowX == x ? points : KMeansPoints.of(elbowX);
    for (int j = 1; j <= maxK; j++) {
      for (int run = 0; run < elbowRuns; run++) {
        int clusters = j;
        int stream = run;
        tasks.add(() -> KMeans.lloydEnds(elbowPoints, KMeans.seed(elbowPoints, clusters,
            Init.PLUS_PLUS, Rng.stream(p.seed(), 20 + clusters, stream)), MAX_ITERATIONS));
      }
    }
    List<KMeans.Run> done = tasks.parallelStream().map(Supplier::get).toList();
    int drawn = Init.values().length;
    KMeansRestarts r = KMeansRestarts.of(done.subList(drawn, drawn + 2 * restarts), restarts);
    // data.labels: the best k-means++ restart (lowest φ), as scikit-learn's KMeans(n_init) keeps.
    int bestRun = r.bestRun(Init.PLUS_PLUS);
    KMeans.Run best = r.bestPlusPlus();
    double[] ks = new double[maxK];
    double[] elbow = new double[maxK];
    int elbowAt = drawn + 2 * restarts;
    for (int j = 1; j <= maxK; j++) {
      ks[j - 1] = j;
      elbow[j - 1] = done.subList(elbowAt + (j - 1) * elbowRuns, elbowAt + j * elbowRuns)
          .stream().mapToDouble(KMeans.Run::finalInertia).min().orElseThrow()
          * x.length / elbowX.length;
    }

    KMeans.Run random = done.get(Init.RANDOM.ordinal());
    KMeans.Run plus = done.get(Init.PLUS_PLUS.ordinal());
    Figure figure = Figure.grid(info().title(l), 2, 3).preferredSize(1800, 1100)
        .subtitle(l.f("%s, %s · k = %d%s · black: centre paths, diamonds: final centres · "
                + "histograms over %s · seed %d",
            "%s，%s · k = %d%s · 黑线：中心的轨迹，菱形：最终的中心 · 直方图基于%s · 种子 %d",
            src.name(), ClusterPlots.drawnNote(x.length, l), k, k < p.integer("k")
                ? l.t(" (as many as the points)", "（与点数相同）") : "",
            restarts == seeds ? l.f("%s", " %s 个种子", l.count(seeds, "seed", "seeds"))
                : restarts < fullRestarts ? l.f("%1$d seeds each (preview; seeds = %2$d)",
                    "每种 %1$d 个种子（预览；seeds = %2$d）", restarts, seeds)
                : l.f("%1$d seeds each (seeds = %2$d capped for big n)",
                    "每种 %1$d 个种子（点太多，seeds = %2$d 被封顶）", restarts, seeds), p.seed()))
        .add(KMeansCharts.finalTrails(Init.RANDOM, x, random, l))
        .add(KMeansCharts.finalTrails(Init.PLUS_PLUS, x, plus, l))
        .add(KMeansCharts.inertia(random, plus, l))
        .add(KMeansCharts.elbow(ks, elbow, k, elbowRuns, elbowX.length < x.length
            ? elbowX.length : 0, l))
        .add(KMeansCharts.restarts(r, l))
        .add(KMeansCharts.seedings(r, k, l));
    Result result = Result.of(figure);
    for (Init init : Init.values()) {
      KMeans.Run run = done.get(init.ordinal());
      String key = init == Init.RANDOM ? "random" : "kmeanspp";
      result.finding(Finding.of("inertia_" + key, init.seeding(l)
              + l.t(": final φ, this seed", "：本种子的最终 φ"), run.finalInertia(), ""))
          .finding(Finding.of("iterations_" + key, init.seeding(l)
              + l.t(": iterations to converge", "：收敛所需迭代次数"), run.iterations(), ""));
    }
    double bound = KMeansRestarts.bound(k);
    result.finding(Finding.of("best_inertia", l.f("best φ over all %d runs",
            "全部 %d 次运行中最好的 φ", 2 * restarts), r.best(), ""))
        .finding(Finding.of("mean_inertia_random", l.t("random: mean final φ / best φ",
            "随机初始化：平均最终 φ / 最好的 φ"), r.relative(r.meanFinal(Init.RANDOM)), ""))
        .finding(Finding.of("mean_inertia_kmeanspp", l.t("k-means++: mean final φ / best φ",
            "k-means++：平均最终 φ / 最好的 φ"), r.relative(r.meanFinal(Init.PLUS_PLUS)), ""))
        .finding(Finding.of("at_best_random", l.t("random: share of runs within 1% of best φ",
            "随机初始化：最终 φ 与最好的相差 1% 以内的比例"), r.shareAtBest(Init.RANDOM), ""))
        .finding(Finding.of("at_best_kmeanspp", l.t("k-means++: share of runs within 1% of best φ",
            "k-means++：最终 φ 与最好的相差 1% 以内的比例"), r.shareAtBest(Init.PLUS_PLUS), ""))
        .finding(Finding.of("mean_iterations_random", l.t("random: mean iterations",
            "随机初始化：平均迭代次数"), r.meanIterations(Init.RANDOM), ""))
        .finding(Finding.of("mean_iterations_kmeanspp", l.t("k-means++: mean iterations",
            "k-means++：平均迭代次数"), r.meanIterations(Init.PLUS_PLUS), ""))
        .finding(Finding.of("seeding_ratio_kmeanspp", l.t(
            "k-means++ seeding alone: mean φ / best φ", "只做 k-means++ 初始化：平均 φ / 最好的 φ"),
            r.relative(r.meanSeeding(Init.PLUS_PLUS)), "").withUpperBound(bound,
            l.t(ARTHUR, "Arthur 和 Vassilvitskii 2007，定理 3.1：E[φ] ≤ 8(ln k + 2)·φ_OPT")))
        .finding(Finding.of("seeding_ratio_random", l.t("random seeding alone: mean φ / best φ",
            "只做随机初始化：平均 φ / 最好的 φ"), r.relative(r.meanSeeding(Init.RANDOM)), ""));
    result.finding(Finding.of("inertia_best_kmeanspp", l.f(
        "best of %d k-means++ runs (the JSON's labels): final φ", "%d 次 k-means++ 中最好的一次（即 JSON 的标签）：最终 φ",
        restarts), best.finalInertia(), ""));
    if (src.truth() != null) {
      result.finding(Finding.of("ari_kmeanspp", src.fromFile()
          ? l.t("best k-means++ run: adjusted Rand index vs the label column",
              "最好的 k-means++ 运行：与标签列的调整兰德指数")
          : l.t("best k-means++ run: adjusted Rand index vs the true blobs",
              "最好的 k-means++ 运行：与真实团的调整兰德指数"),
          AdjustedRand.index(src.truth(), best.labels()), ""));
    }
    Map<String, Object> which = new LinkedHashMap<>();
    which.put("seeding", "k-means++");
    which.put("run", bestRun);
    which.put("runs", restarts);
    which.put("stream", "Rng.stream(seed, " + (RESTART_STREAM + Init.PLUS_PLUS.ordinal()) + ", run)");
    which.put("inertia", best.finalInertia());
    which.put("iterations", best.iterations());
    result.data("labels", best.labels()).data("centers", best.finalCentres())
        .data("best_run", which).data("k", k).data("elbow_inertia", elbow)
        .data("elbow_sample", elbowX.length < x.length ? elbowX.length : 0);
    addFrames(result, x, random, plus, l);
    return result;
  }

  /** m of the n points, drawn without replacement on the seed's own stream, in input order. */
  static double[][] sample(double[][] x, int m, long seed) {
    int[] idx = KMeans.distinctIndices(x.length, m, Rng.stream(seed, 30));
    java.util.Arrays.sort(idx);
    double[][] out = new double[m][];
    for (int i = 0; i < m; i++) {
      out[i] = x[idx[i]];
    }
    return out;
  }

  /** Runs per seeding: all the asked-for seeds, fewer on big inputs (never under 10). */
  static int restarts(int seeds, int n) {
    return Math.min(seeds, Math.max(10, RESTART_BUDGET / Math.max(1, n)));
  }

  /** Frames: random and k-means++ side by side, one Lloyd update per frame, drawn when asked. */
  private static void addFrames(Result result, double[][] x, KMeans.Run random,
      KMeans.Run plus, Lang l) {
    int frames = Math.min(30, Math.max(random.centres().size(), plus.centres().size()));
    result.frames(frames, t -> {
      Figure f = Figure.grid(l.t("k-means step by step: assign, then move each centre to its mean",
          "k-means 逐步演示：先分配，再把每个中心移到所属点的均值"), 1, 2).preferredSize(1600, 800);
      for (KMeans.Run run : List.of(random, plus)) {
        int at = Math.min(t, run.centres().size() - 1);
        int[] labels = new int[x.length];
        KMeans.assign(x, run.centres().get(at), labels, new double[x.length]);
        String name = (run == random ? Init.RANDOM : Init.PLUS_PLUS).seeding(l);
        f.add(KMeansCharts.trails(l.f("%s, iteration %d: φ %s", "%s，第 %d 次迭代：φ %s",
            name, at, KMeansCharts.fmt(run.inertia()[at])), x, run, at, labels, l));
      }
      return f;
    });
    result.frameDelayMillis(700);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new KMeansDemo(), args);
  }
}
