package dev.bagu.demos.models;

import dev.bagu.demos.models.DisentangledAttention.Terms;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.List;

/** The panels of the DeBERTa figure: score maps on one colour scale, δ(i, j), position only. */
final class DebertaPanels {
  /** Beyond this many tokens the cells are too small for written values. */
  private static final int MAX_WRITTEN = 12;

  private final List<String> labels;
  private final double range;
  private final Lang l;

  /** labels: "i word" per token; range: largest |score| of all four maps, for one shared scale. */
  DebertaPanels(List<String> labels, double range, Lang l) {
    this.labels = labels;
    this.range = range > 0 ? range : 1;
    this.l = l;
  }

  /** One (n, n) score map, queries as rows, keys as columns, diverging around 0. */
  HeatmapPlot scores(String title, double[][] map) {
    HeatmapPlot plot = HeatmapPlot.titled(title).matrix(map).diverging().range(-range, range)
        .rowLabels(labels).columnLabels(labels)
        .axes(l.t("key j", "键 j"), l.t("query i", "查询 i"))
        .colourBarLabel(l.t("score", "分数"));
    return map.length <= MAX_WRITTEN / 2 ? plot.cellFormat("%.1f") : plot;
  }

  /** δ(i, j) with its value in each cell; the clipped corners are the two extreme colours. */
  HeatmapPlot deltas(int[][] deltas, int k) {
    int n = deltas.length;
    double[][] values = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        values[i][j] = deltas[i][j];
      }
    }
    HeatmapPlot plot = HeatmapPlot.titled(l.f("Relative distance index δ(i, j) ∈ [0, %d)",
            "相对距离索引 δ(i, j) ∈ [0, %d)", 2 * k))
        .matrix(values).range(0, Math.max(1, 2 * k - 1))
        .rowLabels(labels).columnLabels(labels)
        .axes(l.f("key j (corners: |i − j| ≥ k = %d)", "键 j（两角：|i − j| ≥ k = %d）", k),
            l.t("query i", "查询 i"))
        .colourBarLabel("δ(i, j)");
    return n <= MAX_WRITTEN ? plot.cellFormat("%.0f") : plot;
  }

  /**
   * The same word at every position: each pair's score against i − j. Every point at one
   * distance falls on the same value, and beyond ±k the values stop changing.
   */
  XyPlot positionOnly(Terms terms, int k, String word) {
    int n = terms.c2c().length;
    double[] x = new double[n * n];
    double[] c2p = new double[n * n];
    double[] p2c = new double[n * n];
    double[] sum = new double[n * n];
    double[][] total = terms.sum();
    int at = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        x[at] = i - j;
        c2p[at] = terms.c2p()[i][j];
        p2c[at] = terms.p2c()[i][j];
        sum[at] = total[i][j];
        at++;
      }
    }
    String sumName = l.t("sum (content term constant)", "三项之和（内容项为常数）");
    XyPlot plot = XyPlot.titled(l.f("Only “%s”: score against i − j",
            "全是“%s”：分数随 i − j 的变化", word))
        .axes(l.t("i − j (query minus key position)", "i − j（查询位置减键位置）"),
            l.t("score", "分数"))
        .points(l.t("content → position", "内容→位置"), x, c2p).colour(Theme.category(1))
        .points(l.t("position → content", "位置→内容"), x, p2c).colour(Theme.category(2))
        .points(sumName, x, sum).colour(Theme.category(0));
    // Grey lines at ±k, where clipping starts; none when every distance fits (k ≥ n).
    return k < n ? plot.verticalLine(-k).verticalLine(k) : plot;
  }
}
