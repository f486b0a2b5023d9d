package dev.bagu.plot;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;

/** Applies the {@link Theme} to an XChart styler, so XChart-drawn panels match hand-drawn ones. */
final class XChartStyle {
  private XChartStyle() {}

  /** Solid, one pixel wide (see {@link GridLineStroke} and Theme.PLOT_GRID). */
  private static final java.awt.BasicStroke GRID_LINE = new GridLineStroke();

  /** Roughly what the y axis (title and tick labels) takes from the left of a panel. */
  private static final int Y_AXIS_ALLOWANCE = 70;

  /**
   * Paints an XChart panel with what XChart does not do for a small panel. A title that fits is
   * XChart's own, centred over the plot; a longer one is drawn here, a little smaller or on two
   * lines, never cut. The legend is always {@link Legend}'s, measured and wrapped under the plot;
   * XChart draws the plot into what is left.
   */
  /**
   * Axis titles longer than their side of the panel (a narrow window, a long explanation in the
   * title) get a smaller font, down to 70% of the theme's, rather than being cut at both ends;
   * beyond that they are cut as before. At export sizes they fit and nothing changes.
   */
  private static void fitAxisTitles(Chart<? extends AxesChartStyler, ?> chart, Graphics2D g,
      int width, int height) {
    if (!(chart instanceof org.knowm.xchart.internal.chartpart.AxesChart<?, ?> axes)) {
      return;
    }
    java.awt.Font font = Theme.axisTitle();
    g.setFont(font);
    // Room for the x title: XChart centres it under the plot area, right of the y axis, so it
    // must fit the plot's width, not the panel's (a title as wide as the panel lost its end).
    double across = width - 2.0 * chart.getStyler().getChartPadding() - Y_AXIS_ALLOWANCE;
    double up = Math.max(height - 60.0, 1); // for the y title, less the x axis below it
    double x = axes.getXAxisTitle() == null ? 0 : Text.width(g, axes.getXAxisTitle());
    double y = axes.getYAxisTitle() == null ? 0 : Text.width(g, axes.getYAxisTitle());
    double scale = Math.min(x > across ? across / x : 1, y > up ? up / y : 1);
    if (scale < 1) {
      chart.getStyler().setAxisTitleFont(font.deriveFont((float) (font.getSize2D()
          * Math.max(0.7, scale))));
    }
  }

  static void paint(Chart<? extends AxesChartStyler, ?> chart, Graphics2D g, int width,
      int height, String title, List<Legend.Entry> legendEntries) {
    paint(chart, g, width, height, title, legendEntries, (w, h) -> { });
  }

  /** What a panel does once the size XChart gets is known (fit an equal aspect, say). */
  interface BeforePaint {
    void sized(int width, int height);
  }

  static void paint(Chart<? extends AxesChartStyler, ?> chart, Graphics2D g, int width,
      int height, String title, List<Legend.Entry> legendEntries, BeforePaint beforePaint) {
    AxesChartStyler s = chart.getStyler();
    s.setLegendVisible(false);
    g.setFont(Theme.panelTitle());
    int top = 0;
    // XChart centres the title over the plot area, right of the y axis: leave room for the axis.
    if (Text.width(g, title) <= width - 2 * Y_AXIS_ALLOWANCE) {
      chart.setTitle(title);
    } else {
      chart.setTitle("");
      s.setChartTitleVisible(false);
      g.setColor(Theme.TEXT);
      top = Text.drawTitle(g, Theme.panelTitle(), title, width / 2.0, s.getChartPadding(),
          width - 2 * s.getChartPadding()) + s.getChartTitlePadding();
    }
    Legend.Layout legend = Legend.layout(g, legendEntries, width);
    int chartHeight = Math.max(1, height - top - legend.height());
    fitAxisTitles(chart, g, width, chartHeight);
    beforePaint.sized(width, chartHeight);
    Graphics2D plot = (Graphics2D) g.create();
    try {
      plot.translate(0, top);
      chart.paint(plot, width, chartHeight);
    } finally {
      plot.dispose();
    }
    Legend.paint(g, legend, height - legend.height());
  }

  static void apply(AxesChartStyler s) {
    s.setLocale(Locale.US); // '.' as decimal separator whatever the machine's locale
    s.setChartBackgroundColor(Theme.BACKGROUND);
    s.setChartFontColor(Theme.TEXT);
    s.setChartTitleFont(Theme.panelTitle());
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(8);
    s.setChartPadding(6);
    s.setPlotBackgroundColor(Theme.BACKGROUND);
    s.setPlotBorderVisible(false); // drawn by PlotBorder, far more cheaply
    s.setPlotGridLinesColor(Theme.PLOT_GRID);
    s.setPlotGridLinesStroke(GRID_LINE);
    s.setPlotGridLinesVisible(true);
    s.setAxisTitleFont(Theme.axisTitle());
    s.setAxisTickLabelsFont(Theme.tickLabel());
    s.setAxisTickLabelsColor(Theme.TEXT);
    s.setAxisTickMarksColor(Theme.AXIS);
    s.setAxisTitlePadding(12);
    s.setPlotMargin(4);
    s.setXAxisTickMarkSpacingHint(110); // fewer, wider-spaced x ticks: labels never crowd
    s.setYAxisTickMarkSpacingHint(60);
    // The legend is drawn under the plot by Legend (see paint), never over the data.
    s.setLegendVisible(false);
    s.setMarkerSize(Theme.MARKER_SIZE);
    s.setAntiAlias(true);
  }
}
