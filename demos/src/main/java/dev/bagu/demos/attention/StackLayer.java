package dev.bagu.demos.attention;

import dev.bagu.nn.Activation;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Mlp;
import dev.bagu.nn.MultiHeadAttention;
import java.util.Arrays;

/**
 * One layer of {@link AttentionStack} with its weights laid out for few, fast products: the same
 * arithmetic as {@link MultiHeadAttention#forward} (not causal) and {@link Mlp#forward} (tested
 * equal to 1e-12), in fewer passes:
 *
 * <pre>
 *   Q = X [W_Q¹ … W_Qʰ]    (n, d)·(d, h·d_k): every head's queries in one product; K, V alike
 *   head_i = softmax(Q_i K_iᵀ / √d_k) V_i,   MHA(X) = [head_1 … head_h] W_O
 *   MLP(X) = ReLU(X W₁ᵀ + b₁) W₂ᵀ + b₂       W transposed once, to (in, out)
 * </pre>
 *
 * Products run row by row as out_i += a_ik · b_k (the inner loop over a row of b, which the JIT
 * vectorises), instead of copying every operand into Commons Math's block layout: the profile of
 * a 128-token, 128-wide stack spent most of its time in those copies and in Dense's dot products.
 */
final class StackLayer {
  private final int heads;
  private final int dK;
  private final int dV;
  private final double[][] wq; // (d, h·d_k)
  private final double[][] wk; // (d, h·d_k)
  private final double[][] wv; // (d, h·d_v)
  private final double[][] wo; // (h·d_v, d)
  private final double[][] w1; // (d, 4d), the MLP's first layer transposed
  private final double[] b1;
  private final double[][] w2; // (4d, d)
  private final double[] b2;

  StackLayer(MultiHeadAttention attention, Mlp mlp) {
    heads = attention.heads().size();
    AttentionHead first = attention.heads().get(0);
    dK = first.dK();
    dV = first.dV();
    int d = first.dModel();
    wq = new double[d][heads * dK];
    wk = new double[d][heads * dK];
    wv = new double[d][heads * dV];
    for (int h = 0; h < heads; h++) {
      AttentionHead head = attention.heads().get(h);
      for (int i = 0; i < d; i++) {
        System.arraycopy(head.wq()[i], 0, wq[i], h * dK, dK);
        System.arraycopy(head.wk()[i], 0, wk[i], h * dK, dK);
        System.arraycopy(head.wv()[i], 0, wv[i], h * dV, dV);
      }
    }
    wo = attention.wo();
    if (mlp.layers().size() != 2 || mlp.layers().get(0).activation != Activation.RELU) {
      throw new IllegalArgumentException("expected a ReLU MLP with one hidden layer");
    }
    Dense l1 = mlp.layers().get(0);
    Dense l2 = mlp.layers().get(1);
    w1 = transpose(l1.w);
    b1 = l1.b.clone();
    w2 = transpose(l2.w);
    b2 = l2.b.clone();
  }

  /** The attention sub-layer's output (n, d); head 0's weights go to {@code headZero} if given. */
  double[][] attention(double[][] x, double[][] headZero) {
    int n = x.length;
    double[][] q = times(x, wq);
    double[][] k = times(x, wk);
    double[][] v = times(x, wv);
    double[][] concat = new double[n][heads * dV];
    double scale = 1 / Math.sqrt(dK);
    double[] w = new double[n];
    double[][] kt = new double[dK][n]; // one head's K transposed: a score row is Σ_e q_ie K_eᵀ
    for (int h = 0; h < heads; h++) {
      int qk = h * dK;
      int vo = h * dV;
      for (int j = 0; j < n; j++) {
        for (int e = 0; e < dK; e++) {
          kt[e][j] = k[j][qk + e];
        }
      }
      for (int i = 0; i < n; i++) {
        double[] qi = q[i];
        Arrays.fill(w, 0);
        for (int e = 0; e < dK; e++) {
          double c = qi[qk + e] * scale;
          double[] ke = kt[e];
          for (int j = 0; j < n; j++) {
            w[j] += c * ke[j];
          }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
          max = Math.max(max, w[j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
          w[j] = Math.exp(w[j] - max);
          sum += w[j];
        }
        double[] out = concat[i];
        for (int j = 0; j < n; j++) {
          w[j] /= sum;
          double[] vj = v[j];
          double a = w[j];
          for (int e = 0; e < dV; e++) {
            out[vo + e] += a * vj[vo + e];
          }
        }
        if (h == 0 && headZero != null) {
          System.arraycopy(w, 0, headZero[i], 0, n);
        }
      }
    }
    return times(concat, wo);
  }

  /** The MLP sub-layer's output (n, d). */
  double[][] mlp(double[][] x) {
    double[][] hidden = times(x, w1);
    for (double[] row : hidden) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.max(0, row[j] + b1[j]);
      }
    }
    double[][] out = times(hidden, w2);
    for (double[] row : out) {
      for (int j = 0; j < row.length; j++) {
        row[j] += b2[j];
      }
    }
    return out;
  }

  /** a (n, m) · b (m, p) → (n, p), row by row: out_i = Σ_k a_ik b_k. */
  static double[][] times(double[][] a, double[][] b) {
    int p = b[0].length;
    double[][] out = new double[a.length][p];
    for (int i = 0; i < a.length; i++) {
      double[] ai = a[i];
      double[] oi = out[i];
      for (int k = 0; k < ai.length; k++) {
        double c = ai[k];
        if (c == 0) {
          continue;
        }
        double[] bk = b[k];
        for (int j = 0; j < p; j++) {
          oi[j] += c * bk[j];
        }
      }
    }
    return out;
  }

  private static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }
}
