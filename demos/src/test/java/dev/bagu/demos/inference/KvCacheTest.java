package dev.bagu.demos.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KvCacheTest {
  private static int[] prompt(int length, int vocab, long seed) {
    Rng rng = Rng.seeded(seed);
    int[] p = new int[length];
    for (int i = 0; i < length; i++) {
      p[i] = rng.nextInt(vocab);
    }
    return p;
  }

  /** The catalogue's check: the cache changes the work, never the tokens or the logits. */
  @ParameterizedTest
  @CsvSource({"1, 8, 1, 1, 12", "2, 32, 4, 5, 20", "3, 16, 2, 3, 30", "2, 24, 8, 11, 16"})
  void cachedDecodingGivesTheSameTokensAndLogits(int layers, int d, int heads, int promptLength,
      int newTokens) {
    for (long seed = 0; seed < 3; seed++) {
      TinyDecoder model = new TinyDecoder(new TinyDecoder.Config(50, d, heads, layers,
          promptLength + newTokens), Rng.seeded(seed));
      int[] prompt = prompt(promptLength, 50, seed + 100);
      GreedyGeneration.Run full = GreedyGeneration.recomputed(model, prompt, newTokens);
      GreedyGeneration.Run cached = GreedyGeneration.cached(model, prompt, newTokens);
      assertThat(cached.tokens()).isEqualTo(full.tokens());
      assertThat(GreedyGeneration.maxLogitDifference(full, cached)).isLessThan(1e-9);
      // The logits are not trivially equal: different tokens get different logits.
      assertThat(full.logits()[0]).isNotEqualTo(full.logits()[newTokens - 1]);
    }
  }

  /**
   * Hand-worked counts. Without the cache, n tokens cost L·(12·n·d² + 2·n²·d) + d·V (Q, K, V, W_O
   * are 4d², the MLP 8d² per row; every head's full n × n scores and A·V). With it, the token at
   * position p costs L·(12·d² + 2·(p + 1)·d) + d·V.
   */
  @Test
  void multiplyAddsMatchTheClosedForms() {
    int layers = 2;
    int d = 16;
    int heads = 4;
    int vocab = 30;
    int promptLength = 5;
    int newTokens = 9;
    TinyDecoder model = new TinyDecoder(new TinyDecoder.Config(vocab, d, heads, layers,
        promptLength + newTokens), Rng.seeded(3));
    int[] prompt = prompt(promptLength, vocab, 4);
    GreedyGeneration.Run full = GreedyGeneration.recomputed(model, prompt, newTokens);
    GreedyGeneration.Run cached = GreedyGeneration.cached(model, prompt, newTokens);
    for (int i = 0; i < newTokens; i++) {
      long n = promptLength + i;
      assertThat(full.macs()[i]).isEqualTo(layers * (12 * n * d * d + 2 * n * n * d)
          + (long) d * vocab);
    }
    long prefill = 0;
    for (int p = 0; p < promptLength; p++) {
      prefill += layers * (12L * d * d + 2L * (p + 1) * d) + (long) d * vocab;
    }
    assertThat(cached.macs()[0]).isEqualTo(prefill);
    for (int i = 1; i < newTokens; i++) {
      long p = promptLength + i - 1;
      assertThat(cached.macs()[i]).isEqualTo(layers * (12L * d * d + 2 * (p + 1) * d)
          + (long) d * vocab);
    }
    // Quadratic against linear: the extra cost of one more token grows without the cache and
    // is a constant 2·L·d with it.
    for (int i = 2; i < newTokens; i++) {
      assertThat(full.macs()[i] - full.macs()[i - 1])
          .isGreaterThan(full.macs()[i - 1] - full.macs()[i - 2]);
      assertThat(cached.macs()[i] - cached.macs()[i - 1]).isEqualTo(2L * layers * d);
    }
  }

  @Test
  void theCacheHoldsTwoRowsPerLayerAndHeadPerToken() {
    TinyDecoder model = new TinyDecoder(new TinyDecoder.Config(20, 24, 3, 2, 12), Rng.seeded(1));
    GreedyGeneration.Run cached = GreedyGeneration.cached(model, new int[] {1, 2, 3}, 9);
    // 3 prompt tokens + 8 fed back (the ninth output token is never fed): 11 tokens cached.
    assertThat(cached.cachedTokens()).isEqualTo(11);
    assertThat(cached.cachedValues()).isEqualTo(2L * 2 * 3 * 8 * 11);
    assertThat(cached.cachedValues() * 8 / cached.cachedTokens())
        .isEqualTo(KvCacheSize.bytesPerToken(2, 3, 8, 8));
  }

  @Test
  void bytesPerTokenOfRealModels() {
    assertThat(KvCacheSize.bytesPerToken(1, 1, 1, 1)).isEqualTo(2);
    // Kwon et al. 2023, §3: OPT-13B, "800 KB" per token = 2 · 40 · 5120 · 2 B.
    assertThat(KvCacheSize.model("OPT-13B").bytesPerToken(2)).isEqualTo(819_200);
    assertThat(KvCacheSize.model("Llama-2-7B").bytesPerToken(2)).isEqualTo(524_288);
    assertThat(KvCacheSize.model("Llama-2-70B").bytesPerToken(2)).isEqualTo(327_680);
    assertThat(KvCacheSize.model("Mistral-7B").bytesPerToken(2)).isEqualTo(131_072);
    assertThat(KvCacheSize.model("GPT-3 175B").bytesPerToken(2)).isEqualTo(4_718_592);
    // GQA keeps kv_heads / query heads of the MHA cache: 8/64 for Llama-2-70B.
    KvCacheSize.Model llama = KvCacheSize.model("Llama-2-70B");
    assertThat(KvCacheSize.bytesPerToken(80, llama.queryHeads(), 128, 2) / 8)
        .isEqualTo(llama.bytesPerToken(2));
  }

  /** The decoder's own attention loop computes what the shared nn.Attention computes. */
  @Test
  void attentionMatchesTheSharedImplementation() {
    Rng rng = Rng.seeded(7);
    double[][] q = dev.bagu.math.Matrices.gaussian(6, 4, 1, rng);
    double[][] k = dev.bagu.math.Matrices.gaussian(6, 4, 1, rng);
    double[][] v = dev.bagu.math.Matrices.gaussian(6, 3, 1, rng);
    for (boolean causal : new boolean[] {true, false}) {
      assertThat(dev.bagu.math.Matrices.maxAbsDifference(TinyDecoder.attend(q, k, v, 6, causal),
          dev.bagu.nn.Attention.attend(q, k, v, causal))).isLessThan(1e-12);
    }
    double[][] product = RowProducts.times(q, dev.bagu.math.Matrices.transpose(k));
    assertThat(dev.bagu.math.Matrices.maxAbsDifference(product,
        dev.bagu.math.Matrices.multiplyTransposed(q, k))).isLessThan(1e-12);
  }

  @Test
  void argmaxTakesTheLowestIndexOnATie() {
    assertThat(GreedyGeneration.argmax(new double[] {1, 3, 3, 2})).isEqualTo(1);
  }
}
