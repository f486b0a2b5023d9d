package dev.bagu.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line and scatter panels. Each series takes the next palette colour unless told otherwise;
 * {@link #dashed} is for theory and reference curves.
 *
 * <pre>{@code
 * XyPlot.titled("Var(q·k) against d_k").axes("d_k", "variance").logX().logY()
 *     .line("unscaled", dk, var).dashed("theory: d_k", dk, dk).sameColourAs("unscaled")
 * }</pre>
 *
 * The XChart chart is built afresh at each paint from immutable copies of the data, so a panel can
 * be painted from any thread.
 */
public final class XyPlot implements Panel {
  private enum Kind { LINE, LINE_MARKERS, DASHED, POINTS, SQUARE_POINTS, TRIANGLE_POINTS,
    CROSS_POINTS, SMALL_POINTS, LARGE_POINTS, HIGHLIGHT, STEP_AREA }

  /** Marker shapes for {@link #points(String, double[], double[], int)}, in order. */
  public static final int SHAPES = 4;

  private record Series(String name, double[] x, double[] y, Kind kind, Color colour,
      boolean inLegend) {}

  private final String title;
  private String xLabel = "";
  private String yLabel = "";
  private boolean logX;
  private boolean logY;
  private Double xMin;
  private Double xMax;
  private Double yMin;
  private Double yMax;
  private boolean legend = true;
  private boolean equalAspect;
  private final List<Series> series = new ArrayList<>();
  private final List<double[]> verticalLines = new ArrayList<>();
  private final List<double[]> horizontalLines = new ArrayList<>();
  private int nextColour;

  private XyPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static XyPlot titled(String title) {
    return new XyPlot(title);
  }

  public XyPlot axes(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  public XyPlot logX() {
    this.logX = true;
    return this;
  }

  public XyPlot logY() {
    this.logY = true;
    return this;
  }

  public XyPlot xRange(double min, double max) {
    this.xMin = min;
    this.xMax = max;
    return this;
  }

  public XyPlot yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  /**
   * One unit as long across as up, for 2-D points whose axes share a unit (a circle of points
   * stays round, not an ellipse): the shorter range is widened about its centre. Linear axes only;
   * a given {@link #xRange}/{@link #yRange} is the part that must show.
   */
  public XyPlot equalAspect() {
    this.equalAspect = true;
    return this;
  }

  public XyPlot hideLegend() {
    this.legend = false;
    return this;
  }

  /** A solid line with markers at the data points (measured curves). */
  public XyPlot line(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.LINE_MARKERS);
  }

  /** A solid line without markers (dense curves). */
  public XyPlot curve(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.LINE);
  }

  /** A dashed line without markers: theory and reference values. */
  public XyPlot dashed(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.DASHED);
  }

  /** Markers only (a scatter plot). */
  public XyPlot points(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.POINTS);
  }

  /**
   * Markers only, in shape {@code shape % SHAPES} (circle, square, triangle, cross): past the
   * palette's twelve colours, categories that share a colour still differ in shape.
   */
  public XyPlot points(String name, double[] x, double[] y, int shape) {
    Kind[] kinds = {Kind.POINTS, Kind.SQUARE_POINTS, Kind.TRIANGLE_POINTS, Kind.CROSS_POINTS};
    return add(name, x, y, kinds[Math.floorMod(shape, SHAPES)]);
  }

  /**
   * Markers at half the usual size: a second tier of points under {@link #largePoints} (DBSCAN's
   * border points beside its core points), or thousands of points that would merge into a blot.
   */
  public XyPlot smallPoints(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.SMALL_POINTS);
  }

  /** Round markers at 1.6 times the usual size (DBSCAN's core points, cluster centres). */
  public XyPlot largePoints(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.LARGE_POINTS);
  }

  /** Large markers drawing the eye to a few points (the chosen parameter value, say). */
  public XyPlot highlight(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.HIGHLIGHT);
  }

  /** A filled step outline, as histograms are drawn; x holds the bin edges' left sides. */
  public XyPlot stepArea(String name, double[] x, double[] y) {
    return add(name, x, y, Kind.STEP_AREA);
  }

  /** Gives the last added series the colour of an earlier one (a theory line beside its data). */
  public XyPlot sameColourAs(String seriesName) {
    Color c = series.stream().filter(s -> s.name.equals(seriesName)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no series " + seriesName)).colour;
    return recolourLast(c);
  }

  /** Gives the last added series an explicit colour. */
  public XyPlot colour(Color colour) {
    return recolourLast(colour);
  }

  /**
   * Leaves the last added series out of the legend, when an earlier entry already explains it (two
   * dashed "mean" lines under one "dashed: mean" entry).
   */
  public XyPlot notInLegend() {
    Series last = series.remove(series.size() - 1);
    series.add(new Series(last.name, last.x, last.y, last.kind, last.colour, false));
    return this;
  }

  /** A thin grey vertical line across the plot at x. */
  public XyPlot verticalLine(double x) {
    verticalLines.add(new double[] {x});
    return this;
  }

  /** A thin grey horizontal line across the plot at y. */
  public XyPlot horizontalLine(double y) {
    horizontalLines.add(new double[] {y});
    return this;
  }

  private XyPlot recolourLast(Color c) {
    if (series.isEmpty()) {
      throw new IllegalStateException("no series yet");
    }
    Series last = series.remove(series.size() - 1);
    series.add(new Series(last.name, last.x, last.y, last.kind, c, last.inLegend));
    return this;
  }

  private XyPlot add(String name, double[] x, double[] y, Kind kind) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": x has " + x.length + " values, y has "
          + y.length);
    }
    if (series.stream().anyMatch(s -> s.name.equals(name))) {
      throw new IllegalArgumentException("two series named " + name);
    }
    Color colour = kind == Kind.DASHED ? Theme.REFERENCE : Theme.category(nextColour++);
    series.add(new Series(name, x.clone(), y.clone(), kind, colour, true));
    return this;
  }

  /**
   * The demo's texts. A "log₁₀ " prefix the axis may add is left out on purpose: a Chinese figure
   * keeps its preferred CJK face, and the axis writes "lg " where that face lacks the subscripts.
   */
  @Override
  public List<String> texts() {
    List<String> t = new ArrayList<>(List.of(title, xLabel, yLabel));
    series.forEach(s -> t.add(s.name()));
    return t;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    YScale scale = yScale();
    boolean log10Values = scale == YScale.LOG10_VALUES;
    PlotChart chart = new PlotChart(width, height);
    chart.setXAxisTitle(xLabel);
    // A figure with Chinese is drawn in a CJK font, which may lack subscript digits: then "lg",
    // the Chinese textbooks' own name for log₁₀, instead of tofu boxes.
    String log10 = Theme.axisTitle().canDisplayUpTo("log₁₀ ") == -1 ? "log₁₀ " : "lg ";
    chart.setYAxisTitle(log10Values ? log10 + yLabel : yLabel);
    XChartStyle.apply(chart.getStyler());
    chart.getStyler().setXAxisLogarithmic(logX).setYAxisLogarithmic(scale == YScale.LOG);
    chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax)
        .setYAxisMin(log10Values ? log10(yMin) : yMin)
        .setYAxisMax(log10Values ? log10(yMax) : yMax);
    tickFormats(chart, scale, width);
    List<double[][]> drawn = new java.util.ArrayList<>();
    Map<String, String> coincides = coincidences(scale);
    List<Legend.Entry> legendEntries = new ArrayList<>();
    for (Series s : drawOrder()) {
      double[][] xy = drawable(s.x, s.y);
      if (log10Values) {
        xy[1] = java.util.Arrays.stream(xy[1]).map(Math::log10).toArray();
      }
      if (xy[0].length > 0) {
        drawn.add(xy);
        XYSeries xs = chart.addSeries(coincides.getOrDefault(s.name, s.name), xy[0], xy[1]);
        style(xs, s);
        if (s.kind == Kind.DASHED && denseForDashes(xy[0].length, width)) {
          xs.setSmooth(true); // one path, dashed throughout: see denseForDashes
        }
        if (xy[0].length == 1 && (s.kind == Kind.LINE || s.kind == Kind.DASHED)) {
          xs.setMarker(ScaledCircle.FULL); // a line through one point draws nothing
        }
        if (legend && s.inLegend) {
          legendEntries.add(new Legend.Entry(coincides.getOrDefault(s.name, s.name),
              sample(s.kind), s.kind == Kind.STEP_AREA ? Theme.withAlpha(s.colour, 0.35)
                  : s.colour));
        }
      }
    }
    if (!logX) {
      breakEqualSpacing(chart, drawn);
    }
    for (double[] v : verticalLines) {
      chart.addAnnotation(new AnnotationLine(v[0], true, false));
    }
    for (double[] h : horizontalLines) {
      chart.addAnnotation(new AnnotationLine(log10Values ? Math.log10(h[0]) : h[0], false, false));
    }
    chart.getStyler().setAnnotationLineColor(Theme.AXIS);
    chart.getStyler().setAnnotationLineStroke(new java.awt.BasicStroke(1.5f));
    boolean aspect = equalAspect && !logX && scale == YScale.LINEAR;
    double[] xr = range(true, false, false);
    double[] yr = range(false, false, false);
    XChartStyle.paint(chart, g, width, height, title, legendEntries, (w, h) -> {
      if (aspect && xr != null && yr != null && (xr[1] > xr[0] || yr[1] > yr[0])) {
        chart.equalAspect(w, h, xr[0], xr[1], yr[0], yr[1]);
      }
    });
  }

  /** How a series of this kind shows in the legend. */
  private static Legend.Sample sample(Kind kind) {
    return switch (kind) {
      case LINE -> Legend.Sample.LINE;
      case LINE_MARKERS -> Legend.Sample.LINE_MARKER;
      case DASHED -> Legend.Sample.DASHED;
      case POINTS, SQUARE_POINTS, TRIANGLE_POINTS, CROSS_POINTS -> Legend.Sample.MARKER;
      case SMALL_POINTS -> Legend.Sample.SMALL_MARKER;
      case LARGE_POINTS -> Legend.Sample.LARGE_MARKER;
      case HIGHLIGHT -> Legend.Sample.DIAMOND;
      case STEP_AREA -> Legend.Sample.BOX;
    };
  }

  /**
   * Measured curves first, then dashed theory and reference lines, then highlighted points: a
   * theory line drawn under its measurement would vanish exactly where they agree.
   */
  private List<Series> drawOrder() {
    List<Series> ordered = new java.util.ArrayList<>();
    for (Kind last : new Kind[] {null, Kind.DASHED, Kind.HIGHLIGHT}) {
      for (Series s : series) {
        boolean late = s.kind == Kind.DASHED || s.kind == Kind.HIGHLIGHT;
        if (last == null ? !late : s.kind == last) {
          ordered.add(s);
        }
      }
    }
    return ordered;
  }

  /**
   * Legend names for series drawn on an earlier one, so a line hidden under another is still
   * accounted for: "skips ≡ skips + MLP" when equal, "≈" when every point is within
   * {@link #COINCIDES} of the y axis's drawn range (under a line's own width: just as hidden).
   */
  Map<String, String> coincidences(YScale scale) {
    Map<String, String> names = new java.util.HashMap<>();
    List<Series> ordered = drawOrder();
    boolean logValues = scale != YScale.LINEAR;
    double[] yr = range(false, logValues, false);
    double tolerance = yr == null ? 0 : COINCIDES * (yr[1] - yr[0]);
    for (int i = 0; i < ordered.size(); i++) {
      Series b = ordered.get(i);
      for (int j = 0; j < i; j++) {
        Series a = ordered.get(j);
        if (a.x.length == 0 || !java.util.Arrays.equals(a.x, b.x)) {
          continue;
        }
        if (java.util.Arrays.equals(a.y, b.y)) {
          names.put(b.name, b.name + " ≡ " + a.name);
          break;
        }
        if (tolerance > 0 && within(a.y, b.y, tolerance, logValues)) {
          names.put(b.name, b.name + " ≈ " + a.name);
          break;
        }
      }
    }
    return names;
  }

  /** Share of the y axis's range under which two series look like one line. */
  static final double COINCIDES = 0.004;

  private static boolean within(double[] a, double[] b, double tolerance, boolean log10) {
    for (int k = 0; k < a.length; k++) {
      double u = log10 ? Math.log10(a[k]) : a[k];
      double v = log10 ? Math.log10(b[k]) : b[k];
      boolean bothMissing = !Double.isFinite(u) && !Double.isFinite(v);
      if (!bothMissing && !(Math.abs(u - v) <= tolerance)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every tick label through {@link Ticks}: one number of decimals per axis from the range it
   * shows, no ".05", no "0.001" beside "1E-4", no "1.2" on an axis of whole layers.
   */
  private void tickFormats(XYChart chart, YScale scale, int width) {
    double[] xr = range(true, false, logX);
    double[] yr = range(false, scale == YScale.LOG10_VALUES, scale == YScale.LOG);
    if (xr == null || yr == null) {
      return;
    }
    boolean xIntegers = series.stream().allMatch(s -> java.util.Arrays.stream(s.x)
        .filter(Double::isFinite).allMatch(v -> v == Math.rint(v)));
    // The plot area is about three quarters of the panel's width (axis, labels, margins).
    double perDecade = 0.75 * width / Math.max(1, Math.log10(xr[1] / xr[0]));
    chart.getStyler().setXAxisTickLabelsFormattingFunction(logX
        ? Ticks.log(xr[0], xr[1], perDecade)
        : Ticks.linear(xr[0], xr[1], xIntegers && xr[1] - xr[0] <= 20));
    boolean yIntegers = scale == YScale.LINEAR && series.stream().allMatch(s -> java.util.Arrays
        .stream(s.y).filter(Double::isFinite).allMatch(v -> v == Math.rint(v)));
    chart.getStyler().setYAxisTickLabelsFormattingFunction(scale == YScale.LOG
        ? Ticks.log(yr[0], yr[1]) : Ticks.linear(yr[0], yr[1], yIntegers && yr[1] - yr[0] <= 20));
  }

  /** The finite data range of x or y (log₁₀ of y when drawn so), with the fixed limits applied. */
  private double[] range(boolean x, boolean log10, boolean positiveOnly) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : x ? s.x : s.y) {
        double w = log10 ? Math.log10(v) : v;
        if (Double.isFinite(w) && (!positiveOnly || w > 0)) {
          lo = Math.min(lo, w);
          hi = Math.max(hi, w);
        }
      }
    }
    Double min = x ? xMin : log10 && yMin != null ? log10(yMin) : yMin;
    Double max = x ? xMax : log10 && yMax != null ? log10(yMax) : yMax;
    if (min != null) {
      lo = min;
    }
    if (max != null) {
      hi = max;
    }
    return lo <= hi ? new double[] {lo, hi} : null;
  }

  /**
   * XChart labels an x axis whose values are all equally spaced (steps 0, 1, …, 149; IoU 0, 0.01,
   * …, 1) at every n-th data value, packed as tightly as the labels fit ("0 12 24 … 144", steps of
   * 0.08), and ignores the tick-spacing hint. One invisible point half a step in breaks the equal
   * spacing, so the axis gets the usual round, well-spaced ticks.
   */
  private static void breakEqualSpacing(PlotChart chart, List<double[][]> drawn) {
    // Most x values fail the test in their first three, which lead the set below when distinct:
    // answered without boxing every value (a scatter of thousands of points, at every paint).
    double[] head = drawn.isEmpty() ? new double[0] : drawn.get(0)[0];
    if (head.length >= 3 && head[0] != head[1] && head[1] != head[2] && head[0] != head[2]
        && Math.abs(head[2] - head[1] - (head[1] - head[0])) >= 1e-4) {
      return;
    }
    java.util.Set<Double> xs = new java.util.LinkedHashSet<>(); // XChart's order: series, then x
    for (double[][] xy : drawn) {
      for (double x : xy[0]) {
        xs.add(x);
      }
    }
    if (xs.size() < 3) {
      return;
    }
    Double[] v = xs.toArray(new Double[0]);
    double step = v[1] - v[0];
    for (int i = 2; i < v.length; i++) {
      if (Math.abs(v[i] - v[i - 1] - step) >= 1e-4) {
        return; // XChart's own test (absolute 1e-4): not equally spaced, nothing to do
      }
    }
    XYSeries hidden = chart.addSeries(" equal-spacing breaker", new double[] {v[0] + step / 2},
        new double[] {drawn.get(0)[1][0]});
    hidden.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
    hidden.setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE);
    hidden.setShowInLegend(false);
    chart.xSpacingBroken(v.length, step);
  }

  /** How the y axis is drawn. */
  enum YScale { LINEAR, LOG, LOG10_VALUES }

  /**
   * The y axis asked for, except where XChart's log axis reads badly: past
   * {@link #MAX_LOG_DECADES} it prints a label per decade on top of each other, so log₁₀ of the
   * values goes on a linear axis (the axis title says so); under {@link #MIN_LOG_DECADES} it
   * labels one power of ten or none, so the values go on a plain linear axis.
   */
  YScale yScale() {
    if (!logY) {
      return YScale.LINEAR;
    }
    double decades = decadesSpanned();
    if (decades > MAX_LOG_DECADES) {
      return YScale.LOG10_VALUES;
    }
    return decades < MIN_LOG_DECADES ? YScale.LINEAR : YScale.LOG;
  }

  /** Beyond this many decades a log y axis becomes a linear axis of log₁₀ y. */
  static final double MAX_LOG_DECADES = 12;

  /** Below this many decades a log y axis becomes a plain linear axis. */
  static final double MIN_LOG_DECADES = 1;

  /** log₁₀ of an optional axis bound (a plain ternary would unbox null). */
  private static Double log10(Double bound) {
    return bound == null ? null : Math.log10(bound);
  }

  /** Decades between the smallest and largest positive finite y of all series. */
  double decadesSpanned() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (double v : s.y) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    return hi > lo ? Math.log10(hi / lo) : 0;
  }

  /**
   * The points that can be drawn: finite, and positive on a log axis (a saturated softmax can give
   * a gradient of exactly 0, which a log axis cannot place). XChart would throw on them instead.
   */
  private double[][] drawable(double[] x, double[] y) {
    int n = 0;
    double[] xs = new double[x.length];
    double[] ys = new double[y.length];
    for (int i = 0; i < x.length; i++) {
      boolean ok = Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!logX || x[i] > 0)
          && (!logY || y[i] > 0);
      if (ok) {
        xs[n] = x[i];
        ys[n] = y[i];
        n++;
      }
    }
    return new double[][] {java.util.Arrays.copyOf(xs, n), java.util.Arrays.copyOf(ys, n)};
  }

  /**
   * Whether a dashed line's points lie closer together than its dashes are long (9 px on, 6 off),
   * on average across a panel this wide. XChart strokes a line segment by segment, starting the
   * dash pattern afresh at every point, so such a line showed no gaps at all and looked solid,
   * unlike its legend sample (rnn-gradients' bounds and gate mean, 100 points each). XChart's
   * "smooth" line is one path of the whole series, dashed throughout; between two neighbours it
   * is a curve inside their bounding box (control points at the middle x, at each end's y), at
   * most about a pixel off the straight segment at these distances. Sparser dashed lines keep
   * their straight segments.
   */
  static boolean denseForDashes(int points, int width) {
    return points > 2 && (width - 100.0) / (points - 1) < 12;
  }

  private static void style(XYSeries xs, Series s) {
    xs.setLineColor(s.colour);
    xs.setMarkerColor(s.colour);
    switch (s.kind) {
      case LINE -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        xs.setMarker(SeriesMarkers.NONE);
        xs.setLineStyle((java.awt.BasicStroke) Theme.LINE);
      }
      case LINE_MARKERS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        xs.setMarker(ScaledCircle.FULL);
        xs.setLineStyle((java.awt.BasicStroke) Theme.LINE);
      }
      case DASHED -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
        xs.setMarker(SeriesMarkers.NONE);
        xs.setLineStyle((java.awt.BasicStroke) Theme.DASHED);
      }
      case POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(ScaledCircle.FULL);
      }
      case SQUARE_POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(SeriesMarkers.SQUARE);
      }
      case TRIANGLE_POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(SeriesMarkers.TRIANGLE_UP);
      }
      case CROSS_POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(SeriesMarkers.CROSS);
      }
      case SMALL_POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(new ScaledCircle(0.5));
      }
      case LARGE_POINTS -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(new ScaledCircle(1.6));
      }
      case HIGHLIGHT -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
        xs.setMarker(SeriesMarkers.DIAMOND);
      }
      case STEP_AREA -> {
        xs.setXYSeriesRenderStyle(XYSeriesRenderStyle.StepArea);
        xs.setMarker(SeriesMarkers.NONE);
        xs.setFillColor(Theme.withAlpha(s.colour, 0.35));
        xs.setLineStyle(new java.awt.BasicStroke(1.8f));
      }
      default -> throw new IllegalStateException(s.kind.name());
    }
  }

  /**
   * XChart's filled circle at a multiple of the chart's marker size (XChart has one size), drawn
   * by {@link DotStamps}. At scale 1 the same circle as XChart's own marker.
   */
  private static final class ScaledCircle extends org.knowm.xchart.style.markers.Marker {
    static final ScaledCircle FULL = new ScaledCircle(1);

    private final double scale;

    ScaledCircle(double scale) {
      this.scale = scale;
    }

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
      DotStamps.fill(g, xOffset, yOffset, Math.max(2, markerSize * scale));
    }
  }
}
