package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PlotChart hides the data from XChart's axes only where XChart's ticks cannot depend on it: the
 * same panels, painted with and without hiding, are the same pixels. The cases are the ones where
 * the answer turns: evenly spaced x (steps, with XyPlot's breaker), tiny and huge steps, uneven and
 * random values, repeated values, log axes, fixed ranges that cut into the data, equal aspect.
 */
class AxisBlindSeriesTest {
  @AfterEach
  void restore() {
    PlotChart.hideDataFromAxes = true;
  }

  private static int[] pixels(XyPlot plot, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    Theme.applyHints(g);
    g.scale(0.69, 0.69); // as in the window: a figure laid out larger and scaled down
    plot.paint(g, (int) (width / 0.69), (int) (height / 0.69));
    g.dispose();
    return image.getRGB(0, 0, width, height, null, 0, width);
  }

  private static void assertSamePixels(XyPlot plot) {
    PlotChart.hideDataFromAxes = false;
    int[] scanned = pixels(plot, 520, 380);
    PlotChart.hideDataFromAxes = true;
    int[] hidden = pixels(plot, 520, 380);
    assertThat(Arrays.equals(scanned, hidden)).as(plot.texts().get(0)).isTrue();
  }

  private static double[] range(int n, double start, double step) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = start + i * step;
    }
    return v;
  }

  @Test
  void evenlySpacedStepsOfEverySize() {
    for (double step : new double[] {1, 0.5, 0.01, 0.001, 1e-5, 250}) {
      for (int n : new int[] {3, 4, 5, 40, 300}) {
        double[] x = range(n, -2 * step, step);
        double[] y = x.clone();
        for (int i = 0; i < n; i++) {
          y[i] = Math.sin(i / 3.0);
        }
        assertSamePixels(XyPlot.titled("steps " + step + " n " + n).axes("x", "y")
            .line("a", x, y));
        assertSamePixels(XyPlot.titled("linear " + step + " n " + n).axes("x", "y")
            .curve("a", x, x).dashed("b", x, range(n, 1, 2 * step)));
      }
    }
  }

  @Test
  void unevenRandomRepeatedAndLogValues() {
    Random random = new Random(7);
    for (int trial = 0; trial < 40; trial++) {
      int n = 2 + random.nextInt(trial < 20 ? 8 : 400);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = trial % 3 == 0 ? random.nextInt(4) : random.nextGaussian() * 10;
        y[i] = trial % 4 == 0 ? Math.floor(random.nextDouble() * 3) : Math.exp(random.nextGaussian());
      }
      XyPlot plot = XyPlot.titled("random " + trial).axes("x", "y").points("p", x, y);
      if (trial % 5 == 1) {
        plot.logY();
      }
      if (trial % 7 == 2) {
        plot.xRange(x[0], x[0] + 5).yRange(y[0], y[0] + 1);
      }
      if (trial % 6 == 3) {
        plot.equalAspect();
      }
      assertSamePixels(plot);
    }
  }

  @Test
  void theAxisMinimumAmongTheFirstValues() {
    // The minimum first, then values whose spacing turns uneven only after it.
    double[] x = {0, 1, 2, 3, 4.5, 6, 7.5, 9, 12, 15};
    assertSamePixels(XyPlot.titled("min first").axes("x", "y").line("a", x, x));
    double[] y = {5, 0, 1, 2, 3, 4, 6, 7};
    assertSamePixels(XyPlot.titled("min second").axes("x", "y").points("a", y, y)
        .xRange(1, 7).yRange(1, 7));
  }
}
