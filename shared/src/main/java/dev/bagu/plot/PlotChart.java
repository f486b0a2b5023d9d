package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.knowm.xchart.XYChart;

/**
 * XChart's line chart, plus what {@link XyPlot#equalAspect} needs: where XChart puts the plot
 * area, which only a subclass can read, and a range that makes one unit as long on the x axis as
 * on the y axis.
 */
final class PlotChart extends XYChart {
  PlotChart(int width, int height) {
    super(width, height);
  }

  /**
   * Sets the axis ranges to [x0, x1] × [y0, y1] widened on one axis so that one data unit spans
   * as many pixels across as up, centred on the data: a circle of points stays a circle. The plot
   * area depends on the tick labels, which depend on the range, so it is measured on a scratch
   * image at this chart's final size until it stops moving (two or three paints).
   *
   * @return the ranges set: {x0, x1, y0, y1}
   */
  double[] equalAspect(int width, int height, double x0, double x1, double y0, double y1) {
    double[] r = {x0, x1, y0, y1};
    // XChart draws the data across this share of the plot area, centred, on both axes.
    double content = getStyler().getPlotContentSize();
    // The plot area depends on the axes only (XChart's own legend is off): the measuring paints
    // leave the series out, which on a 100,000-point scatter were most of the figure's cost.
    java.util.List<org.knowm.xchart.XYSeries> shown = getSeriesCollection().stream()
        .filter(org.knowm.xchart.XYSeries::isEnabled).toList();
    shown.forEach(series -> series.setEnabled(false));
    for (int pass = 0; pass < 5; pass++) {
      set(r);
      BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = scratch.createGraphics();
      try {
        Theme.applyHints(g);
        paint(g, width, height);
      } finally {
        g.dispose();
      }
      Rectangle2D b = plot.getBounds();
      double pw = Math.max(1, b.getWidth() * content);
      double ph = Math.max(1, b.getHeight() * content);
      double unitX = Math.max(r[1] - r[0], 1e-12) / pw; // data units per pixel
      double unitY = Math.max(r[3] - r[2], 1e-12) / ph;
      if (unitY >= unitX) {
        // Widen x: its tick labels sit under the plot and leave the plot area where it is.
        r = widened(r, 0, unitY * pw);
        break;
      }
      // Widen y: its tick labels' width moves the plot's left edge, so measure again.
      r = widened(r, 2, unitX * ph);
    }
    shown.forEach(series -> series.setEnabled(true));
    set(r);
    return r;
  }

  /** r with the range starting at index i widened about its centre to span. */
  private static double[] widened(double[] r, int i, double span) {
    double[] out = r.clone();
    double c = (r[i] + r[i + 1]) / 2;
    out[i] = c - span / 2;
    out[i + 1] = c + span / 2;
    return out;
  }

  /** The ranges, and tick labels formatted for them (their width moves the plot area). */
  private void set(double[] r) {
    getStyler().setXAxisMin(r[0]).setXAxisMax(r[1]).setYAxisMin(r[2]).setYAxisMax(r[3]);
    getStyler().setXAxisTickLabelsFormattingFunction(Ticks.linear(r[0], r[1], false));
    getStyler().setYAxisTickLabelsFormattingFunction(Ticks.linear(r[2], r[3], false));
  }

  /** The plot area of the last paint, in the chart's coordinates. */
  Rectangle2D plotBounds() {
    return plot.getBounds();
  }
}
