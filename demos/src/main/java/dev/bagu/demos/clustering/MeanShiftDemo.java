package dev.bagu.demos.clustering;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.clustering.MeanShift.Kernel;
import dev.bagu.i18n.Lang;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.List;

/** 聚类：mean shift. Points climb the density to its modes; the bandwidth decides how many. */
public final class MeanShiftDemo implements Demo {
  /** Seeds drawn as trajectories at most (every s-th). */
  static final int MAX_PATHS = 60;
  /**
   * Seeds at most: every point up to this many, else a seeded sample of this many (not every s-th
   * point: the toy points cycle through the blobs). scikit-learn offers bin seeding instead.
   */
  static final int MAX_SEEDS = 1000;
  /** Bandwidths in the sweep, evenly spaced in log from h/10 to 10·h; the middle one is h. */
  static final int SWEEP = 13;
  /**
   * Seed-points the sweep's runs may each cost (seeds × points; the Gaussian kernel, which reaches
   * 3h and climbs slowly, a quarter of it). Under it the sweep uses the run's own seeds; over it,
   * a seeded sample of them, and its title says how many.
   */
  static final int SWEEP_WORK = 1_000_000;

  private static final List<Param<?>> PARAMS = List.of(
      Param.real("bandwidth", 1.0, 0.02, 10,
          "kernel radius h: small = many small modes, large = few (all merge past the data's size)")
          .logScale().zh("核的半径 h：小则众数多而小，大则少（超过数据的尺度就全部合并）"),
      Param.choice("kernel", "flat", List.of("flat", "gaussian"),
          "flat: mean of the points within h (scikit-learn); gaussian: weights exp(−d²/2h²)")
          .zh("flat：取 h 以内点的均值（scikit-learn 的做法）；gaussian：权重 exp(−d²/2h²)"),
      Param.integer("points", 1000, 10, 3000, "generated points (ignored with --input)")
          .logScale().zh("生成的点数（用 --input 时忽略）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("mean-shift", "Mean shift: climbing the density to its modes",
        Section.VISION, "聚类：mean shift",
        "every point walks uphill on a smoothed density; points that reach the same peak cluster")
        .zh("均值漂移：沿密度爬到众数", "每个点在平滑后的密度上往高处走；走到同一个峰顶的点归为一簇");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  private static final int PREVIEW_SWEEP_SEEDS = 60;
  /** A preview's main run climbs from at most this many seeds (the full run's 1,000). */
  private static final int PREVIEW_SEEDS = 200;
  /**
   * A preview estimates the bandwidth from this many query points, a seeded sample (the full
   * run: every point up to 2,000, n distances each): a points drag spent about half its time in
   * the estimate, which only the subtitle shows.
   */
  private static final int PREVIEW_BANDWIDTH_QUERIES = 100;

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    double h = p.real("bandwidth");
    Kernel kernel = p.choice("kernel").equals("flat") ? Kernel.FLAT : Kernel.GAUSSIAN;
    Lang l = p.lang();
    // scikit-learn's mean shift example: centres (1, 1), (−1, −1), (1, −1), std 0.6.
    PointSource src = PointSource.of(p, l.t("3 blobs", "3 个团"), () -> ClusterData.blobs(
        p.integer("points"),
        new double[][] {{1, 1}, {-1, -1}, {1, -1}}, new double[] {0.6, 0.6, 0.6},
        Rng.stream(p.seed(), 1)));
    double[][] x = src.x();
    // A preview (a slider being dragged in the window) climbs from at most 200 seeds, the sweep's
    // title says so; its sweep takes 60 of them (below).
    int maxSeeds = p.preview() ? PREVIEW_SEEDS : MAX_SEEDS;
    int[] seeds = x.length <= maxSeeds ? every(x.length, maxSeeds)
        : sample(x.length, maxSeeds, Rng.stream(p.seed(), 3));
    MeanShift.Clustering c = MeanShift.run(x, h, kernel, seeds);
    // The estimate reads only the points: memoised on them, a bandwidth or kernel change reuses it.
    int queries = p.preview() ? Math.min(x.length, PREVIEW_BANDWIDTH_QUERIES) : x.length;
    double estimate = !p.preview() || queries == x.length
        ? ESTIMATES.get(pointsKey(p), () -> MeanShift.estimateBandwidth(x, 0.3))
        : ESTIMATES.get(pointsKey(p) + "#preview", () -> MeanShift.estimateBandwidth(x, 0.3,
            sample(x.length, queries, Rng.stream(p.seed(), 5))));

    XyPlot paths = XyPlot.titled(l.f("Trajectories of %d seeds to the modes",
        "%d 个起点走向众数的轨迹", Math.min(MAX_PATHS, seeds.length))).axes("x", "y").equalAspect();
    ClusterPlots.addClusters(paths, "", x, new int[x.length], null, true, l);
    paths.colour(Theme.withAlpha(Theme.AXIS, 0.5));
    // A seeded sample of seeds, not every s-th: the toy points cycle through the blobs, and a
    // stride that is a multiple of 3 would draw paths in one blob only.
    for (int s : sample(c.paths().size(), MAX_PATHS, Rng.stream(p.seed(), 2))) {
      double[][] path = c.paths().get(s);
      double[] px = new double[path.length];
      double[] py = new double[path.length];
      for (int t = 0; t < path.length; t++) {
        px[t] = path[t][0];
        py[t] = path[t][1];
      }
      paths.curve(l.t("path ", "轨迹 ") + s, px, py)
          .colour(ClusterPlots.colour(c.labels()[seeds[s]]))
          .notInLegend();
    }
    paths.highlight(l.t("mode", "众数"), column(c.modes(), 0), column(c.modes(), 1))
        .colour(Theme.REFERENCE);

    int modes = c.modes().length;
    XyPlot clusters = XyPlot.titled(l.f("%d mode%s, %s kernel, h = %s",
        "%d 个众数%s，%s，h = %s", modes, l.t(modes == 1 ? "" : "s", ""),
        kernelName(kernel, l), fmt(h))).axes("x", "y").equalAspect();
    ClusterPlots.addClusters(clusters, "", x, c.labels(), null, false, l);
    clusters.highlight(l.t("mode", "众数"), column(c.modes(), 0), column(c.modes(), 1))
        .colour(Theme.REFERENCE);

    // The sweep seeds exactly as the main run (the same points), with the chosen kernel; its
    // middle bandwidth is h itself, taken from the main run.
    double[] hs = new double[SWEEP];
    for (int i = 0; i < SWEEP; i++) {
      hs[i] = i == SWEEP / 2 ? h : h * Math.pow(10, -1 + 2.0 * i / (SWEEP - 1));
    }
    // A preview (a slider being dragged in the window) sweeps a seeded sample of 60 seeds.
    int work = p.preview() ? PREVIEW_SWEEP_SEEDS
        : Math.max(100, (kernel == Kernel.FLAT ? SWEEP_WORK : SWEEP_WORK / 4) / Math.max(1, x.length));
    int[] sweepSeeds = seeds.length <= work ? seeds
        : pick(seeds, sample(seeds.length, work, Rng.stream(p.seed(), 4)));
    double[] counts = SWEEPS.get(sweepKey(p) + (p.preview() ? "#preview" : ""), () -> {
      double[] m = new double[SWEEP];
      for (int i = 0; i < SWEEP; i++) {
        m[i] = i == SWEEP / 2 && sweepSeeds == seeds ? modes
            : MeanShift.run(x, hs[i], kernel, sweepSeeds).modes().length;
      }
      return m;
    });
    XyPlot sweep = XyPlot.titled(sweepSeeds == seeds
            ? l.f("Modes against h (%s, the run's %,d seeds)", "众数个数随带宽的变化（%s，同样的 %,d 个起点）",
                kernelName(kernel, l), seeds.length)
            : l.f("Modes against h (%s, %,d of the run's %,d seeds)",
                "众数个数随带宽的变化（%s，%,d 个起点，取自本次的 %,d 个）", kernelName(kernel, l),
                sweepSeeds.length, seeds.length))
        .axes(l.t("bandwidth h", "带宽 h"), l.t("modes", "众数个数"))
        .logX().logY().line(kernelName(kernel, l), hs, counts)
        .highlight("h = " + fmt(h), new double[] {h}, new double[] {modes})
        .colour(Theme.REFERENCE).verticalLine(h).hideLegend();
    Figure figure = Figure.grid(info().title(l), 1, 3).preferredSize(1800, 700)
        .subtitle(l.f("%s, %s · grey line: chosen h · estimated h "
                + "(scikit-learn, quantile 0.3%s) %s · seed %d",
            "%s，%s · 灰线：所选的 h · 估计的 h（sklearn 的做法，分位数 0.3%s）%s · 种子 %d",
            src.name(), ClusterPlots.drawnNote(x.length, l), queries < x.length
                ? l.f("; preview: %d query points", "；预览：%d 个查询点", queries) : "",
            fmt(estimate), p.seed()))
        .add(paths).add(clusters).add(sweep);

    Result result = Result.of(figure)
        .finding(Finding.of("modes", l.t("modes (clusters)", "众数个数（簇数）"), c.modes().length,
            ""))
        .finding(Finding.of("estimated_bandwidth", l.t("estimate_bandwidth, quantile 0.3",
            "估计的带宽（sklearn 的做法，分位数 0.3）"), estimate, ""))
        .finding(Finding.of("mean_path_steps", l.t("mean steps to converge", "收敛的平均步数"),
            c.paths().stream().mapToInt(a -> a.length - 1).average().orElse(0), ""));
    if (src.truth() != null) {
      result.finding(Finding.of("ari", src.fromFile()
          ? l.t("adjusted Rand index vs the label column", "与标签列的调整兰德指数")
          : l.t("adjusted Rand index vs the true blobs", "与真实团的调整兰德指数"),
          AdjustedRand.index(src.truth(), c.labels()), ""));
    }
    return result.data("labels", c.labels()).data("centers", c.modes());
  }

  /**
   * The sweep's mode counts, memoised: they depend only on the parameters, the seed and the input
   * file, and cost a dozen mean-shift runs, so a rerun at the same settings (a window repaint,
   * `bagu bench`'s warm runs) reuses them. Small and bounded (the last 8 settings).
   */
  private static final Memo<String, double[]> SWEEPS = new Memo<>(8);

  /** scikit-learn's bandwidth estimate of the last few point sets (n queries × n points each). */
  private static final Memo<String, Double> ESTIMATES = new Memo<>(8);

  /** Every parameter, the seed and the input file (path, size, time): what the sweep reads. */
  static String sweepKey(Params p) {
    return new java.util.TreeMap<>(p.values()) + "#" + p.seed() + "#" + fileKey(p);
  }

  /** What the points depend on: their number, the seed and the input file. */
  static String pointsKey(Params p) {
    return p.integer("points") + "#" + p.seed() + "#" + fileKey(p);
  }

  /** The input file's path, size and time, or "" without one. */
  private static String fileKey(Params p) {
    // Through NIO, not toFile(): an upload to `bagu serve` lives in an in-memory file system.
    return p.input().map(f -> {
      try {
        return f.toAbsolutePath() + "#" + java.nio.file.Files.size(f) + "#"
            + java.nio.file.Files.getLastModifiedTime(f);
      } catch (java.io.IOException e) {
        return f.toAbsolutePath().toString(); // the run's own read reports the problem
      }
    }).orElse("");
  }

  /** The kernel's name: its parameter value in English, 平核 or 高斯核 in Chinese. */
  static String kernelName(Kernel k, Lang l) {
    return k == Kernel.FLAT ? l.t("flat", "平坦核") : l.t("gaussian", "高斯核");
  }

  static int[] pick(int[] from, int[] at) {
    return java.util.Arrays.stream(at).map(i -> from[i]).toArray();
  }

  /** min(n, m) distinct indices in [0, n), ascending. */
  static int[] sample(int n, int m, Rng rng) {
    int[] out = KMeans.distinctIndices(n, m, rng);
    java.util.Arrays.sort(out);
    return out;
  }

  /** Indices 0, s, 2s, … with at most max of them. */
  static int[] every(int n, int max) {
    int s = Math.max(1, (n + max - 1) / max);
    return java.util.stream.IntStream.iterate(0, i -> i < n, i -> i + s).toArray();
  }

  static double[] column(double[][] m, int j) {
    return java.util.Arrays.stream(m).mapToDouble(r -> r[j]).toArray();
  }

  static String fmt(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new MeanShiftDemo(), args);
  }
}
