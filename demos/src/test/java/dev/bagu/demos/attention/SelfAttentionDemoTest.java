package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.nn.AttentionHead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SelfAttentionDemoTest {
  private final SelfAttentionDemo demo = new SelfAttentionDemo();

  private Result run(int tokens, int dk, boolean causal, long seed) {
    return demo.run(Params.defaults(demo.params()).with("tokens", tokens).with("dk", dk)
        .with("causal", causal).withSeed(seed));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3})
  void weightsAreDistributionsAndOutputIsWeightsTimesValues(long seed) {
    for (boolean causal : new boolean[] {false, true}) {
      Result r = run(24, 64, causal, seed);
      assertThat(r.finding("row_sum_error").value()).isLessThan(1e-12);
      assertThat(r.finding("output_error").value()).isLessThan(1e-12);
      assertThat(r.finding("min_weight").value()).isGreaterThanOrEqualTo(0);
    }
  }

  @Test
  void repeatedWordsAttendAlikeOnlyWithoutTheMask() {
    assertThat(run(6, 4, false, 0).finding("repeated_word_rows").value()).isZero();
    // With the mask the second "the" sees three more words than the first.
    assertThat(run(6, 4, true, 0).finding("repeated_word_rows").value()).isGreaterThan(0.05);
    // Five words have no repeat, so there is nothing to compare.
    assertThat(run(4, 4, false, 0).findings()).noneMatch(f -> f.key().equals(
        "repeated_word_rows"));
  }

  @Test
  void sentenceEmbedsEqualWordsEquallyAndKeepsVectorsAcrossLengths() {
    ToySentence s = ToySentence.of(6, 8, 0, 1);
    assertThat(s.tokens()).containsExactly("the", "cat", "sat", "on", "the", "mat");
    assertThat(s.embeddings()[4]).containsExactly(s.embeddings()[0]);
    assertThat(s.embeddings()[1]).isNotEqualTo(s.embeddings()[0]);
    assertThat(ToySentence.of(24, 8, 0, 1).embeddings()[5]).containsExactly(s.embeddings()[5]);
    assertThat(s.repeats()).hasSize(1);
  }

  @Test
  void causalMaskZeroesLaterKeysAndFirstTokenAttendsToItself() {
    ToySentence s = ToySentence.of(6, 8, 0, 1);
    double[][] x = s.embeddings();
    Attention.Steps st = AttentionHead.random(8, 4, 4, false, Rng.seeded(5)).forward(x, true);
    assertThat(st.weights()[0][0]).isEqualTo(1.0);
    for (int i = 0; i < 6; i++) {
      for (int j = i + 1; j < 6; j++) {
        assertThat(st.weights()[i][j]).isZero();
      }
    }
  }

  @Test
  void checksCatchAWrongOutputAndANonNormalisedRow() {
    double[][] a = {{0.5, 0.5}, {0.2, 0.9}};
    double[][] v = {{1, 0}, {0, 1}};
    assertThat(AttentionChecks.maxRowSumError(a)).isCloseTo(0.1, within(1e-12));
    assertThat(AttentionChecks.maxOutputError(new double[][] {{0.5, 0.5}, {0.2, 0.8}}, a, v))
        .isCloseTo(0.1, within(1e-12));
  }
}
