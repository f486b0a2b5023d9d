package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Small, normal and large scatter markers differ in the ink they put on the page. */
class XyPlotMarkerSizeTest {
  private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8};
  private static final double[] Y = {1, 3, 2, 5, 4, 7, 6, 8};

  /** Pixels of the series colour in a 400 × 300 render (the legend off: markers only). */
  private static int ink(Function<XyPlot, XyPlot> addSeries) {
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Theme.applyHints(g);
    addSeries.apply(XyPlot.titled("markers").hideLegend().xRange(0, 9).yRange(0, 9))
        .paint(g, 400, 300);
    g.dispose();
    int target = Color.RED.getRGB();
    int count = 0;
    for (int yy = 0; yy < 300; yy++) {
      for (int xx = 0; xx < 400; xx++) {
        count += img.getRGB(xx, yy) == target ? 1 : 0;
      }
    }
    return count;
  }

  @Test
  void smallPointsUseLessInkThanPointsAndLargePointsMore() {
    int small = ink(p -> p.smallPoints("s", X, Y).colour(Color.RED));
    int normal = ink(p -> p.points("s", X, Y).colour(Color.RED));
    int large = ink(p -> p.largePoints("s", X, Y).colour(Color.RED));
    assertThat(small).isPositive();
    // Area goes as the square of the diameter: ×0.25 and ×2.56, give or take the anti-aliasing.
    assertThat((double) small / normal).isBetween(0.1, 0.45);
    assertThat((double) large / normal).isBetween(2.0, 3.2);
  }
}
