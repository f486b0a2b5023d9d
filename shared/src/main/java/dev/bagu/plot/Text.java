package dev.bagu.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/** Small text-drawing helpers shared by the hand-drawn panels. */
final class Text {
  private Text() {}

  static void drawCentered(Graphics2D g, String s, double cx, double baseline) {
    double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
    g.drawString(s, (float) (cx - w / 2), (float) baseline);
  }

  static void drawRight(Graphics2D g, String s, double right, double baseline) {
    double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
    g.drawString(s, (float) (right - w), (float) baseline);
  }

  /** Draws s rotated 90° counter-clockwise, centred on (cx, cy). */
  static void drawVertical(Graphics2D g, String s, double cx, double cy) {
    FontMetrics fm = g.getFontMetrics();
    double w = fm.getStringBounds(s, g).getWidth();
    AffineTransform saved = g.getTransform();
    g.translate(cx, cy);
    g.rotate(-Math.PI / 2);
    g.drawString(s, (float) (-w / 2), (float) (fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
    g.setTransform(saved);
  }

  static double width(Graphics2D g, String s) {
    return g.getFontMetrics().getStringBounds(s, g).getWidth();
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
}
