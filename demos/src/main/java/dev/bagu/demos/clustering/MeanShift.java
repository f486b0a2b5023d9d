package dev.bagu.demos.clustering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mean shift (Fukunaga & Hostetler 1975; Comaniciu & Meer 2002) as scikit-learn's
 * {@code MeanShift}: every seed moves to the kernel-weighted mean of the points around it, again
 * and again, climbing the kernel density estimate to a mode; it stops when a step is shorter than
 * 10⁻³·bandwidth. Modes are then ranked by how many points lie within the bandwidth of them, and
 * a mode within the bandwidth of a higher-ranked one is dropped (merged). Each point takes the
 * label of its nearest mode.
 *
 * <pre>
 *   flat:      m(c) = mean of { x : ‖x − c‖ ≤ h }                  (scikit-learn's kernel)
 *   Gaussian:  m(c) = Σ w x / Σ w,  w = exp(−‖x − c‖² / 2h²), cut off beyond 3h
 * </pre>
 */
public final class MeanShift {
  private MeanShift() {}

  public enum Kernel { FLAT, GAUSSIAN }

  static final int MAX_ITERATIONS = 300;
  /** scikit-learn's stop_thresh: 1e-3 × bandwidth. */
  static final double STOP = 1e-3;
  /** The Gaussian kernel is cut off beyond this many bandwidths (its weight there < 0.012). */
  static final double GAUSSIAN_CUTOFF = 3;
  /** estimateBandwidth averages over at most this many query points (brute force each). */
  static final int BANDWIDTH_QUERIES = 2000;

  /**
   * @param modes the modes left after merging, strongest first (m, 2)
   * @param labels each point's nearest mode
   * @param paths each seed's positions, from the seed point to where it stopped
   */
  public record Clustering(double[][] modes, int[] labels, List<double[][]> paths) {}

  /** Mean shift seeded from every point. */
  public static Clustering run(double[][] x, double h, Kernel kernel) {
    int[] seeds = new int[x.length];
    Arrays.setAll(seeds, i -> i);
    return run(x, h, kernel, seeds);
  }

  /** Mean shift seeded from the points {@code seeds} (indices into x). */
  public static Clustering run(double[][] x, double h, Kernel kernel, int[] seeds) {
    if (!(h > 0) || !Double.isFinite(h)) {
      throw new IllegalArgumentException("bandwidth must be positive and finite: " + h);
    }
    PointGrid grid = new PointGrid(x, kernel == Kernel.FLAT ? h : GAUSSIAN_CUTOFF * h);
    PointGrid withinH = kernel == Kernel.FLAT ? grid : new PointGrid(x, h);
    // Each seed climbs on its own: in parallel, results kept in seed order (the same on any
    // core count).
    double[][][] climbed = new double[seeds.length][][];
    int[] reach = new int[seeds.length];
    java.util.stream.IntStream.range(0, seeds.length).parallel().forEach(i -> {
      List<double[]> path = new ArrayList<>();
      double[] c = x[seeds[i]].clone();
      path.add(c);
      for (int it = 0; it < MAX_ITERATIONS; it++) {
        double[] next = shift(grid, c, h, kernel);
        if (next == null) {
          break; // no point in reach (cannot happen from a seed point with the flat kernel)
        }
        path.add(next);
        boolean done = Math.sqrt(KMeans.dist2(next, c)) < STOP * h;
        c = next;
        if (done) {
          break;
        }
      }
      climbed[i] = path.toArray(new double[0][]);
      reach[i] = withinH.countWithin(c[0], c[1]);
    });
    List<double[][]> paths = java.util.Arrays.asList(climbed);
    List<double[]> ends = new ArrayList<>();
    List<Integer> strength = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      ends.add(climbed[i][climbed[i].length - 1]);
      strength.add(reach[i]);
    }
    double[][] modes = merge(ends, strength, h);
    int[] labels = new int[x.length];
    KMeans.assign(x, modes, labels, new double[x.length]);
    return new Clustering(modes, labels, paths);
  }

  /**
   * scikit-learn's {@code estimate_bandwidth(x, quantile)}: the mean, over the points, of the
   * distance to the (quantile·n)-th nearest point (itself counted), from at most
   * {@link #BANDWIDTH_QUERIES} evenly spaced query points.
   */
  public static double estimateBandwidth(double[][] x, double quantile) {
    int k = Math.max(1, (int) (quantile * x.length));
    return Arrays.stream(Dbscan.sortedKDistances(x, k, BANDWIDTH_QUERIES)).average()
        .orElse(0);
  }

  /**
   * The same statistic from the given query points only (indices into x): a preview's seeded
   * sample, when every point as a query costs too much.
   */
  static double estimateBandwidth(double[][] x, double quantile, int[] queries) {
    int k = Math.min(x.length, Math.max(1, (int) (quantile * x.length)));
    double[] distance = new double[queries.length];
    java.util.stream.IntStream.range(0, queries.length).parallel().forEach(q ->
        distance[q] = Dbscan.kthDistance(x, x[queries[q]], k));
    double sum = 0; // in query order: the same bits on any core count
    for (double d : distance) {
      sum += d;
    }
    return queries.length == 0 ? 0 : sum / queries.length;
  }

  /** One step: the kernel-weighted mean of the points around c, or null if none is in reach. */
  static double[] shift(PointGrid grid, double[] c, double h, Kernel kernel) {
    double[] acc = new double[3]; // Σ w x, Σ w y, Σ w
    double qx = c[0];
    double qy = c[1];
    double reach2 = grid.radius2();
    double twoH2 = 2 * h * h;
    // Cell by cell over the grid's contiguous coordinates (the hot loop of mean shift).
    grid.forEachCellNear(qx, qy, (xs, ys, from, to) -> {
      double sx = acc[0];
      double sy = acc[1];
      double sw = acc[2];
      for (int r = from; r < to; r++) {
        double dx = xs[r] - qx;
        double dy = ys[r] - qy;
        double d2 = dx * dx + dy * dy;
        if (d2 <= reach2) {
          double w = kernel == Kernel.FLAT ? 1 : Math.exp(-d2 / twoH2);
          sx += w * xs[r];
          sy += w * ys[r];
          sw += w;
        }
      }
      acc[0] = sx;
      acc[1] = sy;
      acc[2] = sw;
    });
    return acc[2] > 0 ? new double[] {acc[0] / acc[2], acc[1] / acc[2]} : null;
  }

  /** Strongest first (ties in seed order); drop a mode within h of one already kept. */
  private static double[][] merge(List<double[]> ends, List<Integer> strength, double h) {
    Integer[] order = new Integer[ends.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Integer.compare(strength.get(b), strength.get(a)));
    List<double[]> kept = new ArrayList<>();
    for (int i : order) {
      double[] e = ends.get(i);
      if (kept.stream().noneMatch(k -> KMeans.dist2(k, e) <= h * h)) {
        kept.add(e);
      }
    }
    return kept.toArray(new double[0][]);
  }
}
