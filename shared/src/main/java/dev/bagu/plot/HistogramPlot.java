package dev.bagu.plot;

import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Histograms of one or more samples over shared, equal-width bins, drawn as translucent filled
 * steps so overlapping distributions stay readable. Heights are densities (area 1) unless
 * {@link #counts()} is asked for.
 */
public final class HistogramPlot implements Panel {
  private record Sample(String name, double[] values) {}

  private final String title;
  private String xLabel = "";
  private String yLabel;
  private int bins = 40;
  private Double lo;
  private Double hi;
  private boolean density = true;
  private boolean logY;
  private boolean legend = true;
  private final List<Sample> samples = new ArrayList<>();

  private HistogramPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static HistogramPlot titled(String title) {
    return new HistogramPlot(title);
  }

  /** The y axis title; by default "count", or "density" when normalised. */
  public HistogramPlot yLabel(String label) {
    this.yLabel = label;
    return this;
  }

  private String yTitle() {
    return yLabel != null ? yLabel : density ? "density" : "count";
  }

  @Override
  public List<String> texts() {
    List<String> t = new ArrayList<>(List.of(title, xLabel, yTitle()));
    samples.forEach(s -> t.add(s.name));
    return t;
  }

  public HistogramPlot xLabel(String label) {
    this.xLabel = label;
    return this;
  }

  public HistogramPlot bins(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("bins must be at least 1: " + count);
    }
    this.bins = count;
    return this;
  }

  /** Fixes the binned range; values outside it are not counted. Default: all samples' min–max. */
  public HistogramPlot range(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("histogram range needs min < max: " + min + ", " + max);
    }
    this.lo = min;
    this.hi = max;
    return this;
  }

  public HistogramPlot counts() {
    this.density = false;
    return this;
  }

  public HistogramPlot logY() {
    this.logY = true;
    return this;
  }

  public HistogramPlot hideLegend() {
    this.legend = false;
    return this;
  }

  public HistogramPlot add(String name, double[] values) {
    samples.add(new Sample(name, values.clone()));
    return this;
  }

  /** Bin heights for one sample: counts, or densities integrating to the in-range fraction. */
  static double[] heights(double[] values, double lo, double hi, int bins, boolean density) {
    double[] h = new double[bins];
    double width = (hi - lo) / bins;
    for (double v : values) {
      if (v >= lo && v <= hi) {
        // A value on a bin edge goes to the bin it starts: (1.0 − 0.5) / 0.05 is 9.999…98 in
        // doubles, which put a ratio of exactly 1 in the impossible bin 0.95–1.0.
        int bin = (int) Math.floor((v - lo) / width + 1e-9);
        h[Math.max(0, Math.min(bins - 1, bin))]++;
      }
    }
    if (density && values.length > 0) {
      for (int i = 0; i < bins; i++) {
        h[i] /= values.length * width;
      }
    }
    return h;
  }

  /** The 1, 2 or 5 times a power of ten nearest above x. */
  static double niceStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(x)));
    double f = x / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    double min = lo != null ? lo : Double.POSITIVE_INFINITY;
    double max = hi != null ? hi : Double.NEGATIVE_INFINITY;
    if (lo == null) {
      for (Sample s : samples) {
        for (double v : s.values) {
          if (Double.isFinite(v)) {
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }
      }
    }
    if (!(min < max)) { // no data, or every value equal: centre a unit-wide range on it
      double c = Double.isFinite(min) ? min : 0;
      min = c - 0.5;
      max = c + 0.5;
    }
    if (lo == null) { // widen to round numbers, so XChart's ticks fall on readable values
      double step = niceStep((max - min) / 8);
      min = Math.floor(min / step) * step;
      max = Math.ceil(max / step) * step;
    }
    XyPlot plot = XyPlot.titled(title).axes(xLabel, yTitle());
    if (logY) {
      plot.logY();
    }
    if (!legend || samples.size() < 2) {
      plot.hideLegend();
    }
    double w = (max - min) / bins;
    for (Sample s : samples) {
      double[] h = heights(s.values, min, max, bins, density);
      // Step outline: x at each bin's left edge plus the right end, repeating the last height.
      double[] x = new double[bins + 1];
      double[] y = new double[bins + 1];
      for (int i = 0; i <= bins; i++) {
        x[i] = min + i * w;
        y[i] = h[Math.min(i, bins - 1)];
      }
      plot.stepArea(s.name, x, y);
    }
    plot.paint(g, width, height);
  }
}
