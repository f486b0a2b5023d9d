package dev.bagu.demos.inference;

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
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** KV-Cache: greedy decoding with and without the cache; same tokens, linear not quadratic work. */
public final class KvCacheDemo implements Demo {
  /** Vocabulary of the toy model. */
  static final int VOCAB = 96;
  /** Bytes of one value in this demo's cache (Java double). */
  static final int FLOAT64 = 8;
  static final String KWON = "Kwon et al. 2023, §3 (\"800 KB\")";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("layers", 2, 1, 4, "decoder layers L; every layer keeps its own K and V")
          .zh("解码器层数 L；每层都存自己的 K 和 V"),
      Param.integer("dmodel", 32, 8, 64, "model width d (a power of two, so heads divide it)")
          .powersOfTwo().zh("模型宽度 d（2 的幂，这样 heads 能整除它）"),
      Param.integer("heads", 4, 1, 8, "attention heads h; head_dim = d/h").powersOfTwo()
          .zh("注意力头数 h；head_dim = d/h"),
      Param.integer("prompt", 8, 1, 32, "prompt tokens read before the first output token")
          .zh("生成第一个输出 token 前读入的提示 token 数"),
      Param.integer("tokens", 40, 2, 64, "tokens generated greedily")
          .zh("贪心生成的 token 数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("kv-cache", "KV cache: the same tokens for linear work", Section.INFERENCE,
        "KV-Cache",
        "keeping every layer's past K and V makes each new token cost one row instead of the "
            + "whole prefix again: identical output, linear instead of quadratic total work")
        .zh("KV 缓存：同样的输出，线性的计算量",
            "把每层已经算过的 K、V 存下来，新 token 只算一行，不必把整个前缀重算一遍："
                + "输出完全相同，总计算量从二次变成线性");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int layers = p.integer("layers");
    int d = p.integer("dmodel");
    int heads = p.integer("heads");
    int promptLength = p.integer("prompt");
    // A preview (the window, while a slider moves) generates at most 16 tokens: recomputing
    // every step costs O(T²), the part a drag cannot wait for.
    int newTokens = p.preview() ? Math.min(p.integer("tokens"), 16) : p.integer("tokens");
    // dmodel ≥ 8 ≥ heads, both powers of two: heads always divides dmodel.
    Lang l = p.lang();
    TinyDecoder.Config config = new TinyDecoder.Config(VOCAB, d, heads, layers,
        promptLength + newTokens);
    TinyDecoder model = new TinyDecoder(config, Rng.stream(p.seed(), 1));
    int[] prompt = new int[promptLength];
    Rng promptRng = Rng.stream(p.seed(), 2);
    for (int i = 0; i < promptLength; i++) {
      prompt[i] = promptRng.nextInt(VOCAB);
    }
    GreedyGeneration.Run full = GreedyGeneration.recomputed(model, prompt, newTokens);
    GreedyGeneration.Run cached = GreedyGeneration.cached(model, prompt, newTokens);
    KvCachePanels panels = new KvCachePanels(l, promptLength, full, cached);

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("toy decoder: L = %s · d = %d · h = %s · vocabulary %d · "
                + "prompt %d + %d generated tokens · seed %d",
            "玩具解码器：L = %s 层 · d = %d · h = %s 个头 · 词表 %d · 提示 %d + 生成 %d 个 token · "
                + "种子 %d", l.count(layers, "layer", "layers"), d,
            l.count(heads, "head", "heads"), VOCAB, promptLength, newTokens, p.seed()))
        .add(panels.perToken())
        .add(panels.total())
        .add(p.showTimes() ? panels.times() : panels.ratio())
        .add(panels.models());

    long toyFormula = KvCacheSize.bytesPerToken(layers, heads, d / heads, FLOAT64);
    double toyBytes = (double) cached.cachedValues() * FLOAT64 / cached.cachedTokens();
    int last = newTokens - 1;
    double msFull = full.totalNanos() / 1e6 / newTokens;
    double msCached = cached.totalNanos() / 1e6 / newTokens;
    String derived = l.t("derived: 2·L·h_kv·d_h·2 B = 2·80·8·128·2 B",
        "推导：2·L·h_kv·d_h·2 B = 2·80·8·128·2 B");
    Result result = Result.of(figure)
        .finding(Finding.of("tokens_differing", l.t("output tokens that differ, cache vs none",
            "有无缓存输出不同的 token 数"), GreedyGeneration.tokensDiffering(full, cached), "")
            .withReference(0, l.t("catalogue: cached decoding gives the same tokens",
                "目录：有缓存解码给出相同的 token")))
        .finding(Finding.of("max_logit_difference", l.t("max |logit with cache − without|",
            "max |有缓存输出分数 − 无缓存输出分数|"), GreedyGeneration.maxLogitDifference(full, cached),
            "").withReference(0, l.t("catalogue: same logits (within 1e-9)",
                "目录：输出分数相同（误差 1e-9 以内）"), 1e-9))
        .finding(Finding.of("macs_recomputed", l.t("multiply-adds in total, no cache",
            "总乘加次数，无缓存"), full.totalMacs(), ""))
        .finding(Finding.of("macs_cached", l.t("multiply-adds in total, KV cache",
            "总乘加次数，KV 缓存"), cached.totalMacs(), ""))
        .finding(Finding.of("macs_ratio", l.t("total multiply-adds, no cache / cache",
            "总乘加次数之比，无缓存 / 缓存"), (double) full.totalMacs() / cached.totalMacs(), "×"))
        .finding(Finding.of("macs_ratio_last_token",
            l.t("last token's multiply-adds, no cache / cache",
            "最后一个 token 的乘加次数之比，无缓存 / 缓存"),
            (double) full.macs()[last] / cached.macs()[last], "×"))
        .finding(Finding.of("cache_bytes_per_token",
            l.t("this model's cache per token (float64, 8 B)",
            "本模型每个 token 的缓存（双精度，8 B）"), toyBytes, "B").withReference(toyFormula,
            l.f("2·%d·%d·%d·8 B", "2·%d·%d·%d·8 B", layers, heads, d / heads), 0))
        .finding(Finding.of("bytes_per_token_opt_13b", l.t("OPT-13B cache per token (fp16)",
            "OPT-13B 每个 token 的缓存（fp16）"),
            KvCacheSize.model("OPT-13B").bytesPerToken(KvCacheSize.FP16), "B")
            .withReference(819_200, l.t(KWON, "Kwon 等 2023，§3（\"800 KB\"）"), 0))
        .finding(Finding.of("bytes_per_token_llama_2_70b", l.t("Llama-2-70B cache per token "
                + "(fp16, 8 KV heads)", "Llama-2-70B 每个 token 的缓存（fp16，8 个 KV 头）"),
            KvCacheSize.model("Llama-2-70B").bytesPerToken(KvCacheSize.FP16), "B")
            .withReference(327_680, derived, 0))
        .finding(Finding.of("ms_per_token_recomputed", l.t("time per token, no cache",
            "每个 token 的用时，无缓存"), msFull, "ms").asMeasured())
        .finding(Finding.of("ms_per_token_cached", l.t("time per token, KV cache",
            "每个 token 的用时，KV 缓存"), msCached, "ms").asMeasured())
        .finding(Finding.of("time_speedup", l.t("measured speed-up, no cache / cache",
            "实测加速比，无缓存 / 缓存"), msFull / msCached, "×").asMeasured());

    Map<String, Long> bytes = new LinkedHashMap<>();
    for (KvCacheSize.Model m : KvCacheSize.MODELS) {
      bytes.put(m.name(), m.bytesPerToken(KvCacheSize.FP16));
    }
    return result.data("bytes_per_token", bytes)
        .data("context_length", panels.contextLengths())
        .data("macs_per_token_recomputed", full.macs())
        .data("macs_per_token_cached", cached.macs())
        .data("tokens", cached.tokens())
        .data("prompt", prompt);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new KvCacheDemo(), args);
  }
}
