package dev.bagu.demos.clustering;

import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * k-means by Lloyd's iterations: assign every point to its nearest centre, move every centre to
 * the mean of its points, repeat until no point changes centre. Each step can only lower the
 * inertia φ = Σ ‖x − c(x)‖², so it never rises; where it stops depends on the start, which
 * {@link #seed} picks at random or by k-means++ (Arthur & Vassilvitskii 2007).
 *
 * <p>Empty clusters: when a centre ends an assignment with no points, it is moved onto the point
 * farthest from its own centre (the worst-served point, as scikit-learn relocates empty
 * clusters), each empty centre to a different point. That point's distance becomes 0, so the
 * inertia still does not rise. Ties in distance go to the lower centre index.
 */
public final class KMeans {
  private KMeans() {}

  public enum Init {
    RANDOM("random"), PLUS_PLUS("k-means++");

    private final String label;

    Init(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** The label in figures and findings: "k-means++" is a name and stays. */
    public String label(Lang l) {
      return this == RANDOM ? l.t(label, "随机") : label;
    }

    /** "random" / "k-means++" in English; 随机初始化 / k-means++ 初始化 in Chinese. */
    public String seeding(Lang l) {
      return l.t(label, this == RANDOM ? "随机初始化" : label + " 初始化");
    }
  }

  /**
   * One run of Lloyd's iterations.
   *
   * @param centres the centres before each assignment: centres.get(t) is (k, 2); the first is the
   *     seeding, the last the final centres
   * @param inertia φ of the assignment to centres.get(t), same length as centres
   * @param labels the final assignment, one centre index per point
   * @param iterations centre updates done before the assignment stopped changing
   * @param converged false when maxIterations stopped it first
   * @param reseeded how many times an empty centre was moved
   */
  public record Run(List<double[][]> centres, double[] inertia, int[] labels, int iterations,
      boolean converged, int reseeded) {
    public double finalInertia() {
      return inertia[inertia.length - 1];
    }

    public double[][] finalCentres() {
      return centres.get(centres.size() - 1);
    }
  }

  /** k starting centres drawn from the points: k distinct points uniformly, or k-means++. */
  public static double[][] seed(double[][] x, int k, Init init, Rng rng) {
    return seed(x, column(x, 0), column(x, 1), k, init, rng);
  }

  /** The same on prepared points (their columns are already flat). */
  public static double[][] seed(KMeansPoints points, int k, Init init, Rng rng) {
    return seed(points.x, points.xs, points.ys, k, init, rng);
  }

  /** x (n, 2) and its columns xs, ys (n): the loops read the flat columns. */
  private static double[][] seed(double[][] x, double[] xs, double[] ys, int k, Init init,
      Rng rng) {
    int n = x.length;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, " + n + "]: " + k);
    }
    double[][] c = new double[k][];
    if (init == Init.RANDOM) {
      int[] idx = distinctIndices(n, k, rng);
      for (int j = 0; j < k; j++) {
        c[j] = x[idx[j]].clone();
      }
      return c;
    }
    // k-means++: the first centre uniform, each next one with probability D(x)² / Σ D², D the
    // distance to the nearest centre so far.
    c[0] = x[rng.nextInt(n)].clone();
    double[] d2 = new double[n];
    Arrays.fill(d2, Double.POSITIVE_INFINITY);
    for (int j = 1; j < k; j++) {
      double total = 0;
      double qx = c[j - 1][0];
      double qy = c[j - 1][1];
      for (int i = 0; i < n; i++) {
        double dx = xs[i] - qx; // as dist2(x[i], c[j − 1])
        double dy = ys[i] - qy;
        double d = dx * dx + dy * dy;
        if (d < d2[i]) { // Math.min without its NaN and −0 cases, which d (≥ +0) never has
          d2[i] = d;
        }
        total += d2[i];
      }
      int pick = n - 1;
      if (total == 0) {
        pick = rng.nextInt(n); // every point sits on a centre: any point will do
      } else {
        double u = rng.uniform() * total;
        for (int i = 0; i < n; i++) {
          u -= d2[i];
          if (u < 0) {
            pick = i;
            break;
          }
        }
      }
      c[j] = x[pick].clone();
    }
    return c;
  }

  /** min(n, k) distinct indices in [0, n), in random order (partial Fisher–Yates). */
  static int[] distinctIndices(int n, int k, Rng rng) {
    int[] idx = new int[n];
    Arrays.setAll(idx, i -> i);
    int m = Math.min(n, k);
    for (int j = 0; j < m; j++) {
      int r = j + rng.nextInt(n - j);
      int t = idx[j];
      idx[j] = idx[r];
      idx[r] = t;
    }
    return Arrays.copyOf(idx, m);
  }

  /** Lloyd's iterations from the given centres (not changed), every step kept. */
  public static Run lloyd(double[][] x, double[][] initial, int maxIterations) {
    return lloyd(KMeansPoints.of(x), initial, maxIterations, true);
  }

  /** The same on points prepared once for many runs. */
  public static Run lloyd(KMeansPoints points, double[][] initial, int maxIterations) {
    return lloyd(points, initial, maxIterations, true);
  }

  /**
   * The same iterations keeping only the ends: the run's centres and inertia hold the seeding and
   * the final state (two entries), not every step. For the restarts, which read nothing else.
   */
  public static Run lloydEnds(double[][] x, double[][] initial, int maxIterations) {
    return lloyd(KMeansPoints.of(x), initial, maxIterations, false);
  }

  public static Run lloydEnds(KMeansPoints points, double[][] initial, int maxIterations) {
    return lloyd(points, initial, maxIterations, false);
  }

  /**
   * The assignment goes through {@link FilteringAssignment}: the same labels as {@link #assign}
   * at every step, on a k-d tree, without visiting every point. φ of a step needs each point's
   * distance, so it is computed only for the steps kept.
   */
  private static Run lloyd(KMeansPoints points, double[][] initial, int maxIterations,
      boolean steps) {
    double[][] x = points.x;
    int n = x.length;
    List<double[][]> history = new ArrayList<>();
    List<Double> inertia = new ArrayList<>();
    double[][] c = copy(initial);
    FilteringAssignment assignment = new FilteringAssignment(points, c.length);
    int[] labels = new int[n];
    int iterations = 0;
    int reseeded = 0;
    while (true) {
      boolean changed = assignment.assign(column(c, 0), column(c, 1));
      boolean last = !changed || iterations == maxIterations;
      boolean kept = steps || iterations == 0 || last;
      if (kept) {
        history.add(copy(c));
        inertia.add(assignment.inertia());
      }
      if (last) {
        assignment.labels(labels);
        return new Run(history, inertia.stream().mapToDouble(Double::doubleValue).toArray(),
            labels, iterations, !changed, reseeded);
      }
      reseeded += update(points, assignment, labels, c);
      iterations++;
    }
  }

  /** d2[i] = squared distance from point i to its centre c[labels[i]]. */
  private static void distances(KMeansPoints points, double[][] c, int[] labels, double[] d2) {
    double[] cx = column(c, 0);
    double[] cy = column(c, 1);
    double[] xs = points.xs;
    double[] ys = points.ys;
    for (int i = 0; i < xs.length; i++) {
      double dx = xs[i] - cx[labels[i]];
      double dy = ys[i] - cy[labels[i]];
      d2[i] = dx * dx + dy * dy;
    }
  }

  /** Nearest centre for every point; d2 gets the squared distance. Whether any label changed. */
  static boolean assign(double[][] x, double[][] c, int[] labels, double[] d2) {
    // The centres' coordinates side by side: the scan reads two flat arrays. Same arithmetic as
    // dist2 (dx·dx + dy·dy, ties to the lower j), so the same labels to the bit.
    double[] cx = column(c, 0);
    double[] cy = column(c, 1);
    int[] all = new int[c.length];
    Arrays.setAll(all, j -> j);
    boolean changed = false;
    for (int i = 0; i < x.length; i++) {
      int best = nearest(x[i][0], x[i][1], cx, cy, all, all.length);
      changed |= labels[i] != best;
      labels[i] = best;
      double dx = x[i][0] - cx[best];
      double dy = x[i][1] - cy[best];
      d2[i] = dx * dx + dy * dy;
    }
    return changed;
  }

  /**
   * The nearest to (px, py) of the centres (cx[z], cy[z]) for z in among[0, m), by
   * dx·dx + dy·dy; a tie goes to the first listed (the lower index when among ascends).
   */
  static int nearest(double px, double py, double[] cx, double[] cy, int[] among, int m) {
    int best = among[0];
    double bestD = Double.POSITIVE_INFINITY;
    for (int q = 0; q < m; q++) {
      int z = among[q];
      double dx = px - cx[z];
      double dy = py - cy[z];
      double d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = z;
      }
    }
    return best;
  }

  /**
   * Centres to their clusters' means; an empty one onto the farthest unused point, by the
   * distances to the current assignment (labels filled in here when one is empty).
   */
  private static int update(KMeansPoints points, FilteringAssignment assignment, int[] labels,
      double[][] c) {
    double[][] x = points.x;
    int k = c.length;
    boolean anyEmpty = false;
    for (int j = 0; j < k; j++) {
      anyEmpty |= assignment.count(j) == 0;
    }
    double[] d2 = null;
    if (anyEmpty) {
      assignment.labels(labels);
      d2 = new double[x.length];
      distances(points, c, labels, d2);
    }
    boolean[] used = null; // only when a cluster is empty
    int reseeded = 0;
    for (int j = 0; j < k; j++) {
      if (assignment.count(j) > 0) {
        c[j] = new double[] {assignment.meanX(j), assignment.meanY(j)};
        continue;
      }
      if (used == null) {
        used = new boolean[x.length];
      }
      int far = -1;
      for (int i = 0; i < x.length; i++) {
        if (!used[i] && (far < 0 || d2[i] > d2[far])) {
          far = i;
        }
      }
      used[far] = true;
      c[j] = x[far].clone();
      reseeded++;
    }
    return reseeded;
  }

  /** Coordinate d of every centre or point: (m, 2) → (m). */
  static double[] column(double[][] c, int d) {
    double[] out = new double[c.length];
    for (int j = 0; j < c.length; j++) {
      out[j] = c[j][d];
    }
    return out;
  }

  /** φ = Σ min_j ‖x − c_j‖². */
  public static double inertia(double[][] x, double[][] c) {
    double[] d2 = new double[x.length];
    assign(x, c, new int[x.length], d2);
    return Arrays.stream(d2).sum();
  }

  static double dist2(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    return dx * dx + dy * dy;
  }

  private static double[][] copy(double[][] c) {
    double[][] out = new double[c.length][];
    for (int j = 0; j < c.length; j++) {
      out[j] = c[j].clone();
    }
    return out;
  }
}
