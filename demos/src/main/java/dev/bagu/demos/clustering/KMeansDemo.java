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
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 聚类：kmeans. Lloyd's iterations from a random and a k-means++ seeding, on blobs or your points. */
public final class KMeansDemo implements Demo {
  static final int MAX_ITERATIONS = 300;
  /** k-means++ runs per k on the elbow curve (the best is drawn). */
  static final int ELBOW_RUNS = 5;
  static final int ELBOW_MAX_K = 10;
  private static final String ARTHUR = "Arthur & Vassilvitskii 2007, Thm 3.1: E[φ] ≤ 8(ln k + 2)"
      + "·φ_OPT";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("k", 5, 1, 12, "clusters k-means looks for"),
      Param.integer("blobs", 5, 1, 10, "true blobs in the generated data (ignored with --input)"),
      Param.real("spread", 0.6, 0.1, 5,
          "standard deviation of each blob, centres in [−10, 10]²; large = blobs overlap"),
      Param.integer("points", 500, 10, 5000, "generated points (ignored with --input)").logScale(),
      Param.integer("seeds", 100, 1, 500,
          "seeded runs of each initialisation the averages and the histogram are over"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("kmeans", "k-means: Lloyd's iterations, random vs k-means++ seeding",
        Section.VISION, "聚类：kmeans",
        "k-means only walks downhill from where it starts; k-means++ starts it near the bottom");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int blobs = p.integer("blobs");
    String toyName = blobs + (blobs == 1 ? " blob" : " blobs");
    PointSource src = PointSource.of(p, toyName, () -> ClusterData.blobs(
        p.integer("points"), blobs, p.real("spread"), Rng.stream(p.seed(), 1)));
    double[][] x = src.x();
    int k = Math.min(p.integer("k"), x.length); // k ≤ n: a centre needs a point to start on
    Map<Init, KMeans.Run> runs = new LinkedHashMap<>();
    for (Init init : Init.values()) {
      double[][] seedCentres = KMeans.seed(x, k, init, Rng.stream(p.seed(), 2 + init.ordinal()));
      runs.put(init, KMeans.lloyd(x, seedCentres, MAX_ITERATIONS));
    }
    int seeds = p.integer("seeds");
    KMeansRestarts r = KMeansRestarts.run(x, k, seeds, p.seed(), 10);
    int maxK = Math.min(Math.max(ELBOW_MAX_K, k), x.length);
    double[] ks = new double[maxK];
    double[] elbow = new double[maxK];
    for (int j = 1; j <= maxK; j++) {
      ks[j - 1] = j;
      elbow[j - 1] = Double.POSITIVE_INFINITY;
      for (int run = 0; run < ELBOW_RUNS; run++) {
        double[][] c = KMeans.seed(x, j, Init.PLUS_PLUS, Rng.stream(p.seed(), 20 + j, run));
        elbow[j - 1] = Math.min(elbow[j - 1], KMeans.lloyd(x, c, MAX_ITERATIONS).finalInertia());
      }
    }

    KMeans.Run random = runs.get(Init.RANDOM);
    KMeans.Run plus = runs.get(Init.PLUS_PLUS);
    Figure figure = Figure.grid(info().title(), 2, 3).preferredSize(1800, 1100)
        .subtitle(String.format(Locale.US, "%s, %s · k = %d%s · black: each centre's path, "
                + "diamond: where it ends · histograms over %d seeds · seed %d", src.name(),
            ClusterPlots.drawnNote(x.length), k, k < p.integer("k") ? " (as many as the points)"
                : "", seeds, p.seed()))
        .add(KMeansCharts.finalTrails(Init.RANDOM, x, random))
        .add(KMeansCharts.finalTrails(Init.PLUS_PLUS, x, plus))
        .add(KMeansCharts.inertia(random, plus))
        .add(KMeansCharts.elbow(ks, elbow, k))
        .add(KMeansCharts.restarts(r, seeds, true, k))
        .add(KMeansCharts.restarts(r, seeds, false, k));
    Result result = Result.of(figure);
    for (Init init : Init.values()) {
      KMeans.Run run = runs.get(init);
      String key = init == Init.RANDOM ? "random" : "kmeanspp";
      result.finding(Finding.of("inertia_" + key, init.label() + ": final φ, this seed",
              run.finalInertia(), ""))
          .finding(Finding.of("iterations_" + key, init.label() + ": iterations to converge",
              run.iterations(), ""));
    }
    double bound = KMeansRestarts.bound(k);
    result.finding(Finding.of("best_inertia", "best φ over all " + 2 * seeds + " runs", r.best(),
            ""))
        .finding(Finding.of("mean_inertia_random", "random: mean final φ / best φ",
            r.relative(r.meanFinal(Init.RANDOM)), ""))
        .finding(Finding.of("mean_inertia_kmeanspp", "k-means++: mean final φ / best φ",
            r.relative(r.meanFinal(Init.PLUS_PLUS)), ""))
        .finding(Finding.of("at_best_random", "random: share of runs within 1% of best φ",
            r.shareAtBest(Init.RANDOM), ""))
        .finding(Finding.of("at_best_kmeanspp", "k-means++: share of runs within 1% of best φ",
            r.shareAtBest(Init.PLUS_PLUS), ""))
        .finding(Finding.of("mean_iterations_random", "random: mean iterations",
            r.meanIterations(Init.RANDOM), ""))
        .finding(Finding.of("mean_iterations_kmeanspp", "k-means++: mean iterations",
            r.meanIterations(Init.PLUS_PLUS), ""))
        .finding(Finding.of("seeding_ratio_kmeanspp", "k-means++ seeding alone: mean φ / best φ",
            r.relative(r.meanSeeding(Init.PLUS_PLUS)), "").withUpperBound(bound, ARTHUR))
        .finding(Finding.of("seeding_ratio_random", "random seeding alone: mean φ / best φ",
            r.relative(r.meanSeeding(Init.RANDOM)), ""));
    if (src.truth() != null) {
      result.finding(Finding.of("ari_kmeanspp", "k-means++: adjusted Rand index vs "
          + (src.fromFile() ? "the label column" : "the true blobs"),
          AdjustedRand.index(src.truth(), plus.labels()), ""));
    }
    result.data("labels", plus.labels()).data("centers", plus.finalCentres())
        .data("k", k).data("elbow_inertia", elbow);
    addFrames(result, x, random, plus);
    return result;
  }

  /** Frames: random and k-means++ side by side, one Lloyd update per frame. */
  private static void addFrames(Result result, double[][] x, KMeans.Run random,
      KMeans.Run plus) {
    int frames = Math.min(30, Math.max(random.centres().size(), plus.centres().size()));
    for (int t = 0; t < frames; t++) {
      Figure f = Figure.grid("k-means step by step: assign, then move each centre to its mean",
          1, 2).preferredSize(1600, 800);
      for (KMeans.Run run : List.of(random, plus)) {
        int at = Math.min(t, run.centres().size() - 1);
        int[] labels = new int[x.length];
        KMeans.assign(x, run.centres().get(at), labels, new double[x.length]);
        String name = run == random ? "random" : "k-means++";
        f.add(KMeansCharts.trails(String.format(Locale.US, "%s, iteration %d: φ %s", name, at,
            KMeansCharts.fmt(run.inertia()[at])), x, run, at, labels));
      }
      result.frame(f);
    }
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
