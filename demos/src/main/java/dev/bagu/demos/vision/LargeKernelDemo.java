package dev.bagu.demos.vision;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 大 kernel 的优势: the effective receptive field of stacked 3×3 convolutions and of one large kernel. */
public final class LargeKernelDemo implements Demo {
  private static final String LUO = "Luo et al. 2016";
  static final int SMALL = 3;

  private static final List<Param<?>> PARAMS = List.of(
      // From 3: the fit of σ ∝ nᵃ over n = 1 … layers needs three points for its standard error.
      Param.integer("layers", 16, 3, 48,
              "stacked 3×3 convolutions, n = 1 … layers (at least 3, for the fit's error)")
          .logScale().zh("堆叠的 3×3 卷积层数，n = 1 … layers（至少 3 层，拟合才有标准误差）"),
      Param.choice("kernel", "31", List.of("7", "13", "31", "51"),
          "side of the one large kernel (RepLKNet uses 31)")
          .zh("单个大卷积核的边长（RepLKNet 用 31）"),
      Param.integer("trials", 64, 4, 256, "random kernel draws averaged into E[g²]").logScale()
          .zh("求 E[g²] 时平均的随机卷积核抽样次数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("large-kernel", "Effective receptive field: stacked 3×3 against one "
        + "large kernel", Section.VISION, "大 kernel 的优势",
        "The ERF of n stacked 3×3 convolutions is Gaussian and grows as √n, a shrinking share of "
            + "the theoretical field; one large kernel uses all of it")
        .zh("有效感受野：堆叠 3×3 与单个大卷积核",
            "n 层 3×3 卷积的有效感受野呈高斯形、按 √n 增长，占理论感受野的比例越来越小；单个大卷积核"
                + "用满整个感受野");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    int layers = p.integer("layers");
    int big = Integer.parseInt(p.choice("kernel"));
    int trials = p.integer("trials");
    double[][][] maps = ReceptiveField.randomStack(layers, SMALL, trials, Rng.stream(p.seed(), 1));
    double[][] large = ReceptiveField.largeKernel(big, trials, Rng.stream(p.seed(), 2));
    double[] n = new double[layers];
    double[] sigma = new double[layers];
    double[] theory = new double[layers];
    double[] share = new double[layers];
    double[] shareTheory = new double[layers];
    double[] half = new double[layers];
    for (int i = 0; i < layers; i++) {
      n[i] = i + 1;
      sigma[i] = ReceptiveField.sigma(maps[i]);
      theory[i] = Math.sqrt(n[i] * (SMALL * SMALL - 1) / 12.0);
      half[i] = n[i] * (SMALL - 1) / 2.0;
      share[i] = sigma[i] / half[i];
      shareTheory[i] = theory[i] / half[i];
    }
    double[] fit = ReceptiveField.logLogSlope(n, sigma);
    double[] shareFit = ReceptiveField.logLogSlope(n, share);
    double largeSigma = ReceptiveField.sigma(large);
    double largeHalf = (big - 1) / 2.0;
    double largeShare = largeSigma / largeHalf;
    int sameField = (int) largeHalf; // n stacked 3×3 layers with the large kernel's field
    double stackedShare = sameField <= layers ? share[sameField - 1] : shareTheory[0]
        / Math.sqrt(sameField);

    LargeKernelPanels panels = new LargeKernelPanels(l);
    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1700, 1150)
        .subtitle(l.f("linear stacks of random N(0, 1) 3×3 kernels, n = 1 … %d · one %d×%d kernel"
                + " · E[g²] over %d draws · seed %d", "随机 N(0, 1) 3×3 卷积核的线性堆叠，n = 1 … %d · "
                + "单个 %d×%d 卷积核 · E[g²] 取 %d 次抽样的平均 · 种子 %d", layers, big, big, trials,
            p.seed()))
        .add(panels.maps(maps, large, big))
        .add(panels.radius(n, sigma, theory, half, fit))
        .add(panels.share(n, share, shareTheory, shareFit, sameField, largeShare, big))
        .add(panels.profile(maps[layers - 1], large, layers, big));
    Result result = Result.of(figure);
    String luo = l.t(LUO, "Luo 等 2016");
    result.finding(Finding.of("uniform_variance", l.f(
            "variance of %d stacked uniform 1-D kernels of size 3", "%d 个大小为 3 的均匀一维核堆叠后的方差",
            layers), ReceptiveField.uniformVariance(layers, SMALL), "")
            .withReference(layers * (SMALL * SMALL - 1) / 12.0, "n(k² − 1)/12", 1e-9))
        .finding(Finding.of("erf_exponent", l.t("fitted exponent a in σ ∝ nᵃ",
            "σ ∝ nᵃ 拟合出的指数 a"), fit[0], "").withReference(0.5, luo + " (√n)",
            Math.max(0.05, 3 * fit[1])))
        .finding(Finding.of("erf_exponent_stderr", l.t("standard error of the fitted exponent",
            "拟合指数的标准误差"), fit[1], ""))
        .finding(Finding.of("share_exponent", l.t(
            "fitted exponent of σ / theoretical half-width against n",
            "σ / 理论半宽 随 n 变化的拟合指数"), shareFit[0], "")
            .withReference(-0.5, luo + " (1/√n)", Math.max(0.05, 3 * shareFit[1])))
        .finding(Finding.of("erf_sigma", l.f("σ of the ERF after %d layers",
            "%d 层后有效感受野的 σ", layers), sigma[layers - 1], "px")
            .withReference(theory[layers - 1], "√(n(k² − 1)/12)", 0.15 * theory[layers - 1]))
        .finding(Finding.of("large_kernel_share", l.f("one %d×%d kernel: σ / half-width",
            "单个 %d×%d 卷积核：σ / 半宽", big, big), largeShare, "")
            .withReference(Math.sqrt((big * big - 1) / 12.0) / largeHalf,
                "√((k² − 1)/12) / ((k − 1)/2)", 0.1 * largeShare))
        .finding(Finding.of("stacked_share_same_field", l.f(
            "%d stacked 3×3 (same theoretical field): σ / half-width",
            "%d 层 3×3 堆叠（理论感受野相同）：σ / 半宽", sameField), stackedShare, ""));
    Map<String, Object> curves = new LinkedHashMap<>();
    curves.put("n", n);
    curves.put("sigma", sigma);
    curves.put("sigma_theory", theory);
    curves.put("share", share);
    curves.put("large_kernel", dev.bagu.io.Json.object("size", big, "sigma", largeSigma, "share", largeShare));
    return result.data("curves", curves).data("erf_last", maps[layers - 1]);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new LargeKernelDemo(), args);
  }
}
