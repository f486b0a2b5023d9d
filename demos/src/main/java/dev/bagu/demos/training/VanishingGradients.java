package dev.bagu.demos.training;

import dev.bagu.demo.Memo;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.math.RowDots;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The experiment behind 梯度消失 / 梯度扩散: back-propagate one batch through a deep net and
 * watch the gradient's size layer by layer, for four kinds of hidden layer. Each layer multiplies
 * the gradient by diag(f'(z)) Wᵀ, whose norm is at most max f' · ‖W‖₂; for the sigmoid max f' is
 * 1/4, so unless ‖W‖₂ > 4 every layer shrinks it.
 */
public final class VanishingGradients {
  private VanishingGradients() {}

  /** One kind of hidden layer: its activation, its init, and whether it has a skip connection. */
  public enum Kind {
    SIGMOID("sigmoid", Activation.SIGMOID, Init.XAVIER_NORMAL, false),
    TANH("tanh", Activation.TANH, Init.XAVIER_NORMAL, false),
    RELU("ReLU", Activation.RELU, Init.HE_NORMAL, false),
    RELU_RESIDUAL("ReLU + residual", Activation.RELU, Init.HE_NORMAL, true);

    public final String label;
    public final Activation activation;
    public final Init init;
    public final boolean residual;

    Kind(String label, Activation activation, Init init, boolean residual) {
      this.label = label;
      this.activation = activation;
      this.init = init;
      this.residual = residual;
    }

    /** The label in the figure and the findings: the activations' names stay as they are. */
    public String label(Lang l) {
      return this == RELU_RESIDUAL ? l.t(label, "ReLU + 残差") : label;
    }
  }

  /**
   * One kind's measurements.
   *
   * @param stats activations and gradients of every hidden layer
   * @param factor ‖∂L/∂h_{l−1}‖ / ‖∂L/∂h_l‖ for l = 2…L (depth − 1): what layer l did to the
   *     gradient on its way down
   * @param bound that factor's upper bound, max f' · ‖W_l‖₂ (plus 1 with a skip connection)
   * @param maxDerivative the largest f'(z) met in the whole batch
   */
  public record Run(Kind kind, DeepStats stats, double[] factor, double[] bound,
      double maxDerivative) {}

  /** A batch giving about 8,192 values per layer: big enough for stable norms, quick when wide. */
  public static int batchFor(int width) {
    return Math.max(16, Math.min(512, 8192 / width));
  }

  private record Key(int depth, int width, int batch, long seed) {}

  /** The last few parameter settings' runs (they depend on nothing else); read-only. */
  private static final Memo<Key, List<Run>> RECENT = new Memo<>(2);

  /** {@link #runAll}, reusing the result when the same settings ran recently. */
  static List<Run> runAllRecent(int depth, int width, int batch, long seed) {
    return RECENT.get(new Key(depth, width, batch, seed),
        k -> runAll(k.depth(), k.width(), k.batch(), k.seed()));
  }

  /**
   * Builds a depth × width net of each kind, on its own stream of the seed, and back-propagates
   * one batch of N(0, 1) inputs with random labels. Residual branches are scaled by 1/√depth (as
   * Fixup and SkipInit do), else the sum of L He-initialised branches doubles E[h²] per layer.
   */
  public static List<Run> runAll(int depth, int width, int batch, long seed) {
    return Arrays.stream(Kind.values()).parallel()
        .map(k -> run(k, depth, width, batch, seed))
        .collect(Collectors.toList());
  }

  public static Run run(Kind k, int depth, int width, int batch, long seed) {
    Rng rng = Rng.stream(seed, 1, k.ordinal());
    int[] sizes = new int[depth + 2];
    Arrays.fill(sizes, width);
    sizes[depth + 1] = DeepStats.CLASSES;
    Mlp net = new Mlp(sizes, k.activation, k.init, k.residual, rng);
    if (k.residual) {
      double scale = 1 / Math.sqrt(depth);
      for (int l = 0; l < depth; l++) { // every hidden layer is width → width, so all skip
        scaleWeights(net.layers().get(l), scale);
      }
    }
    DeepStats s = DeepStats.of(net, batch, rng);
    double[] factor = new double[depth - 1];
    double[] bound = new double[depth - 1];
    for (int l = 1; l < depth; l++) {
      factor[l - 1] = s.gradNorm()[l - 1] / s.gradNorm()[l];
      bound[l - 1] = k.activation.maxDerivative() * layerNorm(k, seed, l, net.layers().get(l).w)
          + (net.isResidual(l) ? 1 : 0);
    }
    return new Run(k, s, factor, bound, maxDerivative(net, k.activation, s));
  }

  private static void scaleWeights(Dense d, double scale) {
    for (double[] row : d.w) {
      for (int i = 0; i < row.length; i++) {
        row[i] *= scale;
      }
    }
  }

  /** Largest f'(z) over every unit and example, read back from the stored outputs. */
  private static double maxDerivative(Mlp net, Activation f, DeepStats s) {
    double max = 0;
    for (int l = 0; l < s.activations().length; l++) {
      for (double a : s.activations()[l]) {
        // tanh' = 1 − a², σ' = a(1 − a) need only a; ReLU' is 1 wherever a > 0.
        double d = f == Activation.RELU ? (a > 0 ? 1 : 0) : f.derivative(Double.NaN, a);
        max = Math.max(max, d);
      }
    }
    return max;
  }

  /** One hidden layer's weights: which net, which layer, and a hash of the values themselves. */
  private record LayerKey(Kind kind, long seed, int layer, int width, int contentHash) {}

  /** ‖W‖₂ of recently measured layers (a few nets' worth at any depth); read-only numbers. */
  private static final Memo<LayerKey, Double> LAYER_NORMS = new Memo<>(1024);

  /**
   * {@link #spectralNorm} of hidden layer l, memoised. Layers are drawn in order from the kind's
   * stream, so nets of every depth share their first layers: a depth slider's move measures only
   * the layers it adds (the power iterations were half of a preview). The key includes the
   * weights' hash, so a layer whose values differ (the residual kind's 1/√depth scaling) is
   * measured afresh; the value is the function of the weights either way.
   */
  private static double layerNorm(Kind kind, long seed, int layer, double[][] w) {
    return LAYER_NORMS.get(new LayerKey(kind, seed, layer, w[0].length,
        Arrays.deepHashCode(w)), () -> spectralNorm(w));
  }

  /** Power iterations for ‖W‖₂. */
  static final int POWER_ITERATIONS = 40;

  /**
   * ‖W‖₂, the largest singular value, by power iteration on WᵀW from a fixed start. Commons
   * Math's SVD gives it exactly but takes seconds at width 256; {@value #POWER_ITERATIONS}
   * iterations come within about 1% for these random matrices, from below (tests compare with the
   * SVD), which the measured factors stay far under.
   */
  static double spectralNorm(double[][] w) {
    int n = w[0].length;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = 1 + 0.5 * Math.sin(i + 1.0); // fixed and generic: not orthogonal to the top vector
    }
    double sigma = 0;
    for (int it = 0; it < POWER_ITERATIONS; it++) {
      double[] u = new double[w.length]; // u = W v
      double[] next = new double[n]; // next = Wᵀ u = WᵀW v
      RowDots.into(w, v, null, u);
      for (int o = 0; o < w.length; o++) { // next accumulates row by row, in order
        axpy(u[o], w[o], next);
      }
      double vv = 0;
      double vNext = 0;
      for (int i = 0; i < n; i++) {
        vv += v[i] * v[i];
        vNext += v[i] * next[i];
      }
      sigma = Math.sqrt(vNext / vv); // Rayleigh quotient of WᵀW, ≤ σ_max²
      double norm = Math.sqrt(Arrays.stream(next).map(x -> x * x).sum());
      if (norm == 0) {
        return 0;
      }
      for (int i = 0; i < n; i++) {
        v[i] = next[i] / norm;
      }
    }
    return sigma;
  }

  /** y += a·x, element by element (the JIT vectorises it). */
  private static void axpy(double a, double[] x, double[] y) {
    for (int i = 0; i < y.length; i++) {
      y[i] += a * x[i];
    }
  }
}
