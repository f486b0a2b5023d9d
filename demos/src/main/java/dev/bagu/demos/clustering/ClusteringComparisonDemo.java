package dev.bagu.demos.clustering;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.clustering.ClusteringComparison.Algorithm;
import dev.bagu.demos.clustering.ClusteringComparison.Dataset;
import dev.bagu.demos.clustering.ClusteringComparison.Run;
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
          "points per dataset (scikit-learn's example uses 500)").logScale(),
      Param.real("noise", 0.05, 0, 0.2,
          "Gaussian jitter on the circles and moons before standardising (the example's 0.05)"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("clustering-comparison",
        "k-means, DBSCAN and mean shift on scikit-learn's toy datasets", Section.VISION,
        "常用的聚类算法",
        "k-means cuts space into convex cells, DBSCAN follows density, mean shift climbs to peaks");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("points");
    List<Dataset> sets = ClusteringComparison.datasets(n, p.real("noise"), p.seed());
    List<Run> runs = ClusteringComparison.runAll(sets, p.seed());
    int cols = Algorithm.values().length;
    Figure figure = Figure.grid(info().title(), sets.size(), cols).preferredSize(1600, 1800)
        .subtitle(String.format(Locale.US, "%s per set, standardised · colour: cluster, black: "
                + "noise · ARI: adjusted Rand index vs true groups%s · noise %s · seed %d",
            ClusterPlots.drawnNote(n), p.showTimes() ? " · ms: fit time here" : "",
            DbscanDemo.fmt(p.real("noise")), p.seed()));
    for (int i = 0; i < runs.size(); i++) {
      figure.add(panel(runs.get(i), i % cols == 0, p.showTimes()));
    }
    Result result = Result.of(figure);
    addFindings(result, runs);
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
  static XyPlot panel(Run r, boolean firstColumn, boolean showTimes) {
    XyPlot plot = XyPlot.titled(title(r, showTimes)).axes("", firstColumn ? r.data().name() : "");
    return ClusterPlots.addClusters(plot, "", r.data().x(), r.labels(), null, true).hideLegend();
  }

  /** "DBSCAN · ARI 0.99 · 12 ms", or "DBSCAN · 1 cluster" on no structure; time if showTimes. */
  static String title(Run r, boolean showTimes) {
    String score = r.data().structured()
        ? String.format(Locale.US, "ARI %.2f", Math.round(r.ari() * 100) / 100.0 + 0.0)
        : r.clusters() + (r.clusters() == 1 ? " cluster" : " clusters");
    return r.algorithm().label() + " · " + score
        + (showTimes ? String.format(Locale.US, " · %.0f ms", r.millis()) : "");
  }

  private static void addFindings(Result result, List<Run> runs) {
    for (Run r : runs) {
      if (r.data().structured()) {
        result.finding(Finding.of("ari_" + key(r.data().name()) + "_" + key(r.algorithm()),
            r.algorithm().label() + ": ARI on " + r.data().name(), r.ari(), ""));
      }
    }
    for (Algorithm a : Algorithm.values()) {
      result.finding(Finding.of("ari_mean_" + key(a), a.label() + ": mean ARI, 5 structured sets",
          runs.stream().filter(r -> r.algorithm() == a && r.data().structured())
              .mapToDouble(Run::ari).average().orElse(Double.NaN), ""));
    }
    for (Run r : runs) {
      if (!r.data().structured()) {
        result.finding(Finding.of("no_structure_clusters_" + key(r.algorithm()),
            r.algorithm().label() + ": clusters found in uniform points", r.clusters(), ""));
        if (r.algorithm() == Algorithm.DBSCAN) {
          result.finding(Finding.of("no_structure_noise_dbscan",
              "DBSCAN: noise points in uniform points", r.noise(), "points"));
        }
      }
    }
    for (Algorithm a : Algorithm.values()) {
      result.finding(Finding.of("time_" + key(a), a.label() + ": fit time, all 6 sets",
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
