package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** A circle of 2-D points is drawn as a circle in a wide panel and in a tall one. */
class EqualAspectTest {
  /** Width over height of the bounding box of the pixels in the first category colour. */
  private static double drawnAspect(int width, int height) {
    int n = 400;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = 3 + 2 * Math.cos(2 * Math.PI * i / n);
      y[i] = -1 + 2 * Math.sin(2 * Math.PI * i / n);
    }
    XyPlot plot = XyPlot.titled("a circle").axes("x", "y").equalAspect()
        .smallPoints("points", x, y);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Theme.applyHints(g);
    plot.paint(g, width, height);
    g.dispose();
    int colour = Theme.category(0).getRGB() & 0xFFFFFF;
    int minX = Integer.MAX_VALUE;
    int maxX = -1;
    int minY = Integer.MAX_VALUE;
    int maxY = -1;
    // Above the legend strip: the legend's own sample has the same colour.
    for (int py = 0; py < height - 60; py++) {
      for (int px = 0; px < width; px++) {
        if ((image.getRGB(px, py) & 0xFFFFFF) == colour) {
          minX = Math.min(minX, px);
          maxX = Math.max(maxX, px);
          minY = Math.min(minY, py);
          maxY = Math.max(maxY, py);
        }
      }
    }
    return (double) (maxX - minX) / (maxY - minY);
  }

  @Test
  void aCircleStaysRoundInAWideAndATallPanel() {
    assertThat(drawnAspect(900, 420)).isCloseTo(1.0, within(0.03));
    assertThat(drawnAspect(420, 800)).isCloseTo(1.0, within(0.03));
  }
}
