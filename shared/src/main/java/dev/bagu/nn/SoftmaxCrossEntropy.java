package dev.bagu.nn;

import dev.bagu.math.Softmax;

/**
 * Mean cross-entropy of softmax(logits) against integer labels, and its gradient with respect to
 * the logits, which has the famous simple form (p − onehot(y)) / B.
 */
public final class SoftmaxCrossEntropy {
  private SoftmaxCrossEntropy() {}

  /** The loss and dL/dlogits (B, classes). */
  public record Loss(double value, double[][] grad) {}

  /** logits (B, classes), labels (B) in [0, classes). */
  public static Loss of(double[][] logits, int[] labels) {
    int batch = logits.length;
    double loss = 0;
    double[][] grad = new double[batch][];
    for (int n = 0; n < batch; n++) {
      // −log p_y = logSumExp(z) − z_y, stable for any size of logits.
      loss += Softmax.logSumExp(logits[n]) - logits[n][labels[n]];
      double[] p = Softmax.of(logits[n]);
      p[labels[n]] -= 1;
      for (int k = 0; k < p.length; k++) {
        p[k] /= batch;
      }
      grad[n] = p;
    }
    return new Loss(loss / batch, grad);
  }
}
