package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TicksTest {
  @Test
  void colourBarTicksAreRoundValuesWithEnoughDigits() {
    assertThat(Ticks.nice(0, 1, 4)).containsExactly(0, 0.25, 0.5, 0.75, 1);
    assertThat(Ticks.labels(Ticks.nice(0, 1, 4))).containsExactly("0.00", "0.25", "0.50",
        "0.75", "1.00");
    assertThat(Ticks.labels(Ticks.nice(-7, 7, 4))).containsExactly("-5", "0", "5");
    assertThat(Ticks.labels(Ticks.nice(0, 3.5, 4))).containsExactly("0", "1", "2", "3");
    assertThat(Ticks.labels(new double[] {-0.0, 0.5})).containsExactly("0.0", "0.5");
  }

  @Test
  void linearAxisLabelsHaveALeadingZeroAndNoFractionalLayers() {
    Function<Double, String> f = Ticks.linear(0, 0.2, false);
    assertThat(f.apply(0.05)).isEqualTo("0.05");
    assertThat(f.apply(-0.0)).isEqualTo("0");
    assertThat(Ticks.linear(0.782744, 0.782745, false).apply(0.782744611963592))
        .doesNotContain("0.782744611963592");
    Function<Double, String> layers = Ticks.linear(1, 8, true);
    assertThat(layers.apply(2.0)).isEqualTo("2");
    assertThat(layers.apply(1.2)).isEmpty();
  }

  @Test
  void largeAndTinyLinearTicksReadAsPowersOfTen() {
    Function<Double, String> flops = Ticks.linear(0, 9e7, false);
    assertThat(flops.apply(8e7)).isEqualTo("8×10⁷");
    assertThat(flops.apply(2.5e7)).isEqualTo("2.5×10⁷");
    assertThat(flops.apply(0.0)).isEqualTo("0");
    Function<Double, String> cumulative = Ticks.linear(0, 3.2e7, false);
    assertThat(cumulative.apply(5e6)).isEqualTo("5×10⁶"); // as its neighbour 1×10⁷ reads
    assertThat(Ticks.linear(0, 4e6, false).apply(3e6)).isEqualTo("3×10⁶");
    assertThat(Ticks.linear(0, 7e5, false).apply(6e5)).isEqualTo("600000");
    assertThat(Ticks.scientific(-3e-9)).isEqualTo("-3×10⁻⁹");
    assertThat(Ticks.scientific(9.9999999999e7)).isEqualTo("1×10⁸");
  }

  @Test
  void logAxisUsesOneNotationForAllItsDecades() {
    Function<Double, String> small = Ticks.log(1e-6, 1);
    assertThat(small.apply(1e-4)).isEqualTo("10⁻⁴");
    assertThat(small.apply(1.0)).isEqualTo("10⁰");
    Function<Double, String> plain = Ticks.log(0.001, 1000);
    assertThat(plain.apply(0.001)).isEqualTo("0.001");
    assertThat(plain.apply(100.0)).isEqualTo("100");
    java.util.List<String> noSuperscripts = new java.util.ArrayList<>();
    String family = java.util.Arrays.stream(java.awt.GraphicsEnvironment
        .getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
        .filter(f -> new java.awt.Font(f, java.awt.Font.PLAIN, 12).canDisplayUpTo("⁰¹²³⁴⁵⁶⁷⁸⁹⁻") != -1)
        .findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(family != null, "every font has superscripts");
    Theme.withFontFamily(family, () -> {
      for (double v : new double[] {1e-5, 1e-4, 1e-3, 1}) {
        noSuperscripts.add(small.apply(v));
      }
    });
    assertThat(noSuperscripts).containsExactly("1e-5", "1e-4", "1e-3", "1e0");
  }

  @Test
  void aNarrowLogAxisLabelsEveryOtherDecadeAndAWideOneEvery() {
    double[] decades = {1e-8, 1e-7, 1e-6, 1e-5, 1e-4};
    java.util.function.Function<Double, String> narrow = Ticks.log(1e-8, 1e2, 10);
    java.util.function.Function<Double, String> wide = Ticks.log(1e-8, 1e2, 1000);
    for (double v : decades) {
      int k = (int) Math.rint(Math.log10(v));
      assertThat(wide.apply(v)).as("wide, %s", v).isNotEmpty().isEqualTo(
          Ticks.log(1e-8, 1e2).apply(v));
      if (k % 2 == 0) {
        assertThat(narrow.apply(v)).as("narrow, even %s", v).isEqualTo(wide.apply(v));
      } else {
        assertThat(narrow.apply(v)).as("narrow, odd %s", v).isEmpty();
      }
    }
    // plain decimals (no powers of ten) are left as they are
    assertThat(Ticks.log(0.01, 100, 1).apply(0.1)).isEqualTo("0.1");
  }
}
