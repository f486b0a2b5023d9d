package dev.bagu.demos.positions;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.Locale;

/**
 * One pair (x_{2j}, x_{2j+1}) = (1, 0) of a query as RoPE rotates it at positions m = 0 … 5: a
 * fast pair (j = 0, one radian per position) and a slower one, drawn on a true circle (a chart
 * would stretch it to an ellipse).
 */
final class RotationPicture {
  private RotationPicture() {}

  /** Positions drawn per pair. */
  static final int STEPS = 6;

  static DrawingPanel panel(double[] theta, Lang l) {
    int slow = theta.length >= 16 ? theta.length / 8 : theta.length - 1;
    return DrawingPanel.titled(l.t("RoPE turns each pair by m·θ_j (m = position)",
        "RoPE 把每对维度旋转 m·θ_j（m 为位置）"), (g, area) -> draw(g, area, theta, slow, l));
  }

  private static void draw(Graphics2D g, Rectangle area, double[] theta, int slow, Lang l) {
    int lineH = g.getFontMetrics().getHeight();
    int legendH = 2 * lineH + 8;
    int footH = lineH + 4; // the axes note under the circle
    double radius = Math.max(10, Math.min(area.width * 0.5, area.height - legendH - footH) / 2
        - lineH);
    double cx = area.x + area.width / 2.0;
    double cy = area.y + legendH + (area.height - legendH - footH) / 2.0;
    g.setColor(Theme.GRID);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(new Line2D.Double(cx - radius - 10, cy, cx + radius + 10, cy));
    g.draw(new Line2D.Double(cx, cy - radius - 10, cx, cy + radius + 10));
    g.setColor(Theme.AXIS);
    g.draw(new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius));
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(l.t("across: x_2j, up: x_2j+1; (1, 0) at m = 0", "横轴 x_2j，纵轴 x_2j+1；m = 0 时为 (1, 0)"),
        area.x + 8, area.y + area.height - 4);

    int[] pairs = slow == 0 ? new int[] {0} : new int[] {0, slow};
    double[] scale = {1.0, 0.62}; // the slow pair on an inner circle, so labels do not collide
    for (int p = 0; p < pairs.length; p++) {
      int j = pairs[p];
      Color c = Theme.category(p);
      double rr = radius * scale[p];
      if (p > 0) {
        g.setColor(Theme.withAlpha(c, 0.5));
        g.setStroke(new BasicStroke(1f));
        g.draw(new Ellipse2D.Double(cx - rr, cy - rr, 2 * rr, 2 * rr));
      }
      for (int m = 0; m < STEPS; m++) {
        double a = m * theta[j];
        double x = cx + rr * Math.cos(a);
        double y = cy - rr * Math.sin(a);
        g.setColor(Theme.withAlpha(c, m == 0 ? 1 : 0.35 + 0.1 * m));
        g.setStroke(new BasicStroke(m == 0 ? 2.6f : 1.6f));
        g.draw(new Line2D.Double(cx, cy, x, y));
        g.fill(new Ellipse2D.Double(x - 6, y - 6, 12, 12));
        g.setColor(Theme.TEXT);
        String label = "m=" + m;
        int w = g.getFontMetrics().stringWidth(label);
        double lx = cx + (rr + 14 + w / 2.0) * Math.cos(a);
        double ly = cy - (rr + 14) * Math.sin(a);
        // The slow pair's points are close together: only the last is named, just outside its
        // inner circle (inside, the name lay across the pair's own spokes).
        if (p > 0 && m != STEPS - 1) {
          continue;
        }
        g.drawString(label, (float) (lx - w / 2.0), (float) (ly + lineH / 3.0));
      }
    }
    // Legend at the top, off the picture.
    for (int p = 0; p < pairs.length; p++) {
      int j = pairs[p];
      float y = area.y + lineH * (p + 1);
      g.setColor(Theme.category(p));
      g.fill(new Ellipse2D.Double(area.x + 8, y - lineH / 2.0 - 4, 12, 12));
      g.setColor(Theme.TEXT);
      g.drawString(l.f("pair j = %d: θ_%d = %s rad per position", "第 j = %d 对：θ_%d = %s 弧度/位置",
          j, j, String.format(Locale.US, "%.3g", theta[j])), area.x + 28, y);
    }
  }
}
