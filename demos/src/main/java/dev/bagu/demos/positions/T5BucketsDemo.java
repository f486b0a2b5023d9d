package dev.bagu.demos.positions;

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
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.List;

/** T5 框架: T5's relative position buckets, exact for near keys, logarithmic up to max-distance. */
public final class T5BucketsDemo implements Demo {
  private static final String T5 = "Raffel et al. 2020, §2.1; _relative_position_bucket";
  private static final String T5_ZH = "Raffel 等 2020，§2.1；_relative_position_bucket";
  /** The catalogue's table at 32 buckets, max distance 128: distances a…b before the query → bucket. */
  private static final int[][] CATALOGUE = {{8, 11, 8}, {12, 15, 9}, {16, 22, 10}, {23, 31, 11},
      {32, 45, 12}, {46, 63, 13}, {64, 90, 14}, {91, Integer.MAX_VALUE, 15}};
  /** Positions in the two matrices. */
  private static final int IDS = 12;
  private static final int BIAS = 96;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("buckets", 32, 4, 128, "number of buckets (T5: 32)").logScale()
          .zh("桶的个数（T5 为 32）"),
      // From 17: it must exceed buckets/2, where the log buckets start (16 at the default 32).
      Param.integer("max-distance", 128, 17, 8192,
          "distance from which every key shares the last bucket (T5: 128)").logScale()
          .zh("从这个距离起所有键共用最后一个桶（T5 为 128）"),
      Param.integer("range", 300, 16, 4096, "relative positions drawn: −range … range").logScale()
          .zh("画出的相对位置范围：−range … range"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("t5-relative-buckets", "T5 relative position buckets", Section.POSITIONS,
        "T5 框架",
        "key − query mapped to 32 buckets: exact up to 7, logarithmic up to 128, one learned bias each")
        .zh("T5 相对位置分桶",
            "键 − 查询的相对位置映射到 32 个桶：7 以内一一对应，128 以内按对数分桶，每个桶学一个偏置");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int buckets = p.integer("buckets");
    int maxDistance = p.integer("max-distance");
    int range = p.integer("range");
    if (maxDistance <= T5Buckets.exactLimit(false, buckets)) {
      throw new UserException("parameter max-distance = " + maxDistance + " must exceed buckets/2 = "
          + buckets / 2 + ", where the logarithmic buckets start");
    }
    Lang l = p.lang();
    int[] bidirectional = T5Buckets.buckets(range, true, buckets, maxDistance);
    int[] causal = T5Buckets.buckets(range, false, buckets, maxDistance);
    int[] relative = new int[2 * range + 1];
    for (int r = -range; r <= range; r++) {
      relative[r + range] = r;
    }
    // An illustrative bias table, one value per bucket: falls with the bucket's distance, plus noise,
    // the shape trained T5 heads often have. Not trained: only the bucketing is T5's.
    double[] table = new double[buckets];
    Rng rng = Rng.stream(p.seed(), 1);
    for (int b = 0; b < buckets; b++) {
      table[b] = -0.4 * Math.log1p(b % (buckets / 2)) + 0.3 * rng.gaussian();
    }

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("%d buckets · max distance %d · relative position r = key − query",
            "%d 个桶 · 最大距离 %d · 相对位置 r = 键 − 查询", buckets, maxDistance))
        .add(bucketPanel(relative, bidirectional, causal, maxDistance, range, l))
        .add(widthPanel(bidirectional, causal, buckets, range, l))
        .add(HeatmapPlot.titled(l.f("Bidirectional bucket of each pair, positions 0 … %d",
                "双向：每对位置的桶，位置 0 … %d", IDS - 1))
            .matrix(matrix(IDS, (i, j) -> T5Buckets.bucket(j - i, true, buckets, maxDistance)))
            .rowLabels(SinusoidalEncodingDemo.indexLabels(IDS))
            .columnLabels(SinusoidalEncodingDemo.indexLabels(IDS)).cellFormat("%.0f")
            .axes(l.t("key position j", "键的位置 j"), l.t("query position i", "查询的位置 i"))
            .colourBarLabel(l.t("bucket", "桶")))
        .add(HeatmapPlot.titled(l.t("One head's bias by bucket (illustrative, not trained)",
                "一个头按桶取的偏置（示意，未经训练）"))
            .matrix(matrix(BIAS, (i, j) -> table[T5Buckets.bucket(j - i, true, buckets,
                maxDistance)]))
            .rowLabels(SinusoidalEncodingDemo.indexLabels(BIAS))
            .columnLabels(SinusoidalEncodingDemo.indexLabels(BIAS))
            .axes(l.t("key position j", "键的位置 j"), l.t("query position i", "查询的位置 i"))
            .diverging().colourBarLabel(l.t("bias added to the score", "加到分数上的偏置")));

    Result result = Result.of(figure);
    boolean catalogue = buckets == 32 && maxDistance == 128;
    String t5 = l.t(T5, T5_ZH);
    String derived = t5 + l.t("; catalogue, derived", "；目录，推导值");
    Finding zero = Finding.of("bucket_distance_0", l.t("bucket of r = 0 (the query's own key)",
        "r = 0（查询自身位置的键）的桶"), T5Buckets.bucket(0, true, buckets, maxDistance), "");
    result.finding(zero.withReference(0, t5, 0));
    int exact = T5Buckets.exactLimit(true, buckets);
    int identityError = 0;
    for (int n = 1; n < exact; n++) {
      identityError = Math.max(identityError,
          Math.abs(T5Buckets.bucket(-n, true, buckets, maxDistance) - n));
    }
    result.finding(Finding.of("exact_identity_error", l.f("max |bucket − distance|, keys 1–%d "
            + "before the query", "查询之前 1–%d 个键的 max |桶 − 距离|", exact - 1), identityError, "")
        .withReference(0, t5 + l.t(": exact buckets", "：一一对应的桶"), 0));
    int farthest = Math.max(range, 10 * maxDistance);
    for (int[] row : CATALOGUE) {
      int to = Math.min(row[1], farthest);
      Finding f = Finding.of(row[1] == Integer.MAX_VALUE ? "bucket_before_" + row[0] + "_plus"
              : "bucket_before_" + row[0] + "_" + row[1],
          row[1] == Integer.MAX_VALUE
              ? l.f("bucket of keys %d–%d before the query (one bucket, or −1)",
                  "查询之前 %d–%d 个键的桶（同一个桶，否则为 −1）", row[0], to)
              : l.f("bucket of keys %d–%d before the query (one bucket, or −1)",
                  "查询之前 %d–%d 个键的桶（同一个桶，否则为 −1）", row[0], to),
          sharedBucket(-to, -row[0], true, buckets, maxDistance), "");
      result.finding(catalogue ? f.withReference(row[2], derived, 0) : f);
    }
    result.finding(Finding.of("after_offset", l.t("bucket(+n) − bucket(−n) for every n ≥ 1 "
            + "(one value, or −1)", "对每个 n ≥ 1 的 桶(+n) − 桶(−n)（同一个值，否则为 −1）"),
            afterOffset(farthest, buckets, maxDistance), "")
        .withReference(buckets / 2, t5 + l.t(": keys after the query use the upper half",
            "：查询之后的键用上半部分的桶"), 0));
    int causalAfter = 0;
    for (int r = 1; r <= farthest; r++) {
      causalAfter = Math.max(causalAfter, T5Buckets.bucket(r, false, buckets, maxDistance));
    }
    result.finding(Finding.of("causal_after_bucket", l.t("causal: largest bucket of a key after "
            + "the query", "因果：查询之后的键的最大桶号"), causalAfter, "")
        .withReference(0, t5 + l.t(": r > 0 counts as 0", "：r > 0 按 0 处理"), 0));
    return result.data("relative_position", relative).data("bidirectional", bidirectional)
        .data("causal", causal).data("bias_table", table);
  }

  /** The one bucket every r in [from, to] falls in, or −1 when they differ. */
  private static int sharedBucket(int from, int to, boolean bidirectional, int buckets, int md) {
    int first = T5Buckets.bucket(from, bidirectional, buckets, md);
    for (int r = from + 1; r <= to; r++) {
      if (T5Buckets.bucket(r, bidirectional, buckets, md) != first) {
        return -1;
      }
    }
    return first;
  }

  /** bucket(+n) − bucket(−n), bidirectional, if the same for n = 1 … farthest, else −1. */
  private static int afterOffset(int farthest, int buckets, int md) {
    int first = T5Buckets.bucket(1, true, buckets, md) - T5Buckets.bucket(-1, true, buckets, md);
    for (int n = 2; n <= farthest; n++) {
      if (T5Buckets.bucket(n, true, buckets, md) - T5Buckets.bucket(-n, true, buckets, md) != first) {
        return -1;
      }
    }
    return first;
  }

  private static XyPlot bucketPanel(int[] relative, int[] bidirectional, int[] causal, int md,
      int range, Lang l) {
    double[] x = new double[relative.length];
    double[] yb = new double[relative.length];
    double[] yc = new double[relative.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = relative[i];
      yb[i] = bidirectional[i];
      yc[i] = causal[i];
    }
    XyPlot plot = XyPlot.titled(l.t("Bucket against relative position", "桶号对相对位置"))
        .axes(l.t("r = key − query (positions)", "r = 键 − 查询（位置）"), l.t("bucket", "桶"))
        .curve(l.t("bidirectional", "双向"), x, yb)
        .curve(l.t("causal", "因果"), x, yc);
    if (md <= range) {
      plot.verticalLine(-md).verticalLine(md);
    }
    return plot;
  }

  /** Positions per bucket on a log axis (XyPlot leaves out empty buckets, which log cannot place). */
  private static XyPlot widthPanel(int[] bidirectional, int[] causal, int buckets, int range,
      Lang l) {
    int[] wb = T5Buckets.widths(bidirectional, buckets);
    int[] wc = T5Buckets.widths(causal, buckets);
    double[] x = new double[buckets];
    double[] b = new double[buckets];
    double[] c = new double[buckets];
    for (int i = 0; i < buckets; i++) {
      x[i] = i;
      b[i] = wb[i];
      c[i] = wc[i];
    }
    return XyPlot.titled(l.f("Relative positions per bucket (r in ±%d)",
            "每个桶里的相对位置数（r 在 ±%d 内）", range))
        .axes(l.t("bucket", "桶"), l.t("positions", "位置数")).logY()
        .line(l.t("bidirectional", "双向"), x, b).line(l.t("causal", "因果"), x, c);
  }

  private interface Cell {
    double at(int i, int j);
  }

  private static double[][] matrix(int n, Cell cell) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = cell.at(i, j);
      }
    }
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new T5BucketsDemo(), args);
  }
}
