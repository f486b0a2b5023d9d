package dev.bagu.plot;

import java.awt.Graphics2D;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Applies the {@link Theme} to an XChart styler, so XChart-drawn panels match hand-drawn ones. */
final class XChartStyle {
  private XChartStyle() {}

  /**
   * What XChart does not do for a small panel: a title wider than the panel is shortened with an
   * ellipsis instead of clipped at both ends, and a legend row wider than the panel is stacked
   * into a column under the plot instead of running off the edges.
   */
  /** Roughly what the y axis (title and tick labels) takes from the left of a panel. */
  private static final int Y_AXIS_ALLOWANCE = 70;

  static void fitToWidth(Chart<? extends AxesChartStyler, ?> chart, Graphics2D g, int width,
      List<String> legendEntries) {
    g.setFont(Theme.panelTitle());
    // XChart centres the title over the plot area, right of the y axis: leave room for the axis.
    chart.setTitle(Text.fit(g, chart.getTitle(), width - 2 * Y_AXIS_ALLOWANCE));
    AxesChartStyler s = chart.getStyler();
    if (legendRowWidth(g, s, legendEntries) <= width - 12) {
      return;
    }
    // First a tighter row: smaller gaps and font. Only if that still overflows, a column.
    s.setLegendPadding(8);
    s.setLegendSeriesLineLength(20);
    s.setLegendFont(Theme.tickLabel());
    if (legendRowWidth(g, s, legendEntries) > width - 12) {
      s.setLegendLayout(Styler.LegendLayout.Vertical);
    }
  }

  private static double legendRowWidth(Graphics2D g, AxesChartStyler s, List<String> entries) {
    g.setFont(s.getLegendFont());
    double row = s.getLegendPadding();
    for (String e : entries) {
      row += Text.width(g, e) + s.getLegendSeriesLineLength() + 3 * s.getLegendPadding();
    }
    return row;
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
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(Theme.AXIS);
    s.setPlotGridLinesColor(Theme.GRID);
    s.setPlotGridLinesVisible(true);
    s.setAxisTitleFont(Theme.axisTitle());
    s.setAxisTickLabelsFont(Theme.tickLabel());
    s.setAxisTickLabelsColor(Theme.TEXT);
    s.setAxisTickMarksColor(Theme.AXIS);
    s.setAxisTitlePadding(12);
    s.setPlotMargin(4);
    s.setXAxisTickMarkSpacingHint(110); // fewer, wider-spaced x ticks: labels never crowd
    s.setYAxisTickMarkSpacingHint(60);
    // Below the plot, in a row: a legend there never covers data.
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendFont(Theme.legend());
    s.setLegendBorderColor(Theme.BACKGROUND);
    s.setLegendBackgroundColor(Theme.BACKGROUND);
    s.setLegendPadding(14); // XChart also uses it as the gap between entries
    s.setLegendSeriesLineLength(28);
    s.setMarkerSize(Theme.MARKER_SIZE);
    s.setAntiAlias(true);
  }
}
