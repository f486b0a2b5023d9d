package dev.bagu.demos.attention;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;
import dev.bagu.nn.AttentionBackward;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a {@link MultiHeadAttention} with causal mask on a {@link TwoRelationsTask} by full-batch
 * Adam on the mean squared error per scored row, L = (1/R) Σ_rows ‖Ŷ_i − Y_i‖², with the hand-
 * written backward pass of {@link AttentionBackward}. The total value width is 2V for every h:
 * h heads of d_v = 2V/h, so one head and two heads have the same output width.
 */
public final class MultiHeadTraining {
  private MultiHeadTraining() {}

  /** The trained model and its loss after every step (index 0: before training). */
  public record Run(MultiHeadAttention model, double[] loss) {
    public double finalLoss() {
      return loss[loss.length - 1];
    }
  }

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

  public static Run train(TwoRelationsTask task, MultiHeadAttention model, int steps,
      double learningRate) {
    List<double[][]> params = parameters(model);
    Adam adam = new Adam(params, learningRate);
    double[] loss = new double[steps + 1];
    for (int t = 0; t <= steps; t++) {
      List<double[][]> grads = new ArrayList<>();
      loss[t] = lossAndGradient(task, model, grads);
      if (t < steps) {
        adam.step(grads);
      }
    }
    return new Run(model, loss);
  }

  /** The error per scored row of a model on a task (no gradient). */
  public static double loss(TwoRelationsTask task, MultiHeadAttention model) {
    double loss = 0;
    for (int s = 0; s < task.sequences(); s++) {
      double[][] out = model.forward(task.input(s), true).output();
      double[][] y = task.target(s);
      for (int i = task.offset(); i < y.length; i++) {
        for (int j = 0; j < y[i].length; j++) {
          loss += (out[i][j] - y[i][j]) * (out[i][j] - y[i][j]);
        }
      }
    }
    return loss / ((double) task.sequences() * task.scoredRows());
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
    double loss = 0;
    double rows = (double) task.sequences() * task.scoredRows();
    for (int s = 0; s < task.sequences(); s++) {
      double[][] x = task.input(s);
      double[][] y = task.target(s);
      MultiHeadAttention.Output out = model.forward(x, true);
      double[][] dY = new double[x.length][y[0].length]; // ∂L/∂Ŷ, (n, 2V)
      for (int i = task.offset(); i < x.length; i++) {
        for (int j = 0; j < y[i].length; j++) {
          double e = out.output()[i][j] - y[i][j];
          loss += e * e / rows;
          dY[i][j] = 2 * e / rows;
        }
      }
      int last = sum.size() - 1;
      addInto(sum.get(last), Matrices.multiply(Matrices.transpose(out.concatenated()), dY));
      double[][] dConcat = Matrices.multiplyTransposed(dY, model.wo()); // (n, h·d_v)
      int col = 0;
      for (int h = 0; h < model.heads().size(); h++) {
        AttentionHead head = model.heads().get(h);
        double[][] dOut = Matrices.columns(dConcat, col, col + head.dV());
        col += head.dV();
        AttentionBackward.Gradient g = AttentionBackward.backward(x, head, out.heads().get(h),
            dOut);
        addInto(sum.get(3 * h), g.wq());
        addInto(sum.get(3 * h + 1), g.wk());
        addInto(sum.get(3 * h + 2), g.wv());
      }
    }
    grads.addAll(sum);
    return loss;
  }

  private static void addInto(double[][] acc, double[][] g) {
    for (int i = 0; i < acc.length; i++) {
      for (int j = 0; j < acc[i].length; j++) {
        acc[i][j] += g[i][j];
      }
    }
  }
}
