package dev.bagu.plot;

import java.util.Locale;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Applies the {@link Theme} to an XChart styler, so XChart-drawn panels match hand-drawn ones. */
final class XChartStyle {
  private XChartStyle() {}

  static void apply(AxesChartStyler s) {
    s.setLocale(Locale.US); // '.' as decimal separator whatever the machine's locale
    s.setChartBackgroundColor(Theme.BACKGROUND);
    s.setChartFontColor(Theme.TEXT);
    s.setChartTitleFont(Theme.PANEL_TITLE);
    s.setChartTitleBoxVisible(false);
    s.setChartTitlePadding(8);
    s.setChartPadding(6);
    s.setPlotBackgroundColor(Theme.BACKGROUND);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(Theme.AXIS);
    s.setPlotGridLinesColor(Theme.GRID);
    s.setPlotGridLinesVisible(true);
    s.setAxisTitleFont(Theme.AXIS_TITLE);
    s.setAxisTickLabelsFont(Theme.TICK_LABEL);
    s.setAxisTickLabelsColor(Theme.TEXT);
    s.setAxisTickMarksColor(Theme.AXIS);
    s.setAxisTitlePadding(6);
    s.setPlotMargin(4);
    // Below the plot, in a row: a legend there never covers data.
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendFont(Theme.LEGEND);
    s.setLegendBorderColor(Theme.BACKGROUND);
    s.setLegendBackgroundColor(Theme.BACKGROUND);
    s.setLegendPadding(14); // XChart also uses it as the gap between entries
    s.setLegendSeriesLineLength(28);
    s.setMarkerSize(Theme.MARKER_SIZE);
    s.setAntiAlias(true);
  }
}
