package dev.bagu.demos.classic;

import java.util.Arrays;
import libsvm.svm;
import libsvm.svm_model;
import libsvm.svm_node;
import libsvm.svm_parameter;
import libsvm.svm_problem;

/**
 * A two-class C-SVM trained by LIBSVM (Chang & Lin 2011; the solver scikit-learn's {@code SVC}
 * wraps), on 2-D points with labels 0 and 1. The decision function follows scikit-learn's sign
 * convention: f(x) > 0 predicts class 1 (the class that sorts second), whatever order LIBSVM
 * met the labels in.
 *
 * <pre>
 *   f(x) = Σ_i α_i y_i K(x_i, x) + b,   y_i = ±1,  0 ≤ α_i ≤ C,  Σ α_i y_i = 0
 *   linear K = x·x',  rbf K = exp(−γ‖x − x'‖²),  poly K = (γ x·x' + r)^d  (r = 0, d = 3)
 * </pre>
 */
public final class Svm {
  /** LIBSVM's default stopping tolerance (scikit-learn's {@code tol}). */
  public static final double TOLERANCE = 1e-3;
  public static final int POLY_DEGREE = 3;

  /** The kernels of the demo, as LIBSVM names them. */
  public enum Kernel {
    LINEAR(svm_parameter.LINEAR), RBF(svm_parameter.RBF), POLY(svm_parameter.POLY);

    final int libsvm;

    Kernel(int libsvm) {
      this.libsvm = libsvm;
    }
  }

  static {
    svm.svm_set_print_string_function(s -> { }); // LIBSVM prints progress to stdout otherwise
  }

  private final svm_model model;
  private final double sign; // +1 when LIBSVM's first label is 1, else −1
  private final Kernel kernel;
  private final double c;
  private final double gamma;
  private final int[] support; // input indices of the support vectors, ascending
  private final double[] alpha; // α_i by input index (0 for non-support vectors)

  private Svm(svm_model model, Kernel kernel, double c, double gamma, int n) {
    this.model = model;
    this.kernel = kernel;
    this.c = c;
    this.gamma = gamma;
    this.sign = model.label[0] == 1 ? 1 : -1;
    this.alpha = new double[n];
    int[] idx = new int[model.l];
    for (int k = 0; k < model.l; k++) {
      idx[k] = model.sv_indices[k] - 1; // LIBSVM counts from 1
      alpha[idx[k]] = Math.abs(model.sv_coef[0][k]);
    }
    Arrays.sort(idx);
    this.support = idx;
  }

  /**
   * Trains on x (n, 2) with labels y in {0, 1}, both classes present.
   *
   * @param gamma γ of the rbf and poly kernels (ignored by linear)
   */
  public static Svm train(double[][] x, int[] y, Kernel kernel, double c, double gamma) {
    svm_problem prob = new svm_problem();
    prob.l = x.length;
    prob.x = new svm_node[x.length][];
    prob.y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      prob.x[i] = nodes(x[i][0], x[i][1]);
      prob.y[i] = y[i];
    }
    svm_parameter param = new svm_parameter();
    param.svm_type = svm_parameter.C_SVC;
    param.kernel_type = kernel.libsvm;
    param.degree = POLY_DEGREE;
    param.gamma = gamma;
    param.coef0 = 0;
    param.C = c;
    param.eps = TOLERANCE;
    param.cache_size = 100;
    param.shrinking = 1;
    param.probability = 0;
    param.nr_weight = 0;
    param.weight_label = new int[0];
    param.weight = new double[0];
    String problem = svm.svm_check_parameter(prob, param);
    if (problem != null) {
      throw new IllegalArgumentException("LIBSVM: " + problem);
    }
    return new Svm(svm.svm_train(prob, param), kernel, c, gamma, x.length);
  }

  private static svm_node[] nodes(double a, double b) {
    svm_node n1 = new svm_node();
    n1.index = 1;
    n1.value = a;
    svm_node n2 = new svm_node();
    n2.index = 2;
    n2.value = b;
    return new svm_node[] {n1, n2};
  }

  /** f(x, y), positive for class 1. */
  public double decision(double a, double b) {
    double[] dec = new double[1];
    svm.svm_predict_values(model, nodes(a, b), dec);
    return sign * dec[0];
  }

  /** f at every point. */
  public double[] decision(double[][] x) {
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = decision(x[i][0], x[i][1]);
    }
    return f;
  }

  /** The support vectors (nSV, 2), in LIBSVM's order. */
  double[][] supportPoints() {
    double[][] p = new double[model.l][2];
    for (int k = 0; k < model.l; k++) {
      for (svm_node node : model.SV[k]) {
        p[k][node.index - 1] = node.value;
      }
    }
    return p;
  }

  /** α_k y_k per support vector, in LIBSVM's order and scikit-learn's sign. */
  double[] coefficients() {
    double[] coef = new double[model.l];
    for (int k = 0; k < model.l; k++) {
      coef[k] = sign * model.sv_coef[0][k];
    }
    return coef;
  }

  /** Input indices of the support vectors (α > 0), ascending. */
  public int[] support() {
    return support.clone();
  }

  /** α_i for every input point (0 off the support). */
  public double[] alpha() {
    return alpha.clone();
  }

  public double c() {
    return c;
  }

  public Kernel kernel() {
    return kernel;
  }

  /** γ the model was trained with (unused by the linear kernel). */
  public double gamma() {
    return gamma;
  }

  /** The linear kernel's weight vector w = Σ α_i y_i x_i (in scikit-learn's sign). */
  public double[] weights() {
    if (kernel != Kernel.LINEAR) {
      throw new IllegalStateException("w exists only for the linear kernel");
    }
    double[] w = new double[2];
    for (int k = 0; k < model.l; k++) {
      for (svm_node node : model.SV[k]) {
        w[node.index - 1] += sign * model.sv_coef[0][k] * node.value;
      }
    }
    return w;
  }

  /** The bias b of f(x) = w·x + b (LIBSVM's −ρ, in scikit-learn's sign). */
  public double bias() {
    return -sign * model.rho[0];
  }

  /**
   * The largest violation of the KKT conditions over the points, with m = y·f(x) (y = ±1):
   * α = 0 needs m ≥ 1, 0 < α < C needs m = 1, α = C needs m ≤ 1. LIBSVM stops when the
   * violation, in its own scaled form, is under {@link #TOLERANCE}.
   */
  public double kktViolation(double[][] x, int[] y) {
    double[] f = decision(x);
    double worst = 0;
    double atBound = c * (1 - 1e-12);
    for (int i = 0; i < x.length; i++) {
      double m = (y[i] == 1 ? 1 : -1) * f[i];
      double v;
      if (alpha[i] == 0) {
        v = Math.max(0, 1 - m);
      } else if (alpha[i] >= atBound) {
        v = Math.max(0, m - 1);
      } else {
        v = Math.abs(m - 1);
      }
      worst = Math.max(worst, v);
    }
    return worst;
  }

  /** scikit-learn's gamma = 'scale': 1 / (features · Var(X)), Var over all coordinates. */
  public static double scaleGamma(double[][] x) {
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (double[] p : x) {
      for (double v : p) {
        sum += v;
        sumSq += v * v;
        n++;
      }
    }
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    return var > 0 ? 1 / (2 * var) : 1;
  }
}
