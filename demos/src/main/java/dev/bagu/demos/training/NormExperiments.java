package dev.bagu.demos.training;

import dev.bagu.math.Rng;

/**
 * The experiments of the {@code layer-norm} demo. Features are drawn with their own means and
 * scales (feature d ~ N(μ_d, s_d²)), as the summed inputs of a layer have.
 */
public final class NormExperiments {
  private NormExperiments() {}

  public static final int FEATURES = 8;

  /** μ_d in [−2, 2] and s_d in [0.5, 3], the same for every draw. */
  private static final double[] MU = new double[FEATURES];
  private static final double[] SCALE = new double[FEATURES];

  static {
    Rng fixed = Rng.stream(17, 0);
    for (int k = 0; k < FEATURES; k++) {
      MU[k] = fixed.uniform(-2, 2);
      SCALE[k] = fixed.uniform(0.5, 3);
    }
  }

  /** x[b][t][d] = μ_d + s_d·N(0, 1), μ_d in [−2, 2], s_d in [0.5, 3]. */
  public static double[][][] tensor(int batch, int seq, Rng rng) {
    double[][][] x = new double[batch][seq][FEATURES];
    for (double[][] ex : x) {
      for (double[] pos : ex) {
        for (int k = 0; k < FEATURES; k++) {
          pos[k] = MU[k] + SCALE[k] * rng.gaussian();
        }
      }
    }
    return x;
  }

  /**
   * Ba et al. 2016, Table 1, checked with eps = 0 on a random tensor: the largest change of the
   * output under each transformation of the input. 0 (to rounding) means invariant.
   *
   * @param lnExampleScale LayerNorm, one example's positions scaled by 3.7 (Table 1: invariant)
   * @param lnExampleShift LayerNorm, one example's positions shifted by 5 in every feature
   *     (weight-matrix re-centring: invariant)
   * @param lnFeatureScale LayerNorm, every position scaled feature by feature (dataset re-scaling
   *     per feature, weight-vector re-scaling: not invariant)
   * @param bnFeatureScale BatchNorm, the same per-feature scaling (invariant)
   * @param bnFeatureShift BatchNorm, a per-feature shift of the whole batch (dataset re-centring:
   *     invariant)
   * @param bnExampleScale BatchNorm, one example scaled by 3.7 (single-case re-scaling: not
   *     invariant; the other examples' outputs change too)
   * @param rmsVsLn max |RMSNorm(x − mean) − LayerNorm(x)| per position (equal on zero-mean input)
   */
  public record Invariances(double lnExampleScale, double lnExampleShift, double lnFeatureScale,
      double bnFeatureScale, double bnFeatureShift, double bnExampleScale, double rmsVsLn) {}

  public static Invariances invariances(Rng rng) {
    double[][][] x = tensor(16, 8, rng);
    double[][][] ln = Norms.layerNorm(x, 0);
    double[] mean = new double[FEATURES];
    double[] var = new double[FEATURES];
    double[][][] bn = Norms.batchNorm(x, null, 0, mean, var);
    double[] scale = new double[FEATURES];
    double[] shift = new double[FEATURES];
    for (int k = 0; k < FEATURES; k++) {
      scale[k] = 0.5 + k; // 0.5, 1.5, …: not uniform
      shift[k] = 3 - k;
    }
    double[][][] oneScaled = copy(x);
    double[][][] oneShifted = copy(x);
    double[][][] featScaled = copy(x);
    double[][][] featShifted = copy(x);
    for (int t = 0; t < x[0].length; t++) {
      for (int k = 0; k < FEATURES; k++) {
        oneScaled[0][t][k] *= 3.7;
        oneShifted[0][t][k] += 5;
      }
    }
    for (double[][] ex : featScaled) {
      for (double[] pos : ex) {
        for (int k = 0; k < FEATURES; k++) {
          pos[k] *= scale[k];
        }
      }
    }
    for (double[][] ex : featShifted) {
      for (double[] pos : ex) {
        for (int k = 0; k < FEATURES; k++) {
          pos[k] += shift[k];
        }
      }
    }
    double rms = 0;
    for (double[][] ex : x) {
      for (double[] pos : ex) {
        double m = 0;
        for (double v : pos) {
          m += v / pos.length;
        }
        double[] centred = new double[pos.length];
        for (int k = 0; k < pos.length; k++) {
          centred[k] = pos[k] - m;
        }
        double[] a = Norms.rmsNorm(centred, 0);
        double[] b = Norms.layerNorm(pos, 0);
        for (int k = 0; k < pos.length; k++) {
          rms = Math.max(rms, Math.abs(a[k] - b[k]));
        }
      }
    }
    return new Invariances(
        Norms.maxDiff(Norms.layerNorm(oneScaled, 0), ln),
        Norms.maxDiff(Norms.layerNorm(oneShifted, 0), ln),
        Norms.maxDiff(Norms.layerNorm(featScaled, 0), ln),
        Norms.maxDiff(Norms.batchNorm(featScaled, null, 0, new double[FEATURES],
            new double[FEATURES]), bn),
        Norms.maxDiff(Norms.batchNorm(featShifted, null, 0, new double[FEATURES],
            new double[FEATURES]), bn),
        Norms.maxDiff(Norms.batchNorm(oneScaled, null, 0, new double[FEATURES],
            new double[FEATURES]), bn),
        rms);
  }

  static double[][][] copy(double[][][] x) {
    double[][][] c = new double[x.length][][];
    for (int b = 0; b < x.length; b++) {
      c[b] = new double[x[b].length][];
      for (int t = 0; t < x[b].length; t++) {
        c[b][t] = x[b][t].clone();
      }
    }
    return c;
  }

  /**
   * How much one fixed token's normalised output moves when its batch-mates change: the standard
   * deviation, over {@code draws} random batches of {@code batch} sequences of {@code seq}
   * positions, of BatchNorm's output for the token's feature 0 (LayerNorm's is exactly 0: it
   * never looks at the batch).
   */
  public static double batchNoise(int batch, int seq, int draws, Rng rng) {
    // Only feature 0 enters the token's feature-0 output, so only it is drawn: x ~ N(μ₀, s₀²).
    double mu = featureMean(0);
    double sd = featureScale(0);
    double token = mu + sd * rng.gaussian();
    int n = batch * seq;
    double sum = 0;
    double sumSq = 0;
    for (int r = 0; r < draws; r++) {
      double s1 = token;
      double s2 = token * token;
      for (int i = 1; i < n; i++) {
        double v = mu + sd * rng.gaussian();
        s1 += v;
        s2 += v * v;
      }
      double mean = s1 / n;
      double var = Math.max(0, s2 / n - mean * mean);
      double out = (token - mean) / Math.sqrt(var + 1e-5);
      sum += out;
      sumSq += out * out;
    }
    double m = sum / draws;
    return Math.sqrt(Math.max(0, sumSq / draws - m * m));
  }

  /** μ_d of the features {@link #tensor} draws. */
  static double featureMean(int d) {
    return MU[d];
  }

  /** s_d of the features {@link #tensor} draws. */
  static double featureScale(int d) {
    return SCALE[d];
  }

  /**
   * BatchNorm over a padded batch: sequences of random length, padded with zeros to seq, a share
   * {@code padding} of the positions being pads on average. Returns {relative error of the mean
   * of feature 0 estimated with the pads counted, relative error of its std} against the
   * statistics of the real positions only.
   */
  public static double[] paddingBias(int batch, int seq, double padding, Rng rng) {
    double[][][] x = tensor(batch, seq, rng);
    boolean[][] real = new boolean[batch][seq];
    for (int b = 0; b < batch; b++) {
      // padded positions: seq·padding on average, from none up to twice that
      int pads = (int) Math.round(seq * padding * rng.uniform(0, 2));
      int len = Math.max(1, Math.min(seq, seq - pads));
      for (int t = 0; t < seq; t++) {
        real[b][t] = t < len;
        if (!real[b][t]) {
          java.util.Arrays.fill(x[b][t], 0);
        }
      }
    }
    double[] mAll = new double[FEATURES];
    double[] vAll = new double[FEATURES];
    Norms.batchNorm(x, null, 0, mAll, vAll);
    double[] mReal = new double[FEATURES];
    double[] vReal = new double[FEATURES];
    Norms.batchNorm(x, real, 0, mReal, vReal);
    return new double[] {Math.abs(mAll[0] - mReal[0]) / Math.abs(mReal[0]),
        Math.abs(Math.sqrt(vAll[0]) - Math.sqrt(vReal[0])) / Math.sqrt(vReal[0])};
  }

  /**
   * Train against inference: running statistics updated as torch does (momentum 0.1, unbiased
   * running variance) over {@code steps} batches, then the mean |BN_train(x) − BN_eval(x)| over
   * the positions of one more batch.
   */
  public static double trainEvalGap(int batch, int seq, int steps, Rng rng) {
    double[] runMean = new double[FEATURES];
    double[] runVar = new double[FEATURES];
    java.util.Arrays.fill(runVar, 1);
    int n = batch * seq;
    double[] flat = new double[n * FEATURES]; // one batch, positions × features, reused
    double[] m = new double[FEATURES];
    double[] v = new double[FEATURES];
    for (int s = 0; s < steps; s++) {
      batchStats(batch, seq, rng, flat, m, v);
      for (int k = 0; k < FEATURES; k++) {
        runMean[k] = 0.9 * runMean[k] + 0.1 * m[k];
        runVar[k] = 0.9 * runVar[k] + 0.1 * v[k] * n / Math.max(1, n - 1);
      }
    }
    double[][][] x = tensor(batch, seq, rng);
    double[][][] train = Norms.batchNorm(x, null, 1e-5, new double[FEATURES],
        new double[FEATURES]);
    double[][][] eval = Norms.withStats(x, runMean, runVar, 1e-5);
    double sum = 0;
    int count = 0;
    for (int b = 0; b < batch; b++) {
      for (int t = 0; t < seq; t++) {
        for (int k = 0; k < FEATURES; k++) {
          sum += Math.abs(train[b][t][k] - eval[b][t][k]);
          count++;
        }
      }
    }
    return sum / count;
  }

  /**
   * BatchNorm's statistics (mean, biased variance) per feature of one batch {@link #tensor} would
   * draw, without building the tensor: the same draws in the same order, and the same two-pass
   * sums as {@link Norms#batchNorm}, so the numbers are identical. flat holds batch·seq·FEATURES
   * values, (position, feature) row-major.
   */
  static void batchStats(int batch, int seq, Rng rng, double[] flat, double[] mean,
      double[] var) {
    int n = batch * seq;
    for (int i = 0, at = 0; i < n; i++) {
      for (int k = 0; k < FEATURES; k++) {
        flat[at++] = MU[k] + SCALE[k] * rng.gaussian();
      }
    }
    java.util.Arrays.fill(mean, 0);
    java.util.Arrays.fill(var, 0);
    for (int i = 0, at = 0; i < n; i++) {
      for (int k = 0; k < FEATURES; k++) {
        mean[k] += flat[at++];
      }
    }
    for (int k = 0; k < FEATURES; k++) {
      mean[k] /= n;
    }
    for (int i = 0, at = 0; i < n; i++) {
      for (int k = 0; k < FEATURES; k++) {
        double c = flat[at++] - mean[k];
        var[k] += c * c;
      }
    }
    for (int k = 0; k < FEATURES; k++) {
      var[k] /= n;
    }
  }

  /** max |LayerNorm output of one token in batch A − in batch B| (other tokens redrawn). */
  public static double lnBatchDependence(int batch, int seq, Rng rng) {
    double[][][] a = tensor(batch, seq, rng);
    double[][][] b = tensor(batch, seq, rng);
    b[0][0] = a[0][0].clone();
    double[] la = Norms.layerNorm(a, 1e-5)[0][0];
    double[] lb = Norms.layerNorm(b, 1e-5)[0][0];
    double m = 0;
    for (int k = 0; k < la.length; k++) {
      m = Math.max(m, Math.abs(la[k] - lb[k]));
    }
    return m;
  }
}
