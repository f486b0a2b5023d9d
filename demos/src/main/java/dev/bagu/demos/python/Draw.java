package dev.bagu.demos.python;

import dev.bagu.plot.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;

/**
 * Java2D pieces shared by the Python diagrams: centred and fitted text, arrows, and a source
 * listing drawn line by line with its indentation kept (the theme's font is proportional, so an
 * indent is measured as spaces in that font).
 */
final class Draw {
  private Draw() {}

  static final Stroke THIN = new BasicStroke(1.6f);
  static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
      10f, new float[] {7f, 5f}, 0f);
  /** Light tint behind code, so source reads as source. */
  static final Color CODE_BACKGROUND = new Color(0xF4, 0xF4, 0xF4);

  static double width(Graphics2D g, String s) {
    return g.getFontMetrics().getStringBounds(s, g).getWidth();
  }

  static void centred(Graphics2D g, String s, double cx, double baseline) {
    g.drawString(s, (float) (cx - width(g, s) / 2), (float) baseline);
  }

  static void right(Graphics2D g, String s, double right, double baseline) {
    g.drawString(s, (float) (right - width(g, s)), (float) baseline);
  }

  /** s, shortened with an ellipsis when wider than maxWidth. */
  static String fit(Graphics2D g, String s, double maxWidth) {
    if (width(g, s) <= maxWidth) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && width(g, t + "…") > maxWidth) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  /** The largest font size ≤ max (and ≥ min) at which every line fits maxWidth and the lines fit maxHeight. */
  static Font fitFont(Graphics2D g, List<String> lines, int style, int max, int min,
      double maxWidth, double maxHeight, double lineSpacing) {
    for (int size = max; size > min; size--) {
      Font f = Theme.font(style, size);
      g.setFont(f);
      double h = g.getFontMetrics().getHeight() * lineSpacing * lines.size();
      double w = lines.stream().mapToDouble(s -> width(g, s)).max().orElse(0);
      if (w <= maxWidth && h <= maxHeight) {
        return f;
      }
    }
    return Theme.font(style, min);
  }

  /** A straight arrow from (x1, y1) to (x2, y2) with a filled head, in the current colour. */
  static void arrow(Graphics2D g, double x1, double y1, double x2, double y2, Stroke stroke) {
    Stroke saved = g.getStroke();
    g.setStroke(stroke);
    double angle = Math.atan2(y2 - y1, x2 - x1);
    double head = 11;
    double bx = x2 - head * 0.8 * Math.cos(angle);
    double by = y2 - head * 0.8 * Math.sin(angle);
    g.draw(new Line2D.Double(x1, y1, bx, by));
    g.setStroke(saved);
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x2, y2);
    p.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
    p.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
    p.closePath();
    g.fill(p);
  }

  /** An arrow along a cubic curve, bending out by {@code bend} pixels to the right of its path. */
  static void curvedArrow(Graphics2D g, double x1, double y1, double x2, double y2, double bend,
      Stroke stroke) {
    double mx = (x1 + x2) / 2;
    double my = (y1 + y2) / 2;
    double len = Math.max(1, Math.hypot(x2 - x1, y2 - y1));
    double nx = -(y2 - y1) / len;
    double ny = (x2 - x1) / len;
    double cx = mx + nx * bend;
    double cy = my + ny * bend;
    Stroke saved = g.getStroke();
    g.setStroke(stroke);
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x1, y1);
    p.quadTo(cx, cy, x2, y2);
    g.draw(p);
    g.setStroke(saved);
    arrowHead(g, cx, cy, x2, y2);
  }

  private static void arrowHead(Graphics2D g, double fromX, double fromY, double x2, double y2) {
    double angle = Math.atan2(y2 - fromY, x2 - fromX);
    double head = 11;
    Path2D.Double p = new Path2D.Double();
    p.moveTo(x2, y2);
    p.lineTo(x2 - head * Math.cos(angle - 0.4), y2 - head * Math.sin(angle - 0.4));
    p.lineTo(x2 - head * Math.cos(angle + 0.4), y2 - head * Math.sin(angle + 0.4));
    p.closePath();
    g.fill(p);
  }

  /** Leading spaces of a source line. */
  static int indent(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
