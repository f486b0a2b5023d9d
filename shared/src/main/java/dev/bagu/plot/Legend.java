package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The legend under an XChart panel, laid out by measuring its text with the graphics it is drawn
 * on. XChart's own row advances a scatter entry by 20 px while drawing its text 28 px in, so an
 * entry ran into the next one ("1%)— k-means++"), and it cannot wrap, so a long row ran off the
 * image. Here entries flow in rows centred under the plot; a full row wraps to the next; an entry
 * wider than a row wraps its words onto more lines; and when the rows would take too much of the
 * panel the font shrinks a little. Nothing is clipped and neighbours keep a gap.
 */
final class Legend {
  /** How an entry's sample looks: the way its series is drawn. */
  enum Sample { LINE, LINE_MARKER, DASHED, MARKER, SMALL_MARKER, LARGE_MARKER, DIAMOND, BOX,
    /** A box's outline, solid or dashed (BoxPlot's kept boxes and ground truth). */
    OUTLINE, DASHED_OUTLINE }

  record Entry(String label, Sample sample, Color colour) {}

  /** An entry where it is drawn: its box (sample and text) relative to the legend's top left. */
  record Placed(Entry entry, List<String> lines, Rectangle2D bounds) {}

  /** The entries placed, the font they are drawn in and the height the legend takes. */
  record Layout(Font font, List<Placed> entries, int height) {}

  static final int SAMPLE_WIDTH = 28;
  static final int BOX_SIZE = 18;
  static final int SAMPLE_GAP = 8;
  static final int ENTRY_GAP = 24;
  static final int ROW_GAP = 4;
  static final int PAD = 8;
  /** Rows beyond this make the font a step smaller (down to {@link #MIN_SIZE}). */
  static final int MAX_ROWS = 2;
  static final int MIN_SIZE = 13;

  private Legend() {}

  /** Lays the entries out in a strip {@code width} wide (an empty list takes no height). */
  static Layout layout(Graphics2D g, List<Entry> entries, int width) {
    if (entries.isEmpty()) {
      return new Layout(Theme.legend(), List.of(), 0);
    }
    Font base = Theme.legend();
    Layout best = null;
    for (int size = base.getSize(); size >= MIN_SIZE; size--) {
      Font font = base.deriveFont((float) size);
      best = layoutIn(g, font, entries, width);
      if (best.entries.stream().mapToDouble(p -> p.bounds.getY()).distinct().count() <= MAX_ROWS
          && best.entries.stream().allMatch(p -> p.lines.size() == 1)) {
        break;
      }
    }
    return best;
  }

  private static Layout layoutIn(Graphics2D g, Font font, List<Entry> entries, int width) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight();
    double avail = Math.max(40, width - 2.0 * PAD);
    List<List<Placed>> rows = new ArrayList<>();
    List<Placed> row = new ArrayList<>();
    double x = 0;
    for (Entry e : entries) {
      double sampleW = sampleWidth(e.sample);
      List<String> lines = Text.wrap(g, e.label, avail - sampleW - SAMPLE_GAP);
      double textW = lines.stream().mapToDouble(s -> Text.width(g, s)).max().orElse(0);
      double w = sampleW + SAMPLE_GAP + textW;
      double start = row.isEmpty() ? 0 : x + ENTRY_GAP;
      if (!row.isEmpty() && start + w > avail) {
        rows.add(row);
        row = new ArrayList<>();
        start = 0;
      }
      row.add(new Placed(e, lines, new Rectangle2D.Double(start, 0, w, lines.size() * lineH)));
      x = start + w;
    }
    rows.add(row);
    // Centre each row, stack the rows.
    List<Placed> placed = new ArrayList<>();
    double y = PAD;
    for (List<Placed> r : rows) {
      double rowW = r.get(r.size() - 1).bounds.getMaxX();
      double rowH = r.stream().mapToDouble(p -> p.bounds.getHeight()).max().orElse(lineH);
      double offset = (width - rowW) / 2.0;
      for (Placed p : r) {
        placed.add(new Placed(p.entry, p.lines, new Rectangle2D.Double(p.bounds.getX() + offset,
            y, p.bounds.getWidth(), p.bounds.getHeight())));
      }
      y += rowH + ROW_GAP;
    }
    int height = (int) Math.ceil(y - ROW_GAP + PAD);
    return new Layout(font, placed, height);
  }

  private static double sampleWidth(Sample s) {
    return s == Sample.BOX ? BOX_SIZE : SAMPLE_WIDTH;
  }

  /** Draws the legend with its top left at (0, top) of {@code g}. */
  static void paint(Graphics2D g, Layout layout, double top) {
    g.setFont(layout.font);
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight();
    for (Placed p : layout.entries) {
      double x = p.bounds.getX();
      double y = top + p.bounds.getY();
      double mid = y + lineH / 2.0; // the sample sits beside the first line
      paintSample(g, p.entry, x, mid);
      g.setColor(Theme.TEXT);
      double textX = x + sampleWidth(p.entry.sample) + SAMPLE_GAP;
      for (int i = 0; i < p.lines.size(); i++) {
        g.drawString(p.lines.get(i), (float) textX, (float) (y + i * lineH + fm.getAscent()));
      }
    }
  }

  private static void paintSample(Graphics2D g, Entry e, double x, double mid) {
    g.setColor(e.colour);
    double cx = x + SAMPLE_WIDTH / 2.0;
    int m = Theme.MARKER_SIZE;
    switch (e.sample) {
      case LINE, LINE_MARKER -> {
        g.setStroke(Theme.LINE);
        g.draw(new Line2D.Double(x, mid, x + SAMPLE_WIDTH, mid));
        if (e.sample == Sample.LINE_MARKER) {
          SeriesMarkers.CIRCLE.paint(g, cx, mid, m);
        }
      }
      case DASHED -> {
        // Two whole dashes, so a dashed entry never reads as a solid one.
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {11f, 6f}, 0f));
        g.draw(new Line2D.Double(x, mid, x + SAMPLE_WIDTH, mid));
      }
      case MARKER -> SeriesMarkers.CIRCLE.paint(g, cx, mid, m);
      case SMALL_MARKER -> fillCircle(g, cx, mid, Math.max(2, m * 0.5));
      case LARGE_MARKER -> fillCircle(g, cx, mid, m * 1.6);
      case DIAMOND -> SeriesMarkers.DIAMOND.paint(g, cx, mid, m);
      case BOX -> {
        Rectangle2D box = new Rectangle2D.Double(x, mid - BOX_SIZE / 2.0, BOX_SIZE, BOX_SIZE);
        g.fill(box);
        Color c = e.colour;
        g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue())); // outline opaque
        g.setStroke(new BasicStroke(1.5f));
        g.draw(box);
      }
      case OUTLINE, DASHED_OUTLINE -> {
        g.setStroke(e.sample == Sample.OUTLINE ? new BasicStroke(3f) : Theme.DASHED);
        g.draw(new Rectangle2D.Double(x + 1, mid - 6, SAMPLE_WIDTH - 2, 12));
      }
      default -> throw new IllegalStateException(e.sample.name());
    }
    g.setStroke(new BasicStroke(1f));
  }

  private static void fillCircle(Graphics2D g, double cx, double cy, double d) {
    g.fill(new java.awt.geom.Ellipse2D.Double(cx - d / 2, cy - d / 2, d, d));
  }
}
