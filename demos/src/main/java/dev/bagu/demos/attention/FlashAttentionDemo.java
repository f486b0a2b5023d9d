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
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.plot.Figure;
import java.util.List;
import java.util.Locale;

/** 复杂度分析（Flash Attention 优化）: naive O(N²) attention against the tiled online softmax. */
public final class FlashAttentionDemo implements Demo {
  static final String DAO = "Dao et al. 2022, Thm 2";
  static final double TOLERANCE = 1e-12;
  /** Frames of the animation; more blocks than this are sampled evenly. */
  static final int MAX_FRAMES = 48;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("n", 256, 16, 2048,
          "sequence length N; the timing sweep runs N/4, N/2, 3N/4, N").logScale(),
      Param.integer("d", 64, 2, 256, "head dimension d of Q, K, V").logScale(),
      // 32,768 fp32 floats = 128 KB, the order of the paper's "around 100KB" of SRAM per SM.
      Param.integer("sram", 32_768, 8, 262_144,
          "SRAM size M in floats (at least 4d); blocks are B_c = ⌈M/4d⌉ keys by "
              + "B_r = min(B_c, d) queries; tiling saves HBM traffic only when M > 3d²")
          .logScale(),
      Param.bool("causal", false, "mask keys after the query; tiles above the diagonal are "
          + "skipped"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("flash-attention", "FlashAttention: exact attention in tiles",
        Section.ATTENTION, "复杂度分析（Flash Attention 优化）",
        "online softmax over tiles gives the same output with O(N) extra memory and "
            + "Θ(N²d²/M) instead of Θ(Nd + N²) HBM accesses");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("n");
    int d = p.integer("d");
    int sram = p.integer("sram");
    boolean causal = p.bool("causal");
    if (sram < 4 * d) {
      throw new UserException("parameter sram = " + sram + " is too small for d = " + d
          + ": allowed at least 4·d = " + 4 * d + " floats (one row each of Q, K, V, O)");
    }
    Rng rng = Rng.stream(p.seed(), 1);
    double[][] q = Matrices.gaussian(n, d, 1, rng); // (N, d) each, N(0, 1) entries
    double[][] k = Matrices.gaussian(n, d, 1, rng);
    double[][] v = Matrices.gaussian(n, d, 1, rng);
    double[][] naive = Attention.attend(q, k, v, causal);
    FlashAttentionTiles tiles = FlashAttentionTiles.record(q, k, v, causal, sram, MAX_FRAMES);
    FlashAttention.Output tiled = tiles.output();
    double error = relativeError(tiled.output(), naive);

    int[] sweep = {n / 4, n / 2, 3 * n / 4, n};
    AttentionTiming.Times times = AttentionTiming.measure(sweep, d, causal, sram, p.seed(), 2);
    FlashAttentionPanels panels = new FlashAttentionPanels(n, d, sram, causal);
    String subtitle = String.format(Locale.US,
        "N = %d · d = %d · SRAM M = %,d floats · blocks B_r = %d, B_c = %d · %s · seed %d", n, d,
        sram, tiled.blocks().rows(), tiled.blocks().cols(), causal ? "causal" : "no mask",
        p.seed());
    FlashAttentionTiles.Snapshot mid = tiles.middle();
    Figure figure = Figure.grid(info().title(), 2, 2).subtitle(subtitle)
        .add(p.showTimes() ? panels.times(times) : panels.flops(sweep))
        .add(panels.memory(tiled.sramPeak()))
        .add(panels.traffic())
        .add(tiles.panel(tileTitle(tiles, mid), mid));
    Result result = Result.of(figure);
    for (FlashAttentionTiles.Snapshot s : tiles.snapshots()) {
      result.frame(Figure.single(info().title(), tiles.panel(tileTitle(tiles, s), s))
          .subtitle(subtitle));
    }
    result.frameDelayMillis(tiles.snapshots().size() > 24 ? 150 : 400);

    long standard = AttentionIo.standard(n, d);
    int last = sweep.length - 1;
    result.finding(Finding.of("max_relative_difference", "max |O_tiled − O_naive| / max |O_naive|",
            error, "").withReference(0, "catalogue: tiled = naive to 1e-12 relative", TOLERANCE))
        .finding(Finding.of("hbm_standard", "HBM accesses, standard (4Nd + 4N²)", standard,
            "floats"))
        .finding(Finding.of("hbm_tiled", "HBM accesses, tiled (counted)", tiled.hbm().total(),
            "floats"))
        .finding(Finding.of("hbm_saving", "standard / tiled HBM accesses",
            (double) standard / tiled.hbm().total(), "×"))
        .finding(Finding.of("hbm_slope_in_sram", "slope of log(tiled accesses) in log M",
            panels.trafficSlope(), "").withReference(-1, DAO + ": Θ(N²d²/M)"))
        .finding(Finding.of("extra_memory_standard", "extra memory, standard (S and P)",
            AttentionIo.standardExtra(n), "floats"))
        .finding(Finding.of("extra_memory_tiled", "extra memory, tiled (ℓ, m; plus SRAM)",
            AttentionIo.tiledExtra(n), "floats"))
        .finding(Finding.of("naive_millis", "naive attention time at N = " + n,
            times.naiveMillis()[last], "ms").asMeasured())
        .finding(Finding.of("tiled_millis", "tiled attention time at N = " + n,
            times.tiledMillis()[last], "ms").asMeasured())
        .finding(Finding.of("naive_time_exponent", "naive: slope of log t in log N",
            times.naiveExponent(), "").withReference(2, "O(N²d) work (±0.3: timed on a shared machine)", 0.3).asMeasured());
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

  private static String tileTitle(FlashAttentionTiles t, FlashAttentionTiles.Snapshot s) {
    return String.format(Locale.US, "Tiled pass: block %d of %d (query block %d, key block %d)",
        s.step() + 1, t.steps(), s.i(), s.j());
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new FlashAttentionDemo(), args);
  }
}
