package dev.bagu.demos.training;

import dev.bagu.demo.Memo;
import dev.bagu.math.Rng;
import java.util.stream.IntStream;

/**
 * The curves of the {@code layer-norm} demo for one sequence length and seed: BatchNorm's noise
 * and train/inference gap at every batch size of {@link LayerNormDemo#BATCHES}, and its padding
 * errors at every share of {@link LayerNormDemo#PADDINGS}. Each point has its own random stream,
 * keyed by its value (not its index), so a chosen batch or padding on the grid gives exactly the
 * curve's point, and the points can be computed in any order.
 *
 * <p>The curves do not depend on the chosen batch or padding, so they are memoised: a small
 * bounded static cache (the {@link #CACHED} most recently used (seq, seed) pairs) lets moving
 * those parameters, or a rerun, reuse them. The numbers are the same either way.
 *
 * @param noise std of one token's BatchNorm output over random batches, per batch size
 * @param gap mean |train-mode − inference-mode output|, per batch size
 * @param padMean relative error of a feature's mean with the pads counted, per padding share
 * @param padStd relative error of a feature's std with the pads counted, per padding share
 */
record NormCurves(double[] noise, double[] gap, double[] padMean, double[] padStd) {
  static final int CACHED = 8;

  private record Key(int seq, long seed) {}

  private static final Memo<Key, NormCurves> CACHE = new Memo<>(CACHED);

  /** The curves for seq positions per sequence and this seed; callers get their own arrays. */
  static NormCurves of(int seq, long seed) {
    NormCurves c = CACHE.get(new Key(seq, seed), () -> compute(seq, seed));
    return new NormCurves(c.noise.clone(), c.gap.clone(), c.padMean.clone(), c.padStd.clone());
  }

  /**
   * Every point, no cache. The points are independent (each its own stream), so they are worked
   * out in parallel, in any order: a seq change, about 28 ms on one core, was the whole of the
   * window's wait.
   */
  static NormCurves compute(int seq, long seed) {
    int[] batches = LayerNormDemo.BATCHES;
    double[] paddings = LayerNormDemo.PADDINGS;
    double[] noise = new double[batches.length];
    double[] gap = new double[batches.length];
    double[] padMean = new double[paddings.length];
    double[] padStd = new double[paddings.length];
    int curves = 2 * batches.length;
    IntStream.range(0, curves + paddings.length).parallel().forEach(task -> {
      if (task < curves) {
        int i = task / 2;
        if (task % 2 == 0) {
          gap[i] = gap(batches[i], seq, seed);
        } else {
          noise[i] = noise(batches[i], seq, seed);
        }
      } else {
        int i = task - curves;
        double[] e = padding(paddings[i], seq, seed);
        padMean[i] = e[0];
        padStd[i] = e[1];
      }
    });
    return new NormCurves(noise, gap, padMean, padStd);
  }

  /** One point of the noise curve (it need not be on the grid). */
  static double noise(int batch, int seq, long seed) {
    return NormExperiments.batchNoise(batch, seq, LayerNormDemo.DRAWS,
        Rng.stream(seed, 2, batch));
  }

  /** One point of the train/inference curve. */
  static double gap(int batch, int seq, long seed) {
    return NormExperiments.trainEvalGap(batch, seq, LayerNormDemo.GAP_STEPS,
        Rng.stream(seed, 3, batch));
  }

  /** One point of the padding curves: {mean error, std error}. */
  static double[] padding(double share, int seq, long seed) {
    return NormExperiments.paddingBias(LayerNormDemo.PAD_BATCH, seq, share,
        Rng.stream(seed, 4, (int) Math.round(share * 1000)));
  }

  /** Index of batch in BATCHES, or −1. */
  static int batchIndex(int batch) {
    int[] batches = LayerNormDemo.BATCHES;
    for (int i = 0; i < batches.length; i++) {
      if (batches[i] == batch) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the padding share in PADDINGS, or −1. */
  static int paddingIndex(double share) {
    double[] paddings = LayerNormDemo.PADDINGS;
    for (int i = 0; i < paddings.length; i++) {
      if (paddings[i] == share) {
        return i;
      }
    }
    return -1;
  }
}
