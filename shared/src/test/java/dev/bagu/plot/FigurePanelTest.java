package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The window's figure panel paints its figure into an image and copies it: the pixels are those of
 * the figure painted straight onto the target (its panels painted at once or not), at the
 * screen's scale too; the same figure at the same size is painted once.
 */
class FigurePanelTest {
  private static Figure figure() {
    double[] x = {0, 1, 2, 3, 4, 5, 6};
    double[] y = {0, 1, 4, 9, 16, 25, 36};
    Figure f = Figure.grid("four panels", 2, 2).subtitle("a subtitle");
    for (int i = 0; i < 4; i++) {
      int shift = i;
      f.add(XyPlot.titled("panel " + i).axes("x", "y").line("squares", x, y)
          .dashed("twice", x, Arrays.stream(x).map(v -> 2 * v + shift).toArray()));
    }
    return f;
  }

  private static int[] direct(Figure f, int w, int h, double scale) {
    return pixels(w, h, scale, g -> f.paint(g, w, h));
  }

  private static int[] throughPanel(FigurePanel panel, int w, int h, double scale) {
    panel.setSize(w, h);
    return pixels(w, h, scale, panel::paint);
  }

  /** What {@code paint} draws on a white w × h screen at this scale, pixel by pixel. */
  private static int[] pixels(int w, int h, double scale, Consumer<Graphics2D> paint) {
    BufferedImage image = new BufferedImage((int) Math.ceil(w * scale),
        (int) Math.ceil(h * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    // At 1.25 the last half pixel lies outside the component: the screen's white there.
    g.setColor(Theme.BACKGROUND);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.scale(scale, scale);
    paint.accept(g);
    g.dispose();
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  @Test
  void samePixelsAsPaintingTheFigureStraightOnAtEachScreenScale() {
    Figure f = figure();
    FigurePanel panel = new FigurePanel(f);
    for (double scale : new double[] {1, 1.25, 2}) {
      assertThat(Arrays.equals(throughPanel(panel, 886, 870, scale), direct(f, 886, 870, scale)))
          .as("scale %s", scale).isTrue();
    }
    assertThat(Arrays.equals(throughPanel(panel, 1500, 900, 1), direct(f, 1500, 900, 1)))
        .isTrue();
  }

  @Test
  void panelsPaintedAtOnceAreTheSameBytesEveryTime() {
    Figure f = figure();
    int[] first = direct(f, 886, 870, 1);
    for (int run = 0; run < 5; run++) {
      assertThat(Arrays.equals(direct(f, 886, 870, 1), first)).isTrue();
    }
    BufferedImage image = new BufferedImage(886, 870, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    assertThat(PanelPainting.parallelFor(g))
        .isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
    g.dispose();
  }
}
