package dev.bagu.demos.attention;

import dev.bagu.nn.Attention;
import dev.bagu.nn.MultiHeadAttention;

/**
 * Where each head of a model looks on a {@link TwoRelationsTask}: its mean attention weight on
 * the previous token and on the token {@code offset} back, over the scored rows of every
 * sequence, and the worst row-sum error of any head's weights.
 */
public record RelationWeights(double[] previous, double[] offset, double rowSumError) {
  public static RelationWeights of(TwoRelationsTask task, MultiHeadAttention model) {
    int h = model.heads().size();
    double[] prev = new double[h];
    double[] off = new double[h];
    double worst = 0;
    for (int s = 0; s < task.sequences(); s++) {
      MultiHeadAttention.Output out = model.forward(task.input(s), true);
      for (int k = 0; k < h; k++) {
        Attention.Steps st = out.heads().get(k);
        worst = Math.max(worst, AttentionChecks.maxRowSumError(st.weights()));
        for (int i = task.offset(); i < task.length(); i++) {
          prev[k] += st.weights()[i][i - 1];
          off[k] += st.weights()[i][i - task.offset()];
        }
      }
    }
    double rows = (double) task.sequences() * task.scoredRows();
    for (int k = 0; k < h; k++) {
      prev[k] /= rows;
      off[k] /= rows;
    }
    return new RelationWeights(prev, off, worst);
  }
}
