package dev.bagu.demos.training;

import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import dev.bagu.nn.SoftmaxCrossEntropy;
import java.util.Arrays;

/**
 * One forward and one backward pass through a freshly initialised deep MLP, and what they show
 * layer by layer: the spread of the activations and the size of the gradients. Shared by
 * {@code weight-init} and {@code vanishing-gradients}.
 *
 * <p>The net is width → width (× depth hidden layers) → {@value #CLASSES} logits, fed a batch of
 * N(0, 1) inputs with random labels, the set-up of Glorot & Bengio 2010 §4 at initialisation.
 *
 * @param activations every hidden layer's outputs, (depth, batch·width) flattened
 * @param std standard deviation of each hidden layer's outputs, (depth)
 * @param meanSquare E[z²] of each hidden layer's pre-activations, (depth)
 * @param gradNorm ‖∂L/∂h_l‖_F, the back-propagated gradient at each hidden layer's output h_l
 *     over the batch, (depth), input side first
 * @param weightGradNorm ‖∂L/∂W_l‖_F of each hidden layer's weights, (depth)
 */
public record DeepStats(double[][] activations, double[] std, double[] meanSquare,
    double[] gradNorm, double[] weightGradNorm) {
  /** Output classes of the deep net's softmax. */
  public static final int CLASSES = 10;

  public static DeepStats of(Activation f, Init init, boolean residual, int depth, int width,
      int batch, Rng rng) {
    int[] sizes = new int[depth + 2];
    Arrays.fill(sizes, width);
    sizes[depth + 1] = CLASSES;
    return of(new Mlp(sizes, f, init, residual, rng), batch, rng);
  }

  /** The same for a net built by the caller: width → … → {@value #CLASSES}, depth hidden layers. */
  public static DeepStats of(Mlp net, int batch, Rng rng) {
    int depth = net.layers().size() - 1;
    int width = net.layers().get(0).inputs();
    double[][] x = new double[batch][width]; // (B, width), unit variance
    int[] labels = new int[batch];
    for (int n = 0; n < batch; n++) {
      rng.fillGaussian(x[n]);
      labels[n] = rng.nextInt(CLASSES);
    }
    Mlp.Trace t = net.forward(x);
    net.zeroGrad();
    var dInputs = net.backward(t, SoftmaxCrossEntropy.of(t.output(), labels).grad());

    double[][] acts = new double[depth][];
    double[] std = new double[depth];
    double[] ms = new double[depth];
    double[] grad = new double[depth];
    for (int l = 0; l < depth; l++) {
      acts[l] = flatten(t.outputs().get(l));
      std[l] = std(acts[l]);
      ms[l] = meanSquare(flatten(t.caches().get(l).z()));
      // dInputs.get(l + 1) is the gradient entering layer l + 1, i.e. ∂L/∂h_l (B, width).
      grad[l] = Math.sqrt(meanSquare(flatten(dInputs.get(l + 1))) * batch * width);
    }
    double[] weightGrad = Arrays.copyOf(net.gradNorms(), depth); // hidden layers only
    return new DeepStats(acts, std, ms, grad, weightGrad);
  }

  /** Gradient norm of the first hidden layer over that of the last, or 0 if the last is 0. */
  public double gradRatio() {
    double last = gradNorm[gradNorm.length - 1];
    return last > 0 ? gradNorm[0] / last : 0;
  }

  static double[] flatten(double[][] a) {
    double[] f = new double[a.length * a[0].length];
    for (int n = 0; n < a.length; n++) {
      System.arraycopy(a[n], 0, f, n * a[0].length, a[0].length);
    }
    return f;
  }

  static double std(double[] v) {
    double mean = Arrays.stream(v).sum() / v.length;
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return Math.sqrt(s / v.length);
  }

  static double meanSquare(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s / v.length;
  }
}
