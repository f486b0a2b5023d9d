package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Markers: small, normal and large differ in ink; a one-point curve still shows its point. */
class XyPlotMarkerSizeTest {
  private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8};
  private static final double[] Y = {1, 3, 2, 5, 4, 7, 6, 8};

  /** Pixels of the series colour in a 400 × 300 render (the legend off: markers only). */
  private static int ink(Function<XyPlot, XyPlot> addSeries) {
    return ink(addSeries.apply(XyPlot.titled("markers").hideLegend().xRange(0, 9).yRange(0, 9)));
  }

  private static int ink(XyPlot plot) {
    BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Theme.applyHints(g);
    plot.paint(g, 400, 300);
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

  @Test
  void aCurveThroughOnePointStillShowsThePoint() {
    // As a training curve after 0 steps: one x value, so the axis has no range of its own.
    int one = ink(XyPlot.titled("one").hideLegend().logY()
        .curve("s", new double[] {0}, new double[] {0.9585}).colour(Color.RED));
    assertThat(one).as("a marker is drawn where a line would draw nothing").isPositive();
  }
}
