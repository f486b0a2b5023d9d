package dev.bagu.demos.inference;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.demos.inference.GroupedQuery.Pooling;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MQA / GQA: fewer KV heads, a smaller cache, and what mean-pooling the heads costs. */
public final class GqaDemo implements Demo {
  /** d_k = d_v of every head of the toy layer. */
  static final int HEAD_DIM = 8;
  /** Input sequences the error is measured on. */
  static final int SEQUENCES = 8;
  static final String AINSLIE = "Ainslie et al. 2023";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("heads", 8, 2, 16, "query heads h of the multi-head layer (d_model = 8h)")
          .logScale().zh("多头层的查询头数 h（d_model = 8h）"),
      Param.integer("kvheads", 2, 1, 16, "KV heads g for the grouped layer; must divide heads")
          .logScale().zh("分组后的 KV 头数 g；须整除 heads"),
      Param.real("similarity", 0.5, 0, 1, "share ρ of the K, V projections common to all heads: "
          + "0 unrelated heads, 1 identical").zh("各头 K、V 投影中公共部分的占比 ρ：0 互不相关，1 完全相同"),
      Param.integer("tokens", 16, 4, 32, "tokens per input sequence").zh("每个输入序列的 token 数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("gqa", "MQA and GQA: fewer KV heads, a smaller cache", Section.INFERENCE,
        "MQA / GQA",
        "query heads share KV heads in groups; the cache shrinks by g/h, and mean-pooling a "
            + "multi-head layer's K, V projections costs output error that grows as g falls")
        .zh("MQA 与 GQA：更少的 KV 头，更小的缓存",
            "查询头分组共用 KV 头，缓存缩小为 g/h；把多头层的 K、V 投影按组取平均，"
                + "g 越小输出误差越大");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int h = p.integer("heads");
    int g = p.integer("kvheads");
    double rho = p.real("similarity");
    int n = p.integer("tokens");
    if (g > h || h % g != 0) {
      throw new UserException("parameter kvheads = " + g + " does not divide heads = " + h
          + ": allowed a divisor of heads");
    }
    Lang l = p.lang();
    MultiHeadAttention mha = GroupedQuery.layer(h, HEAD_DIM, rho, Rng.stream(p.seed(), 1));
    List<double[][]> inputs = new ArrayList<>();
    Rng inputRng = Rng.stream(p.seed(), 2);
    for (int s = 0; s < SEQUENCES; s++) {
      inputs.add(Matrices.gaussian(n, h * HEAD_DIM, 1, inputRng));
    }
    List<MultiHeadAttention.Output> reference = inputs.stream().map(x -> mha.forward(x, true))
        .toList();

    int[] counts = GroupedQuery.kvHeadCounts(h);
    Map<Pooling, double[]> errors = new LinkedHashMap<>();
    Map<Pooling, double[]> perHead = new LinkedHashMap<>();
    for (Pooling pooling : Pooling.values()) {
      double[] e = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        Rng rng = Rng.stream(p.seed(), 3, counts[i]); // only RANDOM draws from it
        GroupedQuery.Error err = GroupedQuery.error(reference,
            GroupedQuery.grouped(mha, counts[i], pooling, rng), inputs);
        e[i] = err.output();
        if (counts[i] == g) {
          perHead.put(pooling, err.perHead());
        }
      }
      errors.put(pooling, e);
    }
    GqaPanels panels = new GqaPanels(l, h, g, counts, errors, perHead);
    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("toy layer: h = %d query heads · d_k = d_v = %d · d = %d · "
                + "K, V similarity ρ = %.2f · %d sequences of %d tokens · seed %d",
            "玩具层：h = %d 个查询头 · d_k = d_v = %d · d = %d · K、V 相似度 ρ = %.2f · "
                + "%d 个序列，每个 %d 个 token · 种子 %d",
            h, HEAD_DIM, h * HEAD_DIM, rho, SEQUENCES, n, p.seed()))
        .add(panels.cache())
        .add(panels.error())
        .add(panels.sharing())
        .add(panels.perHead());

    KvCacheSize.Model llama = KvCacheSize.model("Llama-2-70B");
    long llamaGqa = llama.bytesPerToken(KvCacheSize.FP16);
    long llamaMha = KvCacheSize.bytesPerToken(llama.layers(), llama.queryHeads(),
        llama.headDim(), KvCacheSize.FP16);
    int at = indexOf(counts, g);
    int mhaAt = 0; // counts start at h
    int mqaAt = counts.length - 1;
    Result result = Result.of(figure)
        .finding(Finding.of("cache_fraction_llama_2_70b", l.t(
                "Llama-2-70B cache, 8 KV heads / 64 (MHA)", "Llama-2-70B 缓存，8 个 KV 头 / 64 个（MHA）"),
            (double) llamaGqa / llamaMha, "").withReference(1.0 / 8,
            l.t("catalogue: 1/8 of MHA (Touvron et al. 2023)", "目录：MHA 的 1/8（Touvron 等 2023）"),
            0))
        .finding(Finding.of("cache_fraction", l.f("this layer's cache, %d KV heads / %d",
                "本层缓存，%d 个 KV 头 / %d 个", g, h),
            (double) KvCacheSize.bytesPerToken(1, g, HEAD_DIM, 8)
                / KvCacheSize.bytesPerToken(1, h, HEAD_DIM, 8), ""))
        .finding(Finding.of("error_at_mha", l.t("output error at g = h (MHA), mean-pooled",
                "g = h（MHA）时的输出误差，取平均"), errors.get(Pooling.MEAN)[mhaAt], "")
            .withReference(0, l.t("catalogue: groups of one head change nothing",
                "目录：每组只有一个头时什么都不变"), 1e-12))
        .finding(Finding.of("error_mean_pooled", l.f("output error at g = %d, mean-pooled",
                "g = %d 时的输出误差，取平均", g), errors.get(Pooling.MEAN)[at], ""))
        .finding(Finding.of("error_first_head", l.f("output error at g = %d, first head kept",
                "g = %d 时的输出误差，保留每组第一个头", g), errors.get(Pooling.FIRST)[at], ""))
        .finding(Finding.of("error_random", l.f("output error at g = %d, random K, V",
                "g = %d 时的输出误差，随机 K、V", g), errors.get(Pooling.RANDOM)[at], ""))
        .finding(Finding.of("error_mqa", l.t("output error at g = 1 (MQA), mean-pooled",
                "g = 1（MQA）时的输出误差，取平均"), errors.get(Pooling.MEAN)[mqaAt], ""));
    List<Integer> groups = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      groups.add(GroupedQuery.kvHeadOf(i, h, g));
    }
    return result.data("kv_heads", counts)
        .data("error_mean_pooled", errors.get(Pooling.MEAN))
        .data("error_first_head", errors.get(Pooling.FIRST))
        .data("error_random", errors.get(Pooling.RANDOM))
        .data("cache_fraction", java.util.Arrays.stream(counts).mapToDouble(c -> (double) c / h)
            .toArray())
        .data("kv_head_of_query_head", groups)
        .data("llama_2_70b_bytes_per_token", panels.llamaBytes());
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalArgumentException(v + " not in the sweep");
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new GqaDemo(), args);
  }
}
