package dev.bagu.nn;

import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A multilayer perceptron: hidden layers with one activation, then a linear output layer whose
 * outputs are logits. With residual connections, every hidden layer whose input and output widths
 * agree computes h + f(W h + b) instead of f(W h + b) (He et al. 2016), so the identity path
 * carries the signal and the gradient past it.
 *
 * <pre>{@code
 * Mlp net = new Mlp(new int[] {2, 16, 16, 2}, Activation.TANH, Init.XAVIER_NORMAL, false, rng);
 * Mlp.Trace t = net.forward(x);                       // x (B, 2) → logits (B, 2)
 * SoftmaxCrossEntropy.Loss loss = SoftmaxCrossEntropy.of(t.output(), labels);
 * net.zeroGrad();
 * net.backward(t, loss.grad());                       // fills each layer's gradW, gradB
 * new Sgd(0.1).step(net);
 * }</pre>
 */
public final class Mlp {
  private final List<Dense> layers = new ArrayList<>();
  private final boolean residual;

  /**
   * @param sizes widths from input to output: {n_0, n_1, …, n_L}; layers 1…L−1 are hidden
   * @param init how every layer's weights are drawn (the output layer's too); biases start at 0
   * @param residual add the skip connection around hidden layers of equal width
   */
  public Mlp(int[] sizes, Activation hidden, Init init, boolean residual, Rng rng) {
    if (sizes.length < 2) {
      throw new IllegalArgumentException("an MLP needs at least input and output sizes");
    }
    for (int size : sizes) {
      if (size < 1) {
        throw new IllegalArgumentException("layer sizes must be positive: "
            + java.util.Arrays.toString(sizes));
      }
    }
    for (int l = 1; l < sizes.length; l++) {
      Activation f = l == sizes.length - 1 ? Activation.IDENTITY : hidden;
      layers.add(new Dense(init.draw(sizes[l], sizes[l - 1], rng), f));
    }
    this.residual = residual;
  }

  public List<Dense> layers() {
    return layers;
  }

  /** Whether layer l adds its input to its output. */
  public boolean isResidual(int l) {
    Dense d = layers.get(l);
    return residual && l < layers.size() - 1 && d.inputs() == d.outputs();
  }

  /** Everything the forward pass computed: per layer its cache and its output h_l (B, n_l). */
  public record Trace(List<Dense.Cache> caches, List<double[][]> outputs) {
    /** The logits, (B, n_L). */
    public double[][] output() {
      return outputs.get(outputs.size() - 1);
    }
  }

  /** x (B, n_0) → logits (B, n_L), keeping every layer's output. */
  public Trace forward(double[][] x) {
    List<Dense.Cache> caches = new ArrayList<>();
    List<double[][]> outputs = new ArrayList<>();
    double[][] h = x;
    for (int l = 0; l < layers.size(); l++) {
      Dense.Cache c = layers.get(l).forward(h);
      caches.add(c);
      h = isResidual(l) ? add(h, c.a()) : c.a(); // h_{l+1} = h_l + f(z) or f(z)
      outputs.add(h);
    }
    return new Trace(caches, outputs);
  }

  /**
   * dOut = dL/dlogits (B, n_L) → adds dL/dW, dL/db to every layer; returns dL/dh for each layer's
   * input, index 0 being dL/dx (B, n_0) and index l the gradient arriving at hidden layer l's
   * input. A residual layer passes its incoming gradient straight through as well:
   * dL/dh_l = dL/dh_{l+1} + (dL/dh_{l+1} through the layer).
   */
  public List<double[][]> backward(Trace t, double[][] dOut) {
    double[][][] dInputs = new double[layers.size()][][];
    double[][] g = dOut;
    for (int l = layers.size() - 1; l >= 0; l--) {
      double[][] through = layers.get(l).backward(t.caches().get(l), g);
      g = isResidual(l) ? add(g, through) : through;
      dInputs[l] = g;
    }
    return List.of(dInputs);
  }

  public void zeroGrad() {
    layers.forEach(Dense::zeroGrad);
  }

  /** ‖dL/dW_l‖_F for every layer, input side first. */
  public double[] gradNorms() {
    return layers.stream().mapToDouble(Dense::gradNorm).toArray();
  }

  /** One step of training on a batch: forward, loss, backward, update. Returns the loss before. */
  public double trainStep(double[][] x, int[] labels, Sgd sgd) {
    Trace t = forward(x);
    SoftmaxCrossEntropy.Loss loss = SoftmaxCrossEntropy.of(t.output(), labels);
    zeroGrad();
    backward(t, loss.grad());
    sgd.step(this);
    return loss.value();
  }

  private static double[][] add(double[][] a, double[][] b) {
    double[][] s = new double[a.length][a[0].length];
    for (int n = 0; n < a.length; n++) {
      for (int i = 0; i < a[0].length; i++) {
        s[n][i] = a[n][i] + b[n][i];
      }
    }
    return s;
  }
}
