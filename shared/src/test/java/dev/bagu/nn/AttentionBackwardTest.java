package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written backward pass against central finite differences of the forward pass. */
class AttentionBackwardTest {
  private static final double H = 1e-6;

  /** L = Σ O ⊙ G for a fixed random G, so ∂L/∂O = G. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void backwardMatchesFiniteDifferences(boolean causal) {
    Rng rng = Rng.seeded(3);
    double[][] x = Matrices.gaussian(5, 4, 1, rng);
    AttentionHead head = AttentionHead.random(4, 3, 2, false, rng);
    double[][] g = Matrices.gaussian(5, 2, 1, rng);
    ToDoubleFunction<AttentionHead> loss = h -> dot(h.forward(x, causal).output(), g);

    AttentionBackward.Gradient grad =
        AttentionBackward.backward(x, head, head.forward(x, causal), g);
    assertClose(grad.wq(), numeric(head.wq(), head, loss));
    assertClose(grad.wk(), numeric(head.wk(), head, loss));
    assertClose(grad.wv(), numeric(head.wv(), head, loss));
  }

  /** L = −Σ_i log A_{i,t(i)}: ∂L/∂Ŝ = A − onehot(t), the loss the qkv demo trains. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void scoresBackwardMatchesFiniteDifferencesForCrossEntropy(boolean shared) {
    Rng rng = Rng.seeded(7);
    double[][] x = Matrices.gaussian(4, 4, 1, rng);
    AttentionHead head = AttentionHead.random(4, 2, 2, shared, rng);
    int[] target = {1, 2, 3, 0};
    ToDoubleFunction<AttentionHead> loss = h -> {
      double[][] a = h.forward(x, false).weights();
      double sum = 0;
      for (int i = 0; i < a.length; i++) {
        sum -= Math.log(a[i][target[i]]);
      }
      return sum;
    };
    double[][] a = head.forward(x, false).weights();
    double[][] dScaled = new double[4][];
    for (int i = 0; i < 4; i++) {
      dScaled[i] = a[i].clone();
      dScaled[i][target[i]] -= 1;
    }
    AttentionBackward.Gradient grad = AttentionBackward.scoresBackward(x, head, dScaled);
    if (shared) {
      // One array is both W_Q and W_K: a nudge moves both, so its gradient is the sum.
      assertClose(Matrices.add(grad.wq(), grad.wk()), numeric(head.wq(), head, loss));
    } else {
      assertClose(grad.wq(), numeric(head.wq(), head, loss));
      assertClose(grad.wk(), numeric(head.wk(), head, loss));
    }
  }

  /** Central differences of loss with respect to every entry of w (an array inside head). */
  private static double[][] numeric(double[][] w, AttentionHead head,
      ToDoubleFunction<AttentionHead> loss) {
    double[][] out = new double[w.length][w[0].length];
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[0].length; j++) {
        double keep = w[i][j];
        w[i][j] = keep + H;
        double up = loss.applyAsDouble(head);
        w[i][j] = keep - H;
        double down = loss.applyAsDouble(head);
        w[i][j] = keep;
        out[i][j] = (up - down) / (2 * H);
      }
    }
    return out;
  }

  private static void assertClose(double[][] analytic, double[][] numeric) {
    assertThat(Matrices.frobenius(numeric)).as("a gradient worth checking").isGreaterThan(1e-3);
    assertThat(Matrices.maxAbsDifference(analytic, numeric)).isLessThan(1e-7);
  }

  private static double dot(double[][] a, double[][] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        s += a[i][j] * b[i][j];
      }
    }
    return s;
  }
}
