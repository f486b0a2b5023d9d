package dev.bagu.demos.inference;

import static dev.bagu.demos.inference.RoundToNearest.Granularity.GROUPED;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_CHANNEL;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_TENSOR;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 量化（GPTQ）: round-to-nearest at three grids and GPTQ on a layer with correlated inputs. */
public final class QuantizationDemo implements Demo {
  static final String FRANTAR = "Frantar et al. 2022";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("outputs", 32, 8, 128, "output channels (rows of W)").logScale()
          .zh("输出通道数（W 的行数）"),
      Param.integer("inputs", 256, 64, 512, "input channels (columns of W); calibration "
          + "samples = 1.5 × inputs").logScale()
          .zh("输入通道数（W 的列数）；校准样本数 = 1.5 × 输入通道数"),
      Param.integer("group", 128, 16, 512, "input columns sharing one scale in the grouped grid")
          .logScale().zh("分组网格中共用一个缩放因子的输入列数"),
      Param.real("correlation", 0.7, 0, 0.95, "correlation ρ of neighbouring input channels")
          .zh("相邻输入通道的相关系数 ρ"),
      Param.integer("outliers", 4, 0, 16, "input channels made large (LLM.int8() outliers)")
          .zh("放大的输入通道个数（LLM.int8() 所说的离群特征）"),
      Param.real("outlier-scale", 20, 1, 100, "how many times larger the outlier channels are")
          .logScale().zh("离群通道比其余通道大多少倍"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("quantization", "Quantization: round-to-nearest and GPTQ",
        Section.INFERENCE, "量化（GPTQ）",
        "INT8 and INT4 grids per tensor, channel and group; GPTQ moves each column's rounding "
            + "error onto the columns still to come and beats round-to-nearest at the same bits")
        .zh("量化：就近取整与 GPTQ",
            "INT8、INT4 网格按张量、通道和分组划分；GPTQ 把每一列的舍入误差转移到还没量化的列上，"
                + "同样位数下误差低于就近取整");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  private record Calibrated(LlmLikeLayer.Inputs inputs,
      QuantizationSweep.Calibration calibration) {}

  /** The last few settings' inputs and calibration; read-only. */
  private static final Memo<List<Object>, Calibrated> CALIBRATED = new Memo<>(4);

  @Override
  public Result run(Params p) {
    int rows = p.integer("outputs");
    int cols = p.integer("inputs");
    int group = Math.min(p.integer("group"), cols);
    double rho = p.real("correlation");
    int outliers = p.integer("outliers");
    double scale = p.real("outlier-scale");
    Lang l = p.lang();
    // The inputs and their calibration (Gram matrix, inverse-Hessian factor: most of a run) do
    // not depend on the output channels or the group: memoised, so those sliders reuse them.
    Calibrated in = CALIBRATED.get(List.of(cols, rho, outliers, scale, p.seed()), () -> {
      LlmLikeLayer.Inputs inputs = LlmLikeLayer.inputs(cols, cols + cols / 2, rho, outliers,
          scale, Rng.stream(p.seed(), 2));
      return new Calibrated(inputs, QuantizationSweep.Calibration.of(inputs.x()));
    });
    double[][] w = LlmLikeLayer.weights(rows, cols, Rng.stream(p.seed(), 1));
    LlmLikeLayer layer = new LlmLikeLayer(w, in.inputs().x(), in.inputs().outlierChannels());
    QuantizationSweep sweep = new QuantizationSweep(layer, group, in.calibration());
    QuantizationPanels panels = new QuantizationPanels(l, sweep);
    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("W: %d × %d, Student t (ν = 4) · inputs: ρ = %.2f, %d outlier channels × %s "
                + "· %d calibration samples · seed %d",
            "W：%d × %d，t 分布（ν = 4）· 输入：ρ = %.2f，%d 个离群通道 × %s · %d 个校准样本 · 种子 %d",
            rows, cols, rho, outliers, dev.bagu.plot.Numbers.readable(scale), cols + cols / 2,
            p.seed()))
        .add(panels.histogram(layer.weights()))
        .add(panels.roundToNearest())
        .add(panels.gptq())
        .add(panels.tradeOff());

    String rtnLabel = l.t("round-to-nearest", "就近取整");
    String mustBeBelow = l.t("must be below: ", "应低于：");
    Result result = Result.of(figure)
        .finding(Finding.of("error_int8", l.t("INT8 error, round-to-nearest per channel",
                "INT8 误差，按通道就近取整"), sweep.error("rtn", 8, PER_CHANNEL), "")
            .withUpperBound(sweep.error("rtn", 4, PER_CHANNEL),
                mustBeBelow + l.t("INT4's (catalogue)", "INT4 的误差（目录）")))
        .finding(Finding.of("error_int4", l.t("INT4 error, round-to-nearest per channel",
                "INT4 误差，按通道就近取整"), sweep.error("rtn", 4, PER_CHANNEL), ""))
        .finding(Finding.of("error_int4_per_tensor", l.t("INT4 error, round-to-nearest per tensor",
                "INT4 误差，整个张量就近取整"), sweep.error("rtn", 4, PER_TENSOR), ""))
        .finding(Finding.of("error_int4_group", l.f("INT4 error, round-to-nearest per group of %d",
                "INT4 误差，每 %d 个一组就近取整", group), sweep.error("rtn", 4, GROUPED), ""));
    for (int bits : new int[] {4, 3}) {
      for (var g : new RoundToNearest.Granularity[] {PER_CHANNEL, GROUPED}) {
        String grain = g == GROUPED ? l.f("group of %d", "每 %d 个一组", group)
            : l.t("per channel", "按通道");
        result.finding(Finding.of(QuantizationSweep.key("gptq", bits, g),
                l.f("GPTQ INT%d error, %s", "GPTQ INT%d 误差，%s", bits, grain),
                sweep.error("gptq", bits, g), "")
            .withUpperBound(sweep.error("rtn", bits, g),
                mustBeBelow + rtnLabel + l.t(" (" + FRANTAR + ")", "（Frantar 等 2022）")));
      }
    }
    result.finding(Finding.of("gptq_gain_int3_group", l.f(
                "INT3 per group of %d: round-to-nearest error / GPTQ error",
                "INT3 每 %d 个一组：就近取整误差 / GPTQ 误差", group),
            sweep.error("rtn", 3, GROUPED) / sweep.error("gptq", 3, GROUPED), "×"))
        .finding(Finding.of("bits_per_weight_int4_group", l.f(
                "INT4 per group of %d: bits per weight with scale and zero",
                "INT4 每 %d 个一组：含缩放因子和零点的每权重位数", group),
            sweep.get("rtn", 4, GROUPED).bitsPerWeight(), "bit")
            .withReference(4 + 20.0 / group, l.f("4 + (16 + 4)/%d: fp16 scale, 4-bit zero",
                "4 + (16 + 4)/%d：fp16 缩放因子，4 位零点", group), 1e-12))
        .finding(Finding.of("bits_per_weight_int4_channel", l.t(
                "INT4 per channel: bits per weight with scale and zero",
                "INT4 按通道：含缩放因子和零点的每权重位数"),
            sweep.get("rtn", 4, PER_CHANNEL).bitsPerWeight(), "bit"));

    Map<String, Object> entries = new LinkedHashMap<>();
    for (var e : sweep.entries().entrySet()) {
      entries.put(e.getKey(), dev.bagu.io.Json.object("error", e.getValue().error(),
          "bits_per_weight", e.getValue().bitsPerWeight()));
    }
    return result.data("errors", entries)
        .data("outlier_channels", layer.outlierChannels())
        .data("group_size", group);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new QuantizationDemo(), args);
  }
}
