package dev.bagu.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void medianOfOddAndEvenCountsLeavesTheArrayAlone() {
    double[] odd = {5, 1, 3};
    assertThat(Stats.median(odd)).isEqualTo(3);
    assertThat(odd).containsExactly(5, 1, 3);
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
    assertThat(Stats.median(new double[] {7})).isEqualTo(7);
    assertThatThrownBy(() -> Stats.median(new double[0])).hasMessage("median of no values");
  }
}
