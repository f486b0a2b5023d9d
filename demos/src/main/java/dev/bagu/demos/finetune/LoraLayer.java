package dev.bagu.demos.finetune;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;

/**
 * A frozen linear layer W₀ (d_out × d_in) with a LoRA update (Hu et al. 2021, §4.1):
 * h = W₀x + (α/r)·B·A·x, A (r × d_in) drawn at random, B (d_out × r) starting at 0, so the
 * adapted layer starts as exactly the base layer. Only A and B are trained; after training B·A
 * can be merged into W₀ and the layer costs nothing extra at inference.
 */
public final class LoraLayer {
  final double[][] w0; // (d_out, d_in), frozen
  final double[][] a; // (r, d_in)
  final double[][] b; // (d_out, r)
  final double scale; // α / r

  /** A ~ N(0, 1/d_in), B = 0. */
  public LoraLayer(double[][] w0, int rank, double alpha, Rng rng) {
    this.w0 = w0;
    this.a = Matrices.gaussian(rank, w0[0].length, 1 / Math.sqrt(w0[0].length), rng);
    this.b = new double[w0.length][rank];
    this.scale = alpha / rank;
  }

  public int rank() {
    return a.length;
  }

  /** The update the layer adds, (α/r)·B·A (d_out × d_in). */
  public double[][] update() {
    return Matrices.scale(Matrices.multiply(b, a), scale);
  }

  /** W₀ + (α/r)·B·A: the single matrix used at inference after merging. */
  public double[][] merged() {
    return Matrices.add(w0, update());
  }

  /** Unmerged forward pass, x (n, d_in) → h (n, d_out): x W₀ᵀ + (α/r)·(x Aᵀ) Bᵀ. */
  public double[][] forward(double[][] x) {
    return forward(x, base(x));
  }

  /** The same, given the frozen layer's outputs {@code base} = x W₀ᵀ already computed. */
  public double[][] forward(double[][] x, double[][] base) {
    double[][] low = Matrices.multiplyTransposed(Matrices.multiplyTransposed(x, a), b);
    return Matrices.add(base, Matrices.scale(low, scale));
  }

  /** The frozen layer alone, x (n, d_in) → (n, d_out). */
  public double[][] base(double[][] x) {
    return Matrices.multiplyTransposed(x, w0);
  }

  /** Mean squared error ½·mean_n ‖h_n − y_n‖² and its gradients with respect to A and B. */
  public record Gradients(double loss, double[][] dA, double[][] dB) {}

  /**
   * On data x (n, d_in), y (n, d_out). With E = h − y (n, d_out) and G = Eᵀx / n = ∂L/∂(ΔW)
   * (d_out × d_in), ΔW = s·B·A gives ∂L/∂B = s·G·Aᵀ (d_out × r) and ∂L/∂A = s·Bᵀ·G (r × d_in).
   */
  public Gradients gradients(double[][] x, double[][] y) {
    double[][] h = forward(x);
    int n = x.length;
    double loss = 0;
    double[][] e = new double[n][];
    for (int i = 0; i < n; i++) {
      e[i] = new double[h[i].length];
      for (int o = 0; o < h[i].length; o++) {
        e[i][o] = h[i][o] - y[i][o];
        loss += 0.5 * e[i][o] * e[i][o] / n;
      }
    }
    double[][] g = Matrices.scale(Matrices.multiply(Matrices.transpose(e), x), 1.0 / n);
    return fromUpdateGradient(loss, g);
  }

  /** ∂L/∂A and ∂L/∂B from G = ∂L/∂(ΔW), by the chain rule through ΔW = s·B·A. */
  Gradients fromUpdateGradient(double loss, double[][] g) {
    double[][] dB = Matrices.scale(Matrices.multiplyTransposed(g, a), scale); // G Aᵀ
    double[][] dA = Matrices.scale(Matrices.multiply(Matrices.transpose(b), g), scale); // Bᵀ G
    return new Gradients(loss, dA, dB);
  }

  /**
   * The same gradients without touching the data, for inputs whitened so that xᵀx/n = I and
   * targets y = W* x: then h − y = (W₀ + ΔW − W*)x, L = ½‖W₀ + ΔW − W*‖²_F and G is that
   * difference, so a step costs O(r·d²) instead of O(n·d²).
   */
  public Gradients gradientsWhitened(double[][] target) {
    int dOut = w0.length;
    int dIn = w0[0].length;
    int r = rank();
    // diff = W₀ + s·B·A − W* (d_out × d_in), written out: this runs thousands of times per figure.
    double[][] diff = new double[dOut][dIn];
    double loss = 0;
    for (int o = 0; o < dOut; o++) {
      double[] row = diff[o];
      for (int k = 0; k < r; k++) {
        double sb = scale * b[o][k];
        double[] ak = a[k];
        for (int i = 0; i < dIn; i++) {
          row[i] += sb * ak[i];
        }
      }
      for (int i = 0; i < dIn; i++) {
        row[i] += w0[o][i] - target[o][i];
        loss += 0.5 * row[i] * row[i];
      }
    }
    double[][] dB = new double[dOut][r]; // s·G·Aᵀ
    double[][] dA = new double[r][dIn]; // s·Bᵀ·G
    for (int o = 0; o < dOut; o++) {
      double[] row = diff[o];
      for (int k = 0; k < r; k++) {
        double[] ak = a[k];
        double[] dak = dA[k];
        double sb = scale * b[o][k];
        double dot = 0;
        for (int i = 0; i < dIn; i++) {
          dot += row[i] * ak[i];
          dak[i] += sb * row[i];
        }
        dB[o][k] = scale * dot;
      }
    }
    return new Gradients(loss, dA, dB);
  }
}
