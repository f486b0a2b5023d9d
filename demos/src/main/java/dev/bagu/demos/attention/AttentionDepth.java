package dev.bagu.demos.attention;

import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.demos.attention.AttentionStack.Trial;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The rank-collapse experiment: {@link #TRIALS} random networks of one shape (fewer for large
 * shapes, see {@link #trials}) (each its own
 * seeded sub-stream, so they can run in parallel and still give the same numbers), their relative
 * residuals averaged per layer as a geometric mean (the mean of ln r), which is what a log axis
 * shows.
 */
public final class AttentionDepth {
  /** Random networks (input and weights) averaged per point, when the shape is small. */
  public static final int TRIALS = 8;
  /** The fewest networks averaged, however large the shape. */
  public static final int MIN_TRIALS = 2;
  /**
   * Multiply-adds allowed for all trials together, about a second on two cores: past it, fewer
   * networks are averaged (the figure says how many), so every allowed shape runs in a few
   * seconds. The defaults use 8 × 1.0·10⁷.
   */
  public static final double WORK_BUDGET = 3e9;

  /**
   * Multiply-adds of one network, all three paths: per layer Q, K, V and W_O (4nd² per path),
   * scores and A·V (2n²d per path), and the MLP's two products (8nd², skip + MLP path only).
   */
  public static double work(Shape s) {
    double n = s.tokens();
    double d = s.dModel();
    return s.depth() * (3 * (4 * n * d * d + 2 * n * n * d) + 8 * n * d * d);
  }

  /** How many networks a shape averages: {@value #TRIALS}, fewer past the work budget. */
  public static int trials(Shape s) {
    return (int) Math.max(MIN_TRIALS, Math.min(TRIALS, Math.floor(WORK_BUDGET / work(s))));
  }
  /**
   * Below this, a computed r is rounding noise: the entries of X carry relative errors of a few
   * ε = 2.2·10⁻¹⁶ from every product, so r settles near 5·10⁻¹⁶ instead of going on down.
   */
  public static final double FLOOR = 1e-12;
  /** The slope is fitted where the residual is small, as the bound's cubic regime needs. */
  public static final double FIT_BELOW = 0.5;

  private AttentionDepth() {}

  /**
   * @param r geometric mean over trials of r, [path][layer 0 … depth]; NaN from the first layer
   *     at which any trial's r is below {@link #FLOOR}
   * @param lastAboveFloor per path, the last layer with a value in r
   * @param pureSlope slope of ln(−ln r) against layer on the pure path, over the layers ≥ 1 with
   *     r ≤ {@link #FIT_BELOW} (NaN when fewer than two)
   * @param fitFrom the first layer in that fit (−1 when there is no fit)
   * @param firstWeights trial 0's head-0 weights in pure layer 1, (tokens, tokens)
   * @param lastWeights the same in the last pure layer
   * @param firstDeviation mean over trials of max_ij |P_ij − 1/n| in pure layer 1
   * @param lastDeviation the same in the last pure layer
   */
  public record Curves(Shape shape, int trials, double[][] r, int[] lastAboveFloor, double pureSlope,
      int fitFrom, double[][] firstWeights, double[][] lastWeights, double firstDeviation,
      double lastDeviation) {
    public double rAt(Path path, int layer) {
      return r[path.ordinal()][layer];
    }
  }

  public static Curves measure(Shape s, long seed, int stream) {
    return measure(s, seed, stream, trials(s));
  }

  /** As {@link #measure(Shape, long, int)} averaging the first {@code count} networks only. */
  public static Curves measure(Shape s, long seed, int stream, int count) {
    return curves(s, new Networks(s, seed, stream).trials(count, s.depth()));
  }

  /**
   * The random networks of one shape (its depth aside) and seed, network t from sub-stream t,
   * grown as many and as deep as asked for so far: fewer or shallower ones are slices of them
   * (see {@link GrowingStack}), and only missing networks and layers are computed. A preview's
   * two networks are a full run's first two. Thread-safe.
   */
  public static final class Networks {
    private final Shape shape;
    private final long seed;
    private final int stream;
    private final List<GrowingStack> grown = new ArrayList<>();

    public Networks(Shape shape, long seed, int stream) {
      this.shape = shape;
      this.seed = seed;
      this.stream = stream;
    }

    /** The first {@code count} networks at {@code depth} layers, grown in parallel. */
    public List<Trial> trials(int count, int depth) {
      List<GrowingStack> stacks;
      synchronized (grown) {
        while (grown.size() < count) { // network 0's weights are the ones the figure shows
          grown.add(new GrowingStack(shape, Rng.stream(seed, stream, grown.size()),
              grown.isEmpty()));
        }
        stacks = List.copyOf(grown.subList(0, count));
      }
      return IntStream.range(0, count).parallel()
          .mapToObj(t -> stacks.get(t).growTo(depth).trial(depth)).toList();
    }
  }

  /** The curves, fit and weights of {@code trials} (the first with its weights) of shape s. */
  static Curves curves(Shape s, List<Trial> trials) {
    int paths = Path.values().length;
    double[][] r = new double[paths][s.depth() + 1];
    int[] lastAbove = new int[paths];
    for (int p = 0; p < paths; p++) {
      boolean above = true; // once any trial is below the floor, the curve stops for good
      lastAbove[p] = -1;
      for (int l = 0; l <= s.depth(); l++) {
        double sumLog = 0;
        for (Trial t : trials) {
          above &= t.r()[p][l] >= FLOOR;
          sumLog += Math.log(t.r()[p][l]);
        }
        r[p][l] = above ? Math.exp(sumLog / trials.size()) : Double.NaN;
        lastAbove[p] = above ? l : lastAbove[p];
      }
    }
    double[] pure = r[Path.PURE.ordinal()];
    int fitFrom = -1;
    for (int l = 1; l <= lastAbove[Path.PURE.ordinal()] && fitFrom < 0; l++) {
      fitFrom = pure[l] <= FIT_BELOW ? l : -1;
    }
    double slope = Double.NaN;
    if (fitFrom > 0) {
      int[] layers = IntStream.rangeClosed(fitFrom, lastAbove[Path.PURE.ordinal()]).toArray();
      double[] values = IntStream.of(layers).mapToDouble(l -> pure[l]).toArray();
      slope = RankCollapse.doubleLogSlope(layers, values);
    }
    return new Curves(s, trials.size(), r, lastAbove, slope, Double.isNaN(slope) ? -1 : fitFrom,
        trials.get(0).firstWeights(), trials.get(0).lastWeights(),
        trials.stream().mapToDouble(Trial::firstDeviation).average().orElseThrow(),
        trials.stream().mapToDouble(Trial::lastDeviation).average().orElseThrow());
  }

  /** max_ij |P_ij − 1/n|: 0 for uniform attention, up to 1 − 1/n for one-hot rows. */
  static double fromUniform(double[][] weights) {
    double uniform = 1.0 / weights[0].length;
    double max = 0;
    for (double[] row : weights) {
      for (double w : row) {
        max = Math.max(max, Math.abs(w - uniform));
      }
    }
    return max;
  }
}
