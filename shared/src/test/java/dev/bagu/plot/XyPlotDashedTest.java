package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/**
 * A dashed line shows its gaps however many points it has: XChart restarts the dash pattern at
 * every point, so a dense dashed line used to come out solid.
 */
class XyPlotDashedTest {
  private static final int WIDTH = 600;
  private static final int HEIGHT = 300;

  /**
   * Gaps in the line: runs of at least 3 near-white pixels between the first and the last red one,
   * along the row of the most red (the middle of the line; the grid lies elsewhere).
   */
  private static int gapsAlong(int points) {
    double[] x = new double[points];
    double[] y = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = (double) i / (points - 1);
    }
    XyPlot plot = XyPlot.titled("dashes").hideLegend().xRange(0, 1).yRange(-1, 1)
        .dashed("line", x, y).colour(Color.RED);
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    Theme.applyHints(g);
    plot.paint(g, WIDTH, HEIGHT);
    g.dispose();
    int row = 0;
    int most = -1;
    for (int r = 0; r < HEIGHT; r++) {
      int red = 0;
      for (int c = 0; c < WIDTH; c++) {
        red += img.getRGB(c, r) == Color.RED.getRGB() ? 1 : 0;
      }
      if (red > most) {
        most = red;
        row = r;
      }
    }
    int first = WIDTH;
    int last = -1;
    for (int c = 0; c < WIDTH; c++) {
      if (img.getRGB(c, row) == Color.RED.getRGB()) {
        first = Math.min(first, c);
        last = c;
      }
    }
    int gaps = 0;
    int white = 0;
    for (int c = first; c <= last; c++) {
      boolean light = (img.getRGB(c, row) & 0xFF) > 0xE0 && (img.getRGB(c, row) >> 8 & 0xFF) > 0xE0;
      white = light ? white + 1 : 0;
      gaps += white == 3 ? 1 : 0;
    }
    return gaps;
  }

  @Test
  void aDenseDashedLineShowsItsDashes() {
    // About 500 px of plot: 9 px dashes and 6 px gaps make about 33 gaps.
    assertThat(gapsAlong(400)).as("400 points, a pixel or so apart").isGreaterThan(20);
  }

  @Test
  void aSparseDashedLineShowsItsDashes() {
    assertThat(gapsAlong(5)).isGreaterThan(20);
  }
}
