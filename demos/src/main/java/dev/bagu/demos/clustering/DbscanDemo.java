package dev.bagu.demos.clustering;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.List;
import java.util.Locale;

/** 聚类：dbscan. Core, border and noise points, and the k-distance graph that suggests eps. */
public final class DbscanDemo implements Demo {
  private static final String SKLEARN = "scikit-learn plot_dbscan example (its own random draw)";
  /** The k-distance graph uses at most this many query points (brute force each). */
  static final int K_DISTANCE_QUERIES = 2000;

  private static final List<Param<?>> PARAMS = List.of(
      Param.real("eps", 0.3, 0.01, 3,
          "neighbourhood radius, in standardised units: points within eps are neighbours")
          .logScale(),
      Param.integer("min-samples", 10, 1, 100,
          "points within eps (itself included) that make a point core").logScale(),
      Param.choice("data", "blobs", List.of("blobs", "moons"),
          "blobs: scikit-learn's DBSCAN example (750 points, 3 blobs, std 0.4); moons: 750 moons"),
      Param.bool("standardise", true,
          "scale each coordinate to mean 0, std 1 first (as the scikit-learn example does)"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("dbscan", "DBSCAN: core, border and noise points", Section.VISION,
        "聚类：dbscan",
        "clusters are chains of dense points; what no dense point reaches is noise");
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
    PointSource src = PointSource.of(p, data.equals("moons") ? "750 moons" : "3 blobs",
        () -> toy(data, p.seed()));
    boolean standardise = p.bool("standardise");
    double[][] x = standardise ? ClusterData.standardised(src.x()) : src.x();
    Dbscan.Clustering c = Dbscan.run(x, eps, minSamples);
    double[] kd = Dbscan.sortedKDistances(x, minSamples, K_DISTANCE_QUERIES);
    double[][] sweep = DbscanSweep.overEps(x, minSamples, eps);

    String units = standardise ? " (standardised)" : "";
    XyPlot points = XyPlot.titled(String.format(Locale.US, "%d clusters, %d noise points",
            c.clusters(), c.noise())).axes("x" + units, "y" + units);
    boolean[] border = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      border[i] = !c.core()[i];
    }
    ClusterPlots.addClusters(points, "core ", x, c.labels(), c.core(), false);
    ClusterPlots.addClusters(points, "", x, c.labels(), border, true);
    double[] rank = new double[kd.length];
    for (int i = 0; i < rank.length; i++) {
      rank[i] = (i + 0.5) / rank.length;
    }
    XyPlot kPlot = XyPlot.titled("Sorted " + minSamples + "-distance graph, eps marked")
        .axes("share of points, by decreasing distance"
                + (kd.length < x.length ? " (" + kd.length + " sampled)" : ""),
            "distance to " + ordinal(minSamples) + " nearest (itself = 1st)")
        .curve(minSamples + "-distance", rank, kd).horizontalLine(eps)
        .xRange(0, 1);
    if (kd.length > 0) { // the eps mark where the graph crosses it: the share of core-like points
      double share = (double) java.util.Arrays.stream(kd).filter(d -> d > eps).count() / kd.length;
      kPlot.highlight("eps = " + fmt(eps), new double[] {share}, new double[] {eps})
          .colour(Theme.REFERENCE);
    }
    XyPlot clustersPlot = XyPlot.titled("Clusters against eps").axes("eps", "clusters").logX()
        .line("clusters", sweep[0], sweep[1]).verticalLine(eps).hideLegend();
    XyPlot noisePlot = XyPlot.titled("Noise share against eps").axes("eps", "noise share")
        .logX().line("noise", sweep[0], sweep[2]).verticalLine(eps).hideLegend();
    Figure figure = Figure.grid(info().title(), 2, 2).preferredSize(1600, 1100)
        .subtitle(String.format(Locale.US, "%s, %s · eps %s · min-samples %d · large dots: core, "
                + "small: border, black: noise · seed %d", src.name(),
            ClusterPlots.drawnNote(x.length), fmt(eps), minSamples, p.seed()))
        .add(points).add(kPlot).add(clustersPlot).add(noisePlot);

    boolean example = !src.fromFile() && data.equals("blobs") && eps == 0.3 && minSamples == 10
        && standardise;
    Result result = Result.of(figure);
    Finding clusters = Finding.of("clusters", "clusters", c.clusters(), "");
    Finding noise = Finding.of("noise_points", "noise points", c.noise(), "points");
    result.finding(example ? clusters.withReference(3, SKLEARN) : clusters)
        .finding(example ? noise.withReference(18, SKLEARN) : noise)
        .finding(Finding.of("core_points", "core points", c.coreCount(), "points"))
        .finding(Finding.of("border_points", "border points",
            x.length - c.coreCount() - c.noise(), "points"));
    if (src.truth() != null) {
      Finding ari = Finding.of("ari", "adjusted Rand index vs "
          + (src.fromFile() ? "the label column" : "the true groups"),
          AdjustedRand.index(src.truth(), c.labels()), "");
      result.finding(example ? ari.withReference(0.952, SKLEARN) : ari);
    }
    result.data("labels", c.labels()).data("core", c.core())
        .data("k_distances_sorted", kd);
    return result;
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
