package dev.bagu.demos.models;

import dev.bagu.math.Rng;

/**
 * A task that needs memory: remember the first input for T steps. Each sequence has two input
 * channels: channel 0 carries a bit b = ±1 at t = 0 and 0 after; channel 1 carries N(0, 1) noise
 * at every step, a distraction the state must not let wash the bit out. The target, read from
 * h_T after the last step, is b. Chance is 50% accuracy, a logistic loss of ln 2.
 */
final class MemoryTask {
  static final int INPUTS = 2;

  private MemoryTask() {}

  /** One batch: inputs (batch, T, 2) and targets (batch) in {−1, +1}. */
  record Batch(double[][][] x, double[] y) {
    int size() {
      return y.length;
    }
  }

  static Batch batch(int size, int length, Rng rng) {
    double[][][] x = new double[size][length][INPUTS];
    double[] y = new double[size];
    for (int b = 0; b < size; b++) {
      y[b] = rng.uniform() < 0.5 ? -1 : 1;
      x[b][0][0] = y[b];
      for (int t = 0; t < length; t++) {
        x[b][t][1] = rng.gaussian();
      }
    }
    return new Batch(x, y);
  }
}
