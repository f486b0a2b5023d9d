package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FindingTest {
  private static Finding value(double v) {
    return Finding.of("x", "x", v, "");
  }

  @Test
  void defaultToleranceIsFivePercentOfTheReference() {
    assertThat(value(63.87).withReference(64, "s").agrees()).isTrue();
    assertThat(value(67.3).withReference(64, "s").agrees()).as("5.2% off").isFalse();
    assertThat(value(-0.96).withReference(-1, "s").agrees()).isTrue();
  }

  @Test
  void aZeroReferenceNeedsAlmostExactlyZero() {
    assertThat(value(0).withReference(0, "s").agrees()).isTrue();
    assertThat(value(1e-6).withReference(0, "s").agrees()).isFalse();
  }

  @Test
  void anExplicitToleranceIsAbsolute() {
    assertThat(value(0.2).withReference(0.25, "bound", 0.06).agrees()).isTrue();
    assertThat(value(0.2).withReference(0.25, "bound", 0.04).agrees()).isFalse();
    assertThatThrownBy(() -> value(1).withReference(1, "s", -1))
        .hasMessageContaining("tolerance must be ≥ 0");
    assertThatThrownBy(() -> value(1).withReference(1, "s", Double.NaN))
        .hasMessageContaining("tolerance");
  }

  @Test
  void withoutAReferenceNothingAgrees() {
    assertThat(value(1).agrees()).isFalse();
  }

  @Test
  void anUpperBoundAgreesWithAnythingAtOrBelowIt() {
    assertThat(value(2.8).withUpperBound(28.9, "bound").agrees()).isTrue();
    assertThat(value(28.9).withUpperBound(28.9, "bound").agrees()).isTrue();
    assertThat(value(29).withUpperBound(28.9, "bound").agrees()).isFalse();
    assertThat(value(2.8).withUpperBound(28.9, "b").reference().get().describe(String::valueOf))
        .isEqualTo("≤ 28.9");
  }
}
