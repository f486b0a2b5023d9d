package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Param;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliderScaleTest {
  @Test
  void logIntegerEndpointsAreExact() {
    SliderScale s = SliderScale.of(Param.integer("dk", 64, 1, 4096, "").logScale());
    assertThat(s.steps()).isEqualTo(SliderScale.STEPS);
    assertThat(s.value(0)).isEqualTo(1);
    assertThat(s.value(s.steps())).isEqualTo(4096);
    assertThat(s.position(1)).isZero();
    assertThat(s.position(4096)).isEqualTo(s.steps());
  }

  @Test
  void logIntegerMiddleIsGeometricMean() {
    SliderScale s = SliderScale.integer(1, 4096, true);
    assertThat(s.value(500)).isEqualTo(64);
    assertThat(s.position(64)).isEqualTo(500);
  }

  @Test
  void integersStayIntegersInRangeAndNeverDecrease() {
    SliderScale s = SliderScale.integer(3, 5000, true);
    int previous = Integer.MIN_VALUE;
    for (int pos = -5; pos <= s.steps() + 5; pos++) {
      Object v = s.value(pos);
      assertThat(v).isInstanceOf(Integer.class);
      int i = (Integer) v;
      assertThat(i).isBetween(3, 5000).isGreaterThanOrEqualTo(previous);
      previous = i;
    }
  }

  @Test
  void smallLinearIntegerRangeHasOnePositionPerValue() {
    SliderScale s = SliderScale.of(Param.integer("layers", 4, 1, 12, ""));
    assertThat(s.steps()).isEqualTo(11);
    for (int v = 1; v <= 12; v++) {
      assertThat(s.position(v)).isEqualTo(v - 1);
      assertThat(s.value(v - 1)).isEqualTo(v);
    }
  }

  @Test
  void wideLinearIntegerRangeIsRoundedAndClamped() {
    SliderScale s = SliderScale.integer(0, 100_000, false);
    assertThat(s.steps()).isEqualTo(SliderScale.STEPS);
    assertThat(s.value(1)).isEqualTo(100);
    assertThat(s.value(s.steps())).isEqualTo(100_000);
    assertThat(s.position(-7)).isZero();
    assertThat(s.position(1_000_000)).isEqualTo(s.steps());
  }

  @Test
  void logRealEndpointsAreExactAndInteriorIsRoundedToResolution() {
    SliderScale s = SliderScale.of(Param.real("lr", 1e-3, 1e-4, 1.0, "").logScale());
    assertThat((Double) s.value(0)).isEqualTo(1e-4);
    assertThat((Double) s.value(s.steps())).isEqualTo(1.0);
    double mid = (Double) s.value(500);
    assertThat(mid).isCloseTo(0.01, within(1e-5));
    // The rounding keeps few digits: 0.01 is shown as such, not 0.010000000000000002.
    assertThat(Double.toString(mid).length()).isLessThanOrEqualTo(8);
  }

  @Test
  void realPositionsRoundTrip() {
    SliderScale lin = SliderScale.real(-2.5, 7.5, false);
    SliderScale log = SliderScale.real(0.01, 100, true);
    for (int pos = 0; pos <= SliderScale.STEPS; pos += 37) {
      assertThat(lin.position(lin.value(pos))).isEqualTo(pos);
      assertThat(log.position(log.value(pos))).isEqualTo(pos);
    }
    assertThat((Double) lin.value(500)).isEqualTo(2.5);
  }

  @Test
  void realValuesNeverLeaveTheRange() {
    SliderScale s = SliderScale.real(0.1, 0.3, false);
    for (int pos = 0; pos <= s.steps(); pos++) {
      assertThat((Double) s.value(pos)).isBetween(0.1, 0.3);
    }
  }

  @Test
  void emptyRangeSitsAtItsOnlyValue() {
    SliderScale s = SliderScale.integer(7, 7, false);
    assertThat(s.steps()).isZero();
    assertThat(s.value(0)).isEqualTo(7);
    assertThat(s.position(7)).isZero();
    assertThat(SliderScale.real(2, 2, true).value(0)).isEqualTo(2.0);
  }

  @Test
  void onlyNumericParametersHaveASlider() {
    assertThatThrownBy(() -> SliderScale.of(Param.bool("causal", true, "")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void powersOfTwoStepByDoublingAndBack() {
    SliderScale s = SliderScale.of(Param.integer("d", 64, 4, 256, "").powersOfTwo());
    assertThat(s.steps()).isEqualTo(6);
    List<Object> values = new ArrayList<>();
    for (int pos = 0; pos <= s.steps(); pos++) {
      values.add(s.value(pos));
      assertThat(s.position(s.value(pos))).isEqualTo(pos);
    }
    assertThat(values).containsExactly(4, 8, 16, 32, 64, 128, 256);
    assertThat(s.position(64)).isEqualTo(4);
  }

  @Test
  void evenSlidersOnlyGiveEvenValues() {
    SliderScale log = SliderScale.of(Param.integer("d", 128, 2, 1024, "").logScale().even());
    for (int pos = 0; pos <= log.steps(); pos++) {
      assertThat((Integer) log.value(pos) % 2).as("position %d", pos).isZero();
    }
    assertThat(log.value(0)).isEqualTo(2);
    assertThat(log.value(log.steps())).isEqualTo(1024);
    assertThat(log.value(log.position(128))).isEqualTo(128);
    SliderScale linear = SliderScale.of(Param.integer("d", 8, 2, 20, "").even());
    assertThat(linear.steps()).isEqualTo(9); // 2, 4, … 20: one position each
    List<Object> values = new ArrayList<>();
    for (int pos = 0; pos <= linear.steps(); pos++) {
      values.add(linear.value(pos));
    }
    assertThat(values).containsExactly(2, 4, 6, 8, 10, 12, 14, 16, 18, 20);
    assertThat(linear.position(8)).isEqualTo(3);
  }
}
