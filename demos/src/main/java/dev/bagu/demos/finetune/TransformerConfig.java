package dev.bagu.demos.finetune;

/**
 * The shape of a Transformer, enough to count its parameters exactly. Every count is a long: GPT-3
 * has 1.7·10¹¹ parameters.
 *
 * @param name short id used in the JSON ("gpt3-175b")
 * @param label name for people ("GPT-3 175B")
 * @param layers Transformer blocks L
 * @param d model width d_model
 * @param ffn inner width of the feed-forward block d_ff
 * @param vocab token embedding rows
 * @param positions learned position embedding rows (0 for rotary positions)
 * @param tokenTypes BERT's segment embedding rows (0 for others)
 * @param biases whether linear layers and norms carry biases (LLaMA has none)
 * @param gatedFfn SwiGLU feed-forward with three d × d_ff matrices (LLaMA) instead of two
 * @param tiedOutput output projection shares the token embedding (BERT, GPT-2, GPT-3)
 * @param pooler BERT's d × d pooler on the [CLS] token
 * @param source where the numbers come from
 */
public record TransformerConfig(String name, String label, int layers, int d, int ffn, int vocab,
    int positions, int tokenTypes, boolean biases, boolean gatedFfn, boolean tiedOutput,
    boolean pooler, String source) {

  /** Devlin et al. 2019, BERT-base: L = 12, d = 768, 12 heads, d_ff = 3072, 30,522 WordPieces. */
  public static final TransformerConfig BERT_BASE = new TransformerConfig("bert-base", "BERT-base",
      12, 768, 3072, 30_522, 512, 2, true, false, true, true,
      "Devlin et al. 2019 §3; bert-base-uncased config.json");
  /** Devlin et al. 2019, BERT-large: L = 24, d = 1024: the model Houlsby et al. 2019 adapt. */
  public static final TransformerConfig BERT_LARGE = new TransformerConfig("bert-large",
      "BERT-large", 24, 1024, 4096, 30_522, 512, 2, true, false, true, true,
      "Devlin et al. 2019 §3; bert-large-uncased config.json");
  /** Radford et al. 2019, the 124M GPT-2: L = 12, d = 768, 50,257 BPE tokens, 1024 positions. */
  public static final TransformerConfig GPT2 = new TransformerConfig("gpt2", "GPT-2 124M", 12, 768,
      3072, 50_257, 1024, 0, true, false, true, false,
      "Radford et al. 2019 Table 2; gpt2 config.json");
  /** Radford et al. 2019, GPT-2 medium: L = 24, d = 1024: the model Li & Liang 2021 tune. */
  public static final TransformerConfig GPT2_MEDIUM = new TransformerConfig("gpt2-medium",
      "GPT-2 medium", 24, 1024, 4096, 50_257, 1024, 0, true, false, true, false,
      "Radford et al. 2019 Table 2; gpt2-medium config.json");
  /**
   * Touvron et al. 2023 Table 2, LLaMA-7B: L = 32, d = 4096, SwiGLU d_ff = 11008, RMSNorm, rotary
   * positions, no biases, untied output, 32,000 tokens.
   */
  public static final TransformerConfig LLAMA_7B = new TransformerConfig("llama-7b", "LLaMA-7B",
      32, 4096, 11_008, 32_000, 0, 0, false, true, false, false,
      "Touvron et al. 2023 Table 2; llama-7b config.json");
  /** Brown et al. 2020 Table 2.1, GPT-3 175B: L = 96, d = 12288, d_ff = 4d, 2048 positions. */
  public static final TransformerConfig GPT3 = new TransformerConfig("gpt3-175b", "GPT-3 175B", 96,
      12_288, 4 * 12_288, 50_257, 2048, 0, true, false, true, false,
      "Brown et al. 2020 Table 2.1");

  /** The four models the figure compares, smallest first. */
  public static final java.util.List<TransformerConfig> COMPARED =
      java.util.List.of(BERT_BASE, GPT2, LLAMA_7B, GPT3);

  /** Parameters of one norm layer: γ and β for LayerNorm, γ only for RMSNorm. */
  public long normParams() {
    return biases ? 2L * d : d;
  }

  /** Norm layers: two per block (attention, feed-forward) plus one after the embeddings or blocks. */
  public long norms() {
    return 2L * layers + 1;
  }

  /** One block's four d × d attention projections (W_q, W_k, W_v, W_o) and their biases. */
  public long attentionParams() {
    return 4L * d * d + (biases ? 4L * d : 0);
  }

  /** One block's feed-forward matrices and biases: 2 (or 3, gated) d × d_ff matrices. */
  public long ffnParams() {
    long matrices = (gatedFfn ? 3L : 2L) * d * ffn;
    return matrices + (biases ? ffn + d : 0);
  }

  /** Token, position and segment embeddings. */
  public long embeddingParams() {
    return (long) (vocab + positions + tokenTypes) * d;
  }

  /** Every parameter of the pre-trained model. */
  public long total() {
    long blocks = layers * (attentionParams() + ffnParams());
    long output = tiedOutput ? 0 : (long) vocab * d;
    long poolerParams = pooler ? (long) d * d + d : 0;
    return embeddingParams() + blocks + norms() * normParams() + output + poolerParams;
  }

  /**
   * Every bias term, LayerNorm's β included (BitFit's set): per block 4d attention biases, d_ff + d
   * feed-forward biases and two β of d; one more β and the pooler's d. LLaMA has none.
   */
  public long biasParams() {
    if (!biases) {
      return 0;
    }
    long perBlock = 4L * d + ffn + d + 2L * d;
    return layers * perBlock + d + (pooler ? d : 0);
  }
}
