package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The SVG's coordinate format: the same text as BigDecimal's plain form of the rounded value. */
class TwoDecimalsTest {
  private static String reference(double v) {
    long hundredths = Math.round(v * 100);
    return BigDecimal.valueOf(hundredths, 2).stripTrailingZeros().toPlainString();
  }

  @Test
  void handWorkedCases() {
    assertThat(FigureExport.twoDecimals(12.345)).isEqualTo("12.35");
    assertThat(FigureExport.twoDecimals(-0.5)).isEqualTo("-0.5");
    assertThat(FigureExport.twoDecimals(-0.05)).isEqualTo("-0.05");
    assertThat(FigureExport.twoDecimals(0.001)).isEqualTo("0");
    assertThat(FigureExport.twoDecimals(-0.001)).isEqualTo("0");
    assertThat(FigureExport.twoDecimals(3)).isEqualTo("3");
    assertThat(FigureExport.twoDecimals(1600.1)).isEqualTo("1600.1");
  }

  @Test
  void agreesWithBigDecimalOnRandomCoordinates() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double v = (random.nextDouble() - 0.5) * (i % 2 == 0 ? 4000 : 2);
      assertThat(FigureExport.twoDecimals(v)).as("%s", v).isEqualTo(reference(v));
    }
  }
}
