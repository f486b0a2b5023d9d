package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demos.models.DisentangledAttention.Terms;
import dev.bagu.demos.models.DisentangledAttention.Weights;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DisentangledAttentionTest {
  /** He et al. 2021, eq. 3, with k = 3: the 2k = 6 buckets, clipped at both ends. */
  @Test
  void deltaMatchesThePaperByHand() {
    int k = 3;
    assertThat(DisentangledAttention.delta(0, 0, k)).isEqualTo(3); // i − j = 0 → k
    assertThat(DisentangledAttention.delta(2, 0, k)).isEqualTo(5); // 2 + 3
    assertThat(DisentangledAttention.delta(3, 0, k)).isEqualTo(5); // i − j ≥ k → 2k − 1
    assertThat(DisentangledAttention.delta(9, 0, k)).isEqualTo(5);
    assertThat(DisentangledAttention.delta(0, 2, k)).isEqualTo(1); // −2 + 3
    assertThat(DisentangledAttention.delta(0, 3, k)).isEqualTo(0); // i − j ≤ −k → 0
    assertThat(DisentangledAttention.delta(0, 9, k)).isEqualTo(0);
  }

  @ParameterizedTest
  @CsvSource({"12, 4", "5, 1", "30, 32", "40, 7"})
  void everyIndexLiesInZeroToTwoK(int n, int k) {
    for (int[] row : DisentangledAttention.deltas(n, k)) {
      for (int v : row) {
        assertThat(v).isBetween(0, 2 * k - 1);
      }
    }
  }

  /** A hand-worked case, d = 1, d_model = 1: every term is a product of four numbers. */
  @Test
  void termsMatchAHandWorkedCase() {
    double[][] h = {{1}, {2}};
    double[][] p = {{10}, {20}}; // k = 1: bucket 0 (j ahead of i), bucket 1 (i − j ≥ 0)
    Weights w = new Weights(new double[][] {{1}}, new double[][] {{3}}, new double[][] {{0.5}},
        new double[][] {{-1}});
    Terms t = DisentangledAttention.terms(h, p, w, 1);
    double s = 1 / Math.sqrt(3);
    // q_c = (1, 2), k_c = (3, 6), q_r = (5, 10), k_r = (−10, −20).
    assertThat(t.c2c()[0][1]).isCloseTo(s * 1 * 6, within(1e-12));
    // c2p(0, 1): δ(0, 1) = 0 → k_r = −10; p2c(0, 1): key 1, δ(1, 0) = 1 → q_r = 10.
    assertThat(t.c2p()[0][1]).isCloseTo(s * 1 * -10, within(1e-12));
    assertThat(t.p2c()[0][1]).isCloseTo(s * 6 * 10, within(1e-12));
    // (1, 0): δ(1, 0) = 1 → k_r = −20; δ(0, 1) = 0 → q_r = 5, times k_c,0 = 3.
    assertThat(t.c2p()[1][0]).isCloseTo(s * 2 * -20, within(1e-12));
    assertThat(t.p2c()[1][0]).isCloseTo(s * 3 * 5, within(1e-12));
  }

  @ParameterizedTest
  @CsvSource({"12, 4, 16", "7, 1, 3", "20, 25, 8"})
  void sumOfTheMapsEqualsTheGatheredScore(int n, int k, int d) {
    Rng rng = Rng.seeded(n * 100 + k);
    Weights w = Weights.random(d, 10, rng);
    double[][] h = Matrices.gaussian(n, 10, 1, rng);
    double[][] p = Matrices.gaussian(2 * k, 10, 1, rng);
    double[][] sum = DisentangledAttention.terms(h, p, w, k).sum();
    assertThat(Matrices.maxAbsDifference(sum, DisentangledAttention.scoresByGather(h, p, w, k)))
        .isLessThan(1e-12);
  }

  /** Shifting the whole sequence changes no score: positions enter only as i − j. */
  @Test
  void scoresAreTranslationInvariant() {
    Rng rng = Rng.seeded(5);
    int n = 6;
    int k = 3;
    Weights w = Weights.random(8, 10, rng);
    double[][] h = Matrices.gaussian(n, 10, 1, rng);
    double[][] p = Matrices.gaussian(2 * k, 10, 1, rng);
    double[][] padded = new double[n + 9][];
    for (int i = 0; i < padded.length; i++) {
      padded[i] = i >= 9 ? h[i - 9] : Matrices.gaussian(1, 10, 1, rng)[0];
    }
    double[][] small = DisentangledAttention.scoresByGather(h, p, w, k);
    double[][] big = DisentangledAttention.scoresByGather(padded, p, w, k);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(big[i + 9][j + 9]).isEqualTo(small[i][j]);
      }
    }
  }

  /** One content everywhere: 2k + 1 distinct scores, one per clip(i − j, −k, k), no spread. */
  @Test
  void sameContentDependsOnlyOnTheClippedDistance() {
    Rng rng = Rng.seeded(9);
    int n = 15;
    int k = 4;
    Weights w = Weights.random(8, 10, rng);
    double[][] h = DisentangledAttention.repeated(Matrices.gaussian(1, 10, 1, rng)[0], n);
    double[][] p = Matrices.gaussian(2 * k, 10, 1, rng);
    double[][] s = DisentangledAttention.terms(h, p, w, k).sum();
    assertThat(DisentangledAttention.spreadWithinClippedDistance(s, k)).isLessThan(1e-12);
    assertThat(java.util.Arrays.stream(s).flatMapToDouble(java.util.Arrays::stream)
        .map(v -> Math.round(v * 1e9) / 1e9).distinct().count()).isEqualTo(2 * k + 1);
    // The check can fail: different contents at the same distance give different scores.
    double[][] mixed = DisentangledAttention.terms(Matrices.gaussian(n, 10, 1, rng), p, w, k)
        .sum();
    assertThat(DisentangledAttention.spreadWithinClippedDistance(mixed, k)).isGreaterThan(0.1);
  }

  @Test
  void scalingBy3dGivesUnitVariance() {
    assertThat(DebertaAttentionDemo.scaledVariance(12, 4, 64, Rng.seeded(3)))
        .isCloseTo(1, within(0.1));
  }

  @Test
  void demoFindingsAgreeAtDefaults() {
    DebertaAttentionDemo demo = new DebertaAttentionDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.findings()).allMatch(f -> f.reference().isEmpty() || f.agrees());
    assertThat(r.data()).containsKeys("scores", "same_word_scores");
  }
}
