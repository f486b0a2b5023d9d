package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;

/**
 * The line around a chart's plot area, drawn by our charts ({@link PlotChart}, {@link BarPlot})
 * once XChart has drawn the plot, instead of by XChart (its border is switched off in
 * {@link XChartStyle#apply}).
 *
 * <p>Why: XChart strokes the border with what it calls a solid stroke, a dash pattern of 3-pixel
 * dashes with no gaps. It looks solid, but Java2D strokes every dash on its own: measured at the
 * window's size, the four borders of softmax-scaling were a sixth of painting the figure. This is
 * the same rectangle, one pixel wide, in the same colour; it lies over the series' edges instead
 * of under them (the series keep a few pixels' margin inside it).
 */
final class PlotBorder {
  private PlotBorder() {}

  private static final BasicStroke LINE = new BasicStroke(1f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_MITER);

  static void draw(Graphics2D g, Rectangle2D plot) {
    Color colour = g.getColor();
    Stroke stroke = g.getStroke();
    g.setColor(Theme.AXIS);
    g.setStroke(LINE);
    g.draw(new Rectangle2D.Double(plot.getX(), plot.getY(), plot.getWidth(), plot.getHeight()));
    g.setStroke(stroke);
    g.setColor(colour);
  }
}
