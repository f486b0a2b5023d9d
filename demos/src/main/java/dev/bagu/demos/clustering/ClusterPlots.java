package dev.bagu.demos.clustering;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.Arrays;

/** The scatter of points coloured by cluster that every clustering demo draws. */
final class ClusterPlots {
  private ClusterPlots() {}

  /** Scatter panels draw at most about this many points (every s-th point beyond it). */
  static final int MAX_DRAWN = 4000;

  static final Color NOISE = Color.BLACK;

  /** Cluster colours: the theme's categories without black, which means noise. */
  private static final Color[] PALETTE = java.util.stream.IntStream
      .range(0, Theme.categoryCount()).mapToObj(Theme::category)
      .filter(c -> !c.equals(NOISE)).toArray(Color[]::new);

  static final int COLOURS = PALETTE.length;

  static Color colour(int cluster) {
    return cluster < 0 ? NOISE : PALETTE[cluster % COLOURS];
  }

  /** Every s-th point is drawn, s = ⌈n / MAX_DRAWN⌉. */
  static int stride(int n) {
    return Math.max(1, (n + MAX_DRAWN - 1) / MAX_DRAWN);
  }

  /**
   * Adds the points of {@code x} selected by {@code keep} (null: all) to {@code plot}, one series
   * per cluster colour (clusters c and c + COLOURS share one), none of them in the legend: colours only
   * tell clusters apart. Noise (−1) goes in black as "noise", in the legend.
   *
   * @param prefix keeps series names unique when a plot holds two such layers
   * @param small half-size markers (for a second tier, or points under centre trails)
   */
  static XyPlot addClusters(XyPlot plot, String prefix, double[][] x, int[] labels,
      boolean[] keep, boolean small, Lang l) {
    int s = stride(x.length);
    for (int colour = -1; colour < COLOURS; colour++) {
      double[] px = new double[x.length];
      double[] py = new double[x.length];
      int m = 0;
      for (int i = 0; i < x.length; i += s) {
        int c = labels[i];
        boolean inColour = colour < 0 ? c < 0 : c >= 0 && c % COLOURS == colour;
        if (inColour && (keep == null || keep[i])) {
          px[m] = x[i][0];
          py[m++] = x[i][1];
        }
      }
      if (m == 0) {
        continue;
      }
      String name = prefix + (colour < 0 ? l.t("noise", "噪声") : l.t("colour ", "颜色 ") + colour);
      double[] cx = Arrays.copyOf(px, m);
      double[] cy = Arrays.copyOf(py, m);
      if (small) {
        plot.smallPoints(name, cx, cy);
      } else {
        plot.points(name, cx, cy);
      }
      plot.colour(colour(colour));
      if (colour >= 0) {
        plot.notInLegend();
      }
    }
    return plot;
  }

  /** "500 points" or "100,000 points (1 in 25 drawn)". */
  static String drawnNote(int n, Lang l) {
    int s = stride(n);
    return l.f("%,d point", "%,d 个点", n) + l.t(n == 1 ? "" : "s", "")
        + (s == 1 ? "" : l.f(" (1 in %d drawn)", "（每 %d 个画 1 个）", s));
  }
}
