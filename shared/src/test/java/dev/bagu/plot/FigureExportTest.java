package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class FigureExportTest {
  @TempDir Path dir;

  /** One panel of each kind, so every builder is painted through every encoder. */
  static Figure everyPanelKind() {
    double[] x = {1, 2, 4, 8, 16};
    double[] y = {1, 2, 4, 8, 16};
    double[] samples = new double[500];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = Math.sin(i * 0.37) + 0.001 * i;
    }
    return Figure.grid("Every panel kind √·‖", 2, 3).subtitle("seed 0")
        .add(XyPlot.titled("line").axes("x", "y").logX().logY().line("data", x, y)
            .dashed("theory", x, x).sameColourAs("data").highlight("pick", new double[] {4},
                new double[] {4}).verticalLine(4))
        .add(XyPlot.titled("scatter").points("pts", x, new double[] {3, 1, 4, 1, 5}))
        .add(BarPlot.titled("bars").categories(List.of("a", "b", "c"))
            .bars("one", new double[] {1, 2, 3}).bars("two", new double[] {3, 2, 1}))
        .add(HistogramPlot.titled("histogram").xLabel("value").add("s", samples).bins(20))
        .add(HeatmapPlot.titled("heatmap").matrix(new double[][] {{0.1, 0.9}, {0.5, -0.2}})
            .rowLabels(List.of("q1", "q2")).columnLabels(List.of("k1", "k2"))
            .cellFormat("%.2f").colourBarLabel("weight").diverging())
        .add(DrawingPanel.titled("drawing", (g, area) -> g.drawRect(area.x, area.y, 20, 20)));
  }

  @Test
  void pngHasScaledPixelsRecordsItsDpiAndRepeatsByteForByte() throws IOException {
    Figure f = everyPanelKind();
    Path a = dir.resolve("a.png");
    Path b = dir.resolve("b.png");
    FigureExport.png(f, a, 800, 500, 96);
    FigureExport.png(everyPanelKind(), b, 800, 500, 96);
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
    Path hi = dir.resolve("hi.png");
    FigureExport.png(f, hi, 800, 500, 192);
    BufferedImage img = ImageIO.read(hi.toFile());
    assertThat(img.getWidth()).isEqualTo(1600);
    assertThat(img.getHeight()).isEqualTo(1000);
    assertThat(pixelsPerMetre(hi)).isEqualTo(Math.round(192 / 0.0254));
  }

  private static long pixelsPerMetre(Path png) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      IIOMetadata meta = reader.getImageMetadata(0);
      Element root = (Element) meta.getAsTree(FigureExport.PNG_METADATA);
      Element phys = (Element) root.getElementsByTagName("pHYs").item(0);
      assertThat(phys.getAttribute("unitSpecifier")).isEqualTo("meter");
      return Long.parseLong(phys.getAttribute("pixelsPerUnitXAxis"));
    }
  }

  @Test
  void svgAndPdfRepeatByteForByte() throws IOException {
    Path s1 = dir.resolve("1.svg");
    Path s2 = dir.resolve("2.svg");
    FigureExport.svg(everyPanelKind(), s1, 800, 500);
    FigureExport.svg(everyPanelKind(), s2, 800, 500);
    assertThat(Files.readString(s1)).startsWith("<?xml").contains("<svg");
    assertThat(Files.readAllBytes(s1)).isEqualTo(Files.readAllBytes(s2));
    Path p1 = dir.resolve("1.pdf");
    Path p2 = dir.resolve("2.pdf");
    FigureExport.pdf(everyPanelKind(), p1, 800, 500);
    FigureExport.pdf(everyPanelKind(), p2, 800, 500);
    assertThat(new String(Files.readAllBytes(p1), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(Files.readAllBytes(p1)).isEqualTo(Files.readAllBytes(p2));
  }

  /**
   * The PDF, drawn by PDFBox's own renderer, has ink wherever the PNG has: every panel is there
   * (panels made ahead of their painting once left a PDF with its header alone).
   */
  @Test
  void pdfShowsEveryPanelThePngShows() throws IOException {
    Path pdf = dir.resolve("f.pdf");
    FigureExport.pdf(everyPanelKind(), pdf, 800, 500);
    BufferedImage drawn;
    try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(
        pdf.toFile())) {
      drawn = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f);
    }
    BufferedImage png = FigureExport.image(everyPanelKind(), 800, 500, 96);
    assertThat(drawn.getWidth()).isEqualTo(800);
    int cells = 0;
    for (int cy = 0; cy < 5; cy++) {
      for (int cx = 0; cx < 8; cx++) {
        double inPng = ink(png, cx * 100, cy * 100);
        if (inPng > 0.02) {
          cells++;
          assertThat(ink(drawn, cx * 100, cy * 100)).as("ink in the 100-px cell %d, %d", cx, cy)
              .isGreaterThan(inPng / 3);
        }
      }
    }
    assertThat(cells).isGreaterThan(20);
  }

  /** Share of the 100 × 100 square at (x, y) that is not near-white. */
  private static double ink(BufferedImage img, int x, int y) {
    int inked = 0;
    for (int j = y; j < y + 100; j++) {
      for (int i = x; i < x + 100; i++) {
        int rgb = img.getRGB(i, j);
        int r = rgb >> 16 & 0xFF;
        int g = rgb >> 8 & 0xFF;
        int b = rgb & 0xFF;
        if (r + g + b < 3 * 235) {
          inked++;
        }
      }
    }
    return inked / 10_000.0;
  }

  @Test
  void gifHasAFrameEachAndWritesAtomically() throws IOException {
    Path gif = dir.resolve("anim.gif");
    FigureExport.gif(List.of(everyPanelKind(), Figure.single("two", XyPlot.titled("x"))), gif,
        400, 300, 200);
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(2);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("anim.gif");
    }
  }

  @Test
  void histogramDensitiesIntegrateToOne() {
    double[] values = new double[1000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i / 999.0;
    }
    double[] h = HistogramPlot.heights(values, 0, 1, 10, true);
    assertThat(java.util.Arrays.stream(h).sum() * 0.1)
        .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(HistogramPlot.heights(values, 0, 1, 10, false)).containsOnly(100);
  }

  @Test
  void numbersReadForPeople() {
    assertThat(Numbers.readable(63.7142)).isEqualTo("63.71");
    assertThat(Numbers.readable(100000)).isEqualTo("100000");
    assertThat(Numbers.readable(0.10641)).isEqualTo("0.1064");
    assertThat(Numbers.readable(1.5e-6)).isEqualTo("1.5e-06");
    assertThat(Numbers.readable(0.0001)).isEqualTo("0.0001");
    assertThat(Numbers.fixed(-0.0001, 2)).isEqualTo("0.00");
  }

  /**
   * In SVG a heatmap's colour bar is one rectangle filled with the scale as a gradient (it was a
   * rectangle per pixel row), whose stops are the scale's own colours at the same places.
   */
  @Test
  void svgColourBarIsOneGradientOfTheScale() {
    Figure heatmap = Figure.single("h", HeatmapPlot.titled("heatmap")
        .matrix(new double[][] {{0.1, 0.9}, {0.5, -0.2}}).diverging());
    String svg = FigureExport.svgDocument(heatmap, 600, 400);
    assertThat(svg).contains("<linearGradient");
    assertThat(svg.split("<rect", -1).length - 1).isLessThan(12);
    for (ColorScale scale : ColorScale.values()) {
      java.awt.LinearGradientPaint paint = scale.gradient(0, 0, 0, 100);
      java.awt.Color[] colours = paint.getColors();
      float[] at = paint.getFractions();
      for (int i = 0; i < colours.length; i++) {
        assertThat(colours[i]).isEqualTo(scale.at(at[i]));
      }
    }
  }

  @Test
  void viridisEndsAndTextContrast() {
    assertThat(ColorScale.VIRIDIS.at(0).getRGB() & 0xFFFFFF).isEqualTo(0x440154);
    assertThat(ColorScale.VIRIDIS.at(1).getRGB() & 0xFFFFFF).isEqualTo(0xFDE725);
    assertThat(ColorScale.VIRIDIS.at(2)).isEqualTo(ColorScale.VIRIDIS.at(1));
    assertThat(ColorScale.textOn(ColorScale.VIRIDIS.at(0))).isEqualTo(java.awt.Color.WHITE);
    assertThat(ColorScale.textOn(ColorScale.VIRIDIS.at(1))).isEqualTo(Theme.TEXT);
  }

  @Test
  void aLogAxisSpanningTooManyOrTooFewDecadesIsDrawnLinear() {
    double[] x = {1, 2, 3};
    XyPlot narrow = XyPlot.titled("t").logY().line("a", x, new double[] {1e-3, 1e-1, 10});
    XyPlot wide = XyPlot.titled("t").logY().line("a", x, new double[] {1e-20, 0, 1})
        .line("b", x, new double[] {1e-5, 1e-3, 1e-1});
    assertThat(narrow.decadesSpanned()).isEqualTo(4, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(wide.decadesSpanned()).isEqualTo(20, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(wide.decadesSpanned()).isGreaterThan(XyPlot.MAX_LOG_DECADES);
    assertThat(narrow.yScale()).isEqualTo(XyPlot.YScale.LOG);
    assertThat(wide.yScale()).isEqualTo(XyPlot.YScale.LOG10_VALUES);
    XyPlot flat = XyPlot.titled("t").logY().line("a", x, new double[] {1, 3, 5});
    assertThat(flat.yScale()).as("under one decade: linear").isEqualTo(XyPlot.YScale.LINEAR);
    assertThat(XyPlot.titled("t").line("a", x, x).yScale()).isEqualTo(XyPlot.YScale.LINEAR);
    // Both paint without XChart's errors (zeros dropped, log10 taken only of positive values).
    FigureExport.image(Figure.grid("log", 1, 3).add(narrow).add(wide).add(flat), 900, 400, 96);
  }
}
