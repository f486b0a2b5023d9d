package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;

/**
 * The stroke of XChart's grid lines: a solid line one pixel wide, whose outline is a rectangle
 * when the line is horizontal or vertical, as grid lines are.
 *
 * <p>Why: XChart fills each grid line's stroked outline itself. Java2D fills a rectangle through
 * its parallelogram path, which works out each pixel's coverage directly, but a general outline
 * (what {@link BasicStroke} returns) through the anti-aliasing rasteriser, a sample row at a time.
 * A log axis has a grid line per minor tick, so the grid was the larger part of painting a log
 * plot. The rectangle is exactly BasicStroke(1)'s outline of the line: half a pixel either side,
 * and half a pixel past each end (square caps). Any other shape is stroked as BasicStroke(1) does.
 */
final class GridLineStroke extends BasicStroke { // XChart takes only a BasicStroke
  GridLineStroke() {
    super(1f);
  }

  @Override
  public Shape createStrokedShape(Shape p) {
    if (p instanceof Line2D line && (line.getX1() == line.getX2() || line.getY1() == line.getY2())) {
      double x = Math.min(line.getX1(), line.getX2());
      double y = Math.min(line.getY1(), line.getY2());
      double w = Math.abs(line.getX2() - line.getX1());
      double h = Math.abs(line.getY2() - line.getY1());
      return new Rectangle2D.Double(x - 0.5, y - 0.5, w + 1, h + 1);
    }
    return super.createStrokedShape(p);
  }
}
