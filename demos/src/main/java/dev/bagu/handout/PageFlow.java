package dev.bagu.handout;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * Text and pictures flowed down A4 pages: headings, wrapped paragraphs (Latin wrapped at spaces,
 * Chinese between any two characters), bullets, code, tables and figures, starting a new page when
 * the next line would not fit. Coordinates are PDF points (1/72 in), y up from the page's foot.
 */
final class PageFlow implements AutoCloseable {
  static final PDRectangle SIZE = PDRectangle.A4;
  static final float MARGIN = 50;
  static final float FOOTER = 30;
  static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
  static final Color TEXT = new Color(0x22, 0x22, 0x22);
  static final Color MUTED = new Color(0x55, 0x55, 0x55);
  static final Color ACCENT = new Color(0x00, 0x72, 0xB2);

  private final PDDocument doc;
  private final HandoutFonts fonts;
  private final List<PDPage> pages = new ArrayList<>();
  private PDPageContentStream cs;
  private float y;

  PageFlow(PDDocument doc, HandoutFonts fonts) {
    this.doc = doc;
    this.fonts = fonts;
  }

  /** Starts a new page; returns it. */
  PDPage newPage() throws IOException {
    closeStream();
    PDPage page = new PDPage(SIZE);
    doc.addPage(page);
    pages.add(page);
    cs = new PDPageContentStream(doc, page);
    y = SIZE.getHeight() - MARGIN;
    return page;
  }

  List<PDPage> pages() {
    return pages;
  }

  PDPage currentPage() {
    return pages.get(pages.size() - 1);
  }

  /** Room left on this page, in points. */
  float room() {
    return y - MARGIN - FOOTER;
  }

  private void need(float height) throws IOException {
    if (cs == null || height > room()) {
      newPage();
    }
  }

  void space(float points) {
    y -= points;
  }

  /** A heading in bold, in the accent colour when asked, kept with at least two lines after it. */
  void heading(String text, float size, boolean accent) throws IOException {
    need(size * 1.4f + 40);
    space(size * 0.4f);
    paragraph(text, fonts.bold, size, accent ? ACCENT : TEXT, 0);
    space(size * 0.2f);
  }

  /** Wrapped text starting at the left margin plus indent. */
  void paragraph(String text, PDType0Font font, float size, Color colour, float indent)
      throws IOException {
    float leading = size * 1.45f;
    for (String line : wrap(text, font, size, WIDTH - indent)) {
      need(leading);
      y -= leading;
      show(line, font, size, colour, MARGIN + indent, y + size * 0.3f);
    }
  }

  /** "•" then the wrapped text, indented under its first word. */
  void bullet(String text, PDType0Font font, float size) throws IOException {
    float leading = size * 1.45f;
    need(leading);
    show("•", fonts.regular, size, TEXT, MARGIN + 4, y - leading + size * 0.3f);
    paragraph(text, font, size, TEXT, 16);
  }

  /** Preformatted lines in the monospaced face on a grey band, never wrapped (cut at the edge). */
  void code(String text, float size) throws IOException {
    float leading = size * 1.35f;
    for (String line : text.split("\n")) {
      need(leading);
      y -= leading;
      cs.setNonStrokingColor(new Color(0xF2, 0xF2, 0xF2));
      cs.addRect(MARGIN, y - size * 0.1f, WIDTH, leading);
      cs.fill();
      String shown = line;
      while (!shown.isEmpty() && width(shown, fonts.mono, size) > WIDTH - 8) {
        shown = shown.substring(0, shown.length() - 1);
      }
      show(shown, fonts.mono, size, TEXT, MARGIN + 4, y + size * 0.25f);
    }
    space(4);
  }

  /**
   * A table: column widths are shares of the text width; each cell wraps; rows start a new page
   * when they would not fit. The first row is the header, in bold.
   */
  void table(List<List<String>> rows, float[] shares, float size) throws IOException {
    float leading = size * 1.35f;
    for (int r = 0; r < rows.size(); r++) {
      PDType0Font font = r == 0 ? fonts.bold : fonts.regular;
      List<List<String>> cells = new ArrayList<>();
      int lines = 1;
      for (int c = 0; c < shares.length; c++) {
        List<String> wrapped = wrap(rows.get(r).get(c), font, size, shares[c] * WIDTH - 6);
        cells.add(wrapped);
        lines = Math.max(lines, wrapped.size());
      }
      float height = lines * leading + 3;
      need(height);
      float x = MARGIN;
      for (int c = 0; c < shares.length; c++) {
        float lineY = y;
        for (String line : cells.get(c)) {
          lineY -= leading;
          show(line, font, size, TEXT, x + 2, lineY + size * 0.3f);
        }
        x += shares[c] * WIDTH;
      }
      y -= height;
      cs.setStrokingColor(new Color(0xD0, 0xD0, 0xD0));
      cs.setLineWidth(0.5f);
      cs.moveTo(MARGIN, y + 1);
      cs.lineTo(MARGIN + WIDTH, y + 1);
      cs.stroke();
    }
    space(6);
  }

  /** A figure drawn as vector graphics, scaled to the text width (or to the room left). */
  void figure(PDFormXObject form, float width, float height) throws IOException {
    float scale = WIDTH / width;
    float maxHeight = SIZE.getHeight() - 2 * MARGIN - FOOTER - 60;
    scale = Math.min(scale, maxHeight / height);
    need(height * scale);
    y -= height * scale;
    cs.saveGraphicsState();
    cs.transform(new org.apache.pdfbox.util.Matrix(scale, 0, 0, scale, MARGIN, y));
    cs.drawForm(form);
    cs.restoreGraphicsState();
    space(8);
  }

  /** Draws one line, each character in the first face that has it (a font run at a time). */
  void show(String text, PDType0Font font, float size, Color colour, float x, float baseline)
      throws IOException {
    cs.setNonStrokingColor(colour);
    float cx = x;
    for (Run run : runs(text, font)) {
      cs.beginText();
      cs.setFont(run.font, size);
      cs.newLineAtOffset(cx, baseline);
      cs.showText(run.text);
      cs.endText();
      cx += run.font.getStringWidth(run.text) / 1000 * size;
    }
  }

  /** Text drawn on page p at (x, baseline), outside the flow: footers, the cover's page numbers. */
  void showOn(PDPage p, String text, PDType0Font font, float size, Color colour, float x,
      float baseline, boolean alignRight) throws IOException {
    try (PDPageContentStream s = new PDPageContentStream(doc, p,
        PDPageContentStream.AppendMode.APPEND, true)) {
      PDPageContentStream saved = cs;
      cs = s;
      try {
        show(text, font, size, colour, alignRight ? x - width(text, font, size) : x, baseline);
      } finally {
        cs = saved;
      }
    }
  }

  private record Run(PDType0Font font, String text) {}

  /** The text cut into runs of one face each; characters no face has become '?'. */
  private List<Run> runs(String text, PDType0Font preferred) {
    List<Run> runs = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    PDType0Font current = null;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      PDType0Font f = fonts.faceFor(preferred, cp);
      String ch = new String(Character.toChars(cp));
      if (f == null) {
        f = fonts.regular;
        ch = "?";
      }
      if (f != current && b.length() > 0) {
        runs.add(new Run(current, b.toString()));
        b.setLength(0);
      }
      current = f;
      b.append(ch);
    }
    if (b.length() > 0) {
      runs.add(new Run(current, b.toString()));
    }
    return runs;
  }

  float width(String text, PDType0Font font, float size) throws IOException {
    float w = 0;
    for (Run run : runs(text, font)) {
      w += run.font.getStringWidth(run.text) / 1000 * size;
    }
    return w;
  }

  /**
   * Lines no wider than maxWidth: breaks at spaces, and anywhere between two Chinese characters
   * (a line may start with neither a space nor Chinese closing punctuation).
   */
  List<String> wrap(String text, PDType0Font font, float size, float maxWidth)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String hard : text.split("\n")) {
      List<String> tokens = tokens(hard);
      StringBuilder line = new StringBuilder();
      for (String t : tokens) {
        String candidate = line + t;
        if (line.length() > 0 && width(candidate.stripTrailing(), font, size) > maxWidth
            && !isClosingPunctuation(t)) {
          lines.add(line.toString().strip());
          line.setLength(0);
          candidate = t.stripLeading();
        }
        line.setLength(0);
        line.append(candidate);
      }
      lines.add(line.toString().strip());
    }
    return lines;
  }

  /** Words with their trailing space, and each Chinese character on its own. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      String ch = new String(Character.toChars(cp));
      if (dev.bagu.plot.Fonts.hasCjk(ch)) {
        if (word.length() > 0) {
          tokens.add(word.toString());
          word.setLength(0);
        }
        tokens.add(ch);
      } else {
        word.append(ch);
        if (cp == ' ') {
          tokens.add(word.toString());
          word.setLength(0);
        }
      }
    }
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  private static boolean isClosingPunctuation(String t) {
    return t.length() == 1 && "，。；：、）」』！？".contains(t);
  }

  private void closeStream() throws IOException {
    if (cs != null) {
      cs.close();
      cs = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeStream();
  }
}
