package dev.bagu.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.RoundRectangle2D;

/**
 * A word in a filled badge in the figure's top-right corner, over the header's margin: the
 * window's "preview" / "预览" on a quick figure shown while a slider moves, so it cannot be taken
 * for the final figure (or copied from a screenshot as one).
 */
final class Stamp {
  /** Vermillion, the theme's warning colour, nearly opaque: readable over any title. */
  private static final Color FILL = new Color(0xD5, 0x5E, 0x00, 235);

  private Stamp() {}

  /** How far from the figure's right edge the badge reaches: the title keeps clear of it. */
  static double reach(Graphics2D g, String text, int margin) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setFont(font());
      return margin / 2.0 + width(g2, text, margin);
    } finally {
      g2.dispose();
    }
  }

  /**
   * Paints {@code text} right-aligned at the top of a figure {@code width} wide.
   *
   * @param margin the figure's outer margin; the badge sits in the top margin and the title's
   *     line, above where the panels start
   */
  static void paint(Graphics2D g, String text, int width, int margin) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      Theme.applyHints(g2);
      g2.setFont(font());
      FontMetrics fm = g2.getFontMetrics();
      int pad = pad(margin);
      double w = width(g2, text, margin);
      double h = fm.getHeight() + pad;
      double x = width - margin / 2.0 - w;
      double y = margin / 2.0;
      g2.setColor(FILL);
      g2.fill(new RoundRectangle2D.Double(x, y, w, h, h / 2, h / 2));
      g2.setColor(Color.WHITE);
      g2.drawString(text, (float) (x + pad), (float) (y + pad / 2.0 + fm.getAscent()));
    } finally {
      g2.dispose();
    }
  }

  private static Font font() {
    return Theme.figureTitle().deriveFont(Font.BOLD);
  }

  /** Space between the word and the badge's edge. */
  private static int pad(int margin) {
    return margin / 2 + 2;
  }

  /** The badge's width, in g's font. */
  private static double width(Graphics2D g, String text, int margin) {
    return Text.width(g, text) + 2 * pad(margin);
  }
}
