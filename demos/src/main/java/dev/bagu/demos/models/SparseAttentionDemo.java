package dev.bagu.demos.models;

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
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GPT 稀疏注意力: the causal dense, local, strided and fixed masks of Child et al. 2019. */
public final class SparseAttentionDemo implements Demo {
  private static final String CHILD = "Child et al. 2019, §4.2";
  private static final String CHILD_ZH = "Child 等 2019，§4.2";
  /** The catalogue's counts at n = 1024, l = 32 (derived from the definitions). */
  private static final int CATALOGUE_N = 1024;
  private static final int CATALOGUE_L = 32;
  private static final long CATALOGUE_DENSE = 524_800;
  private static final long CATALOGUE_STRIDED = 48_144;
  /** Largest side of a mask heatmap; larger masks are shown as the fraction kept per block. */
  private static final int MASK_CELLS = 128;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("n", 1024, 16, 4096, "sequence length n (queries and keys)").logScale()
          .zh("序列长度 n（查询和键的个数）"),
      Param.integer("stride", 32, 2, 512,
          "stride l: the local window's width and the strided/fixed period; ≈ √n in the paper")
          .logScale().zh("步长 l：局部窗口的宽度，也是 strided/fixed 的周期；论文里取 l ≈ √n"),
      Param.integer("c", 1, 1, 16,
          "fixed pattern: summary columns per block (j mod l ≥ l − c); c ≥ l makes it dense")
          .zh("fixed 模式：每个块里作为汇总列的位置数（j mod l ≥ l − c）；c ≥ l 时退化为稠密"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("sparse-attention", "Sparse attention patterns", Section.MODELS,
        "GPT 稀疏注意力",
        "Child et al. 2019: local, strided and fixed masks keep O(n√n) of the n² pairs and still "
            + "connect every key to every later query in two hops")
        .zh("稀疏注意力的几种模式",
            "Child 等 2019：局部、跨步（strided）、固定（fixed）三种掩码只保留 n² 对中的 O(n√n) 对，"
                + "两跳之内仍能从每个查询到达它之前的所有键");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  static String patternName(SparsePatterns p, Lang l) {
    return switch (p) {
      case DENSE -> l.t("dense causal", "稠密因果");
      case LOCAL -> l.t("local", "局部");
      case STRIDED -> l.t("strided", "跨步");
      case FIXED -> l.t("fixed", "固定");
    };
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("n");
    int stride = p.integer("stride");
    int c = p.integer("c");
    Lang l = p.lang();
    Map<SparsePatterns, BitSet[]> masks = new LinkedHashMap<>();
    Map<String, Long> pairs = new LinkedHashMap<>();
    for (SparsePatterns pattern : SparsePatterns.values()) {
      BitSet[] mask = pattern.mask(n, stride, c);
      masks.put(pattern, mask);
      long kept = 0;
      for (BitSet row : mask) {
        kept += row.cardinality(); // counted from the mask, checked against the closed form
      }
      pairs.put(pattern.key(), kept);
    }
    List<SparsePaths.Row> rows = new ArrayList<>();
    Map<SparsePatterns, Long> unreached = new LinkedHashMap<>();
    for (SparsePatterns pattern : List.of(SparsePatterns.LOCAL, SparsePatterns.STRIDED,
        SparsePatterns.FIXED)) {
      BitSet[] mask = masks.get(pattern);
      BitSet[] reach = SparsePatterns.twoHops(mask);
      long missing = 0;
      for (int i = 0; i < n; i++) {
        missing += i + 1 - reach[i].cardinality();
      }
      unreached.put(pattern, missing);
      rows.add(SparsePaths.Row.of(pattern, mask, reach[n - 1]));
    }
    int[] localHops = SparsePatterns.hopsFrom(masks.get(SparsePatterns.LOCAL), n - 1);

    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("n = %d · stride l = %d · c = %d · causal: query i sees keys j ≤ i",
            "n = %d · 步长 l = %d · c = %d · 因果：查询 i 只看 j ≤ i 的键", n, stride, c));
    for (SparsePatterns pattern : SparsePatterns.values()) {
      figure.add(maskPanel(pattern, masks.get(pattern), pairs.get(pattern.key()), l));
    }
    figure.add(pairsPanel(n, stride, c, l)).add(SparsePaths.panel(rows, l));

    Result result = Result.of(figure);
    String child = l.t(CHILD, CHILD_ZH);
    String closed = l.t("closed form, ", "闭式，");
    boolean catalogueCase = n == CATALOGUE_N && stride == CATALOGUE_L;
    String catalogue = l.t("catalogue, derived (n = 1024, l = 32)", "目录，推导值（n = 1024，l = 32）");
    long dense = pairs.get("dense");
    long strided = pairs.get("strided");
    result.finding(Finding.of("pairs_dense", l.t("pairs kept, dense causal", "保留的对数，稠密因果"),
            dense, "").withReference(catalogueCase ? CATALOGUE_DENSE
            : SparsePatterns.DENSE.pairs(n, stride, c), catalogueCase ? catalogue
            : closed + "n(n + 1)/2", 0))
        .finding(Finding.of("pairs_local", l.t("pairs kept, local", "保留的对数，局部"),
            pairs.get("local"), "").withReference(SparsePatterns.LOCAL.pairs(n, stride, c),
            closed + "Σ min(i + 1, l)", 0))
        .finding(Finding.of("pairs_strided", l.t("pairs kept, strided", "保留的对数，跨步"),
            strided, "").withReference(catalogueCase ? CATALOGUE_STRIDED
            : SparsePatterns.STRIDED.pairs(n, stride, c), catalogueCase ? catalogue
            : closed + "Σ min(i + 1, l) + ⌊i/l⌋", 0))
        .finding(Finding.of("pairs_fixed", l.t("pairs kept, fixed", "保留的对数，固定"),
            pairs.get("fixed"), "").withReference(SparsePatterns.FIXED.pairs(n, stride, c),
            closed + "Σ (i mod l) + 1 + ⌊i/l⌋·c", 0))
        .finding(Finding.of("strided_share", l.t("strided pairs / dense causal pairs",
            "跨步保留对数 / 稠密因果对数"), (double) strided / dense, ""))
        .finding(Finding.of("unreached_strided", l.t("pairs j ≤ i not reached in two hops, strided",
            "两跳到不了的 j ≤ i 对数，跨步"), unreached.get(SparsePatterns.STRIDED), "")
            .withReference(0, child + l.t(" (derived)", "（推导）"), 0))
        .finding(Finding.of("unreached_fixed", l.t("pairs j ≤ i not reached in two hops, fixed",
            "两跳到不了的 j ≤ i 对数，固定"), unreached.get(SparsePatterns.FIXED), "")
            .withReference(0, child + l.t(" (derived)", "（推导）"), 0))
        .finding(Finding.of("unreached_local", l.t("pairs j ≤ i not reached in two hops, local",
            "两跳到不了的 j ≤ i 对数，局部"), unreached.get(SparsePatterns.LOCAL), ""))
        .finding(Finding.of("local_hops", l.t("hops from i = n − 1 to j = 0, local",
            "局部模式下从 i = n − 1 到 j = 0 的跳数"), localHops[0], "")
            .withReference(Math.max(1, Math.ceil((n - 1.0) / (stride - 1))),
                closed + "⌈(n − 1)/(l − 1)⌉", 0));
    Map<String, Object> paths = new LinkedHashMap<>();
    for (SparsePaths.Row r : rows) {
      paths.put(r.pattern().key(), List.of(r.i(), r.k(), r.j()));
    }
    return result.data("pairs", pairs).data("unreached_two_hops", keyed(unreached))
        .data("paths_from_last_query", paths).data("local_hops_from_last_query", localHops)
        .data("pairs_against_n", pairsAgainstN(stride, c));
  }

  private static Map<String, Long> keyed(Map<SparsePatterns, Long> m) {
    Map<String, Long> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k.key(), v));
    return out;
  }

  /** One mask as a heatmap, downsampled to at most MASK_CELLS² blocks (fraction kept in each). */
  private static HeatmapPlot maskPanel(SparsePatterns pattern, BitSet[] mask, long kept, Lang l) {
    int n = mask.length;
    int cells = Math.min(n, MASK_CELLS);
    double[][] density = new double[cells][cells];
    for (int i = 0; i < n; i++) { // one pass over the kept pairs, each counted in its block
      int r = (int) ((long) i * cells / n);
      for (int j = mask[i].nextSetBit(0); j >= 0; j = mask[i].nextSetBit(j + 1)) {
        density[r][(int) ((long) j * cells / n)]++;
      }
    }
    for (int r = 0; r < cells; r++) {
      int rowsInBlock = (int) ((long) (r + 1) * n / cells) - (int) ((long) r * n / cells);
      for (int c = 0; c < cells; c++) {
        int colsInBlock = (int) ((long) (c + 1) * n / cells) - (int) ((long) c * n / cells);
        density[r][c] /= (double) rowsInBlock * colsInBlock;
      }
    }
    double percent = 100.0 * kept / ((double) n * n);
    String share = String.format(java.util.Locale.US, percent < 1 ? "%.2f%%" : "%.1f%%", percent);
    String title = l.f("%s: %,d pairs (%s of n²)", "%s：%,d 对（n² 的 %s）",
        patternName(pattern, l), kept, share);
    String bar = cells < n ? l.f("kept, per %d×%d block", "每个 %d×%d 块中保留的比例",
        n / cells, n / cells) : l.t("kept (1) or masked (0)", "保留 (1) 或屏蔽 (0)");
    return HeatmapPlot.titled(title).matrix(density).range(0, 1)
        .axes(l.f("key j (0 … %d)", "键 j（0 … %d）", n - 1),
            l.f("query i (0 … %d, top to bottom)", "查询 i（0 … %d，从上到下）", n - 1))
        .colourBarLabel(bar);
  }

  private static final int[] CURVE_N = {16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384};

  /** Pairs kept against n, log–log, with n² and n√n as dashed guides. */
  private static XyPlot pairsPanel(int n, int stride, int c, Lang l) {
    double[] x = new double[CURVE_N.length];
    for (int k = 0; k < x.length; k++) {
      x[k] = CURVE_N[k];
    }
    XyPlot plot = XyPlot.titled(l.f("Pairs kept against n (l = %d)",
            "保留的对数随 n 的变化（l = %d）", stride))
        .axes(l.t("sequence length n", "序列长度 n"), l.t("(query, key) pairs kept",
            "保留的（查询，键）对数")).logX().logY();
    for (SparsePatterns pattern : SparsePatterns.values()) {
      double[] y = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        y[k] = pattern.pairs(CURVE_N[k], stride, c);
      }
      plot.line(patternName(pattern, l), x, y).colour(Theme.category(pattern.ordinal()));
    }
    double[] sqrtStride = new double[x.length];
    double[] square = new double[x.length];
    double[] nRootN = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      int root = (int) Math.round(Math.sqrt(CURVE_N[k]));
      sqrtStride[k] = SparsePatterns.STRIDED.pairs(CURVE_N[k], root, c);
      square[k] = x[k] * x[k];
      nRootN[k] = x[k] * Math.sqrt(x[k]);
    }
    return plot.dashed(l.t("strided, l = √n", "跨步，l = √n"), x, sqrtStride)
        .sameColourAs(patternName(SparsePatterns.STRIDED, l))
        .dashed("n²", x, square).colour(Theme.REFERENCE)
        .dashed("n·√n", x, nRootN).colour(Theme.AXIS)
        .verticalLine(n);
  }

  /** The curves of the pairs panel for the JSON. */
  private static Map<String, Object> pairsAgainstN(int stride, int c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", CURVE_N);
    for (SparsePatterns pattern : SparsePatterns.values()) {
      long[] y = new long[CURVE_N.length];
      for (int k = 0; k < y.length; k++) {
        y[k] = pattern.pairs(CURVE_N[k], stride, c);
      }
      m.put(pattern.key(), y);
    }
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new SparseAttentionDemo(), args);
  }
}
