package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Plot_XY;
import org.knowm.xchart.internal.series.Series.DataType;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;

/**
 * XChart's line chart, with its plot's border drawn by {@link PlotBorder}, plus what
 * {@link XyPlot#equalAspect} needs: where XChart puts the plot area, which only a subclass can
 * read, and a range that makes one unit as long on the x axis as on the y axis.
 *
 * <p>Also a cheaper axis layout, with the same ticks. For each axis, every time it lays the axis
 * out (three times a paint, more for an equal aspect), XChart boxes every data value of every
 * series into a {@code LinkedHashSet<Double>}, only to ask whether the values are equally spaced
 * (then it labels the data values themselves). Measured at the window's size that boxing was
 * about a tenth of painting a figure, more for a scatter of thousands of points. Here each series
 * shows the axes no data ({@link AxisBlindSeries}) when the answer is surely "not equally
 * spaced" ({@link #ticksIgnoreData}): XChart then takes the same round ticks without the scan.
 * The series are drawn from their full data as before.
 */
final class PlotChart extends XYChart {
  private static final double[] NO_DATA = {};

  /** False only in a test that paints the same panels with XChart's full scan to compare. */
  static volatile boolean hideDataFromAxes = true;

  /** True while XChart draws the plot (series included), false while it lays out the axes. */
  private boolean drawingPlot;
  private boolean hideXFromAxis;
  private boolean hideYFromAxis;
  /** Set by {@link #xSpacingBroken}: the x values are evenly spaced but for a breaker point. */
  private double brokenStep;
  private int brokenCount;

  PlotChart(int width, int height) {
    super(width, height);
    // The same plot XChart makes, told when it paints: the series read their data then.
    plot = new Plot_XY<XYStyler, XYSeries>(this) {
      @Override
      public void paint(Graphics2D g) {
        drawingPlot = true;
        try {
          super.paint(g);
        } finally {
          drawingPlot = false;
        }
        PlotBorder.draw(g, getBounds());
      }
    };
  }

  /** XChart's series, as {@link AxisBlindSeries}: XChart's own checks and messages first. */
  @Override
  public XYSeries addSeries(String name, double[] x, double[] y) {
    super.addSeries(name, x, y);
    XYSeries series = new AxisBlindSeries(name, x, y);
    seriesMap.put(name, series); // same key: keeps its place in the drawing order
    return series;
  }

  /**
   * Tells the chart its {@code count} distinct x values are evenly spaced by {@code step} and
   * that a point half a step in was added to break that (see XyPlot): XChart then never labels
   * the data values, so the x axis needs no data.
   */
  void xSpacingBroken(int count, double step) {
    brokenCount = count;
    brokenStep = step;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    hideXFromAxis = ticksIgnoreData(true);
    hideYFromAxis = ticksIgnoreData(false);
    super.paint(g, width, height);
  }

  /**
   * True when XChart's ticks for this axis surely do not depend on the data values, so the data
   * can be hidden from it. XChart's test (AxisTickCalculator_.areValuesEquallySpaced, 4.0.x) runs
   * on the distinct values in order of first appearance: the axis minimum, every series' values
   * in series order, the axis maximum; they are "equally spaced" when every difference between
   * neighbours is within 1e-4 of the first. Sure answers of "no":
   * <ul>
   *   <li>a log axis, or no custom label format: XChart's log calculator reads no data, and
   *       without a format another calculator is used, which is left alone;
   *   <li>the breaker point of {@link #xSpacingBroken}, when the step is large enough that the
   *       breaker's difference is far from every other;
   *   <li>two triples of neighbouring first appearances at the head of the values, with no value
   *       in common, whose two differences differ by 2e-4 or more: the axis minimum, moved to the
   *       front, can equal a value of at most one of them, so the other stays three neighbours
   *       whose differences cannot both be within 1e-4 of the first difference.
   * </ul>
   */
  private boolean ticksIgnoreData(boolean x) {
    if (!hideDataFromAxes) {
      return false;
    }
    AxesChartStyler s = getStyler();
    if ((x ? s.getXAxisTickLabelsFormattingFunction()
        : s.getYAxisTickLabelsFormattingFunction()) == null) {
      return false;
    }
    if (x ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic()) {
      return true;
    }
    if (x && brokenCount >= 4 && Math.abs(brokenStep) >= 0.01) {
      return true;
    }
    double[] head = new double[HEAD];
    int n = 0;
    for (XYSeries series : getSeriesCollection()) {
      double[] values = x ? ((AxisBlindSeries) series).allX() : ((AxisBlindSeries) series).allY();
      for (int i = 0; i < values.length && n < HEAD; i++) {
        head[n++] = values[i];
      }
      if (n == HEAD) {
        break;
      }
    }
    int firstTriple = unevenTriple(head, n, 0);
    return firstTriple >= 0 && unevenTriple(head, n, firstTriple + 3) >= 0;
  }

  /** How many leading values {@link #ticksIgnoreData} looks at. */
  private static final int HEAD = 48;

  /**
   * The start of the first triple at or after {@code from} of values first appearing in
   * head[0..n) (no equal value before them) whose two differences differ by 2e-4 or more; -1 if
   * none.
   */
  private static int unevenTriple(double[] head, int n, int from) {
    for (int i = from; i + 2 < n; i++) {
      if (firstAppearance(head, i) && firstAppearance(head, i + 1)
          && firstAppearance(head, i + 2)
          && Math.abs((head[i + 2] - head[i + 1]) - (head[i + 1] - head[i])) >= 2e-4) {
        return i;
      }
    }
    return -1;
  }

  private static boolean firstAppearance(double[] head, int i) {
    for (int j = 0; j < i; j++) {
      if (head[j] == head[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * An XY series that shows the axes no data while {@link #ticksIgnoreData} holds for them. Made
   * here, not by XChart, so the render style XChart would default to is read here too.
   */
  private final class AxisBlindSeries extends XYSeries {
    private XYSeriesRenderStyle style;

    AxisBlindSeries(String name, double[] x, double[] y) {
      super(name, x, y, null, DataType.Number);
    }

    double[] allX() {
      return super.getXData();
    }

    double[] allY() {
      return super.getYData();
    }

    @Override
    public double[] getXData() {
      return hideXFromAxis && !drawingPlot ? NO_DATA : super.getXData();
    }

    @Override
    public double[] getYData() {
      return hideYFromAxis && !drawingPlot ? NO_DATA : super.getYData();
    }

    @Override
    public XYSeries setXYSeriesRenderStyle(XYSeriesRenderStyle renderStyle) {
      this.style = renderStyle;
      return super.setXYSeriesRenderStyle(renderStyle);
    }

    @Override
    public Optional<XYSeriesRenderStyle> getXYSeriesRenderStyle() {
      return Optional.ofNullable(style != null ? style
          : PlotChart.this.getStyler().getDefaultSeriesRenderStyle());
    }
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
