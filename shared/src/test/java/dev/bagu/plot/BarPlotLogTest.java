package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarPlotLogTest {
  private static BufferedImage paint(Panel plot) {
    BufferedImage image = new BufferedImage(600, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Theme.applyHints(g);
    assertThatCode(() -> plot.paint(g, 600, 400)).doesNotThrowAnyException();
    g.dispose();
    return image;
  }

  /** A log y axis with no range given takes whole decades around the data, and draws the bars. */
  @Test
  void logAxisWithoutARangeChoosesOneFromTheData() {
    BarPlot plot = BarPlot.titled("counts").axes("method", "parameters")
        .categories(List.of("a", "b", "c")).everyLabel().logY()
        .bars("params", new double[] {3e8, 2e4, 7e6});
    BufferedImage image = paint(plot);
    // The bars are drawn: plenty of pixels in the first category colour.
    int blue = Theme.category(0).getRGB();
    int count = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        count += image.getRGB(x, y) == blue ? 1 : 0;
      }
    }
    assertThat(count).isGreaterThan(2000);
  }

  /** Zeros, negatives and NaN on a log axis draw no bar and throw nothing, even all of them. */
  @Test
  void nonPositiveValuesOnALogAxisDrawNoBar() {
    paint(BarPlot.titled("counts").categories(List.of("a", "b", "c", "d")).logY()
        .bars("x", new double[] {0, -3, Double.NaN, 50}));
    paint(BarPlot.titled("counts").categories(List.of("a", "b")).logY()
        .bars("x", new double[] {0, Double.NaN}));
    paint(BarPlot.titled("counts").categories(List.of("a", "b")).logY()
        .bars("x", new double[] {5, 5}));
  }
}
