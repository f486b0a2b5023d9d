package dev.bagu.demos.models;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;

/** The panels of {@link ClipContrastiveDemo}, one method per panel. */
final class ClipPanels {
  private ClipPanels() {}

  /** Panels 1–2: image i (row) against text j (column); the true pairs are the diagonal. */
  static HeatmapPlot similarityPanel(double[][] cos, String title, Lang l) {
    List<String> labels = new ArrayList<>();
    for (int i = 1; i <= cos.length; i++) {
      labels.add(Integer.toString(i));
    }
    return HeatmapPlot.titled(title).matrix(cos).rowLabels(labels).columnLabels(labels)
        .axes(l.t("text j", "文本 j"), l.t("image i", "图像 i"))
        .colourBarLabel(l.t("cosine similarity", "余弦相似度")).diverging().range(-1, 1);
  }

  /** Panel 3: the training batch's loss per step (a fresh batch each step), log y. */
  static XyPlot lossPanel(ClipTraining.History h, int batch, Lang l) {
    double[] x = steps(h.loss().length);
    double lnN = Math.log(batch);
    return XyPlot.titled(l.t("Symmetric InfoNCE loss during training", "训练中的对称 InfoNCE 损失"))
        .axes(l.t("training step", "训练步"), l.t("loss (nats)", "损失（奈特）")).logY()
        .curve(l.t("training batch", "训练批次"), x, h.loss())
        .dashed(l.f("ln N = %.2f: identical embeddings", "ln N = %.2f：嵌入全相同", lnN),
            new double[] {1, x.length}, new double[] {lnN, lnN});
  }

  /** Panel 4: the fixed batch's loss if the logits were scaled by 1/τ, for each τ. */
  static XyPlot temperaturePanel(double[] taus, double[] before, double[] after,
      int batch, double initialTau, double learnedTau, Lang l) {
    double lnN = Math.log(batch);
    String untrained = l.t("untrained", "训练前");
    String trained = l.t("trained", "训练后");
    return XyPlot.titled(l.t("Loss of one fixed batch against τ", "固定批次的损失与温度 τ"))
        .axes(l.t("temperature τ (logits = cos / τ)", "温度 τ（logits = cos / τ）"),
            l.t("loss (nats)", "损失（奈特）")).logX().logY()
        .curve(untrained, taus, before)
        .curve(trained, taus, after)
        .dashed("ln N", new double[] {taus[0], taus[taus.length - 1]}, new double[] {lnN, lnN})
        .highlight(l.f("τ₀ = %s (start)", "τ₀ = %s（初始）", Numbers.readable(initialTau)),
            new double[] {initialTau}, new double[] {interpolate(taus, before, initialTau)})
        .sameColourAs(untrained)
        .highlight(l.f("learned τ = %.4f", "学到的 τ = %.4f", learnedTau),
            new double[] {learnedTau}, new double[] {interpolate(taus, after, learnedTau)})
        .sameColourAs(trained);
  }

  /** Linear interpolation in log τ on the grid (the marker sits on the drawn curve). */
  static double interpolate(double[] taus, double[] values, double tau) {
    if (tau <= taus[0]) {
      return values[0];
    }
    for (int i = 1; i < taus.length; i++) {
      if (tau <= taus[i]) {
        double f = Math.log(tau / taus[i - 1]) / Math.log(taus[i] / taus[i - 1]);
        return values[i - 1] + f * (values[i] - values[i - 1]);
      }
    }
    return values[values.length - 1];
  }

  /** Panel 5: held-out classes classified by the nearest caption. */
  static BarPlot zeroShotPanel(double before, double after, int classes, Lang l) {
    return BarPlot.titled(l.f("Zero-shot accuracy on %d unseen classes", "%d 个没见过的类别上的零样本准确率",
            classes))
        .axes(l.t("image → nearest caption", "图像 → 最近的文本"), l.t("accuracy", "准确率"))
        .categories(List.of(l.t("untrained", "训练前"), l.t("trained", "训练后"),
            l.t("chance 1/classes", "随机猜")))
        .bars(l.t("accuracy", "准确率"), new double[] {before, after, 1.0 / classes})
        .yRange(0, 1);
  }

  /** Panel 6: the learnable logit scale exp(t) = 1/τ over training. */
  static XyPlot scalePanel(ClipTraining.History h, double initialScale, Lang l) {
    double[] x = steps(h.logitScale().length);
    double[] ends = {1, x.length};
    return XyPlot.titled(l.t("Learned logit scale 1/τ", "学到的 logit 缩放 1/τ"))
        .axes(l.t("training step", "训练步"), "1/τ")
        .curve(l.t("logit scale", "logit 缩放"), x, h.logitScale())
        .dashed(l.f("start 1/τ₀ = %.2f", "初始 1/τ₀ = %.2f", initialScale), ends,
            new double[] {initialScale, initialScale})
        .dashed(l.t("CLIP's clip at 100", "CLIP 的上限 100"), ends, new double[] {100, 100})
        .colour(new java.awt.Color(0x99, 0x99, 0x99))
        .yRange(0, 105);
  }

  static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }
}
