package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DotStampsTest {
  /** Dots at random sub-pixel places, stamped and filled, opaque and translucent, at 1× and 2×. */
  @Test
  void stampedDotsMatchFilledCircles() {
    for (Color colour : new Color[] {new Color(0x0072B2), Theme.withAlpha(Color.BLACK, 0.5)}) {
      for (double scale : new double[] {1, 2}) {
        BufferedImage stamped = canvas();
        BufferedImage filled = canvas();
        Random random = new Random(3);
        Graphics2D gs = graphics(stamped, colour, scale);
        Graphics2D gf = graphics(filled, colour, scale);
        for (int i = 0; i < 40; i++) {
          double x = 10 + random.nextDouble() * 80;
          double y = 10 + random.nextDouble() * 80;
          double d = 2 + random.nextDouble() * 12;
          DotStamps.fill(gs, x, y, d);
          gf.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
        }
        gs.dispose();
        gf.dispose();
        // The same ink, to a fraction of a percent, and no pixel far off: positions round to a
        // quarter pixel, so an edge pixel's cover moves by an eighth at most.
        assertThat(ink(stamped)).isCloseTo(ink(filled), org.assertj.core.data.Percentage
            .withPercentage(0.5));
        assertThat(largestDifference(stamped, filled)).isLessThanOrEqualTo(96);
      }
    }
  }

  /** Not an image in memory (SVG): the circle itself, not a picture of it. */
  @Test
  void vectorTargetsGetTheCircle() {
    org.jfree.svg.SVGGraphics2D svg = new org.jfree.svg.SVGGraphics2D(20, 20);
    svg.setColor(Color.RED);
    DotStamps.fill(svg, 5, 6, 4);
    String element = svg.getSVGElement();
    assertThat(element).doesNotContain("<image")
        .contains("<ellipse cx='5.0' cy='6.0' rx='2.0' ry='2.0'");
  }

  private static BufferedImage canvas() {
    return new BufferedImage(220, 220, BufferedImage.TYPE_INT_RGB);
  }

  private static Graphics2D graphics(BufferedImage image, Color colour, double scale) {
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    Theme.applyHints(g);
    g.scale(scale, scale);
    g.setColor(colour);
    return g;
  }

  private static long ink(BufferedImage image) {
    long sum = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        sum += 3 * 255 - ((rgb >> 16) & 255) - ((rgb >> 8) & 255) - (rgb & 255);
      }
    }
    return sum;
  }

  private static int largestDifference(BufferedImage a, BufferedImage b) {
    int largest = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift < 24; shift += 8) {
          largest = Math.max(largest, Math.abs(((p >> shift) & 255) - ((q >> shift) & 255)));
        }
      }
    }
    return largest;
  }
}
