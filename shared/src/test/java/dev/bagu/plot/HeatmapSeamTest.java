package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A uniform heatmap is one colour from edge to edge: no light line between rows or columns
 * where anti-aliased cells meet, at sizes that put cell edges between pixels and at a figure
 * painted smaller than its layout (scaled).
 */
class HeatmapSeamTest {
  @ParameterizedTest
  @CsvSource({"700, 530", "613, 487", "437, 301"})
  void aUniformHeatmapHasNoSeams(int width, int height) {
    double[][] uniform = new double[29][31];
    for (double[] row : uniform) {
      Arrays.fill(row, 0.25);
    }
    Figure figure = Figure.single("uniform", HeatmapPlot.titled("cells").matrix(uniform)
        .range(0, 1));
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    figure.paint(g, width, height);
    g.dispose();
    // The colour at the middle of the heatmap, then a vertical and a horizontal line through
    // it across the inner half of the cells: every pixel the same.
    int cx = width * 2 / 5;
    int cy = height * 3 / 5;
    int fill = image.getRGB(cx, cy);
    for (int y = cy - height / 6; y < cy + height / 6; y++) {
      assertThat(image.getRGB(cx, y)).as("x %d, y %d", cx, y).isEqualTo(fill);
    }
    for (int x = cx - width / 6; x < cx + width / 6; x++) {
      assertThat(image.getRGB(x, cy)).as("x %d, y %d", x, cy).isEqualTo(fill);
    }
  }
}
