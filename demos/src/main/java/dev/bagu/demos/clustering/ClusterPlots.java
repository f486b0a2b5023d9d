package dev.bagu.demos.clustering;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.Arrays;

/** The scatter of points coloured by cluster that every clustering demo draws. */
final class ClusterPlots {
  private ClusterPlots() {}

  /** Scatter panels draw every point up to this many (thinned by cell beyond it). */
  static final int MAX_DRAWN = 4000;

  static final Color NOISE = Color.BLACK;

  /** Cluster colours: the theme's categories without black, which means noise. */
  private static final Color[] PALETTE = java.util.stream.IntStream
      .range(0, Theme.categoryCount()).mapToObj(Theme::category)
      .filter(c -> !c.equals(NOISE)).toArray(Color[]::new);

  static final int COLOURS = PALETTE.length;

  /** Colour × marker shape combinations before two clusters look alike. */
  static final int STYLES = COLOURS * XyPlot.SHAPES;

  static Color colour(int cluster) {
    return cluster < 0 ? NOISE : PALETTE[cluster % COLOURS];
  }

  /**
   * Past MAX_DRAWN points, a scatter keeps one dot per style (colour and shape) in each cell of a CELLS × CELLS grid
   * over the points' box (the first point of the input that falls there): what the eye can tell
   * apart at panel size, every isolated point (noise) still drawn, dense regions no darker.
   */
  static final int CELLS = 125;

  /**
   * Adds the points of {@code x} selected by {@code keep} (null: all) to {@code plot}, one series
   * per cluster colour (clusters c and c + COLOURS share one), none of them in the legend:
   * colours only tell clusters apart. Noise (−1) goes in black as "noise", in the legend.
   *
   * @param prefix keeps series names unique when a plot holds two such layers
   * @param small half-size markers (for a second tier, or points under centre trails)
   */
  static XyPlot addClusters(XyPlot plot, String prefix, double[][] x, int[] labels,
      boolean[] keep, boolean small, Lang l) {
    int n = x.length;
    boolean thin = n > MAX_DRAWN;
    double[] box = PointGrid.box(x);
    double wx = Math.max(box[1] - box[0], 1e-300) / CELLS;
    double wy = Math.max(box[3] - box[2], 1e-300) / CELLS;
    // One pass: each kept point to its style's list (−1 noise → slot 0), first per cell only.
    // Style = colour and, past the palette's colours, marker shape: cluster c has colour
    // c % COLOURS and shape c / COLOURS, so up to COLOURS × SHAPES clusters all look different.
    int styles = 1 + STYLES;
    java.util.BitSet[] taken = new java.util.BitSet[styles];
    double[][] px = new double[styles][];
    double[][] py = new double[styles][];
    int[] count = new int[styles];
    for (int i = 0; i < n; i++) {
      if (keep != null && !keep[i]) {
        continue;
      }
      int slot = labels[i] < 0 ? 0 : 1 + labels[i] % (small ? COLOURS : STYLES);
      if (thin) {
        int cell = (int) ((x[i][0] - box[0]) / wx) * (CELLS + 1) + (int) ((x[i][1] - box[2]) / wy);
        if (taken[slot] == null) {
          taken[slot] = new java.util.BitSet((CELLS + 1) * (CELLS + 1));
        }
        if (taken[slot].get(cell)) {
          continue;
        }
        taken[slot].set(cell);
      }
      if (px[slot] == null) {
        px[slot] = new double[Math.min(n, 64)];
        py[slot] = new double[px[slot].length];
      } else if (count[slot] == px[slot].length) {
        px[slot] = Arrays.copyOf(px[slot], 2 * count[slot]);
        py[slot] = Arrays.copyOf(py[slot], 2 * count[slot]);
      }
      px[slot][count[slot]] = x[i][0];
      py[slot][count[slot]++] = x[i][1];
    }
    for (int style = -1; style < STYLES; style++) {
      int m = count[style + 1];
      if (m == 0) {
        continue;
      }
      String name = prefix + (style < 0 ? l.t("noise", "噪声") : l.t("style ", "样式 ") + style);
      double[] cx = Arrays.copyOf(px[style + 1], m);
      double[] cy = Arrays.copyOf(py[style + 1], m);
      if (small) {
        plot.smallPoints(name, cx, cy);
      } else {
        plot.points(name, cx, cy, Math.max(0, style) / COLOURS);
      }
      plot.colour(colour(style));
      if (style >= 0) {
        plot.notInLegend();
      }
    }
    return plot;
  }

  /** "500 points" or "100,000 points (drawn: 1 dot per colour per 1/250 cell)". */
  static String drawnNote(int n, Lang l) {
    return l.f("%,d point", "%,d 个点", n) + l.t(n == 1 ? "" : "s", "")
        + (n <= MAX_DRAWN ? "" : l.f(" (drawn: 1 dot per colour per 1/%d cell)",
            "（每种颜色每个 1/%d 小格只画 1 个点）", CELLS));
  }
}
