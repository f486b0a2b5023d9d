package dev.bagu.demos.clustering;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.List;

/** 聚类：dbscan. Core, border and noise points, and the k-distance graph that suggests eps. */
public final class DbscanDemo implements Demo {
  private static final String SKLEARN = "scikit-learn plot_dbscan example (its own random draw)";
  private static final String SKLEARN_ZH = "scikit-learn 的 plot_dbscan 示例（它自己的随机抽样）";
  /** The k-distance graph draws at most this many of its points (evenly spaced ranks). */
  static final int K_DISTANCE_DRAWN = 1500;
  /** The eps sweep: this many eps values, evenly spaced in log from eps/10 to eps·10. */
  static final int SWEEP_STEPS = 201;

  private static final List<Param<?>> PARAMS = List.of(
      Param.real("eps", 0.3, 0.01, 3,
          "neighbourhood radius (standardised units for the built-in data, the file's own for "
              + "--input): points within eps are neighbours")
          .logScale().zh("邻域半径（内置数据用标准化后的单位，--input 用文件自己的单位）：距离在 eps 以内的点互为邻居"),
      Param.integer("min-samples", 10, 1, 100,
          "points within eps (itself included) that make a point core").logScale()
          .zh("eps 以内至少有这么多点（含自身），该点才是核心点"),
      Param.choice("data", "blobs", List.of("blobs", "moons"),
          "blobs: scikit-learn's DBSCAN example (750 points, 3 blobs, std 0.4); moons: 750 moons")
          .zh("blobs：scikit-learn 的 DBSCAN 示例（750 个点，3 个团，std 0.4）；moons：750 个点的双月"),
      Param.choice("standardise", "auto", List.of("auto", "true", "false"),
          "scale each coordinate to mean 0, std 1 first; auto: yes for the built-in data (as "
              + "scikit-learn's example), no for --input (eps in the file's units, as DBSCAN)")
          .zh("先把每个坐标标准化为均值 0、标准差 1；auto：内置数据标准化（和 scikit-learn 示例一样），"
              + "--input 的文件不标准化（eps 用文件自己的单位，和 scikit-learn 的 DBSCAN 一样）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("dbscan", "DBSCAN: core, border and noise points", Section.VISION,
        "聚类：dbscan",
        "clusters are chains of dense points; what no dense point reaches is noise")
        .zh("DBSCAN：核心点、边界点和噪声点", "簇是一串串相连的稠密点；任何稠密点都够不着的点就是噪声");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  /** The scikit-learn example's data: 750 points around (1, 1), (−1, −1), (1, −1), std 0.4. */
  static ToyData.Labelled toy(String data, long seed) {
    Rng rng = Rng.stream(seed, 1);
    return data.equals("moons") ? ToyData.moons(750, 0.08, rng)
        : ClusterData.blobs(750, new double[][] {{1, 1}, {-1, -1}, {1, -1}},
            new double[] {0.4, 0.4, 0.4}, rng);
  }

  @Override
  public Result run(Params p) {
    double eps = p.real("eps");
    int minSamples = p.integer("min-samples");
    String data = p.choice("data");
    Lang l = p.lang();
    PointSource src = PointSource.of(p, data.equals("moons") ? l.t("moons", "双月")
        : l.t("3 blobs", "3 个团"), () -> toy(data, p.seed()));
    boolean standardise = standardise(p.choice("standardise"), src.fromFile());
    double[][] x = standardise ? ClusterData.standardised(src.x()) : src.x();
    double[] epsGrid = sweepGrid(eps);
    DbscanSweep sweep = DbscanSweep.of(x, minSamples, epsGrid[epsGrid.length - 1]);
    // The labels at the chosen eps from the same pass: identical to Dbscan.run's (DbscanTest).
    Dbscan.Clustering c = sweep.labelsAt(eps);
    double[] kd = sweep.kDistancesDescending(K_DISTANCE_DRAWN);
    double[] clusterCurve = new double[epsGrid.length];
    double[] noiseCurve = new double[epsGrid.length];
    for (int i = 0; i < epsGrid.length; i++) {
      clusterCurve[i] = sweep.clusters(epsGrid[i]);
      noiseCurve[i] = x.length == 0 ? 0 : (double) sweep.noise(epsGrid[i]) / x.length;
    }

    String units = standardise ? l.t(" (standardised)", "（标准化后）") : "";
    XyPlot points = XyPlot.titled(l.f("%s, %s", "%s 个簇，%s 个噪声点",
            l.count(c.clusters(), "cluster", "clusters"),
            l.count(c.noise(), "noise point", "noise points")))
        .axes("x" + units, "y" + units).equalAspect();
    boolean[] border = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      border[i] = !c.core()[i];
    }
    ClusterPlots.addClusters(points, l.t("core ", "核心 "), x, c.labels(), c.core(), false, l);
    ClusterPlots.addClusters(points, "", x, c.labels(), border, true, l);
    double[] rank = new double[kd.length];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = kd.length == 1 ? 0.5 : (double) i / (kd.length - 1);
    }
    XyPlot kPlot = XyPlot.titled(l.f("Sorted %d-distance graph, eps marked",
            "排序后的 %d-距离图，标出 eps", minSamples))
        .axes(l.f("share of all %,d points, by decreasing distance", "全部 %,d 个点的比例，按距离从大到小",
                x.length),
            l.t("distance to " + ordinal(minSamples) + " nearest (itself = 1st)",
                "到第 " + minSamples + " 近邻的距离（自身算第 1 个）"))
        .curve(l.f("%d-distance", "%d-距离", minSamples), rank, kd).horizontalLine(eps)
        .xRange(0, 1);
    if (kd.length > 0) { // the eps mark where the graph crosses it: the share of non-core points
      double share = 1 - (double) sweep.corePoints(eps) / x.length;
      kPlot.highlight("eps = " + fmt(eps), new double[] {share}, new double[] {eps})
          .colour(Theme.REFERENCE);
    }
    String exact = l.t(" (exact at every eps, one pass)", "（每个 eps 都精确，一次算完）");
    XyPlot clustersPlot = XyPlot.titled(l.t("Clusters against eps", "簇数随 eps 的变化") + exact)
        .axes("eps", l.t("clusters", "簇数")).logX()
        .curve(l.t("clusters", "簇数"), epsGrid, clusterCurve)
        .highlight("eps = " + fmt(eps), new double[] {eps}, new double[] {c.clusters()})
        .colour(Theme.REFERENCE).verticalLine(eps).hideLegend();
    XyPlot noisePlot = XyPlot.titled(l.t("Noise share against eps", "噪声比例随 eps 的变化") + exact)
        .axes("eps", l.t("noise share", "噪声比例")).logX()
        .curve(l.t("noise", "噪声"), epsGrid, noiseCurve)
        .highlight("eps = " + fmt(eps), new double[] {eps},
            new double[] {x.length == 0 ? 0 : (double) c.noise() / x.length})
        .colour(Theme.REFERENCE).verticalLine(eps).hideLegend();
    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1600, 1100)
        .subtitle(l.f("%s, %s · eps %s%s · min-samples %d · large dots: core, "
                + "small: border, black: noise · seed %d",
            "%s，%s · eps %s%s · MinPts %d · 大点：核心点，小点：边界点，黑点：噪声 · 种子 %d",
            src.name(), ClusterPlots.drawnNote(x.length, l), fmt(eps),
            standardise ? l.t(" (standardised)", "（标准化后）") : "", minSamples, p.seed()))
        .add(points).add(kPlot).add(clustersPlot).add(noisePlot);

    boolean example = !src.fromFile() && data.equals("blobs") && eps == 0.3 && minSamples == 10
        && standardise;
    Result result = Result.of(figure);
    String sklearn = l.t(SKLEARN, SKLEARN_ZH);
    String pointsUnit = l.t("points", "个点");
    Finding clusters = Finding.of("clusters", l.t("clusters", "簇数"), c.clusters(), "");
    Finding noise = Finding.of("noise_points", l.t("noise points", "噪声点"), c.noise(),
        pointsUnit);
    result.finding(example ? clusters.withReference(3, sklearn) : clusters)
        .finding(example ? noise.withReference(18, sklearn) : noise)
        .finding(Finding.of("core_points", l.t("core points", "核心点"), c.coreCount(),
            pointsUnit))
        .finding(Finding.of("border_points", l.t("border points", "边界点"),
            x.length - c.coreCount() - c.noise(), pointsUnit));
    if (src.truth() != null) {
      Finding ari = Finding.of("ari", src.fromFile()
          ? l.t("adjusted Rand index vs the label column", "与标签列的调整兰德指数")
          : l.t("adjusted Rand index vs the true groups", "与真实分组的调整兰德指数"),
          AdjustedRand.index(src.truth(), c.labels()), "");
      result.finding(example ? ari.withReference(0.952, sklearn) : ari);
    }
    double[] merge = sweep.nextMerge(eps);
    if (merge != null) {
      result.finding(Finding.of("next_merge_eps", l.f("next merge: from %d to %s at eps",
          "下一次合并：簇数从 %d 变成 %s 时的 eps", c.clusters(),
          l.count((long) merge[1], "cluster", "clusters")), merge[0], ""));
    }
    java.util.Map<String, double[]> sweepData = new java.util.LinkedHashMap<>();
    sweepData.put("eps", epsGrid);
    sweepData.put("clusters", clusterCurve);
    sweepData.put("noise_share", noiseCurve);
    result.data("labels", c.labels()).data("core", c.core())
        .data("standardised", standardise)
        .data("k_distances_sorted", kd).data("eps_sweep", sweepData);
    return result;
  }

  /** "auto": standardise the built-in data (scikit-learn's example does), not a file's points. */
  static boolean standardise(String choice, boolean fromFile) {
    return choice.equals("auto") ? !fromFile : choice.equals("true");
  }

  /** SWEEP_STEPS eps values evenly spaced in log from eps/10 to eps·10; the middle one is eps. */
  static double[] sweepGrid(double eps) {
    double[] g = new double[SWEEP_STEPS];
    for (int i = 0; i < SWEEP_STEPS; i++) {
      g[i] = eps * Math.pow(10, -1 + 2.0 * i / (SWEEP_STEPS - 1));
    }
    g[SWEEP_STEPS / 2] = eps;
    return g;
  }

  static String ordinal(int k) {
    String suffix = k % 100 >= 11 && k % 100 <= 13 ? "th"
        : switch (k % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return k + suffix;
  }

  static String fmt(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new DbscanDemo(), args);
  }
}
