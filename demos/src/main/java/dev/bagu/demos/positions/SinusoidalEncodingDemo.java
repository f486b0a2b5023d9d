package dev.bagu.demos.positions;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;

/** 位置编码: the Transformer's sinusoidal position encoding and why PE(m)·PE(n) depends on m − n. */
public final class SinusoidalEncodingDemo implements Demo {
  private static final String VASWANI = "Vaswani et al. 2017, §3.5";
  private static final String VASWANI_ZH = "Vaswani 等 2017，§3.5";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("d-model", 128, 2, 1024,
          "model width d (even): d/2 sine–cosine pairs, one frequency each").logScale().even()
          .zh("模型维度 d（偶数）：d/2 对正弦–余弦，每对一个频率"),
      Param.integer("positions", 128, 2, 512,
          "positions 0 … positions − 1 encoded and compared").logScale()
          .zh("编码并两两比较的位置个数，0 … positions − 1"),
      Param.real("base", 10_000, 10, 10_000_000,
          "base of the frequencies ω_i = base^(−2i/d); the paper uses 10000").logScale()
          .zh("频率 ω_i = base^(−2i/d) 的底数；论文取 10000"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("sinusoidal-encoding", "Sinusoidal position encoding", Section.POSITIONS,
        "位置编码",
        "PE(pos, 2i) = sin(pos·ω_i), PE(pos, 2i+1) = cos(pos·ω_i): PE(m)·PE(n) depends on m − n only")
        .zh("正弦位置编码",
            "PE(pos, 2i) = sin(pos·ω_i)，PE(pos, 2i+1) = cos(pos·ω_i)：PE(m)·PE(n) 只取决于 m − n");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int d = p.integer("d-model");
    int positions = p.integer("positions");
    double base = p.real("base");
    // d is even (the parameter allows nothing else): a sine and a cosine per frequency.
    Lang l = p.lang();
    double[] omega = SinusoidalEncoding.frequencies(d, base);
    double[] lambda = SinusoidalEncoding.wavelengths(d, base);
    double[][] pe = SinusoidalEncoding.matrix(positions, d, base);
    double[][] gram = SinusoidalEncoding.gram(pe);
    double shift = SinusoidalEncoding.maxShiftDeviation(gram);
    double closedForm = SinusoidalEncoding.maxClosedFormError(gram, omega);

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("d = %d · %d positions · base = %s · interleaved: sin in even, cos in odd "
                + "dimensions",
            "d = %d · %d 个位置 · 底数 base = %s · 交错排列：偶数维 sin，奇数维 cos", d, positions,
            dev.bagu.plot.Numbers.readable(base)))
        .add(encodingPanel(pe, l))
        .add(gramPanel(gram, l))
        .add(offsetPanel(gram, omega, l))
        .add(wavelengthPanel(lambda, positions, l));
    String vaswani = l.t(VASWANI, VASWANI_ZH);
    Result result = Result.of(figure)
        .finding(Finding.of("max_shift_deviation",
            l.t("max |PE(m)·PE(n) − PE(m+s)·PE(n+s)| over the grid",
                "网格上 max |PE(m)·PE(n) − PE(m+s)·PE(n+s)|"), shift, "")
            .withReference(0, vaswani + l.t(": depends on m − n only", "：只取决于 m − n"), 1e-9))
        .finding(Finding.of("max_closed_form_error",
            l.t("max |PE(m)·PE(n) − Σ_i cos((m−n)·ω_i)|", "max |PE(m)·PE(n) − Σ_i cos((m−n)·ω_i)|"),
            closedForm, "")
            .withReference(0, l.t("sin a·sin b + cos a·cos b = cos(a − b)",
                "sin a·sin b + cos a·cos b = cos(a − b)"), 1e-9))
        .finding(Finding.of("norm_squared", l.t("‖PE(pos)‖² (any position)", "‖PE(pos)‖²（任一位置）"),
            gram[positions - 1][positions - 1], "")
            .withReference(d / 2.0, l.t("d/2 (sin² + cos² = 1 per pair)", "d/2（每对 sin² + cos² = 1）"),
                1e-9))
        .finding(Finding.of("shortest_wavelength", l.t("shortest wavelength (pair 0)",
                "最短波长（第 0 对）"), lambda[0], l.t("positions", "个位置"))
            .withReference(2 * Math.PI, vaswani + " (2π)", 1e-12))
        .finding(Finding.of("longest_wavelength", l.f("longest wavelength (pair %d)",
                "最长波长（第 %d 对）", lambda.length - 1), lambda[lambda.length - 1],
                l.t("positions", "个位置"))
            .withReference(2 * Math.PI * base, vaswani + l.t(": 2π·base (\"up to 10000·2π\"), "
                + "reached only as d → ∞", "：2π·base（\"到 10000·2π\"），d → ∞ 时才达到")));
    return result.data("pe", pe).data("frequencies", omega).data("wavelengths", lambda)
        .data("dot_by_offset", dotByOffset(positions, omega));
  }

  /** Panel 1: the encoding itself, one row per position, dimensions across. */
  private static HeatmapPlot encodingPanel(double[][] pe, Lang l) {
    return HeatmapPlot.titled(l.t("PE(pos, dim): one row per position",
            "PE(pos, 维度)：每个位置一行"))
        .matrix(pe).rowLabels(indexLabels(pe.length)).columnLabels(indexLabels(pe[0].length))
        .axes(l.t("dimension (even: sin, odd: cos)", "维度（偶数 sin，奇数 cos）"),
            l.t("position pos", "位置 pos"))
        .diverging().range(-1, 1).colourBarLabel("PE");
  }

  /** Panel 2: every dot product; equal along each diagonal, because it depends on m − n only. */
  private static HeatmapPlot gramPanel(double[][] gram, Lang l) {
    return HeatmapPlot.titled(l.t("PE(m)·PE(n): constant along every diagonal",
            "PE(m)·PE(n)：沿每条对角线不变"))
        .matrix(gram).rowLabels(indexLabels(gram.length)).columnLabels(indexLabels(gram.length))
        .axes(l.t("position n", "位置 n"), l.t("position m", "位置 m"))
        .colourBarLabel("PE(m)·PE(n)");
  }

  /**
   * Panel 3: rows m = first, last and middle against m − n. The first and last rows are lines (they
   * meet only at m − n = 0); the middle row's dots lie on both of them and on the closed form.
   */
  private static XyPlot offsetPanel(double[][] gram, double[] omega, Lang l) {
    int p = gram.length;
    XyPlot plot = XyPlot.titled(l.t("PE(m)·PE(n) against m − n, for several m",
            "PE(m)·PE(n) 对 m − n，取几个不同的 m"))
        .axes(l.t("offset m − n (positions)", "偏移 m − n（位置）"), "PE(m)·PE(n)");
    plot.curve("m = 0", offsets(0, p), gram[0]);
    if (p - 1 > 0) {
      plot.curve("m = " + (p - 1), offsets(p - 1, p), gram[p - 1]);
    }
    double[] k = new double[2 * p - 1];
    double[] closed = new double[k.length];
    for (int i = 0; i < k.length; i++) {
      k[i] = i - (p - 1);
      closed[i] = SinusoidalEncoding.dotAtOffset((int) k[i], omega);
    }
    plot.dashed("Σ_i cos((m−n)·ω_i)", k, closed);
    int middle = p / 2;
    if (middle > 0 && middle < p - 1) {
      plot.points("m = " + middle, offsets(middle, p), gram[middle]);
    }
    // Whole-number ends: with two positions XChart would label the exact extremes, 15 digits long.
    double lo = java.util.Arrays.stream(closed).min().orElse(0);
    double hi = java.util.Arrays.stream(closed).max().orElse(1);
    return plot.yRange(Math.floor(lo), Math.ceil(hi));
  }

  /** m − n for n = 0 … p − 1. */
  static double[] offsets(int m, int p) {
    double[] x = new double[p];
    for (int n = 0; n < p; n++) {
      x[n] = m - n;
    }
    return x;
  }

  /** Panel 4: the wavelength of each pair, a geometric progression; the line is the window drawn. */
  private static XyPlot wavelengthPanel(double[] lambda, int positions, Lang l) {
    double[] pair = new double[lambda.length];
    for (int i = 0; i < pair.length; i++) {
      pair[i] = i;
    }
    double lo = Math.min(lambda[0], positions);
    double hi = Math.max(lambda[lambda.length - 1], positions);
    XyPlot plot = XyPlot.titled(l.t("Wavelength 2π/ω_i of each pair",
            "每对维度的波长 2π/ω_i"))
        .axes(l.t("pair i (dimensions 2i, 2i+1)", "第 i 对（维度 2i、2i+1）"),
            l.t("wavelength (positions)", "波长（位置数）")).logY()
        .yRange(Math.pow(10, Math.floor(Math.log10(lo))), Math.pow(10, Math.ceil(Math.log10(hi))));
    // Markers while they stay apart; past 64 pairs they would merge into a thick band.
    String name = "2π·base^(2i/d)";
    if (pair.length <= 64) {
      plot.line(name, pair, lambda);
    } else {
      plot.curve(name, pair, lambda);
    }
    return plot.dashed(l.f("positions drawn: %d", "图中位置数：%d", positions),
            new double[] {0, pair.length - 1}, new double[] {positions, positions});
  }

  static List<String> indexLabels(int n) {
    List<String> labels = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      labels.add(Integer.toString(i));
    }
    return labels;
  }

  /** The closed form at every offset 0 … positions − 1 (even in the offset). */
  private static double[][] dotByOffset(int positions, double[] omega) {
    double[][] rows = new double[positions][];
    for (int k = 0; k < positions; k++) {
      rows[k] = new double[] {k, SinusoidalEncoding.dotAtOffset(k, omega)};
    }
    return rows;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new SinusoidalEncodingDemo(), args);
  }
}
