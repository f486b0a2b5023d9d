package dev.bagu.demos.training;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.Theme;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.util.List;

/**
 * Small multiples of activation histograms: one row per init, one column per shown layer, each
 * cell the distribution of that layer's outputs with its standard deviation written in it. Drawn
 * by hand because no chart library lays out 7 × 10 tiny histograms readably.
 */
final class ActivationGrid {
  private ActivationGrid() {}

  private static final int BINS = 24;
  /** At most this many layers get a column; deeper nets show evenly spaced layers. */
  static final int MAX_COLUMNS = 10;

  /** Indices of the layers shown: all when few, else MAX_COLUMNS evenly spaced incl. first and last. */
  static int[] shownLayers(int depth) {
    int n = Math.min(depth, MAX_COLUMNS);
    int[] at = new int[n];
    for (int k = 0; k < n; k++) {
      at[k] = n == 1 ? 0 : (int) Math.round((double) k * (depth - 1) / (n - 1));
    }
    return at;
  }

  /**
   * @param symmetric true for tanh (x from −1 to 1); false for ReLU, whose rows each run from 0
   *     to 3σ of that cell (the scales differ by many decades; the std panel compares them)
   */
  static DrawingPanel of(String title, List<String> names, List<DeepStats> stats,
      boolean symmetric, Lang l) {
    return DrawingPanel.titled(title, (g, area) -> draw(g, area, names, stats, symmetric, l));
  }

  private static void draw(Graphics2D g, Rectangle area, List<String> names,
      List<DeepStats> stats, boolean symmetric, Lang l) {
    int depth = stats.get(0).std().length;
    int[] layers = shownLayers(depth);
    FontMetrics fm = g.getFontMetrics(Theme.tickLabel());
    int labelW = names.stream().mapToInt(fm::stringWidth).max().orElse(0) + 12;
    int headerH = fm.getHeight() + 4;
    int footerH = fm.getHeight() + 6;
    double cellW = (area.width - labelW) / (double) layers.length;
    double cellH = (area.height - headerH - footerH) / (double) names.size();
    g.setFont(Theme.tickLabel());
    g.setColor(Theme.TEXT);
    for (int k = 0; k < layers.length; k++) {
      String s = k == 0 ? l.f("layer %d", "第 %d 层", layers[k] + 1)
          : Integer.toString(layers[k] + 1);
      int x = area.x + labelW + (int) ((k + 0.5) * cellW) - fm.stringWidth(s) / 2;
      g.drawString(s, x, area.y + fm.getAscent());
    }
    String axis = symmetric
        ? l.t("x: activation from −1 to 1 in every cell", "x：每格的激活值都从 −1 到 1")
        : l.t("x: outputs > 0, from 0 to 3σ of each cell · black bar: share of zeros (full = 100%)",
            "x：大于 0 的输出，从 0 到该格的 3σ · 黑条：恰为 0 的比例（满格 = 100%）");
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(axis, area.x + labelW, area.y + area.height - fm.getDescent() - 2);
    java.awt.Font small = Theme.tickLabel().deriveFont(12f);
    for (int r = 0; r < names.size(); r++) {
      DeepStats s = stats.get(r);
      Color colour = Theme.category(r);
      int top = area.y + headerH + (int) (r * cellH);
      g.setFont(Theme.tickLabel());
      g.setColor(colour.darker());
      g.drawString(names.get(r), area.x, top + (int) (cellH / 2) + fm.getAscent() / 2 - 2);
      double lo = symmetric ? -1 : 0;
      for (int k = 0; k < layers.length; k++) {
        int layer = layers[k];
        int left = area.x + labelW + (int) (k * cellW);
        Rectangle cell = new Rectangle(left + 2, top + 2, (int) cellW - 4, (int) cellH - 4);
        g.setColor(new Color(0xF6, 0xF6, 0xF6));
        g.fill(cell);
        double hi = symmetric ? 1 : Math.max(1e-300, 3 * s.std()[layer]); // ReLU: the cell's own scale
        // ReLU: the exact zeros (about half) would be one spike dwarfing the rest; they get their
        // own bar at the left, the histogram shows the active outputs' shape.
        double zeros = symmetric ? 0 : zeroShare(s.activations()[layer]);
        double[] h = histogram(s.activations()[layer], lo, hi, BINS, !symmetric);
        Polygon p = new Polygon();
        p.addPoint(cell.x, cell.y + cell.height);
        for (int b = 0; b < BINS; b++) {
          int x0 = cell.x + (int) (b * cell.width / (double) BINS);
          int x1 = cell.x + (int) ((b + 1) * cell.width / (double) BINS);
          int y = cell.y + cell.height - (int) Math.round(h[b] * (cell.height - 14));
          p.addPoint(x0, y);
          p.addPoint(x1, y);
        }
        p.addPoint(cell.x + cell.width, cell.y + cell.height);
        g.setColor(Theme.withAlpha(colour, 0.75));
        g.fill(p);
        if (!symmetric) {
          int barH = (int) Math.round(zeros * cell.height);
          g.setColor(Theme.TEXT);
          g.fillRect(cell.x, cell.y + cell.height - barH, 3, barH);
        }
        g.setFont(small);
        g.setColor(Theme.TEXT);
        String txt = "σ " + shortNumber(s.std()[layer]);
        if (g.getFontMetrics().stringWidth(txt) > cell.width - 4) { // a narrow cell (the window)
          txt = "σ " + oneDigit(s.std()[layer]);
        }
        if (g.getFontMetrics().stringWidth(txt) > cell.width - 4) { // narrower still: no "σ"
          txt = oneDigit(s.std()[layer]);
        }
        g.drawString(txt, cell.x + 3, cell.y + 12);
      }
    }
  }

  /**
   * Bin shares normalised so the tallest bin is 1; values outside [lo, hi] go to the end bins.
   * With {@code positiveOnly}, values ≤ 0 are left out (ReLU's inactive units).
   */
  static double[] histogram(double[] v, double lo, double hi, int bins, boolean positiveOnly) {
    double[] h = new double[bins];
    for (double x : v) {
      if (positiveOnly && !(x > 0)) {
        continue;
      }
      int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
      h[Math.max(0, Math.min(bins - 1, b))]++;
    }
    double max = maxOf(h);
    for (int b = 0; b < bins; b++) {
      h[b] = max > 0 ? h[b] / max : 0;
    }
    return h;
  }

  /** Share of values that are exactly 0 (or less): ReLU's inactive outputs. */
  static double zeroShare(double[] v) {
    int zeros = 0;
    for (double x : v) {
      if (!(x > 0)) {
        zeros++;
      }
    }
    return v.length == 0 ? 0 : zeros / (double) v.length;
  }

  /** Two significant digits, short enough for a small cell: "0.62", "1e-07", "3.2e+08". */
  static String shortNumber(double x) {
    if (x == 0) {
      return "0";
    }
    return x >= 0.01 && x < 100 ? Numbers.fixed(x, 2)
        : String.format(java.util.Locale.US, "%.1e", x).replace(".0e", "e");
  }

  /** x to one significant digit, the exponent without sign padding: "6e-4", "0.5", "30". */
  static String oneDigit(double x) {
    if (x == 0) {
      return "0";
    }
    if (x >= 0.01 && x < 100) {
      return Numbers.readable(Double.parseDouble(String.format(java.util.Locale.US, "%.0e", x)));
    }
    String e = String.format(java.util.Locale.US, "%.0e", x); // "6e-04", "3e+05"
    return e.replace("e+0", "e").replace("e+", "e").replace("e-0", "e-");
  }

  private static double maxOf(double[] a) {
    double m = 0;
    for (double x : a) {
      m = Math.max(m, x);
    }
    return m;
  }
}
