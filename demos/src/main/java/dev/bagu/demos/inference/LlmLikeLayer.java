package dev.bagu.demos.inference;

import dev.bagu.math.Rng;

/**
 * A linear layer and calibration inputs that look like an LLM's where quantization cares:
 * heavy-tailed weights (Student's t with ν = 4: a few weights far out stretch every min–max
 * grid) and inputs whose channels are correlated (neighbouring features move together, so
 * rounding errors in different columns can cancel or add up) with a few outlier channels many
 * times larger than the rest (Dettmers et al. 2022, LLM.int8(), §3.2).
 *
 * @param w weights (rows = output channels, cols = input channels)
 * @param x calibration inputs (cols, samples)
 * @param outlierChannels the input channels made large
 */
public record LlmLikeLayer(double[][] w, double[][] x, int[] outlierChannels) {
  /** Degrees of freedom of the weights' t distribution: finite variance, heavy tails. */
  static final int NU = 4;

  /**
   * The layer: weights from {@code weightRng}, calibration inputs from {@code inputRng}. Two
   * streams, so the inputs do not depend on the number of output channels: a change of rows
   * keeps them, and what is computed from them alone (GPTQ's Hessian) can be reused.
   */
  public static LlmLikeLayer generate(int rows, int cols, int samples, double correlation,
      int outliers, double outlierScale, Rng weightRng, Rng inputRng) {
    Inputs in = inputs(cols, samples, correlation, outliers, outlierScale, inputRng);
    return new LlmLikeLayer(weights(rows, cols, weightRng), in.x(), in.outlierChannels());
  }

  /** Heavy-tailed weights (rows, cols): 0.02 · t_ν. */
  static double[][] weights(int rows, int cols, Rng rng) {
    double[][] w = new double[rows][cols];
    for (double[] row : w) {
      for (int c = 0; c < cols; c++) {
        row[c] = 0.02 * studentT(rng);
      }
    }
    return w;
  }

  /** Calibration inputs (cols, samples) and the channels made large. */
  public record Inputs(double[][] x, int[] outlierChannels) {}

  /** Correlated unit-variance channels, {@code outliers} of them scaled by outlierScale. */
  static Inputs inputs(int cols, int samples, double correlation, int outliers,
      double outlierScale, Rng rng) {
    // Outlier channels: distinct, spread over the width, drawn without replacement.
    int[] channels = new int[outliers];
    boolean[] taken = new boolean[cols];
    for (int i = 0; i < outliers; i++) {
      int c;
      do {
        c = rng.nextInt(cols);
      } while (taken[c]);
      taken[c] = true;
      channels[i] = c;
    }
    // x_c = ρ x_{c−1} + √(1 − ρ²) z_c along the channels: unit variance, corr ρ^|c − c'|.
    double[][] x = new double[cols][samples];
    double keep = Math.sqrt(1 - correlation * correlation);
    for (int s = 0; s < samples; s++) {
      double prev = rng.gaussian();
      for (int c = 0; c < cols; c++) {
        double v = c == 0 ? prev : correlation * prev + keep * rng.gaussian();
        x[c][s] = v;
        prev = v;
      }
    }
    for (int c : channels) {
      for (int s = 0; s < samples; s++) {
        x[c][s] *= outlierScale;
      }
    }
    return new Inputs(x, channels);
  }

  /** t_ν = z / √(χ²_ν / ν), scaled to unit variance (Var t_ν = ν / (ν − 2)). */
  static double studentT(Rng rng) {
    double chi2 = 0;
    for (int i = 0; i < NU; i++) {
      double g = rng.gaussian();
      chi2 += g * g;
    }
    return rng.gaussian() / Math.sqrt(chi2 / NU) / Math.sqrt(NU / (NU - 2.0));
  }

  /** Every weight in one array, row by row. */
  public double[] weights() {
    double[] all = new double[w.length * w[0].length];
    for (int r = 0; r < w.length; r++) {
      System.arraycopy(w[r], 0, all, r * w[0].length, w[0].length);
    }
    return all;
  }
}
