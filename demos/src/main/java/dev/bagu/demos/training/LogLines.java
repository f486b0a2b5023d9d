package dev.bagu.demos.training;

import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines of positive values that may span dozens of decades (a gradient after 50 sigmoid layers).
 * Up to {@value #MAX_DECADES} decades they go on a log axis; beyond, the log axis would print a
 * label for every decade on top of each other, so log₁₀ of the values goes on a linear axis.
 * Zeros and negatives have no logarithm and are left out.
 */
final class LogLines {
  private LogLines() {}

  static final double MAX_DECADES = 12;

  /** One line: its name, colour, x and y. */
  record Line(String name, Color colour, double[] x, double[] y) {}

  static XyPlot plot(String title, String xLabel, String yLabel, List<Line> lines) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Line l : lines) {
      for (double v : l.y()) {
        if (v > 0) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    boolean wide = Math.log10(hi / lo) > MAX_DECADES;
    XyPlot plot = XyPlot.titled(title);
    if (wide) {
      plot.axes(xLabel, "log₁₀ " + yLabel);
    } else {
      plot.axes(xLabel, yLabel + " (log)").logY();
    }
    for (Line l : lines) {
      List<double[]> kept = new ArrayList<>();
      for (int i = 0; i < l.y().length; i++) {
        if (l.y()[i] > 0) {
          kept.add(new double[] {l.x()[i], wide ? Math.log10(l.y()[i]) : l.y()[i]});
        }
      }
      if (kept.isEmpty()) {
        continue; // zero init: nothing to draw, its colour stays its own
      }
      plot.line(l.name(), kept.stream().mapToDouble(p -> p[0]).toArray(),
          kept.stream().mapToDouble(p -> p[1]).toArray()).colour(l.colour());
    }
    return plot;
  }
}
