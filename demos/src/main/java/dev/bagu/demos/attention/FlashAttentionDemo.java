package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.plot.Figure;
import java.util.List;
import java.util.Optional;

/** 复杂度分析（Flash Attention 优化）: naive O(N²) attention against the tiled online softmax. */
public final class FlashAttentionDemo implements Demo {
  static final String DAO = "Dao et al. 2022, Thm 2";
  static final String DAO_ZH = "Dao 等 2022，定理 2";
  static final double TOLERANCE = 1e-12;
  /** Frames of the animation; more blocks than this are sampled evenly. */
  static final int MAX_FRAMES = 48;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("n", 256, 16, 1024,
          "sequence length N; the timing sweep runs N/4, N/2, 3N/4, N with N held in 256…512 "
              + "(256 for d = 256)").logScale()
          .zh("序列长度 N；计时扫描取 N/4、N/2、3N/4、N，其中 N 限制在 256…512（d = 256 时为 256）"),
      Param.integer("d", 64, 2, 256, "head dimension d of Q, K, V").logScale()
          .zh("Q、K、V 的头维度 d"),
      // 32,768 fp32 floats = 128 KB, the order of the paper's "around 100KB" of SRAM per SM.
      Param.integer("sram", 32_768, 8, 262_144,
          "SRAM size M in floats (at least 4d); blocks are B_c = ⌈M/4d⌉ keys by "
              + "B_r = min(B_c, d) queries; tiling saves HBM traffic only when M > 3d²")
          .logScale().zh("SRAM 大小 M，以浮点数个数计（至少 4d）；每块 B_c = ⌈M/4d⌉ 个键、"
              + "B_r = min(B_c, d) 个查询；只有 M > 3d² 时分块才能减少 HBM 读写"),
      Param.bool("causal", false, "mask keys after the query; tiles above the diagonal are "
          + "skipped").zh("遮住查询之后的键（因果掩码）；对角线以上的块直接跳过"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("flash-attention", "FlashAttention: exact attention in tiles",
        Section.ATTENTION, "复杂度分析（Flash Attention 优化）",
        "online softmax over tiles gives the same output with O(N) extra memory and "
            + "Θ(N²d²/M) instead of Θ(Nd + N²) HBM accesses")
        .zh("FlashAttention：分块计算的精确注意力",
            "分块上的在线 softmax 得到同样的输出，额外显存只要 O(N)，HBM 访问量从 Θ(Nd + N²) "
                + "降到 Θ(N²d²/M)");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("n");
    int d = p.integer("d");
    int sram = p.integer("sram");
    boolean causal = p.bool("causal");
    Lang l = p.lang();
    if (sram < 4 * d) {
      throw new UserException("parameter sram = " + sram + " is too small for d = " + d
          + ": allowed at least 4·d = " + 4 * d + " floats (one row each of Q, K, V, O)");
    }
    Rng rng = Rng.stream(p.seed(), 1);
    double[][] q = Matrices.gaussian(n, d, 1, rng); // (N, d) each, N(0, 1) entries
    double[][] k = Matrices.gaussian(n, d, 1, rng);
    double[][] v = Matrices.gaussian(n, d, 1, rng);
    double[][] naive = Attention.attend(q, k, v, causal);
    // A preview records only the still figure's blocks: the window shows no animation.
    FlashAttentionTiles tiles = p.preview()
        ? FlashAttentionTiles.recordStill(q, k, v, causal, sram)
        : FlashAttentionTiles.record(q, k, v, causal, sram, MAX_FRAMES);
    FlashAttention.Output tiled = tiles.output();
    double error = relativeError(tiled.output(), naive);

    int[] sweep = AttentionTiming.sweep(n, d);
    // A preview does not time: timing takes about a second (a compile warm-up and 7 rounds of
    // both algorithms), so while a slider moves the timing panel shows the last full run's
    // times, titled with their setting; with none yet, the work panel that --no-times shows.
    Optional<AttentionTiming.Measured> measured = p.preview() ? AttentionTiming.lastMeasured()
        : Optional.of(new AttentionTiming.Measured(d, causal, sram,
            AttentionTiming.measure(n, d, causal, sram, p.seed(), 2)));
    FlashAttentionPanels panels = new FlashAttentionPanels(n, d, sram, causal, l);
    String subtitle = l.f(
        "N = %d · d = %d · SRAM M = %,d floats · blocks B_r = %d, B_c = %d · %s · seed %d",
        "N = %d · d = %d · SRAM M = %,d 个浮点数 · 块 B_r = %d，B_c = %d · %s · 种子 %d", n, d,
        sram, tiled.blocks().rows(), tiled.blocks().cols(),
        causal ? l.t("causal", "因果掩码") : l.t("no mask", "无掩码"), p.seed());
    FlashAttentionTiles.Snapshot mid = tiles.middle();
    Figure figure = Figure.grid(info().title(l), 2, 2).subtitle(subtitle)
        .add(!p.showTimes() || measured.isEmpty() ? panels.flops(sweep)
            : p.preview() ? panels.lastTimes(measured.get())
            : panels.times(measured.get().times()))
        .add(panels.memory(tiled.sramPeak()))
        .add(panels.traffic())
        .add(tiles.panel(tileTitle(tiles, mid, l), mid, l));
    Result result = Result.of(figure);
    for (FlashAttentionTiles.Snapshot s : tiles.snapshots()) {
      result.frame(Figure.single(info().title(l), tiles.panel(tileTitle(tiles, s, l), s, l))
          .subtitle(subtitle));
    }
    result.frameDelayMillis(tiles.snapshots().size() > 24 ? 150 : 400);

    long standard = AttentionIo.standard(n, d);
    String floats = l.t("floats", "个浮点数");
    result.finding(Finding.of("max_relative_difference", l.t(
                "max |O_tiled − O_naive| / max |O_naive|", "max |O_分块 − O_朴素| / max |O_朴素|"),
            error, "").withReference(0, l.t("catalogue: tiled = naive to 1e-12 relative",
                "目录：分块与朴素结果的相对差在 1e-12 以内"), TOLERANCE))
        .finding(Finding.of("hbm_standard", l.t("HBM accesses, standard (4Nd + 4N²)",
            "HBM 访问量，标准算法（4Nd + 4N²）"), standard, floats))
        .finding(Finding.of("hbm_tiled", l.t("HBM accesses, tiled (counted)",
            "HBM 访问量，分块（计数）"), tiled.hbm().total(), floats))
        .finding(Finding.of("hbm_saving", l.t("standard / tiled HBM accesses",
            "HBM 访问量之比：标准 / 分块"), (double) standard / tiled.hbm().total(), "×"))
        .finding(Finding.of("hbm_slope_in_sram", l.t("slope of log(tiled accesses) in log M",
                "log(分块访问量) 对 log M 的斜率"), panels.trafficSlope(), "")
            .withReference(-1, l.t(DAO, DAO_ZH) + l.t(": ", "：") + "Θ(N²d²/M)"))
        .finding(Finding.of("extra_memory_standard", l.t("extra memory, standard (S and P)",
            "额外显存，标准算法（S 和 P）"), AttentionIo.standardExtra(n), floats))
        .finding(Finding.of("extra_memory_tiled", l.t("extra memory, tiled (ℓ, m; plus SRAM)",
            "额外显存，分块（ℓ、m；另加 SRAM）"), AttentionIo.tiledExtra(n), floats));
    if (measured.isPresent()) {
      AttentionTiming.Times times = measured.get().times();
      int last = times.ns().length - 1;
      int top = times.ns()[last];
      result.finding(Finding.of("naive_millis", l.f("naive attention time at N = %d",
              "N = %d 时朴素注意力的耗时", top), times.naiveMillis()[last], "ms").asMeasured())
          .finding(Finding.of("tiled_millis", l.f("tiled attention time at N = %d",
              "N = %d 时分块注意力的耗时", top), times.tiledMillis()[last], "ms").asMeasured())
          .finding(Finding.of("naive_time_exponent", l.f("naive: slope of log t in log N, N = "
                  + "%d…%d", "朴素：log t 对 log N 的斜率，N = %d…%d", sweep[0], top),
              times.naiveExponent(), "")
              .withReference(2, l.t("O(N²d) work (±0.3: timed on a shared machine)",
                  "O(N²d) 计算量（±0.3：在共享机器上计时）"), 0.3).asMeasured());
    }
    return result.data("blocks", tiled.blocks()).data("hbm_tiled", tiled.hbm())
        .data("traffic_curve", panels.trafficData()).data("timing_n", sweep)
        .data("frames", tiles.snapshots().size()).data("blocks_processed", tiles.steps());
  }

  /** max_ij |a_ij − b_ij| / max_ij |b_ij|. */
  static double relativeError(double[][] a, double[][] b) {
    double scale = 0;
    for (double[] row : b) {
      for (double x : row) {
        scale = Math.max(scale, Math.abs(x));
      }
    }
    return Matrices.maxAbsDifference(a, b) / scale;
  }

  private static String tileTitle(FlashAttentionTiles t, FlashAttentionTiles.Snapshot s,
      Lang l) {
    // Every block number counts from 1, as the steps do: key block j of T_c, query block i of T_r.
    return l.f("Tiled pass: block %d of %d (key block %d of %d, query block %d of %d)",
        "分块计算：第 %d 块，共 %d 块（键块 %d/%d，查询块 %d/%d）", s.step() + 1, t.steps(),
        s.j() + 1, t.keyBlocks(), s.i() + 1, t.queryBlocks());
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new FlashAttentionDemo(), args);
  }
}
