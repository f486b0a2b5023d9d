package dev.bagu.demos.attention;

import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.Arrays;
import java.util.List;

/**
 * The loss and gradient of causal multi-head attention on a {@link TwoRelationsTask}, the same
 * mathematics as {@link MultiHeadAttention#forward} followed by
 * {@link dev.bagu.nn.AttentionBackward} (tested equal to 1e-12), written for the task's one-hot
 * inputs. X_i = [onehot(t_i) ; onehot(i)], so
 *
 * <pre>
 *   (X W)_i = W[t_i] + W[V + i]          a row lookup instead of an (n, V + n)·(V + n, d) product
 *   Xᵀ G    adds G_i into rows t_i, V + i  a scatter instead of a (V + n, n)·(n, d) product
 * </pre>
 *
 * and rows i < offset, which have no target, need no attention and no backward pass. All
 * arithmetic runs on scratch arrays reused from one sequence to the next (the profile showed the
 * generic path spending most of its time copying small matrices in and out of Commons Math).
 * One instance per thread: the scratch arrays are not shared.
 */
final class OneHotAttention {
  private final TwoRelationsTask task;
  private final MultiHeadAttention model;
  private final int n;
  private final int vocab;
  private final double[][][] q; // per head (n, d_k)
  private final double[][][] k; // per head (n, d_k)
  private final double[][][] v; // per head (n, d_v)
  private final double[][][] a; // per head (n, n), row i filled for keys 0..i
  private final double[][] concat; // (n, h·d_v)
  private final double[][][] dq; // per head (n, d_k), ∂L/∂Q of one sequence
  private final double[][][] dk; // per head (n, d_k)
  private final double[][][] dv; // per head (n, d_v)
  private final double[] yHat; // (2V) Ŷ_i of one row
  private final double[] dY; // (2V) ∂L/∂Ŷ_i of one row
  private final double[] dConcat; // (h·d_v)
  private final double[] dA; // (n) ∂L/∂A_i of one row

  OneHotAttention(TwoRelationsTask task, MultiHeadAttention model) {
    this.task = task;
    this.model = model;
    this.n = task.length();
    this.vocab = task.vocab();
    int h = model.heads().size();
    q = new double[h][][];
    k = new double[h][][];
    v = new double[h][][];
    a = new double[h][n][n];
    dq = new double[h][][];
    dk = new double[h][][];
    dv = new double[h][][];
    for (int i = 0; i < h; i++) {
      AttentionHead head = model.heads().get(i);
      q[i] = new double[n][head.dK()];
      k[i] = new double[n][head.dK()];
      v[i] = new double[n][head.dV()];
      dq[i] = new double[n][head.dK()];
      dk[i] = new double[n][head.dK()];
      dv[i] = new double[n][head.dV()];
    }
    concat = new double[n][model.wo().length];
    yHat = new double[model.wo()[0].length];
    dY = new double[model.wo()[0].length];
    dConcat = new double[model.wo().length];
    dA = new double[n];
  }

  /** The error per scored row over all sequences, (1/R) Σ ‖Ŷ_i − Y_i‖². */
  double loss() {
    double sum = 0;
    for (int s = 0; s < task.sequences(); s++) {
      forward(task.tokens()[s]);
      for (int i = task.offset(); i < n; i++) {
        sum += rowError(task.tokens()[s], i, null, 0);
      }
    }
    return sum / rows();
  }

  /**
   * The loss, with its gradient added into {@code grads} (zeroed by the caller; shapes and order
   * of {@link MultiHeadTraining#parameters}: W_Q, W_K, W_V of every head, then W_O).
   */
  double lossAndGradient(List<double[][]> grads) {
    double rows = rows();
    double loss = 0;
    double[][] gWo = grads.get(grads.size() - 1);
    for (int s = 0; s < task.sequences(); s++) {
      int[] t = task.tokens()[s];
      forward(t);
      zero(dq);
      zero(dk);
      zero(dv);
      for (int i = task.offset(); i < n; i++) {
        loss += rowError(t, i, dY, 2 / rows) / rows; // dY = ∂L/∂Ŷ_i = 2 e / R
        // ∂W_O += concat_iᵀ dY_i;  ∂concat_i = dY_i W_Oᵀ
        double[] c = concat[i];
        double[][] wo = model.wo();
        for (int r = 0; r < c.length; r++) {
          double[] g = gWo[r];
          double[] w = wo[r];
          double d = 0;
          for (int j = 0; j < dY.length; j++) {
            g[j] += c[r] * dY[j];
            d += dY[j] * w[j];
          }
          dConcat[r] = d;
        }
        int col = 0;
        for (int h = 0; h < model.heads().size(); h++) {
          col = headBackward(h, i, col);
        }
      }
      // Xᵀ G: every position's gradient goes to its token's row and its position's row.
      for (int h = 0; h < model.heads().size(); h++) {
        scatter(t, dq[h], grads.get(3 * h));
        scatter(t, dk[h], grads.get(3 * h + 1));
        scatter(t, dv[h], grads.get(3 * h + 2));
      }
    }
    return loss;
  }

  private double rows() {
    return (double) task.sequences() * task.scoredRows();
  }

  /**
   * Ŷ_i = concat_i W_O against Y_i = [onehot(t_{i−1}) ; onehot(t_{i−offset})]: returns
   * ‖Ŷ_i − Y_i‖² and, when {@code grad} is given, writes factor · (Ŷ_i − Y_i) into it.
   */
  private double rowError(int[] t, int i, double[] grad, double factor) {
    double[] c = concat[i];
    double[][] wo = model.wo();
    int width = wo[0].length;
    int yPrev = t[i - 1];
    int yOff = vocab + t[i - task.offset()];
    // Ŷ_i row by row of W_O, so the inner loop runs along one row; each Ŷ_ij still sums in r
    // order.
    Arrays.fill(yHat, 0);
    for (int r = 0; r < c.length; r++) {
      double cr = c[r];
      double[] wr = wo[r];
      for (int j = 0; j < width; j++) {
        yHat[j] += cr * wr[j];
      }
    }
    double sum = 0;
    for (int j = 0; j < width; j++) {
      double e = yHat[j] - (j == yPrev || j == yOff ? 1 : 0);
      sum += e * e;
      if (grad != null) {
        grad[j] = factor * e;
      }
    }
    return sum;
  }

  /** Q, K, V of every position and, for the scored rows, weights and head outputs. */
  private void forward(int[] t) {
    int col = 0;
    for (int h = 0; h < model.heads().size(); h++) {
      AttentionHead head = model.heads().get(h);
      for (int i = 0; i < n; i++) {
        lookup(head.wq(), t[i], vocab + i, q[h][i]);
        lookup(head.wk(), t[i], vocab + i, k[h][i]);
        lookup(head.wv(), t[i], vocab + i, v[h][i]);
      }
      double scale = 1 / Math.sqrt(head.dK());
      int dV = head.dV();
      for (int i = task.offset(); i < n; i++) {
        double[] w = a[h][i];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= i; j++) { // causal: keys 0..i
          w[j] = dot(q[h][i], k[h][j]) * scale;
          max = Math.max(max, w[j]);
        }
        double sum = 0;
        for (int j = 0; j <= i; j++) {
          w[j] = Math.exp(w[j] - max);
          sum += w[j];
        }
        double[] out = concat[i];
        for (int d = 0; d < dV; d++) {
          out[col + d] = 0;
        }
        for (int j = 0; j <= i; j++) {
          w[j] /= sum;
          double[] vj = v[h][j];
          for (int d = 0; d < dV; d++) {
            out[col + d] += w[j] * vj[d];
          }
        }
      }
      col += dV;
    }
  }

  /**
   * Row i of head h backwards from ∂concat_i (its columns from {@code col}): ∂A = ∂O Vᵀ,
   * ∂V += Aᵀ ∂O, ∂Ŝ = A ⊙ (∂A − Σ A ∂A), ∂Q = ∂Ŝ K /√d_k, ∂K += ∂Ŝᵀ Q /√d_k. Returns the next
   * head's first column.
   */
  private int headBackward(int h, int i, int col) {
    AttentionHead head = model.heads().get(h);
    int dV = head.dV();
    double scale = 1 / Math.sqrt(head.dK());
    double[] w = a[h][i];
    double weighted = 0;
    for (int j = 0; j <= i; j++) {
      double[] vj = v[h][j];
      double[] gv = dv[h][j];
      double d = 0;
      for (int e = 0; e < dV; e++) {
        double g = dConcat[col + e];
        d += g * vj[e];
        gv[e] += w[j] * g;
      }
      dA[j] = d;
      weighted += w[j] * d;
    }
    double[] qi = q[h][i];
    double[] gq = dq[h][i];
    for (int j = 0; j <= i; j++) {
      double ds = w[j] * (dA[j] - weighted) * scale;
      if (ds == 0) {
        continue;
      }
      double[] kj = k[h][j];
      double[] gk = dk[h][j];
      for (int e = 0; e < kj.length; e++) {
        gq[e] += ds * kj[e];
        gk[e] += ds * qi[e];
      }
    }
    return col + dV;
  }

  /** out = W[token] + W[position row]: the one-hot product X_i W. */
  private static void lookup(double[][] w, int token, int position, double[] out) {
    double[] a = w[token];
    double[] b = w[position];
    for (int j = 0; j < out.length; j++) {
      out[j] = a[j] + b[j];
    }
  }

  /** Xᵀ G for one sequence: G_i added into rows t_i and V + i of the gradient. */
  private void scatter(int[] t, double[][] g, double[][] grad) {
    for (int i = 0; i < n; i++) {
      double[] gt = grad[t[i]];
      double[] gp = grad[vocab + i];
      double[] gi = g[i];
      for (int j = 0; j < gi.length; j++) {
        gt[j] += gi[j];
        gp[j] += gi[j];
      }
    }
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static void zero(double[][][] blocks) {
    for (double[][] block : blocks) {
      for (double[] row : block) {
        Arrays.fill(row, 0);
      }
    }
  }
}
