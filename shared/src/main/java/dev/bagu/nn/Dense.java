package dev.bagu.nn;

import dev.bagu.math.RowDots;

/**
 * One fully connected layer with its non-linearity: a = f(z), z = x Wᵀ + b. The batch is the
 * first index of every array, B examples of width n_in in, n_out out. The backward pass sits
 * beside the forward pass and uses what the forward pass kept.
 */
public final class Dense {
  public final double[][] w; // (n_out, n_in)
  public final double[] b; // (n_out)
  public final double[][] gradW; // (n_out, n_in), dL/dW summed over the batch
  public final double[] gradB; // (n_out)
  public final Activation activation;

  public Dense(double[][] w, Activation activation) {
    this.w = w;
    this.b = new double[w.length];
    this.gradW = new double[w.length][w[0].length];
    this.gradB = new double[w.length];
    this.activation = activation;
  }

  public int inputs() {
    return w[0].length;
  }

  public int outputs() {
    return w.length;
  }

  /** What the forward pass keeps for the backward pass. */
  public record Cache(double[][] x, double[][] z, double[][] a) {}

  /** x (B, n_in) → a (B, n_out): z = b + W x per example, by {@link RowDots}, then a = f(z). */
  public Cache forward(double[][] x) {
    int batch = x.length;
    int nOut = outputs();
    double[][] z = new double[batch][nOut];
    double[][] a = new double[batch][nOut];
    for (int n = 0; n < batch; n++) {
      double[] zn = z[n];
      RowDots.into(w, x[n], b, zn);
      double[] an = a[n];
      for (int o = 0; o < nOut; o++) {
        an[o] = activation.apply(zn[o]);
      }
    }
    return new Cache(x, z, a);
  }

  /**
   * da = dL/da (B, n_out) → dL/dx (B, n_in); adds dL/dW and dL/db to the gradients.
   * dz = da ⊙ f'(z); dW = dzᵀ x; db = Σ_batch dz; dx = dz W.
   */
  public double[][] backward(Cache c, double[][] da) {
    int batch = da.length;
    int nOut = outputs();
    int nIn = inputs();
    double[][] dx = new double[batch][nIn];
    for (int n = 0; n < batch; n++) {
      double[] xn = c.x[n];
      double[] dxn = dx[n];
      for (int o = 0; o < nOut; o++) {
        double dz = da[n][o] * activation.derivative(c.z[n][o], c.a[n][o]);
        if (dz == 0) {
          continue; // a dead ReLU unit passes nothing back
        }
        gradB[o] += dz;
        double[] wo = w[o];
        double[] gwo = gradW[o];
        for (int i = 0; i < nIn; i++) {
          gwo[i] += dz * xn[i];
          dxn[i] += dz * wo[i];
        }
      }
    }
    return dx;
  }

  /** Sets the gradients to 0 before the next backward pass. */
  public void zeroGrad() {
    for (double[] row : gradW) {
      java.util.Arrays.fill(row, 0);
    }
    java.util.Arrays.fill(gradB, 0);
  }

  /** ‖dL/dW‖_F, the Frobenius norm of this layer's weight gradient. */
  public double gradNorm() {
    double s = 0;
    for (double[] row : gradW) {
      for (double g : row) {
        s += g * g;
      }
    }
    return Math.sqrt(s);
  }
}
