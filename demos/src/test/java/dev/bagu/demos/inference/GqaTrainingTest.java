package dev.bagu.demos.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.inference.GroupedQuery.Pooling;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionBackward;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GqaTrainingTest {
  @Test
  void theTargetMixesTheThreeTokensBefore() {
    GqaTask task = new GqaTask(new int[][] {{0, 1, 2, 3, 4}});
    double[][] y = task.target(0);
    assertThat(y[0]).containsOnly(0.0); // rows before the third token are not scored
    assertThat(y[3][2]).isEqualTo(1 / 2.0);
    assertThat(y[3][1]).isEqualTo(1 / 3.0);
    assertThat(y[3][0]).isEqualTo(1 / 6.0);
    assertThat(y[4][3] + y[4][2] + y[4][1]).isCloseTo(1, within(1e-15));
    assertThat(task.input(0)[2]).containsExactly(0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0);
  }

  /** The reference gradient: the shared forward pass and AttentionBackward, no one-hot shortcut. */
  private static List<double[][]> sharedGradient(GqaTask task, MultiHeadAttention model) {
    List<double[][]> sum = new ArrayList<>();
    for (double[][] p : GqaTraining.parameters(model)) {
      sum.add(new double[p.length][p[0].length]);
    }
    double rows = (double) task.sequences() * task.scoredRows();
    for (int s = 0; s < task.sequences(); s++) {
      double[][] x = task.input(s);
      double[][] y = task.target(s);
      MultiHeadAttention.Output out = model.forward(x, true);
      double[][] dY = new double[x.length][y[0].length];
      for (int i = GqaTask.MIX.length; i < x.length; i++) {
        for (int j = 0; j < y[i].length; j++) {
          dY[i][j] = 2 * (out.output()[i][j] - y[i][j]) / rows;
        }
      }
      add(sum, sum.size() - 1, Matrices.multiply(Matrices.transpose(out.concatenated()), dY));
      double[][] dConcat = Matrices.multiplyTransposed(dY, model.wo());
      for (int h = 0; h < model.heads().size(); h++) {
        AttentionHead head = model.heads().get(h);
        double[][] dOut = Matrices.columns(dConcat, h * head.dV(), (h + 1) * head.dV());
        AttentionBackward.Gradient g = AttentionBackward.backward(x, head, out.heads().get(h),
            dOut);
        add(sum, 3 * h, g.wq());
        add(sum, 3 * h + 1, g.wk());
        add(sum, 3 * h + 2, g.wv());
      }
    }
    return sum;
  }

  private static void add(List<double[][]> sum, int at, double[][] g) {
    sum.set(at, Matrices.add(sum.get(at), g));
  }

  /** The one-hot backward pass equals AttentionBackward's and finite differences of the loss. */
  @Test
  void oneHotGradientMatchesTheSharedBackwardAndFiniteDifferences() {
    GqaTask task = GqaTask.random(3, 7, Rng.seeded(11));
    MultiHeadAttention model = GqaTraining.initial(task, 3, Rng.seeded(12));
    List<double[][]> fast = new ArrayList<>();
    double loss = GqaTraining.lossAndGradient(task, model, fast);
    assertThat(loss).isCloseTo(GqaTraining.loss(task, model), within(1e-12));
    List<double[][]> reference = sharedGradient(task, model);
    for (int p = 0; p < fast.size(); p++) {
      assertThat(Matrices.maxAbsDifference(fast.get(p), reference.get(p))).isLessThan(1e-12);
    }
    List<double[][]> params = GqaTraining.parameters(model);
    Rng pick = Rng.seeded(13);
    double eps = 1e-6;
    for (int trial = 0; trial < 30; trial++) {
      int p = pick.nextInt(params.size());
      double[][] w = params.get(p);
      int i = pick.nextInt(w.length);
      int j = pick.nextInt(w[0].length);
      double keep = w[i][j];
      w[i][j] = keep + eps;
      double up = GqaTraining.loss(task, model);
      w[i][j] = keep - eps;
      double down = GqaTraining.loss(task, model);
      w[i][j] = keep;
      assertThat(fast.get(p)[i][j]).isCloseTo((up - down) / (2 * eps), within(1e-7));
    }
  }

  @Test
  void trainingLowersTheLossOnTrainingAndHeldOutSequences() {
    GqaTraining.Run run = GqaTraining.trained(0, 8, 16, 60);
    assertThat(run.finalLoss()).isLessThan(0.1 * run.initialLoss());
    GqaTask heldOut = GqaTask.random(GqaTraining.SEQUENCES, 16, Rng.seeded(99));
    MultiHeadAttention untrained = GqaTraining.initial(run.task(), 8, Rng.stream(0, 2));
    assertThat(GqaTraining.loss(heldOut, run.model()))
        .isLessThan(0.3 * GqaTraining.loss(heldOut, untrained));
  }

  /**
   * On the trained layer at the defaults: mean-pooling changes nothing at g = h, and at every
   * smaller g it keeps the output closer to MHA's than fresh random K, V do (Ainslie et al. 2023
   * compare the same three conversions).
   */
  @Test
  void meanPoolingIsExactAtHAndNeverWorseThanRandomOnTheTrainedLayer() {
    for (long seed = 0; seed < 3; seed++) {
      MultiHeadAttention mha = GqaTraining.trained(seed, 8, 16, 60).model();
      List<double[][]> xs = GqaTask.random(GqaTraining.SEQUENCES, 16, Rng.stream(seed, 4))
          .inputs();
      List<MultiHeadAttention.Output> ref = xs.stream().map(x -> mha.forward(x, true)).toList();
      for (int g : GroupedQuery.kvHeadCounts(8)) {
        double mean = GroupedQuery.error(ref, GroupedQuery.grouped(mha, g, Pooling.MEAN,
            Rng.seeded(0)), xs).output();
        double random = GroupedQuery.error(ref, GroupedQuery.grouped(mha, g, Pooling.RANDOM,
            Rng.stream(seed, 3, g)), xs).output();
        if (g == 8) {
          assertThat(mean).isZero();
        } else {
          assertThat(mean).isPositive().isLessThan(random);
        }
      }
    }
  }

  @Test
  void trainingIsDeterministicAndTheCacheReturnsTheSameLayer() {
    GqaTask task = GqaTask.random(GqaTraining.SEQUENCES, 8, Rng.stream(5, 1));
    GqaTraining.Run a = GqaTraining.train(task, GqaTraining.initial(task, 4, Rng.stream(5, 2)),
        20);
    GqaTraining.Run b = GqaTraining.trained(5, 4, 8, 20);
    assertThat(b.loss()).isEqualTo(a.loss());
    for (int p = 0; p < GqaTraining.parameters(a.model()).size(); p++) {
      assertThat(GqaTraining.parameters(b.model()).get(p))
          .isEqualTo(GqaTraining.parameters(a.model()).get(p));
    }
    assertThat(GqaTraining.trained(5, 4, 8, 20)).isSameAs(b);
  }
}
