package dev.bagu.demos.finetune;

import dev.bagu.math.Rng;
import dev.bagu.math.Softmax;
import java.util.Arrays;

/**
 * Distillation on a task whose classes come in similar pairs: K = 6 Gaussian classes in d
 * dimensions, three pairs of means far apart, the two means of a pair close. The teacher is the
 * Bayes posterior (its logits v_k(x) = μ_k·x − ‖μ_k‖²/2 are exact), so its soft targets carry
 * which classes look alike ("dark knowledge"). A linear softmax student is trained from a few
 * labelled points on hard labels, on the teacher's soft targets at temperature T, or on both.
 */
public final class Distillation {
  private Distillation() {}

  public static final int CLASSES = 6;
  /** Distance between the centres of two pairs, and between the two means of a pair. */
  static final double PAIR_SEPARATION = 4.0;
  static final double WITHIN_PAIR = 1.5;

  /** How the student is trained. */
  public enum Training { HARD, SOFT, BOTH }

  /** Class means (K × d): pair p along axis p, its two members ± along axis 3 (d ≥ 4). */
  public static double[][] means(int d) {
    double[][] mu = new double[CLASSES][d];
    for (int k = 0; k < CLASSES; k++) {
      int pair = k / 2;
      mu[k][pair] = PAIR_SEPARATION / Math.sqrt(2);
      mu[k][3] = (k % 2 == 0 ? 0.5 : -0.5) * WITHIN_PAIR;
    }
    return mu;
  }

  /** Points x (n × d) with labels, n/K per class in turn, N(μ_y, I). */
  public record Data(double[][] x, int[] y) {}

  public static Data sample(double[][] mu, int perClass, Rng rng) {
    int d = mu[0].length;
    int n = perClass * CLASSES;
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % CLASSES;
      for (int j = 0; j < d; j++) {
        x[i][j] = mu[y[i]][j] + rng.gaussian();
      }
    }
    return new Data(x, y);
  }

  /** The teacher's zero-mean logits: log-likelihood of each class, equal priors. */
  public static double[] teacherLogits(double[][] mu, double[] x) {
    double[] v = new double[CLASSES];
    for (int k = 0; k < CLASSES; k++) {
      double dot = 0;
      double norm = 0;
      for (int j = 0; j < x.length; j++) {
        dot += mu[k][j] * x[j];
        norm += mu[k][j] * mu[k][j];
      }
      v[k] = dot - norm / 2;
    }
    return SoftTargets.zeroMean(v);
  }

  /** A linear softmax student: logits W x + b, W (K × d). */
  public record Student(double[][] w, double[] b) {
    double[] logits(double[] x) {
      double[] z = b.clone();
      for (int k = 0; k < z.length; k++) {
        for (int j = 0; j < x.length; j++) {
          z[k] += w[k][j] * x[j];
        }
      }
      return z;
    }
  }

  /**
   * The training settings.
   *
   * @param temperature T of the soft targets
   * @param hardWeight weight of the hard-label loss in BOTH; the soft loss gets 1 − hardWeight
   */
  public record Settings(double temperature, double hardWeight, int steps, double learningRate) {}

  /**
   * Per-example loss gradient with respect to the logits: hard p − onehot(y); soft T·(q_T − p_T),
   * the gradient of T²·C; both a weighted sum of the two.
   */
  static double[] logitGradient(Training t, double[] z, double[] teacher, int label, Settings s) {
    return logitGradientFromTargets(t, z, SoftTargets.soft(teacher, s.temperature()), label, s);
  }

  /** {@link #logitGradient} with the teacher's softened distribution p_T already computed. */
  static double[] logitGradientFromTargets(Training t, double[] z, double[] teacherSoft,
      int label, Settings s) {
    double[] g = new double[z.length];
    if (t != Training.SOFT) {
      double[] p = Softmax.of(z);
      double w = t == Training.HARD ? 1 : s.hardWeight();
      for (int k = 0; k < g.length; k++) {
        g[k] += w * (p[k] - (k == label ? 1 : 0));
      }
    }
    if (t != Training.HARD) {
      double temp = s.temperature();
      double[] soft = SoftTargets.gradientFromTargets(z, teacherSoft, temp);
      double w = t == Training.SOFT ? 1 : 1 - s.hardWeight();
      for (int k = 0; k < g.length; k++) {
        g[k] += w * temp * temp * soft[k];
      }
    }
    return g;
  }

  /** The mean loss whose gradient {@link #logitGradient} is (for finite-difference checks). */
  static double loss(Training t, double[] z, double[] teacher, int label, Settings s) {
    double hard = Softmax.logSumExp(z) - z[label];
    double temp = s.temperature();
    double soft = temp * temp * SoftTargets.crossEntropy(z, teacher, temp);
    return switch (t) {
      case HARD -> hard;
      case SOFT -> soft;
      case BOTH -> s.hardWeight() * hard + (1 - s.hardWeight()) * soft;
    };
  }

  /** Full-batch gradient descent with Adam from W = 0, b = 0. */
  public static Student train(Training t, Data data, double[][] teacher, Settings s) {
    int d = data.x()[0].length;
    double[][] w = new double[CLASSES][d];
    double[][] b = new double[1][CLASSES];
    dev.bagu.nn.Adam adam = new dev.bagu.nn.Adam(java.util.List.of(w, b), s.learningRate());
    Student student = new Student(w, b[0]);
    int n = data.y().length;
    double[][] teacherSoft = new double[n][];
    for (int i = 0; i < n; i++) {
      teacherSoft[i] = SoftTargets.soft(teacher[i], s.temperature());
    }
    for (int step = 0; step < s.steps(); step++) {
      double[][] gw = new double[CLASSES][d];
      double[][] gb = new double[1][CLASSES];
      for (int i = 0; i < n; i++) {
        double[] x = data.x()[i];
        double[] g = logitGradientFromTargets(t, student.logits(x), teacherSoft[i], data.y()[i],
            s);
        for (int k = 0; k < CLASSES; k++) {
          gb[0][k] += g[k] / n;
          for (int j = 0; j < d; j++) {
            gw[k][j] += g[k] * x[j] / n;
          }
        }
      }
      adam.step(java.util.List.of(gw, gb));
    }
    return student;
  }

  /**
   * Test metrics.
   *
   * @param accuracy fraction classified right
   * @param ece expected calibration error over {@value #BINS} equal-width confidence bins
   * @param nll mean −log p(y)
   * @param binConfidence mean confidence per bin (NaN when empty)
   * @param binAccuracy accuracy per bin (NaN when empty)
   */
  public record Metrics(double accuracy, double ece, double nll, double[] binConfidence,
      double[] binAccuracy, int[] binCount) {}

  public static final int BINS = 10;

  /** Metrics of any logit function on a test set. */
  public static Metrics evaluate(java.util.function.Function<double[], double[]> logits,
      Data test) {
    int n = test.y().length;
    double[] confSum = new double[BINS];
    double[] rightSum = new double[BINS];
    int[] count = new int[BINS];
    double right = 0;
    double nll = 0;
    for (int i = 0; i < n; i++) {
      double[] z = logits.apply(test.x()[i]);
      double[] p = Softmax.of(z);
      int best = 0;
      for (int k = 1; k < p.length; k++) {
        if (p[k] > p[best]) {
          best = k;
        }
      }
      boolean ok = best == test.y()[i];
      right += ok ? 1 : 0;
      nll += Softmax.logSumExp(z) - z[test.y()[i]];
      int bin = Math.min(BINS - 1, (int) (p[best] * BINS));
      confSum[bin] += p[best];
      rightSum[bin] += ok ? 1 : 0;
      count[bin]++;
    }
    double ece = 0;
    double[] conf = new double[BINS];
    double[] acc = new double[BINS];
    for (int b = 0; b < BINS; b++) {
      conf[b] = count[b] == 0 ? Double.NaN : confSum[b] / count[b];
      acc[b] = count[b] == 0 ? Double.NaN : rightSum[b] / count[b];
      if (count[b] > 0) {
        ece += (double) count[b] / n * Math.abs(acc[b] - conf[b]);
      }
    }
    return new Metrics(right / n, ece, nll / n, conf, acc, count);
  }

  /** Teacher logits for every point of a data set (n × K). */
  public static double[][] teacherLogits(double[][] mu, Data data) {
    return Arrays.stream(data.x()).map(x -> teacherLogits(mu, x)).toArray(double[][]::new);
  }
}
