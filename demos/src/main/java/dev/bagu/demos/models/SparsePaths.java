package dev.bagu.demos.models;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.util.BitSet;
import java.util.List;

/**
 * The two-hop picture for the last query i = n − 1: for the local, strided and fixed patterns,
 * one strip of the n positions marks A(i) (hop 1), a second marks what i reaches through one
 * middle key (hop 2), and an arc i → k → j draws one such path to the farthest key j = 0.
 */
final class SparsePaths {
  private SparsePaths() {}

  /** One pattern's row: its mask's hop-1 keys and two-hop reach from query i. */
  record Row(SparsePatterns pattern, BitSet hop1, BitSet hop2, int i, int j, int k) {
    static Row of(SparsePatterns pattern, BitSet[] mask, BitSet reach) {
      int i = mask.length - 1;
      int k = SparsePatterns.middle(mask, i, 0);
      return new Row(pattern, mask[i], reach, i, 0, k);
    }
  }

  static DrawingPanel panel(List<Row> rows, Lang l) {
    String title = l.t("Two hops i → k → j from query i = n − 1",
        "从查询 i = n − 1 出发的两跳 i → k → j");
    return DrawingPanel.titled(title, (g, area) -> draw(g, area, rows, l));
  }

  private static void draw(Graphics2D g, Rectangle area, List<Row> rows, Lang l) {
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight();
    String hop1 = l.t("hop 1", "一跳");
    String hop2 = l.t("≤ 2 hops", "≤ 两跳");
    int labelW = Math.max(fm.stringWidth(hop1), fm.stringWidth(hop2)) + 10;
    double x0 = area.x + labelW;
    double width = area.width - labelW - 10;
    int n = rows.get(0).i() + 1;
    int axisH = lineH + 6;
    double groupH = (area.height - axisH) / (double) rows.size();
    double stripH = Math.max(6, Math.min(18, groupH * 0.16));
    for (int r = 0; r < rows.size(); r++) {
      Row row = rows.get(r);
      Color colour = Theme.category(row.pattern().ordinal());
      double top = area.y + r * groupH;
      g.setColor(Theme.TEXT);
      String name = SparseAttentionDemo.patternName(row.pattern(), l);
      String path = row.k() < 0
          ? l.f("%s: j = 0 not reached in two hops", "%s：两跳到不了 j = 0", name)
          : l.f("%s: %d → %d → 0", "%s：%d → %d → 0", name, row.i(), row.k());
      g.drawString(path, (float) x0, (float) (top + fm.getAscent()));
      double strip2 = top + groupH - stripH - 8;
      double strip1 = strip2 - stripH - 4;
      double arcBase = strip1 - 2;
      double arcTop = top + lineH + 4;
      drawStrip(g, x0, width, strip1, stripH, row.hop1(), n, colour);
      drawStrip(g, x0, width, strip2, stripH, row.hop2(), n, Theme.withAlpha(colour, 0.55));
      g.setColor(Theme.MUTED_TEXT);
      g.drawString(hop1, area.x, (float) (strip1 + stripH / 2 + fm.getAscent() / 2.0 - 2));
      g.drawString(hop2, area.x, (float) (strip2 + stripH / 2 + fm.getAscent() / 2.0 - 2));
      if (row.k() >= 0) {
        g.setColor(Theme.TEXT);
        g.setStroke(new BasicStroke(2f));
        arc(g, at(x0, width, row.i(), n), at(x0, width, row.k(), n), arcBase, arcTop);
        arc(g, at(x0, width, row.k(), n), at(x0, width, row.j(), n), arcBase, arcTop);
      }
    }
    // The shared position axis.
    double axisY = area.y + area.height - axisH;
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(new java.awt.geom.Line2D.Double(x0, axisY, x0 + width, axisY));
    g.setColor(Theme.TEXT);
    g.drawString("0", (float) x0, (float) (axisY + fm.getAscent() + 2));
    String last = Integer.toString(n - 1);
    g.drawString(last, (float) (x0 + width - fm.stringWidth(last)),
        (float) (axisY + fm.getAscent() + 2));
    String axis = l.t("key position j", "键的位置 j");
    g.drawString(axis, (float) (x0 + (width - fm.stringWidth(axis)) / 2),
        (float) (axisY + fm.getAscent() + 2));
  }

  /** x of the centre of position p on a strip of n positions. */
  private static double at(double x0, double width, int p, int n) {
    return x0 + (p + 0.5) * width / n;
  }

  /** Marks each set position; a run of neighbours is one rectangle, at least 1.5 px wide. */
  private static void drawStrip(Graphics2D g, double x0, double width, double y, double h,
      BitSet set, int n, Color colour) {
    g.setColor(Theme.GRID);
    g.fill(new Rectangle2D.Double(x0, y, width, h));
    g.setColor(colour);
    double cell = width / n;
    for (int a = set.nextSetBit(0); a >= 0 && a < n; a = set.nextSetBit(a + 1)) {
      int b = set.nextClearBit(a);
      double w = Math.max(1.5, (b - a) * cell);
      g.fill(new Rectangle2D.Double(x0 + a * cell, y, w, h));
      a = b - 1;
    }
  }

  /** An arc above the strips from x1 to x2, higher for longer jumps, with a dot at each end. */
  private static void arc(Graphics2D g, double x1, double x2, double base, double top) {
    double span = Math.abs(x2 - x1);
    double height = Math.min(base - top, 12 + span * 0.25);
    g.draw(new QuadCurve2D.Double(x1, base, (x1 + x2) / 2, base - 2 * height, x2, base));
    g.fill(new java.awt.geom.Ellipse2D.Double(x1 - 3.5, base - 3.5, 7, 7));
    g.fill(new java.awt.geom.Ellipse2D.Double(x2 - 3.5, base - 3.5, 7, 7));
  }
}
