package dev.bagu.demos.finetune;

import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;
import java.util.List;

/**
 * A small imbalanced binary task: a majority class (y = −1) N((0, 0), I) and a minority class
 * (y = +1) N((2, 1.5), I), `imbalance` times fewer. A linear score s = w·x + b is trained by
 * full-batch Adam on the mean of one {@link MarginLoss}; its decision boundary is the line s = 0.
 */
public final class ImbalancedTask {
  private ImbalancedTask() {}

  static final double[] MINORITY_MEAN = {2, 1.5};
  static final int MAJORITY = 400;
  static final int STEPS = 400;
  static final double LEARNING_RATE = 0.05;

  /** Points (n × 2) with labels ±1. */
  public record Data(double[][] x, int[] y) {}

  public static Data sample(int majority, int minority, Rng rng) {
    int n = majority + minority;
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i < majority ? -1 : 1;
      double[] mean = y[i] > 0 ? MINORITY_MEAN : new double[] {0, 0};
      x[i][0] = mean[0] + rng.gaussian();
      x[i][1] = mean[1] + rng.gaussian();
    }
    return new Data(x, y);
  }

  /** A trained boundary w·x + b = 0. */
  public record Model(double w0, double w1, double b) {
    double score(double[] x) {
      return w0 * x[0] + w1 * x[1] + b;
    }
  }

  public static Model train(MarginLoss loss, MarginLoss.Knobs knobs, Data data) {
    return train(loss, knobs, data, STEPS);
  }

  /** The same for a given number of full-batch Adam steps (the window's preview: fewer). */
  public static Model train(MarginLoss loss, MarginLoss.Knobs knobs, Data data, int steps) {
    double[][] w = new double[1][2];
    double[][] b = new double[1][1];
    Adam adam = new Adam(List.of(w, b), LEARNING_RATE);
    int n = data.y().length;
    for (int step = 0; step < steps; step++) {
      double[][] gw = new double[1][2];
      double[][] gb = new double[1][1];
      for (int i = 0; i < n; i++) {
        double[] x = data.x()[i];
        int y = data.y()[i];
        double m = y * (w[0][0] * x[0] + w[0][1] * x[1] + b[0][0]);
        double g = loss.gradient(m, knobs) * y / n; // ∂L/∂s = ∂L/∂m · y
        gw[0][0] += g * x[0];
        gw[0][1] += g * x[1];
        gb[0][0] += g;
      }
      adam.step(List.of(gw, gb));
    }
    return new Model(w[0][0], w[0][1], b[0][0]);
  }

  /** Recall of each class and their mean (balanced accuracy), on a test set. */
  public record Scores(double minorityRecall, double majorityRecall, double balancedAccuracy) {}

  public static Scores score(Model model, Data test) {
    int[] right = new int[2];
    int[] total = new int[2];
    for (int i = 0; i < test.y().length; i++) {
      int c = test.y()[i] > 0 ? 1 : 0;
      total[c]++;
      right[c] += (model.score(test.x()[i]) > 0) == (test.y()[i] > 0) ? 1 : 0;
    }
    double minority = (double) right[1] / total[1];
    double majority = (double) right[0] / total[0];
    return new Scores(minority, majority, (minority + majority) / 2);
  }
}
