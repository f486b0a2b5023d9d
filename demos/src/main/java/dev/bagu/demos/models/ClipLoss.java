package dev.bagu.demos.models;

import dev.bagu.math.Softmax;

/**
 * CLIP's symmetric InfoNCE loss (Radford et al. 2021, Fig. 3), forward and backward. For a batch
 * of N pairs, image embeddings I (N, d) and text embeddings T (N, d), both L2-normalised rows:
 *
 * <pre>
 *   logits = exp(t) · I Tᵀ                       (N, N)   pair i with text j; exp(t) = 1/τ
 *   loss   = ½ [CE(rows: image → its text) + CE(columns: text → its image)],  labels = 0…N−1
 * </pre>
 *
 * Backward, with P = softmax over each row and Q = softmax over each column of the logits:
 *
 * <pre>
 *   ∂loss/∂logits = G = ½ [(P − Id) + (Q − Id)] / N
 *   ∂I = exp(t) · G T,   ∂T = exp(t) · Gᵀ I,   ∂t = Σ_ij G_ij · logits_ij
 * </pre>
 */
public final class ClipLoss {
  private ClipLoss() {}

  /** The loss, its gradients, and the logits it was computed from. */
  public record Value(double loss, double[][] logits, double[][] dImages, double[][] dTexts,
      double dLogScale) {}

  /** Loss and gradients for normalised embeddings and log logit scale t. */
  public static Value of(double[][] images, double[][] texts, double logScale) {
    int n = images.length;
    double scale = Math.exp(logScale);
    double[][] logits = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        logits[i][j] = scale * dot(images[i], texts[j]);
      }
    }
    double loss = 0;
    double[][] g = new double[n][n];
    double[] column = new double[n];
    for (int i = 0; i < n; i++) {
      // Row i: which text belongs to image i. −log P_ii = logSumExp(row) − logits_ii.
      loss += Softmax.logSumExp(logits[i]) - logits[i][i];
      double[] p = Softmax.of(logits[i]);
      for (int j = 0; j < n; j++) {
        g[i][j] += 0.5 * (p[j] - (i == j ? 1 : 0)) / n;
      }
    }
    for (int j = 0; j < n; j++) {
      // Column j: which image belongs to text j.
      for (int i = 0; i < n; i++) {
        column[i] = logits[i][j];
      }
      loss += Softmax.logSumExp(column) - logits[j][j];
      double[] q = Softmax.of(column);
      for (int i = 0; i < n; i++) {
        g[i][j] += 0.5 * (q[i] - (i == j ? 1 : 0)) / n;
      }
    }
    loss /= 2.0 * n;
    int d = images[0].length;
    double[][] dImages = new double[n][d];
    double[][] dTexts = new double[n][d];
    double dLogScale = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double gij = g[i][j];
        dLogScale += gij * logits[i][j];
        for (int k = 0; k < d; k++) {
          dImages[i][k] += scale * gij * texts[j][k];
          dTexts[j][k] += scale * gij * images[i][k];
        }
      }
    }
    return new Value(loss, logits, dImages, dTexts, dLogScale);
  }

  /** The loss alone, without the gradients' O(N²·d) work. */
  public static double loss(double[][] images, double[][] texts, double logScale) {
    return lossOfCosines(ClipContrastiveDemo.cosines(images, texts), Math.exp(logScale));
  }

  /**
   * The loss from the cosine matrix I Tᵀ (N, N) and the logit scale exp(t): curves against the
   * temperature compute the cosines once and rescale them (the same sums as {@link #of}).
   */
  public static double lossOfCosines(double[][] cosines, double scale) {
    int n = cosines.length;
    double[][] logits = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        logits[i][j] = scale * cosines[i][j];
      }
    }
    double loss = 0;
    for (int i = 0; i < n; i++) {
      loss += Softmax.logSumExp(logits[i]) - logits[i][i];
    }
    double[] column = new double[n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        column[i] = logits[i][j];
      }
      loss += Softmax.logSumExp(column) - logits[j][j];
    }
    return loss / (2.0 * n);
  }

  /** Rows scaled to unit length, (N, d). */
  public static double[][] normalised(double[][] x) {
    double[][] e = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double norm = Math.sqrt(dot(x[i], x[i]));
      e[i] = new double[x[i].length];
      for (int k = 0; k < x[i].length; k++) {
        e[i][k] = x[i][k] / norm;
      }
    }
    return e;
  }

  /** Backward through e = x/‖x‖: ∂x = (∂e − e (e·∂e)) / ‖x‖, row by row. */
  public static double[][] normalisedBackward(double[][] x, double[][] e, double[][] de) {
    double[][] dx = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double norm = Math.sqrt(dot(x[i], x[i]));
      double ede = dot(e[i], de[i]);
      dx[i] = new double[x[i].length];
      for (int k = 0; k < x[i].length; k++) {
        dx[i][k] = (de[i][k] - e[i][k] * ede) / norm;
      }
    }
    return dx;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
