package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarPlotTest {
  /** A 0 on a log axis (BitFit on a model without biases) is passed as NaN: no bar, no error. */
  @Test
  void nanDrawsNoBarOnALogAxisWithItsLowerEndGiven() {
    BarPlot plot = BarPlot.titled("counts").axes("method", "parameters")
        .categories(List.of("a", "b", "c")).everyLabel().logY().yRange(1e3, 1e9)
        .bars("model 1", new double[] {1e8, Double.NaN, 1e4})
        .bars("model 2", new double[] {2e8, 5e5, 3e4});
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    assertThatCode(() -> plot.paint(g, 600, 400)).doesNotThrowAnyException();
    g.dispose();
  }

  @Test
  void barsThatAreAllZeroAreKnownSoTheirAxisStartsAtZero() {
    BarPlot zeros = BarPlot.titled("error").categories(List.of("a", "b"))
        .bars("one", new double[] {0, 0}).bars("two", new double[] {0, Double.NaN});
    assertThat(zeros.allZero()).isTrue();
    BarPlot some = BarPlot.titled("error").categories(List.of("a", "b"))
        .bars("one", new double[] {0, 1e-9});
    assertThat(some.allZero()).isFalse();
  }
}
