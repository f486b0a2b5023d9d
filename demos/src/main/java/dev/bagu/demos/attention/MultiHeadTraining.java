package dev.bagu.demos.attention;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trains a {@link MultiHeadAttention} with causal mask on a {@link TwoRelationsTask} by full-batch
 * Adam on the mean squared error per scored row, L = (1/R) Σ_rows ‖Ŷ_i − Y_i‖², with the hand-
 * written backward pass of {@link OneHotAttention} (the same as the shared AttentionBackward,
 * specialised to one-hot inputs). The total value width is 2V for every h:
 * h heads of d_v = 2V/h, so one head and two heads have the same output width.
 */
public final class MultiHeadTraining {
  private MultiHeadTraining() {}

  /**
   * The trained model, its training loss after every step (index 0: before training) and its
   * test loss at the steps {@code testSteps} (about {@value #TEST_POINTS} evenly spaced steps,
   * first and last included: the test set is larger than the training set, so testing at every
   * step would cost more than the training).
   */
  public record Run(MultiHeadAttention model, double[] loss, double[] testSteps,
      double[] testLoss) {
    public double finalLoss() {
      return loss[loss.length - 1];
    }

    public double finalTestLoss() {
      return testLoss[testLoss.length - 1];
    }
  }

  /** How many steps the test loss is measured at (at most). */
  static final int TEST_POINTS = 11;

  /** A model of h heads of width d_k, d_v = 2V/h, N(0, 1/fan_in) weights. */
  public static MultiHeadAttention initial(TwoRelationsTask task, int heads, int dk, Rng rng) {
    int width = 2 * task.vocab();
    if (width % heads != 0) {
      throw new IllegalArgumentException("2·vocab = " + width + " is not a multiple of " + heads);
    }
    List<AttentionHead> list = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      list.add(AttentionHead.random(task.dModel(), dk, width / heads, false, rng));
    }
    return new MultiHeadAttention(list, Matrices.gaussian(width, width, 1 / Math.sqrt(width),
        rng));
  }

  public static Run train(TwoRelationsTask task, TwoRelationsTask test,
      MultiHeadAttention model, int steps, double learningRate) {
    return train(task, test, model, steps, learningRate, TEST_POINTS);
  }

  /**
   * As {@link #train(TwoRelationsTask, TwoRelationsTask, MultiHeadAttention, int, double)}, the
   * test loss measured at {@code testPoints} steps at most (a preview's fewer: the test set's
   * passes were a third of its training). Testing only reads the model.
   */
  public static Run train(TwoRelationsTask task, TwoRelationsTask test,
      MultiHeadAttention model, int steps, double learningRate, int testPoints) {
    List<double[][]> params = parameters(model);
    Adam adam = new Adam(params, learningRate);
    OneHotAttention pass = new OneHotAttention(task, model);
    OneHotAttention testPass = new OneHotAttention(test, model);
    List<double[][]> grads = new ArrayList<>();
    for (double[][] p : params) {
      grads.add(new double[p.length][p[0].length]);
    }
    double[] loss = new double[steps + 1];
    int points = Math.min(steps + 1, testPoints);
    double[] testSteps = new double[points];
    double[] testLoss = new double[points];
    int next = 0;
    for (int t = 0; t <= steps; t++) {
      if (next < points && t == testStep(next, points, steps)) {
        testSteps[next] = t;
        testLoss[next++] = testPass.loss();
      }
      for (double[][] g : grads) {
        for (double[] row : g) {
          Arrays.fill(row, 0);
        }
      }
      loss[t] = pass.lossAndGradient(grads);
      if (t < steps) {
        adam.step(grads);
      }
    }
    return new Run(model, loss, testSteps, testLoss);
  }

  /** The k-th of {@code points} evenly spaced steps in [0, steps], first and last included. */
  private static int testStep(int k, int points, int steps) {
    return points == 1 ? 0 : (int) Math.round((double) k * steps / (points - 1));
  }

  /** The error per scored row of a model on a task (no gradient). */
  public static double loss(TwoRelationsTask task, MultiHeadAttention model) {
    return new OneHotAttention(task, model).loss();
  }

  /** W_Q, W_K, W_V of every head, then W_O: the order of the gradients too. */
  static List<double[][]> parameters(MultiHeadAttention model) {
    List<double[][]> p = new ArrayList<>();
    for (AttentionHead h : model.heads()) {
      p.add(h.wq());
      p.add(h.wk());
      p.add(h.wv());
    }
    p.add(model.wo());
    return p;
  }

  /** The loss, and its gradient appended to {@code grads} in {@link #parameters} order. */
  static double lossAndGradient(TwoRelationsTask task, MultiHeadAttention model,
      List<double[][]> grads) {
    List<double[][]> sum = new ArrayList<>();
    for (double[][] p : parameters(model)) {
      sum.add(new double[p.length][p[0].length]);
    }
    double loss = new OneHotAttention(task, model).lossAndGradient(sum);
    grads.addAll(sum);
    return loss;
  }
}
