package dev.bagu.demos.attention;

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
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** transformer head 为什么要降维: d_head = d/h keeps cost flat in h; each head is rank ≤ d_head. */
public final class HeadDimensionDemo implements Demo {
  /** Singular values are drawn relative to σ_1 and floored here so exact zeros fit a log axis. */
  private static final double SIGMA_FLOOR = 1e-18;
  private static final String COUNTED = "4d², counted from MultiHeadAttention (derived)";
  private static final String COUNTED_ZH = "4d²，在 MultiHeadAttention 上实际计数（推导值）";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("dmodel", 64, 4, 256, "model width d (a power of two, so every head count "
          + "divides it)").powersOfTwo().zh("模型维度 d（2 的幂，这样每种头数都能整除它）"),
      Param.integer("heads", 16, 1, 32, "largest head count: h = 1, 2, 4, … up to it, and at "
          + "most d (d_head ≥ 1)").powersOfTwo()
          .zh("最多的头数：h 取 1, 2, 4, … 直到它，且不超过 d（d_head ≥ 1）"),
      Param.integer("tokens", 96, 2, 128, "sequence length n (FLOPs; the score matrices "
          + "are n × n)").zh("序列长度 n（用于算 FLOPs；分数矩阵是 n × n）"));

  private record HeadCountKey(int d, int h, int n, int svdTokens, long seed) {}

  /**
   * A preview's score matrices cover the first d + 8 tokens at most (72 of 96 at the defaults):
   * past every d_head, so the drop after σ_{d_head} still shows, at under half the cost of an
   * n × n SVD (cost ∝ n³). Commons Math's SVD is one large method that the JIT compiles late,
   * by its loops: a preview's two SVDs took 35–180 ms in full benches.
   */
  static final int PREVIEW_SVD_EXTRA_TOKENS = 8;

  private static final Memo<HeadCountKey, Object[]> PER_HEAD_COUNT =
      new Memo<>(32);

  @Override
  public DemoInfo info() {
    return new DemoInfo("head-dimension", "Head dimension: d_head = d/h", Section.ATTENTION,
        "transformer head 为什么要降维",
        "parameters and FLOPs against h with d_head = d/h and with d_head = d; the rank of "
            + "one head's QKᵀ is at most d_head")
        .zh("头的维度：d_head = d/h",
            "d_head = d/h 与 d_head = d 两种做法下，参数量和 FLOPs 随头数 h 怎么变；"
                + "一个头的 QKᵀ 的秩不超过 d_head");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean hasPreview() {
    return true;
  }

  /**
   * A preview's head counts: the fewest and the most (1 and 16 of 1 … 16), each with its n × n
   * SVD, the run's main cost: two SVDs run side by side on two cores, where three took two
   * rounds (a preview took 51–70 ms in full benches with three). Parameters grow linearly in h
   * and the ranks follow d_head, so the two ends still show both; the lines get coarser in h.
   */
  static List<Integer> previewHeadCounts(List<Integer> hs) {
    return hs.size() <= 2 ? hs : List.of(hs.get(0), hs.get(hs.size() - 1));
  }

  @Override
  public Result run(Params p) {
    int d = p.integer("dmodel");
    int maxHeads = p.integer("heads");
    int n = p.integer("tokens");
    Lang l = p.lang();
    // Both are powers of two, so every h up to d divides d; past d, d_head would be below 1.
    // Said in the subtitle (h = 1, 2, 4) rather than refused, so dragging dmodel below heads
    // still draws.
    List<Integer> all = HeadCosts.headCounts(Math.min(maxHeads, d));
    List<Integer> hs = p.preview() ? previewHeadCounts(all) : all;
    double[][] x = Matrices.gaussian(n, d, 1, Rng.stream(p.seed(), 1));
    int svdTokens = p.preview() ? Math.min(n, d + PREVIEW_SVD_EXTRA_TOKENS) : n;
    double[][] xSvd = Arrays.copyOf(x, svdTokens); // the first rows: the full run's tokens
    // Every head count on its own streams, so the counts (and their n × n SVDs, the profile's
    // largest cost) run in parallel and are collected in order: the same numbers on any core count.
    // Each head count is memoised on (d, h, n, SVD tokens, seed) (a bounded cache): moving
    // `heads` reuses the SVDs of the counts already drawn, and a rerun reuses them all.
    List<Object[]> perH = hs.parallelStream().map(h -> PER_HEAD_COUNT.get(
        new HeadCountKey(d, h, n, svdTokens, p.seed()), key -> {
          MultiHeadAttention flat = MultiHeadAttention.random(d, h, Rng.stream(p.seed(), 2, h));
          MultiHeadAttention grown = HeadCosts.fullWidth(d, h, Rng.stream(p.seed(), 3, h));
          return new Object[] {HeadCosts.row(flat, grown, n),
              HeadCosts.scoreSingularValues(flat.heads().get(0), xSvd)};
        })).toList();
    List<HeadCosts.Row> rows = new ArrayList<>();
    List<double[]> sigmas = new ArrayList<>();
    int[] ranks = new int[hs.size()];
    for (int k = 0; k < hs.size(); k++) {
      rows.add((HeadCosts.Row) perH.get(k)[0]);
      sigmas.add((double[]) perH.get(k)[1]);
      ranks[k] = HeadCosts.numericalRank(sigmas.get(k));
    }

    double[] hx = hs.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] flatP = rows.stream().mapToDouble(r -> r.flatParams()).toArray();
    double[] grownP = rows.stream().mapToDouble(r -> r.grownParams()).toArray();
    double fourD2 = 4.0 * d * d;
    double spread = 0;
    int mismatches = 0;
    double gap = 0;
    for (int k = 0; k < hs.size(); k++) {
      spread = Math.max(spread, Math.abs(flatP[k] - fourD2));
      int dHead = rows.get(k).dHead();
      int expected = Math.min(dHead, svdTokens);
      mismatches += ranks[k] == expected ? 0 : 1;
      if (dHead < svdTokens) {
        gap = Math.max(gap, sigmas.get(k)[dHead] / sigmas.get(k)[0]);
      }
    }
    HeadCosts.Row last = rows.get(rows.size() - 1);
    int hMax = hs.get(hs.size() - 1); // heads, or d if that is smaller
    String counted = l.t(COUNTED, COUNTED_ZH);
    Figure figure = Figure.grid(l.t("Head dimension: why d_head = d/h",
            "头的维度：为什么 d_head = d/h"), 2, 2)
        .subtitle(l.f("d_model = %d · h = %s · n = %d tokens · scores of head 1 on Gaussian X"
                + " · seed %d", "d_model = %d · h = %s · n = %d 个词元 · 头 1 在高斯 X 上的"
                + "分数 · 种子 %d", d, hs.size() < all.size() ? hs.stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) : "1 … " + all.get(all.size() - 1), n,
            p.seed())
            + (svdTokens < n ? l.f(" · preview: QKᵀ of the first %d tokens",
                " · 预览：只取前 %d 个词元的 QKᵀ", svdTokens) : ""))
        .add(paramsPanel(hx, flatP, grownP, d, l))
        .add(flopsPanel(hx, rows, l))
        .add(sigmaPanel(rows, sigmas, svdTokens, l))
        .add(rankPanel(rows, ranks, svdTokens, l));

    return Result.of(figure)
        .finding(Finding.of("flat_params_spread", l.t("d_head = d/h: max_h |params − 4d²|",
            "d_head = d/h：max_h |参数量 − 4d²|"), spread, "").withReference(0, counted))
        .finding(Finding.of("flat_params", l.f("d_head = d/h: params at h = %d",
                "d_head = d/h：h = %d 时的参数量", hMax),
            last.flatParams(), "").withReference(fourD2, counted))
        .finding(Finding.of("grown_params", l.f("d_head = d: params at h = %d",
                "d_head = d：h = %d 时的参数量", hMax),
            last.grownParams(), "").withReference(fourD2 * hMax, l.t("4h·d² (derived)",
                "4h·d²（推导值）")))
        .finding(Finding.of("flops_ratio", l.f("FLOPs, d_head = d over d_head = d/h, at h = %d",
                "h = %d 时 FLOPs 之比：d_head = d 比 d_head = d/h", hMax),
            last.grownFlops() / last.flatFlops(), "×")
            .withReference(hMax, l.t("h (every matrix product is h times wider)",
                "h（每个矩阵乘法都宽了 h 倍）")))
        .finding(Finding.of("rank_smallest_head", l.f("numerical rank of QKᵀ, d_head = %d",
                "QKᵀ 的数值秩，d_head = %d", last.dHead()), ranks[ranks.length - 1], "")
            .withReference(Math.min(last.dHead(), svdTokens), "rank(Q Kᵀ) ≤ min(d_head, n)", 0))
        .finding(Finding.of("rank_mismatches", l.t("head counts whose rank ≠ min(d_head, n)",
                "秩 ≠ min(d_head, n) 的头数设置个数"), mismatches, "")
            .withReference(0, l.t("rank(Q Kᵀ) ≤ d_head, Gaussian W and X: equality",
                "rank(Q Kᵀ) ≤ d_head，W 与 X 为高斯矩阵时取等号")))
        .finding(Finding.of("rank_gap", "max σ_{d_head+1}/σ_1 (d_head < n)", gap, "")
            .withUpperBound(1e-12, l.t("rounding only: σ_i = 0 beyond d_head in exact arithmetic",
                "只有舍入误差：精确计算时 d_head 之后的 σ_i = 0")))
        .data("heads", hx).data("flat_params", flatP).data("grown_params", grownP)
        .data("ranks", ranks).data("singular_values", sigmas);
  }

  private static XyPlot paramsPanel(double[] hx, double[] flat, double[] grown, int d, Lang l) {
    double[] f4 = new double[hx.length];
    double[] g4 = new double[hx.length];
    for (int k = 0; k < hx.length; k++) {
      f4[k] = 4.0 * d * d;
      g4[k] = 4.0 * d * d * hx[k];
    }
    // Linear axes: the h-fold growth is a straight line, and a log axis over barely one decade
    // would carry a single tick label.
    String flatCounted = l.t("d_head = d/h (counted)", "d_head = d/h（计数）");
    String grownCounted = l.t("d_head = d (counted)", "d_head = d（计数）");
    return XyPlot.titled(l.t("Projection parameters W_Q, W_K, W_V, W_O",
            "投影参数 W_Q、W_K、W_V、W_O"))
        .axes(l.t("heads h", "头数 h"), l.t("parameters", "参数量"))
        // From 0: a count axis that starts near the smallest value put the 4d² line on the
        // bottom edge and made a flat line look like the floor of the chart.
        .yRange(0, 1.08 * Arrays.stream(grown).max().orElse(1))
        .largePoints(flatCounted, hx, flat)
        .dashed("4d²", hx, f4).sameColourAs(flatCounted)
        .largePoints(grownCounted, hx, grown)
        .dashed("4h·d²", hx, g4).sameColourAs(grownCounted);
  }

  private static XyPlot flopsPanel(double[] hx, List<HeadCosts.Row> rows, Lang l) {
    String flatTotal = l.t("d/h: total", "d/h：总计");
    String grownTotal = l.t("d: total", "d：总计");
    double top = rows.stream().mapToDouble(r -> r.grownFlops()).max().orElse(1);
    return XyPlot.titled(l.t("FLOPs of one attention layer (d_head = d/h or d)",
            "一层注意力的 FLOPs（d_head = d/h 或 d）"))
        .axes(l.t("heads h", "头数 h"), "FLOPs").yRange(0, 1.08 * top)
        .curve(flatTotal, hx, rows.stream().mapToDouble(r -> r.flatFlops())
            .toArray())
        .curve(grownTotal, hx, rows.stream().mapToDouble(r -> r.grownFlops())
            .toArray())
        .dashed(l.t("d/h: QKᵀ, AV only", "d/h：仅 QKᵀ、AV"), hx, rows.stream()
            .mapToDouble(r -> r.flatScoreFlops()).toArray()).sameColourAs(flatTotal)
        .dashed(l.t("d: QKᵀ, AV only", "d：仅 QKᵀ、AV"), hx, rows.stream()
            .mapToDouble(r -> r.grownScoreFlops()).toArray()).sameColourAs(grownTotal);
  }

  private static XyPlot sigmaPanel(List<HeadCosts.Row> rows, List<double[]> sigmas, int n,
      Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Singular values of one head's QKᵀ (n × n)",
            "一个头的 QKᵀ 的奇异值（n × n）"))
        .axes(l.t("index i (grey lines: i = d_head; zeros drawn at 1e-18)",
            "序号 i（灰线：i = d_head；为 0 的值画在 1e-18 处）"), "σ_i / σ_1")
        .logX().logY();
    for (int k = 0; k < rows.size(); k++) {
      double[] s = sigmas.get(k);
      double[] idx = new double[s.length];
      double[] rel = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        idx[i] = i + 1;
        rel[i] = Math.max(s[i] / s[0], SIGMA_FLOOR);
      }
      plot.curve("d_head = " + rows.get(k).dHead(), idx, rel);
      if (rows.get(k).dHead() < n) {
        plot.verticalLine(rows.get(k).dHead());
      }
    }
    return plot;
  }

  private static BarPlot rankPanel(List<HeadCosts.Row> rows, int[] ranks, int n, Lang l) {
    List<String> names = new ArrayList<>();
    double[] measured = new double[ranks.length];
    double[] bound = new double[ranks.length];
    for (int k = 0; k < ranks.length; k++) {
      HeadCosts.Row r = rows.get(k);
      // Short names: "h=1, d_head=64" ran into its neighbours under the bars.
      names.add(r.heads() + " (" + r.dHead() + ")");
      measured[k] = ranks[k];
      bound[k] = Math.min(r.dHead(), n);
    }
    return BarPlot.titled(l.t("Numerical rank of QKᵀ (σ > σ_1·n·ε)", "QKᵀ 的数值秩（σ > σ_1·n·ε）"))
        .axes(l.t("heads h (head width d_head)", "头数 h（每个头的宽度 d_head）"), l.t("rank", "秩"))
        .categories(names).bars(l.t("measured", "实测"), measured).bars("min(d_head, n)", bound);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new HeadDimensionDemo(), args);
  }
}
