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
import dev.bagu.demos.clustering.ClusteringComparison.Algorithm;
import dev.bagu.demos.clustering.ClusteringComparison.Dataset;
import dev.bagu.demos.clustering.ClusteringComparison.Run;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * 常用的聚类算法. scikit-learn's "Comparing different clustering algorithms on toy datasets" for
 * k-means, DBSCAN and mean shift: six datasets as rows, one algorithm per column, the adjusted
 * Rand index and (unless {@code --no-times}) the run time in each panel's title.
 */
public final class ClusteringComparisonDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("points", 500, 50, 3000,
          "points per dataset (scikit-learn's example uses 500)").logScale()
          .zh("每个数据集的点数（scikit-learn 的示例用 500）"),
      Param.real("noise", 0.05, 0, 0.2,
          "Gaussian jitter on the circles and moons before standardising (the example's 0.05)")
          .zh("标准化之前加在同心圆和双月上的高斯抖动（示例用 0.05）"));

  /** The last few settings' fits (small and bounded). */
  private static final Memo<String, List<Run>> FITS = new Memo<>(4);

  @Override
  public DemoInfo info() {
    return new DemoInfo("clustering-comparison",
        "k-means, DBSCAN and mean shift on scikit-learn's toy datasets", Section.VISION,
        "常用的聚类算法",
        "k-means cuts space into convex cells, DBSCAN follows density, mean shift climbs to peaks")
        .zh("k-means、DBSCAN 和均值漂移在 sklearn 玩具数据集上的对比",
            "k-means 把空间切成凸的格子，DBSCAN 顺着密度走，均值漂移往峰顶爬");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's panels draw a seeded sample of at most this many of each set's points. */
  static final int PREVIEW_DRAWN = 150;

  /**
   * Less work while a slider moves in the window: mean shift from fewer seeds, its bandwidth from
   * fewer query points, and fewer points drawn (18 scatter panels; their dots are a third of the
   * painting), said in the subtitle.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("points");
    // A preview (a slider being dragged in the window): every algorithm still fits all n points;
    // mean shift from 60 seeds (not 500) with h estimated from 100 query points (not all), and
    // each panel draws 150 of the points.
    // The 18 fits depend only on the points, the noise and the seed: memoised, so a rerun at the
    // same settings (a repaint, a language switch) reuses them, fit times included. A preview's
    // fits have their own key: they never stand in for the full run's.
    List<Run> runs = FITS.get(n + "#" + p.real("noise") + "#" + p.seed()
        + (p.preview() ? "#preview" : ""), () ->
        ClusteringComparison.runAll(ClusteringComparison.datasets(n, p.real("noise"), p.seed()),
            p.seed(), p.preview()));
    boolean[] drawn = p.preview() && n > PREVIEW_DRAWN ? mask(n,
        MeanShiftDemo.sample(n, PREVIEW_DRAWN, dev.bagu.math.Rng.stream(p.seed(), 30))) : null;
    Lang l = p.lang();
    String count = !p.preview() ? ClusterPlots.drawnNote(n, l)
        : l.f("%,d of %,d points drawn", "画出 %,d 个点（共 %,d 个）", Math.min(n, PREVIEW_DRAWN),
            n);
    List<Dataset> sets = runs.stream().map(Run::data).distinct().toList();
    int cols = Algorithm.values().length;
    Figure figure = Figure.grid(info().title(l), sets.size(), cols).preferredSize(1600, 1800)
        .subtitle(l.f("%s per set, standardised · colour: cluster, black: "
                + "noise · ARI: adjusted Rand index vs true groups%s · noise %s · seed %d",
            "每个数据集 %s，已标准化 · 颜色：簇，黑色：噪声 · ARI：与真实分组的调整兰德指数%s"
                + " · 抖动 %s · 种子 %d",
            count,
            p.showTimes() ? l.t(" · ms: fit time here", " · ms：本机上的拟合时间") : "",
            DbscanDemo.fmt(p.real("noise")), p.seed()));
    for (int i = 0; i < runs.size(); i++) {
      // A preview's mean shift says in its panels' titles how many seeds it climbed from.
      String seeds = p.preview() && runs.get(i).algorithm() == Algorithm.MEAN_SHIFT
          ? l.f(" · %d seeds", " · %d 个起点",
              Math.min(n, ClusteringComparison.PREVIEW_MEAN_SHIFT_SEEDS)) : "";
      figure.add(panel(runs.get(i), i % cols == 0, p.showTimes(), drawn, seeds, l));
    }
    Result result = Result.of(figure);
    addFindings(result, runs, l);
    Map<String, Map<String, int[]>> labels = new LinkedHashMap<>();
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    for (Run r : runs) {
      labels.computeIfAbsent(r.data().name(), k -> new LinkedHashMap<>())
          .put(r.algorithm().label(), r.labels());
      settings.computeIfAbsent(r.data().name(), k -> new LinkedHashMap<>())
          .put(r.algorithm().label(), r.setting());
    }
    return result.data("labels", labels).data("settings", settings);
  }

  /**
   * One panel: the points coloured by cluster, the algorithm in the title, the dataset's name as
   * the first column's y label (the row label). No x label: six rows leave little height.
   */
  static XyPlot panel(Run r, boolean firstColumn, boolean showTimes, Lang l) {
    return panel(r, firstColumn, showTimes, null, "", l);
  }

  /** The same drawing only the points {@code drawn} selects (null: all), a note after the title. */
  static XyPlot panel(Run r, boolean firstColumn, boolean showTimes, boolean[] drawn,
      String titleNote, Lang l) {
    XyPlot plot = XyPlot.titled(title(r, showTimes, l) + titleNote)
        .axes("", firstColumn ? datasetName(r.data(), l) : "").equalAspect();
    return ClusterPlots.addClusters(plot, "", r.data().x(), r.labels(), drawn, true, l)
        .hideLegend();
  }

  /** n flags, true at the given indices. */
  private static boolean[] mask(int n, int[] indices) {
    boolean[] m = new boolean[n];
    for (int i : indices) {
      m[i] = true;
    }
    return m;
  }


  /** A dataset's name as drawn and in finding labels; the English name is also its key. */
  static String datasetName(Dataset d, Lang l) {
    return l.t(d.name(), switch (d.name()) {
      case "circles" -> "同心圆";
      case "moons" -> "双月";
      case "varied density" -> "密度不均";
      case "anisotropic" -> "各向异性";
      case "blobs" -> "团状";
      case "no structure" -> "无结构";
      default -> throw new IllegalArgumentException("no Chinese name for " + d.name());
    });
  }

  /** "DBSCAN · ARI 0.99 · 12 ms", or "DBSCAN · 1 cluster" on no structure; time if showTimes. */
  static String title(Run r, boolean showTimes) {
    return title(r, showTimes, Lang.EN);
  }

  static String title(Run r, boolean showTimes, Lang l) {
    String score = r.data().structured()
        ? String.format(Locale.US, "ARI %.2f", Math.round(r.ari() * 100) / 100.0 + 0.0)
        : l.f(r.clusters() == 1 ? "%d cluster" : "%d clusters", "%d 个簇", r.clusters());
    return r.algorithm().label(l) + " · " + score
        + (showTimes ? String.format(Locale.US, " · %.0f ms", r.millis()) : "");
  }

  private static void addFindings(Result result, List<Run> runs, Lang l) {
    for (Run r : runs) {
      if (r.data().structured()) {
        result.finding(Finding.of("ari_" + key(r.data().name()) + "_" + key(r.algorithm()),
            r.algorithm().label(l) + l.t(": ARI on ", "：") + datasetName(r.data(), l)
                + l.t("", " 数据上的 ARI"), r.ari(), ""));
      }
    }
    for (Algorithm a : Algorithm.values()) {
      result.finding(Finding.of("ari_mean_" + key(a), a.label(l)
          + l.t(": mean ARI, 5 structured sets", "：5 个有结构数据集上的平均 ARI"),
          runs.stream().filter(r -> r.algorithm() == a && r.data().structured())
              .mapToDouble(Run::ari).average().orElse(Double.NaN), ""));
    }
    for (Run r : runs) {
      if (!r.data().structured()) {
        result.finding(Finding.of("no_structure_clusters_" + key(r.algorithm()),
            r.algorithm().label(l) + l.t(": clusters found in uniform points",
                "：在均匀分布的点里找到的簇数"), r.clusters(), ""));
        if (r.algorithm() == Algorithm.DBSCAN) {
          result.finding(Finding.of("no_structure_noise_dbscan",
              l.t("DBSCAN: noise points in uniform points", "DBSCAN：均匀分布的点里的噪声点"),
              r.noise(), l.t("points", "个点")));
        }
      }
    }
    for (Algorithm a : Algorithm.values()) {
      result.finding(Finding.of("time_" + key(a), a.label(l)
          + l.t(": fit time, all 6 sets", "：全部 6 个数据集的拟合时间"),
          runs.stream().filter(r -> r.algorithm() == a).mapToDouble(Run::millis).sum(), "ms")
          .asMeasured());
    }
  }

  static String key(Algorithm a) {
    return a.name().toLowerCase(Locale.ROOT);
  }

  static String key(String name) {
    return name.replace(' ', '_');
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new ClusteringComparisonDemo(), args);
  }
}
