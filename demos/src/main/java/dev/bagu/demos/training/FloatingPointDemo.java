package dev.bagu.demos.training;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 精度: fp32, fp16, bf16, fp8 and int8, fp16 softmax overflow, loss scaling, fp32 master weights. */
public final class FloatingPointDemo implements Demo {
  private static final String IEEE = "IEEE 754-2008";
  private static final String MICIKEVICIUS = "Micikevicius et al. 2017";
  private static final FloatFormat[] ERROR_FORMATS = {FloatFormat.FP16, FloatFormat.BF16,
      FloatFormat.E4M3};

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("loss-scale", 10, 0, FloatingPointPanels.MAX_LOG2_SCALE,
          "loss scaling: gradients are multiplied by S = 2^loss-scale before they are stored in "
              + "fp16").zh("损失缩放：梯度先乘 S = 2^loss-scale 再存成 fp16"),
      Param.real("grad-log2-mean", -27, -40, 0,
          "mean of log₂|g| of the simulated gradients (Micikevicius et al. Fig. 3: mostly below "
              + "2⁻²⁴)").zh("模拟梯度 log₂|g| 的均值（Micikevicius 等图 3：大多低于 2⁻²⁴）"),
      Param.real("grad-log2-sd", 4, 0.5, 10, "standard deviation of log₂|g|")
          .zh("log₂|g| 的标准差"),
      Param.real("update", 1e-4, 1e-7, 0.1,
          "size u of the repeated weight update w ← w − u, from w = 1").logScale()
          .zh("反复做的权重更新 w ← w − u 的大小 u，从 w = 1 开始"),
      Param.integer("samples", 10_000, 1_000, 200_000, "simulated gradients").logScale()
          .zh("模拟的梯度个数"));

  /** Repeated updates drawn in the last panel. */
  static final int UPDATE_STEPS = 1000;
  /** Logits in the softmax panel: c, c − 1, …, c − 7. */
  static final int LOGITS = 8;

  @Override
  public DemoInfo info() {
    return new DemoInfo("floating-point", "Number formats: fp32, fp16, bf16, fp8, int8",
        Section.TRAINING, "精度",
        "Range and spacing of each format, rounding error, fp16 softmax overflow without "
            + "max-subtraction, loss scaling for small gradients, fp32 master weights")
        .zh("数值格式：fp32、fp16、bf16、fp8、int8",
            "各格式的表示范围和间隔、舍入误差、不减最大值时 fp16 softmax 的溢出、小梯度的损失缩放、"
                + "fp32 主权重");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's simulated gradients at most, and its points in the rounding-error scatter. */
  static final int PREVIEW_SAMPLES = 2_000;
  static final int PREVIEW_ERROR_POINTS = 100;

  /**
   * Less work while a slider moves in the window: at most 2,000 simulated gradients (the subtitle
   * says how many) and 100 magnitudes in the rounding-error scatter instead of 250.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    int k = p.integer("loss-scale");
    double mean = p.real("grad-log2-mean");
    double sd = p.real("grad-log2-sd");
    double u = p.real("update");
    // A preview (a slider being dragged in the window): fewer gradients, fewer scatter points.
    int samples = p.preview() ? Math.min(PREVIEW_SAMPLES, p.integer("samples"))
        : p.integer("samples");
    double[] grads = MixedPrecision.gradients(samples, mean, sd, Rng.stream(p.seed(), 1));
    FloatingPointPanels panels = new FloatingPointPanels(l);
    FloatingPointPanels.LossScaling scaling = panels.lossScaling(grads, mean, sd, k);
    double[][] updates = new double[3][];
    FloatFormat[] updateFormats = {FloatFormat.FP32, FloatFormat.FP16, FloatFormat.BF16};
    for (int i = 0; i < 3; i++) {
      updates[i] = MixedPrecision.repeatedUpdate(updateFormats[i], 1, u, UPDATE_STEPS);
    }
    double threshold = MixedPrecision.expOverflowThreshold();

    Figure figure = Figure.grid(info().title(l), 2, 3).preferredSize(2100, 1150)
        .subtitle(l.f("gradients: log₂|g| ~ N(%s, %s²), %,d samples · loss scale S = 2^%d · "
                + "update u = %s · seed %d",
            "梯度：log₂|g| ~ N(%s, %s²)，%,d 个样本 · 损失缩放 S = 2^%d · 更新 u = %s · 种子 %d",
            mean, sd, grads.length, k, dev.bagu.plot.Numbers.readable(u), p.seed()))
        .add(panels.ranges())
        .add(panels.valuesNearOne())
        .add(panels.relativeError(ERROR_FORMATS, Rng.stream(p.seed(), 2), p.preview()
            ? PREVIEW_ERROR_POINTS : FloatingPointPanels.ERROR_POINTS))
        .add(panels.softmax(threshold))
        .add(scaling.panel())
        .add(panels.updates(updates, updateFormats, u));
    Result result = Result.of(figure);
    addFormatFindings(result, l);
    String mic = l.t(MICIKEVICIUS, "Micikevicius 等 2017");
    result.finding(Finding.of("fp16_exp_overflow", l.t("fp16 exp(z) overflows from z =",
            "fp16 的 exp(z) 从 z = 此值起溢出"), threshold, "")
        .withReference(Math.log(65520), "ln 65520", 1e-9));
    double[] atTwelve = MixedPrecision.softmaxMax(12, LOGITS);
    result.finding(Finding.of("softmax_naive_nan", l.t(
            "fp16 softmax without max-subtraction, top logit 12: NaN (1 = yes)",
            "不减最大值的 fp16 softmax，最大输入为 12：是否 NaN（1 = 是）"),
            Double.isNaN(atTwelve[1]) ? 1 : 0, "").withReference(1, "exp(12) > 65504", 0));
    result.finding(Finding.of("softmax_stable_error", l.t(
            "fp16 softmax with max-subtraction, top logit 12: |error| of the top weight",
            "减去最大值的 fp16 softmax，最大输入为 12：最大权重的误差"),
            Math.abs(atTwelve[2] - atTwelve[0]), "")
        .withUpperBound(4 * LOGITS * FloatFormat.FP16.epsilon(), l.t(
            "a few fp16 roundings (≤ 4·n·2⁻¹⁰)", "几次 fp16 舍入（≤ 4·n·2⁻¹⁰）")));
    result.finding(Finding.of("underflow_unscaled", l.t(
            "gradients lost to 0 in fp16, S = 1", "S = 1 时在 fp16 中变成 0 的梯度"),
            scaling.unscaled().underflow(), "")
        .withReference(MixedPrecision.underflowTheory(mean, sd, 0),
            l.t("Φ((−25 − mean)/sd)", "Φ((−25 − 均值)/标准差)"), tolerance(grads.length)));
    result.finding(Finding.of("underflow_scaled", l.f(
            "gradients lost to 0 in fp16, S = 2^%d", "S = 2^%d 时在 fp16 中变成 0 的梯度", k),
            scaling.scaled().underflow(), "")
        .withReference(MixedPrecision.underflowTheory(mean, sd, k),
            l.t("Φ((−25 − k − mean)/sd)", "Φ((−25 − k − 均值)/标准差)"), tolerance(grads.length)));
    result.finding(Finding.of("overflow_scaled", l.f(
            "gradients overflowing to ±∞ in fp16, S = 2^%d", "S = 2^%d 时在 fp16 中溢出为 ±∞ 的梯度",
            k), scaling.scaled().overflow(), ""));
    Finding fp16Weight = Finding.of("fp16_weight_after_updates", l.f(
            "fp16 weight after %d updates w ← w − u from 1", "从 1 开始做 %d 次 w ← w − u 后的 fp16 权重",
            UPDATE_STEPS), updates[1][UPDATE_STEPS], "");
    if (FloatFormat.FP16.round(u) <= STUCK_BELOW_ONE) { // w − u rounds back to 1 every time
      fp16Weight = fp16Weight.withReference(1, mic + l.t(
          " §3.1: an update under half the spacing (2⁻¹² below 1) is lost",
          " §3.1：小于半个间隔（1 以下为 2⁻¹²）的更新会丢失"), 0);
    }
    result.finding(fp16Weight);
    result.finding(Finding.of("fp32_weight_after_updates", l.f(
            "fp32 weight after %d updates w ← w − u from 1", "从 1 开始做 %d 次 w ← w − u 后的 fp32 权重",
            UPDATE_STEPS), updates[0][UPDATE_STEPS], "")
        .withReference(1 - UPDATE_STEPS * u, "1 − n·u", 1e-3 * Math.max(1, UPDATE_STEPS * u)));
    return result.data("formats", formatData()).data("loss_scaling", scaling.data())
        .data("weight_updates", dev.bagu.io.Json.object("fp32", updates[0], "fp16", updates[1],
            "bf16", updates[2]));
  }

  /** Three standard errors of a share estimated from n samples, at worst (p = 1/2). */
  private static double tolerance(int n) {
    return 3 * 0.5 / Math.sqrt(n);
  }

  /** Half the fp16 spacing just below 1 (2⁻¹¹): w = 1 minus less than this rounds back to 1. */
  static final double STUCK_BELOW_ONE = Math.scalb(1.0, -12);

  private static void addFormatFindings(Result result, Lang l) {
    FloatFormat h = FloatFormat.FP16;
    FloatFormat b = FloatFormat.BF16;
    String ieee = l.t(IEEE, "IEEE 754-2008");
    result.finding(exact("fp16_max", l.t("fp16 largest finite value", "fp16 最大有限值"), h.max(),
        65504, ieee + " (2 − 2⁻¹⁰)·2¹⁵"));
    result.finding(exact("fp16_min_normal", l.t("fp16 smallest normal", "fp16 最小正规数"),
        h.minNormal(), Math.scalb(1.0, -14), "2⁻¹⁴"));
    result.finding(exact("fp16_min_subnormal", l.t("fp16 smallest subnormal", "fp16 最小次正规数"),
        h.minSubnormal(), Math.scalb(1.0, -24), "2⁻²⁴"));
    result.finding(exact("fp16_eps", l.t("fp16 machine epsilon", "fp16 机器精度"), h.epsilon(),
        Math.scalb(1.0, -10), "2⁻¹⁰"));
    result.finding(exact("bf16_max", l.t("bf16 largest finite value", "bf16 最大有限值"), b.max(),
        (2 - Math.scalb(1.0, -7)) * Math.scalb(1.0, 127), "(2 − 2⁻⁷)·2¹²⁷ ≈ 3.3895e38"));
    result.finding(exact("bf16_min_normal", l.t("bf16 smallest normal", "bf16 最小正规数"),
        b.minNormal(), Math.scalb(1.0, -126), "2⁻¹²⁶"));
    result.finding(exact("bf16_eps", l.t("bf16 machine epsilon", "bf16 机器精度"), b.epsilon(),
        Math.scalb(1.0, -7), "2⁻⁷"));
    result.finding(exact("fp32_eps", l.t("fp32 machine epsilon", "fp32 机器精度"),
        FloatFormat.FP32.epsilon(), Math.scalb(1.0, -23), "2⁻²³"));
    result.finding(exact("fp16_round_65519", l.t("65519 rounded to fp16", "65519 舍入到 fp16"),
        h.round(65519), 65504, l.t("nearest: 65519 < 65520 = 65504 + 16",
            "最近值：65519 < 65520 = 65504 + 16")));
    result.finding(exact("fp16_65520_is_infinite", l.t("65520 rounded to fp16 is +∞ (1 = yes)",
            "65520 舍入到 fp16 为 +∞（1 = 是）"), h.round(65520) == Double.POSITIVE_INFINITY ? 1 : 0,
        1, l.t("tie at 65504 + 16, to even: up, out of range", "恰在 65504 + 16 中间，取偶：向上，超出范围")));
    result.finding(exact("e4m3_max", l.t("fp8 E4M3 largest value", "fp8 E4M3 最大值"),
        FloatFormat.E4M3.max(), 448, "OCP FP8 (E4M3FN)"));
    result.finding(exact("e5m2_max", l.t("fp8 E5M2 largest finite value", "fp8 E5M2 最大有限值"),
        FloatFormat.E5M2.max(), 57344, "OCP FP8"));
  }

  private static Finding exact(String key, String label, double value, double reference,
      String source) {
    return Finding.of(key, label, value, "").withReference(reference, source, 0);
  }

  private static List<Map<String, Object>> formatData() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FloatFormat f : new FloatFormat[] {FloatFormat.FP32, FloatFormat.FP16, FloatFormat.BF16,
        FloatFormat.E5M2, FloatFormat.E4M3}) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", f.name());
      m.put("exponent_bits", f.exponentBits());
      m.put("mantissa_bits", f.mantissaBits());
      m.put("max", f.max());
      m.put("min_normal", f.minNormal());
      m.put("min_subnormal", f.minSubnormal());
      m.put("eps", f.epsilon());
      out.add(m);
    }
    return out;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new FloatingPointDemo(), args);
  }
}
