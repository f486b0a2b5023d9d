package dev.bagu.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Cases worked by hand; the first five are the examples in scikit-learn's documentation. */
class AdjustedRandTest {
  @Test
  void scikitLearnDocumentationExamples() {
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 1})).isEqualTo(1.0);
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {1, 1, 0, 0})).isEqualTo(1.0);
    // Contingency {{2,0,0},{0,1,1}} against a = {2,2}, b = {2,1,1}: index 1, E = 2·1/6, max 1.5.
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 2}, new int[] {0, 0, 1, 1}))
        .isCloseTo(4.0 / 7, within(1e-15));
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 0, 1, 2}))
        .isCloseTo(4.0 / 7, within(1e-15));
    assertThat(AdjustedRand.index(new int[] {0, 0, 0, 0}, new int[] {0, 1, 2, 3})).isZero();
    // Every within-pair of one side split by the other: index 0, E = 2·2/6, max 2 → −0.5.
    assertThat(AdjustedRand.index(new int[] {0, 0, 1, 1}, new int[] {0, 1, 0, 1}))
        .isCloseTo(-0.5, within(1e-15));
  }

  @Test
  void noiseIsOneMoreLabelAndTrivialPartitionsMatch() {
    assertThat(AdjustedRand.index(new int[] {-1, -1, 0, 0}, new int[] {5, 5, 7, 7}))
        .isEqualTo(1.0);
    assertThat(AdjustedRand.index(new int[] {3, 3, 3}, new int[] {-1, -1, -1})).isEqualTo(1.0);
    assertThat(AdjustedRand.index(new int[] {0, 1, 2}, new int[] {2, 0, 1})).isEqualTo(1.0);
    assertThat(AdjustedRand.index(new int[] {4}, new int[] {9})).isEqualTo(1.0);
    assertThatThrownBy(() -> AdjustedRand.index(new int[2], new int[3]))
        .hasMessage("labelings differ in length: 2 and 3");
  }
}
