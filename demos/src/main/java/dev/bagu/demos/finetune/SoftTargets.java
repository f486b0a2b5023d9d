package dev.bagu.demos.finetune;

import dev.bagu.math.Softmax;

/**
 * Hinton, Vinyals & Dean 2015, §2: softmax at temperature T, q_i = exp(z_i/T) / Σ_j exp(z_j/T),
 * and the cross-entropy C of the student's softened distribution against the teacher's. Its
 * gradient with respect to the student's logit z_i is ∂C/∂z_i = (q_i − p_i)/T, which for large T
 * and zero-mean logits tends to (z_i − v_i)/(N T²): soft targets must be weighted by T² to keep
 * their gradients at the scale of the hard-label ones.
 */
public final class SoftTargets {
  private SoftTargets() {}

  /** softmax(z / T). */
  public static double[] soft(double[] logits, double temperature) {
    double[] z = new double[logits.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = logits[i] / temperature;
    }
    return Softmax.of(z);
  }

  /** C = −Σ p_i log q_i, p = softmax(v/T) the teacher's, q = softmax(z/T) the student's. */
  public static double crossEntropy(double[] student, double[] teacher, double temperature) {
    double[] p = soft(teacher, temperature);
    double[] zt = new double[student.length];
    for (int i = 0; i < zt.length; i++) {
      zt[i] = student[i] / temperature;
    }
    double lse = Softmax.logSumExp(zt);
    double c = 0;
    for (int i = 0; i < p.length; i++) {
      c -= p[i] * (zt[i] - lse);
    }
    return c;
  }

  /** ∂C/∂z_i = (q_i − p_i) / T (Hinton et al. 2015, eq. 2). */
  public static double[] gradient(double[] student, double[] teacher, double temperature) {
    double[] q = soft(student, temperature);
    double[] p = soft(teacher, temperature);
    double[] g = new double[q.length];
    for (int i = 0; i < g.length; i++) {
      g[i] = (q[i] - p[i]) / temperature;
    }
    return g;
  }

  /** ∂C/∂z_i = (q_i − p_i)/T with the teacher's softened p given (computed once per point). */
  public static double[] gradientFromTargets(double[] student, double[] teacherSoft,
      double temperature) {
    double[] q = soft(student, temperature);
    for (int i = 0; i < q.length; i++) {
      q[i] = (q[i] - teacherSoft[i]) / temperature;
    }
    return q;
  }

  /** The high-temperature limit of T²·∂C/∂z_i for zero-mean logits: (z_i − v_i)/N (eq. 4). */
  public static double[] highTemperatureLimit(double[] student, double[] teacher) {
    int n = student.length;
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      g[i] = (student[i] - teacher[i]) / n;
    }
    return g;
  }

  /** Logits minus their mean, the assumption of §2.1. */
  public static double[] zeroMean(double[] logits) {
    double mean = java.util.Arrays.stream(logits).average().orElse(0);
    return java.util.Arrays.stream(logits).map(v -> v - mean).toArray();
  }

  /** ‖T²·∂C/∂z − (z − v)/N‖ / ‖(z − v)/N‖: how far the gradient is from its limit at T. */
  public static double relativeDeviation(double[] student, double[] teacher, double temperature) {
    double[] g = gradient(student, teacher, temperature);
    double[] limit = highTemperatureLimit(student, teacher);
    double num = 0;
    double den = 0;
    for (int i = 0; i < g.length; i++) {
      double t2g = temperature * temperature * g[i];
      num += (t2g - limit[i]) * (t2g - limit[i]);
      den += limit[i] * limit[i];
    }
    return Math.sqrt(num / den);
  }
}
