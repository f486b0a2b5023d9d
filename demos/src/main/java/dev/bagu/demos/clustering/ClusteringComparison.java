package dev.bagu.demos.clustering;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.demos.clustering.MeanShift.Kernel;
import dev.bagu.i18n.Lang;
import dev.bagu.math.AdjustedRand;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.math.ToyData.Labelled;
import java.util.Arrays;
import java.util.List;

/**
 * k-means, DBSCAN and mean shift on the six toy sets of scikit-learn's "Comparing different
 * clustering algorithms on toy datasets", with that example's per-set parameters: every set
 * standardised first; k = 2 on circles and moons, 3 elsewhere; DBSCAN eps 0.15 on the
 * anisotropic set, 0.18 on varied density, 0.3 elsewhere, with scikit-learn's default
 * min_samples = 5; mean shift with the flat kernel and the bandwidth from
 * {@code estimate_bandwidth} at quantile 0.2 on circles and 0.3 elsewhere.
 */
public final class ClusteringComparison {
  private ClusteringComparison() {}

  /**
   * Mean-shift seeds at most, a seeded sample of the points, in place of scikit-learn's bin
   * seeding: at the default 500 points every point is a seed. Not every s-th point: the toy sets
   * cycle through their groups, so a stride of 6 would seed one blob of three only.
   */
  static final int MEAN_SHIFT_SEEDS = 500;
  /** scikit-learn's {@code DBSCAN} default, which the example keeps. */
  static final int MIN_SAMPLES = 5;
  /** Circles: the inner ring's radius relative to the outer (the example's factor). */
  static final double CIRCLE_FACTOR = 0.5;

  public enum Algorithm {
    KMEANS("k-means"), DBSCAN("DBSCAN"), MEAN_SHIFT("mean shift");

    private final String label;

    Algorithm(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The label in figures and findings: k-means and DBSCAN are names, mean shift is 均值漂移. */
    public String label(Lang l) {
      return this == MEAN_SHIFT ? l.t(label, "均值漂移") : label;
    }
  }

  /**
   * One row: standardised points, the labels they were drawn with (all 0 for no structure), and
   * the parameters each algorithm gets on it.
   */
  public record Dataset(String name, double[][] x, int[] truth, boolean structured, int k,
      double eps, double quantile) {}

  /**
   * One panel.
   *
   * @param setting the parameter the algorithm got, for the title ("k = 2", "eps 0.3", "h 0.87")
   * @param ari adjusted Rand index against the true labels (NaN on the no-structure row)
   * @param millis wall time of the fit alone (not the bandwidth estimate), on this machine
   */
  public record Run(Dataset data, Algorithm algorithm, String setting, int[] labels, int clusters,
      int noise, double ari, double millis) {}

  /**
   * The blobs' centres as the example draws them: {@code make_blobs(random_state=8)}, i.e.
   * numpy's {@code RandomState(8).uniform(-10, 10, (3, 2))}. Fixed, so that the seed moves the
   * points but never drops two blobs on top of each other.
   */
  static final double[][] BLOB_CENTRES = {{7.4686, 9.3708}, {7.3839, 0.6171},
      {-5.3454, -9.7720}};
  /** {@code make_blobs(random_state=170)}'s centres: the anisotropic and varied sets'. */
  static final double[][] CENTRES_170 = {{-8.9471, -5.4628}, {-4.5894, 0.0888},
      {1.9388, 0.5051}};

  /** The six rows in the example's order; noise is the moons' and circles' jitter. */
  public static List<Dataset> datasets(int n, double noise, long seed) {
    return List.of(
        row("circles", ClusterData.circles(n, CIRCLE_FACTOR, noise, Rng.stream(seed, 1)), true,
            2, 0.3, 0.2),
        row("moons", ToyData.moons(n, noise, Rng.stream(seed, 2)), true, 2, 0.3, 0.3),
        row("varied density", ClusterData.variedDensity(n, CENTRES_170, Rng.stream(seed, 3)), true, 3, 0.18,
            0.3),
        row("anisotropic", ClusterData.anisotropic(n, CENTRES_170, Rng.stream(seed, 4)), true, 3, 0.15, 0.3),
        row("blobs", ClusterData.blobs(n, BLOB_CENTRES, new double[] {1, 1, 1},
            Rng.stream(seed, 5)), true, 3, 0.3, 0.3),
        row("no structure", ClusterData.uniform(n, Rng.stream(seed, 6)), false, 3, 0.3, 0.3));
  }

  private static Dataset row(String name, Labelled l, boolean structured, int k, double eps,
      double quantile) {
    return new Dataset(name, ClusterData.standardised(l.x()), l.y(), structured, k, eps,
        quantile);
  }

  /**
   * Every algorithm on every dataset, row by row; k-means++ and mean shift's seed sample draw
   * from stream 10 + row.
   */
  public static List<Run> runAll(List<Dataset> sets, long seed) {
    return runAll(sets, seed, false);
  }

  /** A preview's mean shift climbs from at most this many seeds per set (the full run's 500). */
  static final int PREVIEW_MEAN_SHIFT_SEEDS = 60;
  /**
   * A preview estimates mean shift's bandwidth from at most this many query points, a seeded
   * sample (the full run: every point up to 2,000); the k-th-neighbour search costs n per query.
   */
  static final int PREVIEW_BANDWIDTH_QUERIES = 100;

  /**
   * The same; a preview (a slider being dragged in the window) runs mean shift from fewer seeds
   * and estimates its bandwidth from fewer query points. k-means and DBSCAN are the full run's.
   */
  public static List<Run> runAll(List<Dataset> sets, long seed, boolean preview) {
    // Every fit draws from its own fresh stream, so the 18 fits run in parallel and give the same
    // labels on any core count (their wall times, shown only with times on, overlap).
    int algorithms = Algorithm.values().length;
    Run[] runs = new Run[sets.size() * algorithms];
    java.util.stream.IntStream.range(0, runs.length).parallel().forEach(i -> runs[i] =
        run(sets.get(i / algorithms), Algorithm.values()[i % algorithms],
            Rng.stream(seed, 10 + i / algorithms), preview));
    return List.of(runs);
  }

  static Run run(Dataset d, Algorithm a, Rng rng, boolean preview) {
    double[][] x = d.x();
    int k = Math.min(d.k(), x.length);
    double h = a != Algorithm.MEAN_SHIFT ? 0 : !preview
        ? MeanShift.estimateBandwidth(x, d.quantile())
        : MeanShift.estimateBandwidth(x, d.quantile(),
            MeanShiftDemo.sample(x.length, PREVIEW_BANDWIDTH_QUERIES, rng));
    int meanShiftSeeds = preview ? PREVIEW_MEAN_SHIFT_SEEDS : MEAN_SHIFT_SEEDS;
    long start = System.nanoTime();
    int[] labels;
    int clusters;
    String setting;
    switch (a) {
      case KMEANS -> {
        labels = KMeans.lloydEnds(x, KMeans.seed(x, k, Init.PLUS_PLUS, rng), KMeansDemo.MAX_ITERATIONS)
            .labels();
        clusters = k;
        setting = "k = " + k;
      }
      case DBSCAN -> {
        Dbscan.Clustering c = Dbscan.run(x, d.eps(), MIN_SAMPLES);
        labels = c.labels();
        clusters = c.clusters();
        setting = "eps " + DbscanDemo.fmt(d.eps());
      }
      default -> {
        MeanShift.Clustering c = MeanShift.run(x, h, Kernel.FLAT,
            MeanShiftDemo.sample(x.length, meanShiftSeeds, rng));
        labels = c.labels();
        clusters = c.modes().length;
        setting = String.format(java.util.Locale.US, "h %.2f (estimated)", h);
      }
    }
    double millis = (System.nanoTime() - start) / 1e6;
    int noise = (int) Arrays.stream(labels).filter(l -> l < 0).count();
    double ari = d.structured() ? AdjustedRand.index(d.truth(), labels) : Double.NaN;
    return new Run(d, a, setting, labels, clusters, noise, ari, millis);
  }
}
