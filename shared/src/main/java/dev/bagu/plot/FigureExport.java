package dev.bagu.plot;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.bagu.io.AtomicFiles;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Writes figures to files, each atomically. Sizes are logical pixels at 96 DPI; a PNG at a higher
 * DPI has the same layout with proportionally more pixels (so {@code --dpi 300} is the print
 * version of the screen figure) and records its DPI in the file.
 *
 * <p>PNG, SVG and GIF are byte-identical for the same figure; PDF too, because the creation date
 * and document id are fixed here instead of taken from the clock.
 */
public final class FigureExport {
  /** The DPI at which one logical pixel is one image pixel. */
  public static final int BASE_DPI = 96;

  /** The JDK's native PNG metadata format name. */
  static final String PNG_METADATA = "javax_imageio_png_1.0";

  private FigureExport() {}

  /** The figure as an image, width × height logical pixels scaled by dpi / 96. */
  public static BufferedImage image(Figure figure, int width, int height, int dpi) {
    double scale = (double) dpi / BASE_DPI;
    int w = (int) Math.round(width * scale);
    int h = (int) Math.round(height * scale);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.scale(scale, scale);
      figure.paint(g, width, height);
    } finally {
      g.dispose();
    }
    return img;
  }

  public static void png(Figure figure, Path file, int width, int height, int dpi)
      throws IOException {
    BufferedImage img = image(figure, width, height, dpi);
    AtomicFiles.write(file, out -> writePng(img, dpi, out));
  }

  /** The PNG's bytes, exactly as {@link #png} writes them (for a server, with no file). */
  public static byte[] pngBytes(Figure figure, int width, int height, int dpi) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    writePng(image(figure, width, height, dpi), dpi, out);
    return out.toByteArray();
  }

  private static void writePng(BufferedImage img, int dpi, OutputStream out) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata meta = writer.getDefaultImageMetadata(
          ImageTypeSpecifier.createFromRenderedImage(img), param);
      // pHYs chunk, in pixels per metre, so viewers and word processors know the print size.
      // Written in the native PNG format: the standard format's pixel size is misread by the JDK.
      String ppm = Long.toString(Math.round(dpi / 0.0254));
      IIOMetadataNode phys = new IIOMetadataNode("pHYs");
      phys.setAttribute("pixelsPerUnitXAxis", ppm);
      phys.setAttribute("pixelsPerUnitYAxis", ppm);
      phys.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode(PNG_METADATA);
      root.appendChild(phys);
      meta.mergeTree(PNG_METADATA, root);
      writer.write(null, new IIOImage(img, null, meta), param);
    } finally {
      writer.dispose();
    }
  }

  /**
   * The figure as SVG, written by JFreeSVG straight into a string (VectorGraphics2D, used before,
   * recorded every drawing command and then wrote them out, at 2–3 times the cost of a PNG).
   * Text is drawn as outlines, as XChart's own text already is, so the file looks the same on
   * every machine whatever fonts it has. Coordinates keep two decimals (1/100 px); ids are fixed,
   * so the same figure is the same bytes.
   */
  public static void svg(Figure figure, Path file, int width, int height) throws IOException {
    AtomicFiles.writeString(file, svgDocument(figure, width, height));
  }

  /** The SVG document as a string, as {@link #svg} writes it (for a server, with no file). */
  public static String svgDocument(Figure figure, int width, int height) {
    org.jfree.svg.SVGGraphics2D g = new org.jfree.svg.SVGGraphics2D(width, height);
    g.setDefsKeyPrefix("bagu");
    g.setRenderingHint(org.jfree.svg.SVGHints.KEY_DRAW_STRING_TYPE,
        org.jfree.svg.SVGHints.VALUE_DRAW_STRING_TYPE_VECTOR);
    g.setGeomDoubleConverter(FigureExport::twoDecimals);
    g.setTransformDoubleConverter(FigureExport::twoDecimals);
    figure.paint(g, width, height);
    return g.getSVGDocument();
  }

  /** "12.35", "-0.5", "3": at most two decimals, no trailing zeros, '.' as the point. */
  static String twoDecimals(double v) {
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    // Digits written from the right into one small array, made a Latin-1 string in one copy:
    // every coordinate of an SVG comes through here (BigDecimal was a tenth of an SVG's cost,
    // a StringBuilder still a fifth).
    byte[] digits = new byte[24];
    int at = digits.length;
    long rest = Math.abs(hundredths);
    int fraction = (int) (rest % 100);
    if (fraction % 10 != 0) {
      digits[--at] = (byte) ('0' + fraction % 10);
    }
    digits[--at] = (byte) ('0' + fraction / 10);
    digits[--at] = '.';
    long whole = rest / 100;
    do {
      digits[--at] = (byte) ('0' + whole % 10);
      whole /= 10;
    } while (whole > 0);
    if (hundredths < 0) {
      digits[--at] = '-';
    }
    return new String(digits, at, digits.length - at, StandardCharsets.ISO_8859_1);
  }

  public static void pdf(Figure figure, Path file, int width, int height) throws IOException {
    AtomicFiles.write(file, out -> {
      try (PDDocument doc = new PDDocument()) {
        PDPage page = new PDPage(new PDRectangle(width, height));
        doc.addPage(page);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
        figure.paint(g, width, height);
        g.dispose();
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          cs.drawForm(g.getXFormObject());
        }
        Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        fixed.setTimeInMillis(0);
        doc.getDocumentInformation().setCreator("Bagu");
        doc.getDocumentInformation().setTitle(figure.title());
        doc.getDocumentInformation().setCreationDate(fixed);
        doc.setDocumentId(0L);
        doc.save(out);
      }
    });
  }

  /** Widest GIF written when no size is asked for: frames are many, and a GIF goes into notes. */
  public static final int GIF_MAX_WIDTH = 960;

  /** A figure size scaled down, keeping its aspect, to at most {@link #GIF_MAX_WIDTH} wide. */
  public static Dimension gifSize(Dimension figureSize) {
    if (figureSize.width <= GIF_MAX_WIDTH) {
      return new Dimension(figureSize);
    }
    double f = (double) GIF_MAX_WIDTH / figureSize.width;
    return new Dimension(GIF_MAX_WIDTH, (int) Math.round(figureSize.height * f));
  }

  /**
   * An animated GIF of the frames, each shown for delayMillis, looping: drawn in parallel and
   * mapped to the theme's fixed palette by {@link GifWriter} (same frames, same bytes).
   */
  public static void gif(List<Figure> frames, Path file, int width, int height, int delayMillis)
      throws IOException {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("a GIF needs at least one frame");
    }
    AtomicFiles.write(file, out -> GifWriter.write(out, frames.size(),
        i -> image(frames.get(i), width, height, BASE_DPI), width, height, delayMillis));
  }
}
