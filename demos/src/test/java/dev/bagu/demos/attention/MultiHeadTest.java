package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.math.Rng;
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

  @Test
  void offsetMustBeBelowLength() {
    MultiHeadDemo demo = new MultiHeadDemo();
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("length", 4)
        .with("offset", 4))).isInstanceOf(UserException.class)
        .hasMessage("offset = 4 must be below length = 4 (a token 4 back must exist)");
  }
}
