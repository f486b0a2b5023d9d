package dev.bagu.nn;

/** Plain stochastic gradient descent: θ ← θ − lr · ∂L/∂θ, no momentum, no weight decay. */
public final class Sgd {
  private final double learningRate;

  public Sgd(double learningRate) {
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be positive: " + learningRate);
    }
    this.learningRate = learningRate;
  }

  public void step(Mlp net) {
    for (Dense layer : net.layers()) {
      for (int o = 0; o < layer.outputs(); o++) {
        for (int i = 0; i < layer.inputs(); i++) {
          layer.w[o][i] -= learningRate * layer.gradW[o][i];
        }
        layer.b[o] -= learningRate * layer.gradB[o];
      }
    }
  }
}
