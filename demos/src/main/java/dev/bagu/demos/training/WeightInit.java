package dev.bagu.demos.training;

import dev.bagu.demo.Memo;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import dev.bagu.nn.Sgd;
import dev.bagu.nn.SoftmaxCrossEntropy;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The experiments behind 权重初始化方法: what each way of drawing the first weights does to a deep
 * network's activations and gradients at step 0 (Glorot & Bengio 2010; He et al. 2015), and to
 * training on a toy task afterwards.
 */
public final class WeightInit {
  private WeightInit() {}

  /** The inits compared, in the order of the figure's colours. */
  public static final List<Init> INITS = List.of(Init.ZERO, Init.SMALL, Init.LARGE,
      Init.XAVIER_UNIFORM, Init.XAVIER_NORMAL, Init.HE_NORMAL, Init.ORTHOGONAL);

  /** The toy task: moons, this many points, this much noise. */
  public static final int TRAIN_POINTS = 256;
  public static final double TRAIN_NOISE = 0.15;
  /** The trained net: 2 → 4 hidden layers of 16 → 2. */
  public static final int[] TRAIN_SIZES = {2, 16, 16, 16, 16, 2};
  public static final int MINIBATCH = 32;
  /** Full-set loss is recorded at about this many steps (and at the first and last). */
  static final int CURVE_POINTS = 40;

  /**
   * One training run on the moons.
   *
   * @param steps the steps at which the loss was measured
   * @param loss mean cross-entropy over the whole training set at those steps
   * @param net the trained network
   */
  public record Training(int[] steps, double[] loss, Mlp net) {
    public double finalLoss() {
      return loss[loss.length - 1];
    }
  }

  /**
   * Trains {@link #TRAIN_SIZES} with minibatch SGD; minibatches are drawn from {@code rng}, so the
   * same seed gives the same curve.
   */
  public static Training train(Init init, Activation f, int steps, double lr, long seed) {
    return train(init, f, steps, lr, seed, steps);
  }

  /**
   * The first {@code stopAt} of {@code steps} steps: the same trajectory and the same loss
   * measurements as the whole run (its every {@code steps}/40-th step) up to {@code stopAt}, which
   * is the last point measured. A preview trains so: SGD at a constant rate does not know how
   * long it will run, so these are the whole run's first points, not a shorter run's.
   */
  static Training train(Init init, Activation f, int steps, double lr, long seed, int stopAt) {
    ToyData.Labelled data = ToyData.moons(TRAIN_POINTS, TRAIN_NOISE, Rng.stream(seed, 10));
    Rng rng = Rng.stream(seed, 11, init.ordinal()); // same draws whatever the other inits do
    Mlp net = new Mlp(TRAIN_SIZES, f, init, false, rng);
    Sgd sgd = new Sgd(lr);
    int every = Math.max(1, steps / CURVE_POINTS);
    int last = Math.min(stopAt, steps);
    int[] at = IntStream.rangeClosed(0, last).filter(s -> s % every == 0 || s == last)
        .toArray();
    double[] loss = new double[at.length];
    double[][] x = new double[MINIBATCH][];
    int[] y = new int[MINIBATCH];
    int next = 0;
    for (int s = 0; s <= last; s++) {
      if (at[next] == s) {
        loss[next++] = SoftmaxCrossEntropy.of(net.forward(data.x()).output(), data.y()).value();
      }
      if (s == last) {
        break;
      }
      for (int n = 0; n < MINIBATCH; n++) {
        int i = rng.nextInt(TRAIN_POINTS);
        x[n] = data.x()[i];
        y[n] = data.y()[i];
      }
      net.trainStep(x, y, sgd);
    }
    return new Training(at, loss, net);
  }

  /**
   * The largest difference between two units of the same hidden layer: max over layers l, units
   * o, inputs i of |W_l[o][i] − W_l[0][i]| and |b_l[o] − b_l[0]|. Zero init keeps it exactly 0.
   */
  public static double symmetryGap(Mlp net) {
    double gap = 0;
    List<Dense> layers = net.layers();
    for (Dense d : layers.subList(0, layers.size() - 1)) {
      for (int o = 1; o < d.outputs(); o++) {
        gap = Math.max(gap, Math.abs(d.b[o] - d.b[0]));
        for (int i = 0; i < d.inputs(); i++) {
          gap = Math.max(gap, Math.abs(d.w[o][i] - d.w[0][i]));
        }
      }
    }
    return gap;
  }

  /** Deep-net statistics for every init, in parallel, each on its own stream of the seed. */
  public static List<DeepStats> deepStats(Activation f, int depth, int width, int batch,
      long seed) {
    return INITS.parallelStream()
        .map(init -> DeepStats.of(f, init, false, depth, width, batch,
            Rng.stream(seed, 20, init.ordinal())))
        .collect(Collectors.toList());
  }

  /** Training runs for every init, in parallel. */
  public static List<Training> trainAll(Activation f, int steps, double lr, long seed) {
    return trainAll(f, steps, lr, seed, steps);
  }

  /** The first {@code stopAt} of {@code steps} steps for every init, in parallel. */
  static List<Training> trainAll(Activation f, int steps, double lr, long seed, int stopAt) {
    return INITS.parallelStream().map(init -> train(init, f, steps, lr, seed, stopAt))
        .collect(Collectors.toList());
  }

  // The demo's three experiments depend on different parameters (the deep net not on steps and
  // lr, the training not on depth and width, He's check only on the width), so each is memoised
  // on its own: moving one slider reruns only what it changes. Bounded; values are read-only.
  private record DeepKey(Activation f, int depth, int width, int batch, long seed) {}

  private record TrainKey(Activation f, int steps, double lr, long seed, int stopAt) {}

  private record HeKey(Init init, int width, long seed) {}

  private static final Memo<DeepKey, List<DeepStats>> DEEP = new Memo<>(2);
  private static final Memo<TrainKey, List<Training>> TRAINED = new Memo<>(4);
  private static final Memo<HeKey, HeDepthCheck> HE = new Memo<>(4);

  static List<DeepStats> deepStatsRecent(Activation f, int depth, int width, int batch,
      long seed) {
    return DEEP.get(new DeepKey(f, depth, width, batch, seed),
        k -> deepStats(k.f(), k.depth(), k.width(), k.batch(), k.seed()));
  }

  static List<Training> trainAllRecent(Activation f, int steps, double lr, long seed,
      int stopAt) {
    return TRAINED.get(new TrainKey(f, steps, lr, seed, Math.min(stopAt, steps)),
        k -> trainAll(k.f(), k.steps(), k.lr(), k.seed(), k.stopAt()));
  }

  static HeDepthCheck heCheckRecent(Init init, int width, long seed) {
    return HE.get(new HeKey(init, width, seed), k -> HeDepthCheck.run(k.init(), k.width(),
        k.seed()));
  }

  /** Sample variance of one Xavier-uniform (n_out, n_in) matrix, for Glorot's 2/(n_in + n_out). */
  public static double xavierVariance(int nOut, int nIn, long seed) {
    double[] w = Arrays.stream(Init.XAVIER_UNIFORM.draw(nOut, nIn, Rng.stream(seed, 40)))
        .flatMapToDouble(Arrays::stream).toArray();
    double sd = DeepStats.std(w);
    return sd * sd;
  }
}
