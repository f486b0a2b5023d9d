package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Long legend entries and titles are measured and wrapped or shrunk, never clipped: every entry
 * lies inside the panel, no two entries touch, every line of text is as wide as measured, and
 * nothing is drawn at the image's edges.
 */
class LegendAndTitleFitTest {
  private static final int W = 520;
  private static final int H = 380;

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    Theme.applyHints(g);
    g.setColor(Theme.BACKGROUND);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  private static List<Legend.Entry> longEntries() {
    return List.of(
        new Legend.Entry("d_head = d/h (counted)", Legend.Sample.MARKER, Theme.category(0)),
        new Legend.Entry("4d² (theory)", Legend.Sample.DASHED, Theme.REFERENCE),
        new Legend.Entry("best of 10 restarts (share within 1%)", Legend.Sample.MARKER,
            Theme.category(1)),
        new Legend.Entry("k-means++", Legend.Sample.LINE_MARKER, Theme.category(2)),
        new Legend.Entry("a legend entry so long that it cannot fit on one row of a panel this "
            + "narrow however small its font", Legend.Sample.LINE, Theme.category(3)),
        new Legend.Entry("各向同性高斯分布的理论曲线与实际测量的平均值在每个维度上的比较结果和误差范围说明",
            Legend.Sample.BOX, Theme.category(4)));
  }

  @Test
  void legendEntriesFitThePanelAndKeepApart() {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    g.setFont(Theme.font(java.awt.Font.PLAIN, 16));
    Theme.withFontFamily(Fonts.familyFor(List.of("中文")), () -> {
      Legend.Layout layout = Legend.layout(g, longEntries(), W);
      assertThat(layout.entries()).hasSize(longEntries().size());
      g.setFont(layout.font());
      for (Legend.Placed p : layout.entries()) {
        Rectangle2D b = p.bounds();
        assertThat(b.getMinX()).as(p.entry().label()).isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(p.entry().label()).isLessThanOrEqualTo(W);
        assertThat(b.getMaxY()).isLessThanOrEqualTo(layout.height());
        // The text drawn is the label, whole, and each line is no wider than its box.
        assertThat(String.join("", p.lines()).replace(" ", ""))
            .isEqualTo(p.entry().label().replace(" ", ""));
        double textLeft = b.getMinX() + (p.entry().sample() == Legend.Sample.BOX
            ? Legend.BOX_SIZE : Legend.SAMPLE_WIDTH) + Legend.SAMPLE_GAP;
        for (String line : p.lines()) {
          assertThat(textLeft + Text.width(g, line)).as(line).isLessThanOrEqualTo(b.getMaxX()
              + 1e-9);
        }
      }
      for (int i = 0; i < layout.entries().size(); i++) {
        for (int j = i + 1; j < layout.entries().size(); j++) {
          Rectangle2D a = layout.entries().get(i).bounds();
          Rectangle2D b = layout.entries().get(j).bounds();
          Rectangle2D grownA = new Rectangle2D.Double(a.getX() - 8, a.getY(), a.getWidth() + 16,
              a.getHeight());
          assertThat(grownA.intersects(b)).as(layout.entries().get(i).entry().label() + " / "
              + layout.entries().get(j).entry().label()).isFalse();
        }
      }
      // The long entries wrapped onto more lines rather than running off the panel.
      assertThat(layout.entries().get(4).lines().size()).isGreaterThan(1);
      assertThat(layout.entries().get(5).lines().size()).isGreaterThan(1);
    });
    g.dispose();
  }

  @Test
  void aLongTitleIsWrappedWholeNotCut() {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    String title = "Inertia φ per iteration for both seedings (never rises, stops at a local "
        + "minimum)";
    Text.Fitted fitted = Text.fitTitle(g, Theme.panelTitle(), title, W - 12);
    assertThat(fitted.lines()).hasSizeGreaterThan(1);
    assertThat(String.join(" ", fitted.lines())).isEqualTo(title);
    g.setFont(fitted.font());
    for (String line : fitted.lines()) {
      assertThat(Text.width(g, line)).isLessThanOrEqualTo(W - 12);
    }
    g.dispose();
  }

  @Test
  void aPanelWithLongTitleAndLegendDrawsNothingAtTheImageEdges() {
    XyPlot plot = XyPlot.titled("Inertia φ per iteration for both seedings (never rises, stops "
        + "at a local minimum)").axes("iteration", "φ");
    double[] xs = {0, 1, 2, 3, 4};
    for (Legend.Entry e : longEntries().subList(0, 5)) {
      double[] y = {5, 4, 3, 2.5, 2.4 + e.label().length() / 100.0};
      plot.line(e.label(), xs, y);
    }
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    plot.paint(g, W, H);
    g.dispose();
    int white = Theme.BACKGROUND.getRGB();
    for (int y = 0; y < H; y++) {
      for (int x : new int[] {0, 1, W - 2, W - 1}) {
        assertThat(image.getRGB(x, y)).as("pixel at " + x + "," + y).isEqualTo(white);
      }
    }
    for (int x = 0; x < W; x++) {
      for (int y : new int[] {0, 1, H - 2, H - 1}) {
        assertThat(image.getRGB(x, y)).as("pixel at " + x + "," + y).isEqualTo(white);
      }
    }
  }

  @Test
  void aBoxPanelWithALongLegendWrapsItInsideTheImage() {
    BoxPlot plot = BoxPlot.titled("Kept boxes, greedy NMS at IoU 0.5, 40 people in a crowd")
        .axes("x (px)", "y (px)").range(0, 600, 0, 400)
        .box(100, 100, 200, 300, Theme.category(0), 1).dashedBox(110, 90, 210, 290, Theme.REFERENCE)
        .legend("kept box (colour: person, opacity: score)", Theme.category(0), false)
        .legend("ground truth box of each person in the scene", Theme.REFERENCE, true)
        .legend("removed by the overlap test", Theme.category(1), true);
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = graphics(image);
    plot.paint(g, W, H);
    g.dispose();
    int white = Theme.BACKGROUND.getRGB();
    for (int y = 0; y < H; y++) {
      for (int x : new int[] {0, 1, W - 2, W - 1}) {
        assertThat(image.getRGB(x, y)).as("pixel at " + x + "," + y).isEqualTo(white);
      }
    }
  }
}
