package dev.bagu.demos.inference;

import java.util.List;

/**
 * The KV cache's bytes per token: every layer keeps one key and one value vector of head_dim
 * numbers per KV head,
 *
 * <pre>
 *   bytes/token = 2 · layers · kv_heads · head_dim · bytes per value
 * </pre>
 *
 * for published model shapes (from their papers and config files).
 */
public final class KvCacheSize {
  private KvCacheSize() {}

  /** Bytes of one fp16/bf16 value. */
  public static final int FP16 = 2;

  /** A model's shape as far as the cache is concerned. */
  public record Model(String name, int layers, int queryHeads, int kvHeads, int headDim) {
    /** Grouped-query attention: fewer KV heads than query heads. */
    public boolean groupedQuery() {
      return kvHeads < queryHeads;
    }

    public long bytesPerToken(int bytesPerValue) {
      return KvCacheSize.bytesPerToken(layers, kvHeads, headDim, bytesPerValue);
    }
  }

  /** OPT-13B (Zhang et al. 2022); Llama 2 (Touvron et al. 2023, 70B with GQA: 8 KV heads);
   *  Mistral 7B (Jiang et al. 2023, GQA: 8 KV heads); GPT-3 175B (Brown et al. 2020). */
  public static final List<Model> MODELS = List.of(
      new Model("OPT-13B", 40, 40, 40, 128),
      new Model("Llama-2-7B", 32, 32, 32, 128),
      new Model("Llama-2-70B", 80, 64, 8, 128),
      new Model("Mistral-7B", 32, 32, 8, 128),
      new Model("GPT-3 175B", 96, 96, 96, 128));

  public static long bytesPerToken(int layers, int kvHeads, int headDim, int bytesPerValue) {
    return 2L * layers * kvHeads * headDim * bytesPerValue;
  }

  public static Model model(String name) {
    return MODELS.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no model " + name));
  }
}
