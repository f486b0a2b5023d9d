package dev.bagu.demos.training;

/**
 * BatchNorm, LayerNorm and RMSNorm without learned gain and bias, on a (batch, sequence, feature)
 * tensor x[b][t][d], with a mask marking the real (not padded) positions.
 *
 * <pre>
 *   BatchNorm  per feature d, over every (b, t) it counts:  (x − μ_d) / √(σ²_d + eps)
 *   LayerNorm  per position (b, t), over its D features:    (x − μ_bt) / √(σ²_bt + eps)
 *   RMSNorm    per position (b, t):                         x / √(mean_d x² + eps)
 * </pre>
 *
 * BatchNorm's statistics mix the examples of a batch, so one example's output depends on the
 * others, on the batch size and, on padded sequences, on how much padding the batch holds;
 * LayerNorm and RMSNorm look at one position only (Ba, Kiros & Hinton 2016).
 */
public final class Norms {
  private Norms() {}

  /**
   * BatchNorm in training mode: statistics per feature over the positions where {@code counted}
   * is true (every position, pads included, is what a BatchNorm layer on the padded tensor does).
   * Returns {normalised tensor} and writes μ_d, σ²_d (biased) into mean and var.
   */
  public static double[][][] batchNorm(double[][][] x, boolean[][] counted, double eps,
      double[] mean, double[] var) {
    int d = x[0][0].length;
    double[] sum = new double[d];
    double[] sumSq = new double[d];
    long n = 0;
    for (int b = 0; b < x.length; b++) {
      for (int t = 0; t < x[b].length; t++) {
        if (counted == null || counted[b][t]) {
          n++;
          for (int k = 0; k < d; k++) {
            sum[k] += x[b][t][k];
          }
        }
      }
    }
    for (int k = 0; k < d; k++) {
      mean[k] = sum[k] / n;
    }
    for (int b = 0; b < x.length; b++) {
      for (int t = 0; t < x[b].length; t++) {
        if (counted == null || counted[b][t]) {
          for (int k = 0; k < d; k++) {
            double c = x[b][t][k] - mean[k];
            sumSq[k] += c * c;
          }
        }
      }
    }
    for (int k = 0; k < d; k++) {
      var[k] = sumSq[k] / n;
    }
    return withStats(x, mean, var, eps);
  }

  /** (x − mean_d) / √(var_d + eps) everywhere: BatchNorm at inference, with running statistics. */
  public static double[][][] withStats(double[][][] x, double[] mean, double[] var, double eps) {
    double[][][] out = new double[x.length][][];
    for (int b = 0; b < x.length; b++) {
      out[b] = new double[x[b].length][];
      for (int t = 0; t < x[b].length; t++) {
        out[b][t] = new double[mean.length];
        for (int k = 0; k < mean.length; k++) {
          out[b][t][k] = (x[b][t][k] - mean[k]) / Math.sqrt(var[k] + eps);
        }
      }
    }
    return out;
  }

  /** LayerNorm of one position's D features. */
  public static double[] layerNorm(double[] v, double eps) {
    double mean = 0;
    for (double a : v) {
      mean += a;
    }
    mean /= v.length;
    double var = 0;
    for (double a : v) {
      var += (a - mean) * (a - mean);
    }
    var /= v.length;
    double inv = 1 / Math.sqrt(var + eps);
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = (v[k] - mean) * inv;
    }
    return out;
  }

  /** RMSNorm of one position's D features (Zhang & Sennrich 2019). */
  public static double[] rmsNorm(double[] v, double eps) {
    double ms = 0;
    for (double a : v) {
      ms += a * a;
    }
    double inv = 1 / Math.sqrt(ms / v.length + eps);
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] * inv;
    }
    return out;
  }

  /** LayerNorm at every position. */
  public static double[][][] layerNorm(double[][][] x, double eps) {
    double[][][] out = new double[x.length][][];
    for (int b = 0; b < x.length; b++) {
      out[b] = new double[x[b].length][];
      for (int t = 0; t < x[b].length; t++) {
        out[b][t] = layerNorm(x[b][t], eps);
      }
    }
    return out;
  }

  /** Largest |a − b| over two tensors of the same shape. */
  public static double maxDiff(double[][][] a, double[][][] b) {
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      for (int t = 0; t < a[i].length; t++) {
        for (int k = 0; k < a[i][t].length; k++) {
          m = Math.max(m, Math.abs(a[i][t][k] - b[i][t][k]));
        }
      }
    }
    return m;
  }
}
