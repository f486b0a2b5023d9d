package dev.bagu.demos.training;

import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/** The two hand-drawn panels of {@code floating-point}: ranges on a log axis, values on a line. */
final class NumberLines {
  private NumberLines() {}

  /** One row: a name, and the positive values it can hold (for the range panel). */
  record Row(String name, double minSubnormal, double minNormal, double max, Color colour) {}

  private static final double LOG_LO = -46;
  private static final double LOG_HI = 40;

  /**
   * Each format's positive range on a log₁₀ axis: the subnormal stretch light, the normal one
   * solid, the largest value written at the right end.
   */
  static DrawingPanel ranges(String title, String axis, String subnormalNote, List<Row> rows) {
    return DrawingPanel.titled(title, (g, area) -> {
      FontMetrics fm = g.getFontMetrics();
      double nameW = rows.stream().mapToDouble(r -> fm.stringWidth(r.name())).max().orElse(0);
      double left = area.x + nameW + 12;
      double right = area.getMaxX() - 12;
      double bottom = area.getMaxY() - 2 * fm.getHeight() - 8;
      double top = area.y + fm.getHeight(); // the note's line: a "max" label set above its bar
      double rowH = (bottom - top) / rows.size(); // (a narrow panel) must not run into it
      for (int i = 0; i < rows.size(); i++) {
        Row r = rows.get(i);
        double cy = top + (i + 0.5) * rowH;
        double bar = Math.min(22, rowH * 0.5);
        g.setColor(Theme.TEXT);
        g.drawString(r.name(), (float) area.x, (float) (cy + fm.getAscent() / 2.0 - 2));
        double xs = x(Math.log10(r.minSubnormal()), left, right);
        double xn = x(Math.log10(r.minNormal()), left, right);
        double xm = x(Math.log10(r.max()), left, right);
        g.setColor(Theme.withAlpha(r.colour(), 0.3));
        g.fill(new Rectangle2D.Double(xs, cy - bar / 2, xn - xs, bar));
        g.setColor(r.colour());
        g.fill(new Rectangle2D.Double(xn, cy - bar / 2, xm - xn, bar));
        String maxText = "max " + Numbers.readable(r.max());
        g.setColor(Theme.TEXT);
        float tx = (float) Math.min(xm + 6, right - fm.stringWidth(maxText));
        float ty = (float) (xm + 6 + fm.stringWidth(maxText) > right ? cy - bar / 2 - 4
            : cy + fm.getAscent() / 2.0 - 2);
        g.drawString(maxText, tx, ty);
      }
      axis(g, left, right, bottom, fm);
      g.setColor(Theme.TEXT);
      g.drawString(axis, (float) ((left + right) / 2 - fm.stringWidth(axis) / 2.0),
          (float) (bottom + 2 * fm.getHeight() + 2));
      g.setColor(Theme.MUTED_TEXT);
      double room = area.getMaxX() - left;
      if (fm.stringWidth(subnormalNote) > room) { // a narrow panel: a smaller note, not a cut one
        g.setFont(g.getFont().deriveFont((float) Math.max(g.getFont().getSize2D() * 0.7,
            g.getFont().getSize2D() * room / fm.stringWidth(subnormalNote))));
      }
      g.drawString(subnormalNote, (float) left, (float) (area.y + fm.getAscent()));
    });
  }

  private static double x(double log, double left, double right) {
    return left + (log - LOG_LO) / (LOG_HI - LOG_LO) * (right - left);
  }

  private static void axis(Graphics2D g, double left, double right, double y, FontMetrics fm) {
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(new Line2D.Double(left, y, right, y));
    // A label every 10 decades, or every 20 where they would touch (a narrow panel).
    int labelled = fm.stringWidth("1e-40") + 6 <= (right - left) / 8 ? 10 : 20;
    for (int k = -40; k <= 40; k += 10) {
      double x = x(k, left, right);
      g.setColor(Theme.AXIS);
      g.draw(new Line2D.Double(x, y, x, y + 5));
      if (k % labelled != 0) {
        continue;
      }
      String s = k == 0 ? "1" : "1e" + k;
      g.setColor(Theme.TEXT);
      g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (y + 6 + fm.getAscent()));
    }
  }

  /** One row of the number line: a name and every value it can represent in [0, hi]. */
  record Values(String name, double[] values, Color colour) {}

  /** Every representable value in [0, hi] as a tick, one row per format, on a linear axis. */
  static DrawingPanel values(String title, String axis, double hi, List<Values> rows) {
    return DrawingPanel.titled(title, (g, area) -> {
      FontMetrics fm = g.getFontMetrics();
      double nameW = rows.stream().mapToDouble(r -> fm.stringWidth(r.name())).max().orElse(0);
      double left = area.x + nameW + 16;
      double right = area.getMaxX() - 12;
      double bottom = area.getMaxY() - 2 * fm.getHeight() - 8;
      double rowH = (bottom - area.y) / rows.size();
      for (int i = 0; i < rows.size(); i++) {
        Values r = rows.get(i);
        double cy = area.y + (i + 0.5) * rowH;
        double half = Math.min(16, rowH * 0.32);
        g.setColor(Theme.TEXT);
        g.drawString(r.name(), (float) area.x, (float) (cy + fm.getAscent() / 2.0 - 2));
        g.setColor(Theme.GRID);
        g.draw(new Line2D.Double(left, cy, right, cy));
        g.setColor(r.colour());
        g.setStroke(new BasicStroke(1.4f));
        double last = Double.NEGATIVE_INFINITY;
        for (double v : r.values()) { // ascending; ticks under half a pixel apart look the same
          double x = left + v / hi * (right - left);
          if (x - last >= 0.5) {
            g.draw(new Line2D.Double(x, cy - half, x, cy + half));
            last = x;
          }
        }
        g.setColor(Theme.MUTED_TEXT);
        String count = r.values().length + "";
        g.drawString(count, (float) (right - fm.stringWidth(count)),
            (float) (cy - half - 3));
      }
      g.setColor(Theme.AXIS);
      g.setStroke(new BasicStroke(1f));
      g.draw(new Line2D.Double(left, bottom, right, bottom));
      for (int k = 0; k <= hi; k++) {
        double x = left + k / hi * (right - left);
        g.draw(new Line2D.Double(x, bottom, x, bottom + 5));
        String s = Integer.toString(k);
        g.setColor(Theme.TEXT);
        g.drawString(s, (float) (x - fm.stringWidth(s) / 2.0), (float) (bottom + 6 + fm.getAscent()));
        g.setColor(Theme.AXIS);
      }
      g.setColor(Theme.TEXT);
      g.drawString(axis, (float) ((left + right) / 2 - fm.stringWidth(axis) / 2.0),
          (float) (bottom + 2 * fm.getHeight() + 2));
    });
  }

  /** Every non-negative finite value of a format up to hi, ascending. */
  static double[] valuesUpTo(FloatFormat f, double hi) {
    java.util.List<Double> out = new java.util.ArrayList<>();
    long count = 1L << (f.exponentBits() + f.mantissaBits()); // positive half of the patterns
    for (long bits = 0; bits < count; bits++) {
      double v = f.decode(bits);
      if (Double.isFinite(v) && v <= hi) {
        out.add(v);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[] int8UpTo(Int8Format q, double hi) {
    int n = (int) Math.min(Int8Format.LEVELS, Math.floor(hi / q.scale() + 1e-9));
    double[] out = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      out[k] = k * q.scale();
    }
    return out;
  }
}
