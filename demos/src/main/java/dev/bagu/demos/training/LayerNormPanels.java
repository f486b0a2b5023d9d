package dev.bagu.demos.training;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/** The four panels of {@code layer-norm}. */
final class LayerNormPanels {
  private final Lang l;

  LayerNormPanels(Lang l) {
    this.l = l;
  }

  /** Sequences, their real lengths and the features in the axis picture. */
  private static final int[] LENGTHS = {5, 3, 2};
  private static final int T = 5;
  private static final int D = 6;

  /**
   * Top left: the (batch × sequence) positions as rows, grouped by sequence, the features as
   * columns, for BatchNorm and for LayerNorm/RMSNorm side by side; the cells one statistic is
   * computed over are coloured, pads hatched grey.
   */
  DrawingPanel axes() {
    String bn = l.t("BatchNorm: one feature over the whole batch", "批量规范化：一个特征，整个批量");
    String ln = l.t("LayerNorm, RMSNorm: one token over its features",
        "层规范化、RMSNorm：一个词元，它的所有特征");
    String rows = l.t("rows: tokens of 3 sequences (grey: padding)",
        "行：3 个序列的词元（灰色：填充）");
    String cols = l.t("columns: features", "列：特征");
    return DrawingPanel.titled(l.t("Which cells share one mean and variance",
        "哪些格子共用一组均值和方差"), (g, area) -> {
          FontMetrics fm = g.getFontMetrics();
          int gap = 40;
          double w = (area.width - gap) / 2.0;
          double top = area.y + fm.getHeight() + 6;
          double bottom = area.getMaxY() - 2 * fm.getHeight() - 8;
          for (int side = 0; side < 2; side++) {
            double left = area.x + side * (w + gap);
            g.setColor(Theme.TEXT);
            String title = side == 0 ? bn : ln;
            g.drawString(title, (float) (left + w / 2 - fm.stringWidth(title) / 2.0),
                (float) (area.y + fm.getAscent()));
            grid(g, left + 10, top, w - 20, bottom - top, side == 0);
          }
          g.setColor(Theme.MUTED_TEXT);
          g.drawString(rows, (float) area.x, (float) (bottom + fm.getHeight() + 4));
          g.drawString(cols, (float) area.x, (float) (bottom + 2 * fm.getHeight() + 6));
        });
  }

  private static void grid(Graphics2D g, double x, double y, double w, double h,
      boolean batchNorm) {
    int rows = LENGTHS.length * T;
    double sepH = 8;
    double cell = Math.min(w / D, (h - sepH * (LENGTHS.length - 1)) / rows);
    double gx = x + (w - cell * D) / 2;
    Color on = batchNorm ? Theme.category(0) : Theme.category(3);
    for (int s = 0; s < LENGTHS.length; s++) {
      for (int t = 0; t < T; t++) {
        double cy = y + (s * T + t) * cell + s * sepH;
        boolean pad = t >= LENGTHS[s];
        for (int k = 0; k < D; k++) {
          double cx = gx + k * cell;
          boolean chosen = batchNorm ? k == 2 : (s == 1 && t == 1);
          Color fill = pad ? new Color(0xD6, 0xD6, 0xD6)
              : chosen ? on : new Color(0xF2, 0xF2, 0xF2);
          if (pad && chosen && batchNorm) {
            fill = Theme.withAlpha(on, 0.35); // BatchNorm on a padded tensor counts the pads too
          }
          g.setColor(fill);
          g.fill(new Rectangle2D.Double(cx, cy, cell, cell));
          g.setColor(Color.WHITE);
          g.setStroke(new BasicStroke(1.2f));
          g.draw(new Rectangle2D.Double(cx, cy, cell, cell));
        }
      }
    }
  }

  /** Top right: how much a token's BatchNorm output moves with its batch-mates. */
  XyPlot noise(double[] batches, double[] noise, int chosen, double at) {
    double[] ref = new double[batches.length];
    for (int i = 0; i < ref.length; i++) {
      ref[i] = noise[0] / Math.sqrt(batches[i]);
    }
    return XyPlot.titled(l.t("A token's BatchNorm output depends on its batch",
            "批量规范化下词元的输出依赖于同批的其他样本"))
        .axes(l.t("sequences per batch", "每个批量的序列数"),
            l.t("std over random batches", "随机批量间的标准差")).logX().logY()
        .line(l.t("BatchNorm (LayerNorm: exactly 0)", "批量规范化（层规范化：恰为 0）"), batches,
            noise)
        .dashed(l.t("∝ 1/√batch", "∝ 1/√批量"), batches, ref)
        .highlight(l.t("chosen batch", "所选批量"), new double[] {chosen}, new double[] {at})
        .colour(Color.BLACK);
  }

  /** Bottom left: BatchNorm's statistics on a padded batch, pads counted. */
  XyPlot padding(double[] shares, double[][] err, double chosen, double[] at) {
    double[] pct = new double[shares.length];
    for (int i = 0; i < pct.length; i++) {
      pct[i] = 100 * shares[i];
    }
    return XyPlot.titled(l.t("Padded sequences bias BatchNorm's statistics",
            "填充会让批量规范化的统计量产生偏差"))
        .axes(l.t("padding (% of positions)", "填充（占位置的百分比）"),
            l.t("relative error (LayerNorm: 0)", "相对误差（层规范化：0）"))
        .line(l.t("BatchNorm mean of a feature", "批量规范化：特征的均值"), pct, err[0])
        .line(l.t("BatchNorm std of a feature", "批量规范化：特征的标准差"), pct, err[1])
        .highlight(l.t("chosen padding", "所选填充"), new double[] {100 * chosen, 100 * chosen},
            at).colour(Color.BLACK);
  }

  /** Bottom right: BatchNorm in training mode against inference mode (running statistics). */
  XyPlot trainEval(double[] batches, double[] gap, int chosen, double at) {
    return XyPlot.titled(l.t("BatchNorm: training and inference disagree",
            "批量规范化：训练与推理的输出不一致"))
        .axes(l.t("sequences per batch", "每个批量的序列数"),
            l.t("mean |train − inference output|", "训练与推理输出之差的平均绝对值")).logX().logY()
        .line(l.t("BatchNorm (LayerNorm: exactly 0)", "批量规范化（层规范化：恰为 0）"), batches,
            gap)
        .highlight(l.t("chosen batch", "所选批量"), new double[] {chosen}, new double[] {at})
        .colour(Color.BLACK);
  }
}
