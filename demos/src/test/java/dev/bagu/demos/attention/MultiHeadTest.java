package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionBackward;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiHeadTest {
  @Test
  void lossGradientMatchesFiniteDifferencesIncludingOutputProjection() {
    TwoRelationsTask task = TwoRelationsTask.random(3, 5, 2, 2, Rng.seeded(1));
    MultiHeadAttention model = MultiHeadTraining.initial(task, 2, 2, Rng.seeded(2));
    List<double[][]> grads = new ArrayList<>();
    MultiHeadTraining.lossAndGradient(task, model, grads);
    List<double[][]> params = MultiHeadTraining.parameters(model);
    double h = 1e-6;
    for (int p = 0; p < params.size(); p++) {
      double[][] w = params.get(p);
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w[0].length; j++) {
          double keep = w[i][j];
          w[i][j] = keep + h;
          double up = MultiHeadTraining.loss(task, model);
          w[i][j] = keep - h;
          double down = MultiHeadTraining.loss(task, model);
          w[i][j] = keep;
          assertThat(grads.get(p)[i][j]).as("parameter %d [%d][%d]", p, i, j)
              .isCloseTo((up - down) / (2 * h), within(1e-7));
        }
      }
    }
  }

  /** The one-hot pass equals the generic forward + AttentionBackward (the shared, tested path). */
  @Test
  void oneHotPassEqualsTheGenericAttentionBackward() {
    TwoRelationsTask task = TwoRelationsTask.random(4, 7, 3, 5, Rng.seeded(3));
    for (int heads = 1; heads <= 2; heads++) {
      MultiHeadAttention model = MultiHeadTraining.initial(task, heads, 3, Rng.seeded(4));
      List<double[][]> fast = new ArrayList<>();
      double loss = MultiHeadTraining.lossAndGradient(task, model, fast);
      List<double[][]> generic = new ArrayList<>();
      double genericLoss = genericLossAndGradient(task, model, generic);
      assertThat(loss).isCloseTo(genericLoss, within(1e-12));
      assertThat(MultiHeadTraining.loss(task, model)).isCloseTo(genericLoss, within(1e-12));
      for (int p = 0; p < fast.size(); p++) {
        assertThat(Matrices.maxAbsDifference(fast.get(p), generic.get(p))).as("parameter %d", p)
            .isLessThan(1e-12);
      }
    }
  }

  /** Loss and gradient through MultiHeadAttention.forward and AttentionBackward, row by row. */
  private static double genericLossAndGradient(TwoRelationsTask task, MultiHeadAttention model,
      List<double[][]> grads) {
    for (double[][] p : MultiHeadTraining.parameters(model)) {
      grads.add(new double[p.length][p[0].length]);
    }
    double loss = 0;
    double rows = (double) task.sequences() * task.scoredRows();
    for (int s = 0; s < task.sequences(); s++) {
      double[][] x = task.input(s);
      double[][] y = task.target(s);
      MultiHeadAttention.Output out = model.forward(x, true);
      double[][] dY = new double[x.length][y[0].length];
      for (int i = task.offset(); i < x.length; i++) {
        for (int j = 0; j < y[i].length; j++) {
          double e = out.output()[i][j] - y[i][j];
          loss += e * e / rows;
          dY[i][j] = 2 * e / rows;
        }
      }
      int last = grads.size() - 1;
      grads.set(last, Matrices.add(grads.get(last),
          Matrices.multiply(Matrices.transpose(out.concatenated()), dY)));
      double[][] dConcat = Matrices.multiplyTransposed(dY, model.wo());
      int col = 0;
      for (int h = 0; h < model.heads().size(); h++) {
        AttentionHead head = model.heads().get(h);
        double[][] dOut = Matrices.columns(dConcat, col, col + head.dV());
        col += head.dV();
        AttentionBackward.Gradient g = AttentionBackward.backward(x, head, out.heads().get(h),
            dOut);
        grads.set(3 * h, Matrices.add(grads.get(3 * h), g.wq()));
        grads.set(3 * h + 1, Matrices.add(grads.get(3 * h + 1), g.wk()));
        grads.set(3 * h + 2, Matrices.add(grads.get(3 * h + 2), g.wv()));
      }
    }
    return loss;
  }

  @Test
  void targetHoldsTheTwoEarlierTokens() {
    TwoRelationsTask task = new TwoRelationsTask(3, 5, 3, new int[][] {{0, 1, 2, 1, 0}});
    double[][] y = task.target(0);
    assertThat(y[3]).containsExactly(0, 0, 1, 1, 0, 0); // t_2 = c, t_0 = a
    assertThat(y[4]).containsExactly(0, 1, 0, 0, 1, 0); // t_3 = b, t_1 = b
    assertThat(y[2]).containsOnly(0);
    assertThat(task.oneRelationError()).isCloseTo(2.0 / 3, within(1e-15));
  }

  /** The catalogue's check: one head is left with an error two heads do not have. */
  @Test
  void twoHeadsFitBothRelationsAndOneHeadCannot() {
    MultiHeadDemo demo = new MultiHeadDemo();
    for (long seed = 0; seed < 2; seed++) {
      Result r = demo.run(Params.defaults(demo.params()).withSeed(seed));
      assertThat(r.finding("two_heads_error").value()).isLessThan(0.02);
      assertThat(r.finding("one_head_error").value()).isGreaterThan(0.3);
      assertThat(r.finding("prev_head_weight").value()).isGreaterThan(0.9);
      assertThat(r.finding("row_sum_error").value()).isLessThan(1e-12);
    }
  }

  /** Issue 22: "learned i−1" only when the weights say so (not at steps = 0). */
  @Test
  void headTitlesClaimARelationOnlyWithMostOfTheWeight() {
    Lang en = Lang.EN;
    RelationWeights w = new RelationWeights(new double[] {0.99, 0.2}, new double[] {0.01, 0.3},
        0);
    assertThat(MultiHeadDemo.headTitle(0, w, 3, en)).isEqualTo(
        "2 heads: head 1 learned i−1 (0.99)");
    assertThat(MultiHeadDemo.headTitle(1, w, 3, en)).isEqualTo(
        "2 heads: head 2 (i−1: 0.20, i−3: 0.30)");
    MultiHeadDemo demo = new MultiHeadDemo();
    Result r = demo.run(Params.defaults(demo.params()).with("steps", 0));
    assertThat(r.figure().texts()).noneMatch(t -> t.contains("learned"));
  }

  @Test
  void offsetMustBeBelowLength() {
    MultiHeadDemo demo = new MultiHeadDemo();
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("length", 4)
        .with("offset", 4))).isInstanceOf(UserException.class)
        .hasMessage("offset = 4 must be below length = 4 (a token 4 back must exist)");
  }
}
