package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.internal.chartpart.Plot_Category;
import org.knowm.xchart.style.CategoryStyler;

/**
 * Bar panels: one bar per category and series, series side by side in palette order.
 *
 * <pre>{@code
 * BarPlot.titled("Kept boxes per method").axes("method", "boxes")
 *     .categories(List.of("greedy", "soft")).bars("kept", new double[] {12, 19})
 * }</pre>
 */
public final class BarPlot implements Panel {
  private record Bars(String name, double[] values) {}

  private final String title;
  private String xLabel = "";
  private String yLabel = "";
  private List<String> categories = List.of();
  private final List<Bars> bars = new ArrayList<>();
  private boolean logY;
  private Double yMin;
  private Double yMax;
  private int maxLabels = 0;
  private boolean overlapped;
  private boolean everyLabel;

  private BarPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static BarPlot titled(String title) {
    return new BarPlot(title);
  }

  public BarPlot axes(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  public BarPlot categories(List<String> names) {
    this.categories = List.copyOf(names);
    return this;
  }

  /** One series of bars; a NaN value draws no bar (XChart skips nulls). */
  public BarPlot bars(String name, double[] values) {
    if (values.length != categories.size()) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for "
          + categories.size() + " categories");
    }
    bars.add(new Bars(name, values.clone()));
    return this;
  }

  public BarPlot logY() {
    this.logY = true;
    return this;
  }

  public BarPlot yRange(double min, double max) {
    this.yMin = min;
    this.yMax = max;
    return this;
  }

  /** Draws series over each other instead of side by side (both must stay visible). */
  public BarPlot overlapped() {
    this.overlapped = true;
    return this;
  }

  /**
   * Labels every category, however narrow (the house style spaces x labels ≥ 110 px apart and
   * drops the rest): for a few short category names that all matter.
   */
  public BarPlot everyLabel() {
    this.everyLabel = true;
    return this;
  }

  /** Shows at most this many category labels (for long rows of bars). */
  public BarPlot maxLabels(int count) {
    this.maxLabels = count;
    return this;
  }

  /**
   * The house spacing (x labels ≥ 110 px apart) drops every other category of a short row whose
   * names would fit. Here every category is labelled when the names fit side by side, or turned
   * upright when only that fits; only when neither does XChart drop some (a long row of bars).
   */
  /**
   * Whether {@code shown} category names fit side by side without touching, the
   * plot being the panel less about 40 px of y axis (a looser guess than
   * {@link #labelEveryCategoryThatFits}'s: names that fitted before stay as they were).
   */
  private boolean namesFitSideBySide(Graphics2D g, int width, int shown) {
    g.setFont(Theme.tickLabel());
    double widest = categories.stream().mapToDouble(c -> Text.width(g, c)).max().orElse(0);
    return widest <= (width - 40.0) / Math.max(1, shown);
  }

  private void labelEveryCategoryThatFits(CategoryChart chart, Graphics2D g, int width) {
    if (categories.isEmpty()) {
      return;
    }
    g.setFont(Theme.tickLabel());
    double widest = categories.stream().mapToDouble(c -> Text.width(g, c)).max().orElse(0);
    // The plot is about the panel less the y axis on the left and a margin on the right.
    double perCategory = (width - 100.0) / categories.size();
    if (widest + 14 <= perCategory) {
      chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.ceil(widest + 12));
    } else if (widest <= 160) {
      // Upright; where even upright names are too many for the width (a narrow window),
      // XChart leaves out the ones that would touch rather than printing them over each other.
      chart.getStyler().setXAxisLabelRotation(90);
      chart.getStyler().setXAxisTickMarkSpacingHint(g.getFontMetrics().getHeight() + 4);
    }
  }

  /**
   * The y range the axis shows: the bars' values (and 0, where linear bars start), or the given
   * limits; null when there is nothing to show.
   */
  /** Whether every finite bar is 0 (drawn on a 0–1 axis, the 0 line at the bottom). */
  boolean allZero() {
    return bars.stream().flatMapToDouble(b -> java.util.Arrays.stream(b.values))
        .filter(Double::isFinite).allMatch(v -> v == 0);
  }

  private double[] valueRange(Double low, Double high) {
    double lo = logY ? Double.POSITIVE_INFINITY : 0;
    double hi = logY ? Double.NEGATIVE_INFINITY : 0;
    for (Bars b : bars) {
      for (double v : b.values) {
        if (Double.isFinite(v) && (!logY || v > 0)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    lo = low != null ? low : lo;
    hi = high != null ? high : hi;
    return lo < hi ? new double[] {lo, hi} : null;
  }

  /**
   * A log axis from the data when none is given: whole decades around the positive values. XChart
   * would start the bars at 0, which a log axis cannot place, and throw. Values ≤ 0 draw no bar.
   */
  private double[] logRange() {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Bars b : bars) {
      for (double v : b.values) {
        if (v > 0 && Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!(lo <= hi)) {
      return new double[] {1, 10}; // nothing to draw: an empty decade
    }
    double low = Math.pow(10, Math.floor(Math.log10(lo)));
    double high = Math.pow(10, Math.ceil(Math.log10(hi)));
    return new double[] {low, high > low ? high : low * 10};
  }

  @Override
  public List<String> texts() {
    List<String> t = new ArrayList<>(List.of(title, xLabel, yLabel));
    t.addAll(categories);
    bars.forEach(b -> t.add(b.name()));
    return t;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    CategoryChart chart = new BorderedChart(width, height);
    chart.setXAxisTitle(xLabel);
    chart.setYAxisTitle(yLabel);
    XChartStyle.apply(chart.getStyler());
    Double low = yMin;
    Double high = yMax;
    if (logY && (low == null || high == null)) {
      double[] range = logRange();
      low = low == null ? Double.valueOf(range[0]) : low;
      high = high == null ? Double.valueOf(range[1]) : high;
    }
    if (!logY && low == null && high == null && allZero()) {
      low = 0.0; // XChart would centre the 0 line in an empty panel
      high = 1.0;
    }
    chart.getStyler().setYAxisLogarithmic(logY).setYAxisMin(low).setYAxisMax(high);
    double[] shown = valueRange(low, high);
    if (shown != null) { // one formatter for every axis: no "0.001" beside "1E-4"
      chart.getStyler().setYAxisTickLabelsFormattingFunction(logY
          ? Ticks.log(shown[0], shown[1]) : Ticks.linear(shown[0], shown[1], false));
    }
    chart.getStyler().setOverlapped(overlapped);
    chart.getStyler().setPlotGridVerticalLinesVisible(false);
    chart.getStyler().setAvailableSpaceFill(0.8);
    if (everyLabel) {
      chart.getStyler().setXAxisTickMarkSpacingHint(20);
    } else if (maxLabels == 0) {
      labelEveryCategoryThatFits(chart, g, width);
    }
    if (maxLabels > 0) {
      chart.getStyler().setXAxisMaxLabelCount(maxLabels);
    }
    if ((everyLabel || maxLabels > 0) && !namesFitSideBySide(g, width,
        maxLabels > 0 ? Math.min(maxLabels, categories.size()) : categories.size())) {
      chart.getStyler().setXAxisLabelRotation(90); // a narrow panel (the window): names upright
    }
    List<Legend.Entry> legendEntries = new ArrayList<>();
    for (int i = 0; i < bars.size(); i++) {
      Bars b = bars.get(i);
      List<Double> values = new ArrayList<>();
      for (double v : b.values) {
        // NaN: no bar; on a log axis a value ≤ 0 has no place either
        values.add(Double.isNaN(v) || (logY && !(v > 0)) ? null : v);
      }
      CategorySeries s = chart.addSeries(b.name, categories, values);
      s.setFillColor(overlapped ? Theme.withAlpha(Theme.category(i), 0.65) : Theme.category(i));
      s.setLineColor(Theme.category(i));
      if (bars.size() > 1) {
        legendEntries.add(new Legend.Entry(b.name, Legend.Sample.BOX, s.getFillColor()));
      }
    }
    XChartStyle.paint(chart, g, width, height, title, legendEntries);
  }

  /**
   * XChart's bar chart, with its plot's border drawn by {@link PlotBorder}, and its plot area (grid
   * and bars) drawn without anti-aliasing. Everything there is an upright rectangle, which
   * anti-aliasing only blurs by a pixel at its edges, but XChart fills each bar as a general path,
   * which Java2D anti-aliases a sample row at a time: measured, the bars were a third of drawing
   * a bar panel (concurrency's wall times). The axes, titles and legend keep anti-aliasing.
   */
  private static final class BorderedChart extends CategoryChart {
    BorderedChart(int width, int height) {
      super(width, height);
      plot = new Plot_Category<CategoryStyler, CategorySeries>(this) {
        @Override
        public void paint(Graphics2D g) {
          Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
          g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
              RenderingHints.VALUE_ANTIALIAS_OFF);
          try {
            super.paint(g);
          } finally {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
          }
          PlotBorder.draw(g, getBounds());
        }
      };
    }
  }
}
