package dev.bagu.demos.models;

import dev.bagu.demos.models.RecurrentCell.Step;
import dev.bagu.nn.Adam;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent cell run over a sequence from s_0 = 0, with a logistic read-out of the last h:
 * ŷ = v·[h_T; 1], loss = ln(1 + e^{−y ŷ}) for y = ±1. Backpropagation through time calls the
 * cell's own backward step by step, from T down to 1.
 */
final class RecurrentNet {
  final RecurrentCell cell;
  final double[][] readout; // (1, H + 1): weights, then bias
  private final double[][] readoutGrad;

  RecurrentNet(RecurrentCell cell, double[][] readout) {
    this.cell = cell;
    this.readout = readout;
    this.readoutGrad = new double[1][readout[0].length];
  }

  /** A deep copy: same weights, its own gradients. */
  RecurrentNet copy() {
    return new RecurrentNet(cell.copy(), new double[][] {readout[0].clone()});
  }

  /** The steps of one sequence xs (T, X), in order. */
  List<Step> run(double[][] xs) {
    List<Step> steps = new ArrayList<>(xs.length);
    double[] s = new double[cell.stateSize()];
    for (double[] x : xs) {
      Step step = cell.forward(s, x);
      steps.add(step);
      s = step.state();
    }
    return steps;
  }

  /** ŷ, the logit read from the last state. */
  double logit(double[] state) {
    double[] v = readout[0];
    double out = v[cell.hidden()];
    for (int k = 0; k < cell.hidden(); k++) {
      out += v[k] * state[k];
    }
    return out;
  }

  /** ln(1 + e^{−m}) without overflow, m = y ŷ. */
  static double logisticLoss(double margin) {
    return margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin));
  }

  /** Mean loss over the batch; adds the gradients of that mean (cell and read-out). */
  double lossAndBackward(MemoryTask.Batch batch) {
    double total = 0;
    int n = cell.hidden();
    for (int b = 0; b < batch.size(); b++) {
      List<Step> steps = run(batch.x()[b]);
      double[] last = steps.get(steps.size() - 1).state();
      double y = batch.y()[b];
      double margin = y * logit(last);
      total += logisticLoss(margin);
      // dL/dŷ = −y σ(−m), averaged over the batch.
      double dLogit = -y / (1 + Math.exp(margin)) / batch.size();
      double[] dState = new double[cell.stateSize()];
      for (int k = 0; k < n; k++) {
        readoutGrad[0][k] += dLogit * last[k];
        dState[k] = dLogit * readout[0][k];
      }
      readoutGrad[0][n] += dLogit;
      for (int t = steps.size() - 1; t >= 0; t--) {
        dState = cell.backward(steps.get(t), dState);
      }
    }
    return total / batch.size();
  }

  /** Fraction of the batch whose sign of ŷ matches y. */
  double accuracy(MemoryTask.Batch batch) {
    int right = 0;
    for (int b = 0; b < batch.size(); b++) {
      List<Step> steps = run(batch.x()[b]);
      right += batch.y()[b] * logit(steps.get(steps.size() - 1).state()) > 0 ? 1 : 0;
    }
    return (double) right / batch.size();
  }

  List<double[][]> weights() {
    List<double[][]> all = new ArrayList<>(cell.weights());
    all.add(readout);
    return all;
  }

  List<double[][]> gradients() {
    List<double[][]> all = new ArrayList<>(cell.gradients());
    all.add(readoutGrad);
    return all;
  }

  void zeroGrad() {
    cell.zeroGrad();
    java.util.Arrays.fill(readoutGrad[0], 0);
  }

  /** Adam on fresh batches; returns the loss before each step. */
  double[] train(int steps, int batchSize, int length, double learningRate, dev.bagu.math.Rng rng) {
    Adam adam = new Adam(weights(), learningRate);
    double[] losses = new double[steps];
    for (int s = 0; s < steps; s++) {
      zeroGrad();
      losses[s] = lossAndBackward(MemoryTask.batch(batchSize, length, rng));
      adam.step(gradients());
    }
    zeroGrad();
    return losses;
  }
}
