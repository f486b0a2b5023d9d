package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class AttentionTest {
  // Three tokens, d_k = d_v = 2, worked by hand below.
  static final double[][] Q = {{1, 0}, {0, 1}, {1, 1}};
  static final double[][] K = {{1, 0}, {0, 1}, {0, 0}};
  static final double[][] V = {{1, 0}, {0, 1}, {1, 1}};

  @Test
  void threeTokensByHand() {
    Attention.Steps s = Attention.steps(Q, K, V, false);
    // S = Q Kᵀ: rows [1 0 0], [0 1 0], [1 1 0]; Ŝ = S / √2.
    assertThat(s.scores()).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {1, 1, 0}});
    assertThat(s.scaled()[2][0]).isCloseTo(1 / Math.sqrt(2), within(1e-15));
    // Row 0: softmax(1/√2, 0, 0) = (e, 1, 1) / (e + 2) with e = exp(1/√2).
    double e = Math.exp(1 / Math.sqrt(2));
    double big = e / (e + 2);
    double small = 1 / (e + 2);
    assertThat(s.weights()[0]).containsExactly(new double[] {big, small, small}, within(1e-15));
    // O_0 = big·(1,0) + small·(0,1) + small·(1,1).
    assertThat(s.output()[0]).containsExactly(new double[] {big + small, 2 * small},
        within(1e-15));
    // Row 2: softmax(e', e', 1) with e' = exp(1/√2) → output (a + c, a + c) by symmetry.
    double a = e / (2 * e + 1);
    double c = 1 / (2 * e + 1);
    assertThat(s.output()[2]).containsExactly(new double[] {a + c, a + c}, within(1e-15));
  }

  @Test
  void causalMaskHidesLaterKeys() {
    Attention.Steps s = Attention.steps(Q, K, V, true);
    assertThat(s.weights()[0]).containsExactly(1, 0, 0);
    assertThat(s.output()[0]).containsExactly(1, 0);
    // Row 1 sees keys 0 and 1 with scaled scores 0 and 1/√2.
    double e = Math.exp(1 / Math.sqrt(2));
    assertThat(s.weights()[1]).containsExactly(new double[] {1 / (1 + e), e / (1 + e), 0},
        within(1e-15));
    assertThat(s.weights()[2][2]).isPositive();
  }

  @Test
  void everyRowOfWeightsIsADistributionAndOutputIsWeightsTimesV() {
    Rng rng = Rng.seeded(3);
    double[][] q = Matrices.gaussian(7, 5, 3, rng);
    double[][] k = Matrices.gaussian(9, 5, 3, rng);
    double[][] v = Matrices.gaussian(9, 4, 1, rng);
    Attention.Steps s = Attention.steps(q, k, v, false);
    for (double[] row : s.weights()) {
      assertThat(java.util.Arrays.stream(row).sum()).isCloseTo(1, within(1e-12));
      assertThat(java.util.Arrays.stream(row).min().getAsDouble()).isGreaterThanOrEqualTo(0);
    }
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 4; j++) {
        double sum = 0;
        for (int t = 0; t < 9; t++) {
          sum += s.weights()[i][t] * v[t][j];
        }
        assertThat(s.output()[i][j]).isCloseTo(sum, within(1e-12));
      }
    }
  }

  @Test
  void sharedQueryAndKeyProjectionGivesSymmetricScores() {
    Rng rng = Rng.seeded(5);
    double[][] x = Matrices.gaussian(6, 8, 1, rng);
    double[][] s = AttentionHead.random(8, 4, 4, true, rng).forward(x, false).scores();
    assertThat(Matrices.maxAbsDifference(s, Matrices.transpose(s))).isLessThan(1e-12);
    double[][] t = AttentionHead.random(8, 4, 4, false, rng).forward(x, false).scores();
    assertThat(Matrices.maxAbsDifference(t, Matrices.transpose(t))).isGreaterThan(0.1);
  }

  @Test
  void multiHeadWithNarrowHeadsCostsFourDSquaredForEveryH() {
    int d = 48;
    for (int h : new int[] {1, 2, 3, 4, 6, 8, 12}) {
      MultiHeadAttention mha = MultiHeadAttention.random(d, h, Rng.seeded(h));
      assertThat(mha.parameters()).as("h = " + h).isEqualTo(4L * d * d);
      var out = mha.forward(Matrices.gaussian(5, d, 1, Rng.seeded(9)), true);
      assertThat(out.heads()).hasSize(h);
      assertThat(out.concatenated()[0]).hasSize(d);
      assertThat(out.output()[0]).hasSize(d);
    }
    assertThatThrownBy(() -> MultiHeadAttention.random(10, 3, Rng.seeded(0)))
        .hasMessageContaining("not a multiple");
  }

  @Test
  void oneHeadOfMultiHeadEqualsAttentionOnItsProjections() {
    Rng rng = Rng.seeded(8);
    double[][] x = Matrices.gaussian(4, 6, 1, rng);
    MultiHeadAttention mha = MultiHeadAttention.random(6, 2, rng);
    AttentionHead h1 = mha.heads().get(1);
    double[][] direct = Attention.attend(Matrices.multiply(x, h1.wq()),
        Matrices.multiply(x, h1.wk()), Matrices.multiply(x, h1.wv()), false);
    var out = mha.forward(x, false);
    assertThat(Matrices.maxAbsDifference(Matrices.columns(out.concatenated(), 3, 6), direct))
        .isZero();
  }
}
