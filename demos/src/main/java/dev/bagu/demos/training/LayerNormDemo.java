package dev.bagu.demos.training;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.training.NormExperiments.Invariances;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 为什么 transformer 要用 layerNorm: what BatchNorm, LayerNorm and RMSNorm normalise over. */
public final class LayerNormDemo implements Demo {
  private static final String BA = "Ba et al. 2016, Table 1";
  /** Batch sizes (sequences per batch) of the noise and train/eval curves. */
  static final int[] BATCHES = {1, 2, 4, 8, 16, 32, 64, 128};
  static final double[] PADDINGS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};
  /** Random batches per point of the noise curve. */
  static final int DRAWS = 150;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("batch", 8, 1, 128, "sequences per batch for the findings").logScale()
          .zh("结果表里每个批量的序列数"),
      Param.integer("seq", 16, 2, 64, "positions per sequence (tokens)").logScale()
          .zh("每个序列的位置数（词元数）"),
      Param.real("padding", 0.5, 0, 0.8, "average share of padded positions in a batch")
          .zh("批量中填充位置的平均占比"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("layer-norm", "BatchNorm, LayerNorm and RMSNorm: which axis",
        Section.TRAINING, "为什么 transformer 要用 layerNorm",
        "BatchNorm normalises each feature over the batch, LayerNorm each token over its "
            + "features: batch size, padding and train/inference change BatchNorm, not LayerNorm")
        .zh("批量规范化、层规范化与 RMSNorm：沿哪个轴",
            "批量规范化对每个特征在整个批量上归一化，层规范化对每个词元在它的特征上归一化：批量大小、"
                + "填充以及训练和推理的差别都会改变批量规范化，不影响层规范化");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    int batch = p.integer("batch");
    int seq = p.integer("seq");
    double padding = p.real("padding");
    Invariances inv = NormExperiments.invariances(Rng.stream(p.seed(), 1));
    double[] x = new double[BATCHES.length];
    for (int i = 0; i < BATCHES.length; i++) {
      x[i] = BATCHES[i];
    }
    NormCurves curve = NormCurves.of(seq, p.seed());
    double[] noise = curve.noise();
    double[] gap = curve.gap();
    double[][] pad = {curve.padMean(), curve.padStd()};
    // The chosen values: the curve's own point when they are on its grid (same stream), else
    // one more point.
    int bi = NormCurves.batchIndex(batch);
    int pi = NormCurves.paddingIndex(padding);
    double noiseAt = bi >= 0 ? noise[bi] : NormCurves.noise(batch, seq, p.seed());
    double gapAt = bi >= 0 ? gap[bi] : NormCurves.gap(batch, seq, p.seed());
    double[] padAt = pi >= 0 ? new double[] {pad[0][pi], pad[1][pi]}
        : NormCurves.padding(padding, seq, p.seed());

    LayerNormPanels panels = new LayerNormPanels(l);
    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1700, 1150)
        .subtitle(l.f("%d features with their own means and scales · %d positions per sequence "
                + "· batch %d · padding %.0f%% · eps = 0 for the invariances · seed %d",
            "%d 个特征，各有自己的均值和尺度 · 每个序列 %d 个位置 · 批量 %d · 填充 %.0f%% · "
                + "检验不变性时 ε = 0 · 种子 %d", NormExperiments.FEATURES, seq, batch,
            100 * padding, p.seed()))
        .add(panels.axes())
        .add(panels.noise(x, noise, batch, noiseAt))
        .add(panels.padding(PADDINGS, pad, padding, padAt))
        .add(panels.trainEval(x, gap, batch, gapAt));
    Result result = Result.of(figure);
    String ba = l.t(BA, "Ba 等 2016，表 1");
    String invariant = ba + l.t(": invariant", "：不变");
    result.finding(Finding.of("ln_scale_example", l.t(
            "LayerNorm: change when one example is scaled by 3.7",
            "层规范化：把一个样本放大 3.7 倍后输出的变化"), inv.lnExampleScale(), "")
            .withUpperBound(1e-6, invariant))
        .finding(Finding.of("ln_shift_example", l.t(
            "LayerNorm: change when one example is shifted by 5 in every feature",
            "层规范化：把一个样本的每个特征都加 5 后输出的变化"), inv.lnExampleShift(), "")
            .withUpperBound(1e-6, invariant))
        .finding(Finding.of("ln_scale_feature", l.t(
            "LayerNorm: change when each feature is scaled differently (Table 1: not invariant)",
            "层规范化：对整个数据集按特征分别缩放后输出的变化（表 1：不具有不变性）"), inv.lnFeatureScale(), ""))
        .finding(Finding.of("bn_scale_feature", l.t(
            "BatchNorm: change when each feature is scaled differently",
            "批量规范化：按特征分别缩放后输出的变化"), inv.bnFeatureScale(), "")
            .withUpperBound(1e-6, invariant))
        .finding(Finding.of("bn_shift_feature", l.t(
            "BatchNorm: change when each feature is shifted (dataset re-centring)",
            "批量规范化：按特征分别平移（数据集重新中心化）后输出的变化"), inv.bnFeatureShift(), "")
            .withUpperBound(1e-6, invariant))
        .finding(Finding.of("bn_scale_example", l.t(
            "BatchNorm: change when one example is scaled by 3.7 (Table 1: not invariant)",
            "批量规范化：把一个样本放大 3.7 倍后输出的变化（表 1：不具有不变性）"), inv.bnExampleScale(), ""))
        .finding(Finding.of("ln_batch_dependence", l.t(
            "LayerNorm: change of one token's output between two random batches",
            "层规范化：同一词元在两个随机批量中输出的变化"),
            NormExperiments.lnBatchDependence(batch, seq, Rng.stream(p.seed(), 8)), "")
            .withUpperBound(0, l.t("per-token statistics", "逐词元统计")))
        .finding(Finding.of("rms_equals_ln_zero_mean", l.t(
            "|RMSNorm(x − mean) − LayerNorm(x)|, largest", "|RMSNorm(x − 均值) − 层规范化(x)| 的最大值"),
            inv.rmsVsLn(), "").withUpperBound(1e-6, l.t(
                "equal on zero-mean inputs (Zhang & Sennrich 2019)",
                "输入均值为 0 时两者相同（Zhang 与 Sennrich 2019）")))
        .finding(Finding.of("bn_batch_noise", l.f(
            "BatchNorm: std of one token's output over random batches of %d", 
            "批量规范化：批量为 %d 时同一词元输出在随机批量间的标准差", batch), noiseAt, ""))
        .finding(Finding.of("bn_padding_mean_error", l.f(
            "BatchNorm with %.0f%% padding, batch %d: relative error of the feature mean",
            "填充 %.0f%%、批量 %d 时批量规范化特征均值的相对误差", 100 * padding, PAD_BATCH), padAt[0], ""))
        .finding(Finding.of("bn_train_eval_gap", l.f(
            "BatchNorm, batch %d: mean |train-mode − inference-mode output|",
            "批量规范化，批量 %d：训练模式与推理模式输出之差的平均绝对值", batch), gapAt, ""));
    Map<String, Object> curves = new LinkedHashMap<>();
    curves.put("batch", BATCHES);
    curves.put("bn_batch_noise", noise);
    curves.put("bn_train_eval_gap", gap);
    curves.put("padding", PADDINGS);
    curves.put("bn_padding_mean_error", pad[0]);
    curves.put("bn_padding_std_error", pad[1]);
    return result.data("invariances", inv).data("curves", curves);
  }

  /** Batches that update the running statistics before train and inference are compared. */
  static final int GAP_STEPS = 60;

  /** Sequences per batch in the padding experiment. */
  static final int PAD_BATCH = 32;

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new LayerNormDemo(), args);
  }
}
