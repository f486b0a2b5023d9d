package dev.bagu.demos.finetune;

/**
 * Trainable parameters of each fine-tuning method, counted from a {@link TransformerConfig}, and
 * the memory to train them at fp16 with Adam. Each formula names the paper whose setting it
 * follows; the classification head, which every method trains, is left out of all of them.
 */
public final class PeftCounts {
  private PeftCounts() {}

  /** The methods of the notes, in the order the figure shows them. */
  public enum Method {
    FULL("full", "Full", "全参"),
    BITFIT("bitfit", "BitFit", "BitFit"),
    PROMPT("prompt_tuning", "Prompt", "Prompt"),
    P_TUNING("p_tuning", "P-Tuning", "P-Tuning"),
    P_TUNING_V2("p_tuning_v2", "P-Tun. v2", "P-Tun. v2"),
    PREFIX("prefix_tuning", "Prefix", "Prefix"),
    ADAPTER("adapter", "Adapter", "Adapter"),
    LORA("lora", "LoRA", "LoRA");

    private final String key;
    private final String en;
    private final String zh;

    Method(String key, String en, String zh) {
      this.key = key;
      this.en = en;
      this.zh = zh;
    }

    /** snake_case key for the JSON. */
    public String key() {
      return key;
    }

    public String label(dev.bagu.i18n.Lang l) {
      return l.t(en, zh);
    }

    /** True when the method adds parameters beside the frozen model (all but full and BitFit). */
    public boolean addsParameters() {
      return this != FULL && this != BITFIT;
    }
  }

  /** The weight matrices LoRA adapts in every block. */
  public enum LoraTargets {
    /** W_q and W_v, the setting of Hu et al. 2021 Table 4. */
    QV,
    /** W_q, W_k, W_v, W_o. */
    QKVO,
    /** The four attention matrices and every feed-forward matrix. */
    ALL;

    public static LoraTargets parse(String text) {
      return switch (text) {
        case "q,v" -> QV;
        case "q,k,v,o" -> QKVO;
        case "all" -> ALL;
        default -> throw new IllegalArgumentException("unknown LoRA targets: " + text);
      };
    }
  }

  /**
   * The knobs of the methods.
   *
   * @param promptLength virtual tokens n (prompt tuning, P-Tuning, P-Tuning v2, prefix)
   * @param adapterSize the adapters' bottleneck m
   * @param loraRank r
   * @param loraTargets which matrices get a B·A
   */
  public record Settings(int promptLength, int adapterSize, int loraRank, LoraTargets loraTargets) {
    public Settings {
      if (promptLength < 1 || adapterSize < 1 || loraRank < 1) {
        throw new IllegalArgumentException("lengths, sizes and ranks must be ≥ 1");
      }
    }
  }

  /** Trainable parameters of one method on one model. */
  public static long trainable(Method m, TransformerConfig c, Settings s) {
    return switch (m) {
      case FULL -> c.total();
      case BITFIT -> c.biasParams();
      case PROMPT -> promptTuning(c, s.promptLength());
      case P_TUNING -> pTuning(c, s.promptLength());
      case P_TUNING_V2, PREFIX -> prefix(c, s.promptLength());
      case ADAPTER -> adapters(c, s.adapterSize());
      case LORA -> lora(c, s.loraRank(), s.loraTargets());
    };
  }

  /** Lester et al. 2021: n prompt embeddings of width d, the only trained weights. */
  public static long promptTuning(TransformerConfig c, int n) {
    return (long) n * c.d();
  }

  /**
   * Liu et al. 2021 (P-Tuning, "GPT Understands, Too"), as their code builds the prompt encoder:
   * n embeddings of width d, a 2-layer bidirectional LSTM of hidden size d/2 (so each layer maps
   * d to 2·d/2 = d) and an MLP d → d → d. A PyTorch LSTM direction with input i and hidden h has
   * 4h(i + h) weights and two bias vectors of 4h; with i = d, h = d/2 that is 3d² + 4d, so the
   * LSTM holds 4 × (3d² + 4d) = 12d² + 16d and the MLP 2d² + 2d. Only the n × d outputs are kept
   * after training.
   */
  public static long pTuning(TransformerConfig c, int n) {
    long d = c.d();
    return n * d + 14 * d * d + 18 * d;
  }

  /**
   * Li & Liang 2021 (prefix) and Liu et al. 2022 (P-Tuning v2): n key and n value vectors of
   * width d in every block, n · L · 2d. Prefix tuning trains them through a wider MLP and keeps
   * only these; P-Tuning v2 trains them directly.
   */
  public static long prefix(TransformerConfig c, int n) {
    return (long) n * c.layers() * 2 * c.d();
  }

  /**
   * Houlsby et al. 2019 §2.1: two adapters per block (after attention and after the feed-forward
   * layer), each d → m → d with biases, 2md + m + d; they also train every norm of the model.
   */
  public static long adapters(TransformerConfig c, int m) {
    long perAdapter = 2L * m * c.d() + m + c.d();
    return c.layers() * 2 * perAdapter + c.norms() * c.normParams();
  }

  /** The paper's adapter without the model's norms: what {@link #adapters} adds to the model. */
  public static long adapterModules(TransformerConfig c, int m) {
    return c.layers() * 2 * (2L * m * c.d() + m + c.d());
  }

  /**
   * Hu et al. 2021: for each adapted W (d_out × d_in), B (d_out × r) and A (r × d_in), so
   * r(d_in + d_out) per matrix and block; W_q, W_k, W_v, W_o are d × d, the feed-forward
   * matrices d × d_ff (three of them when gated).
   */
  public static long lora(TransformerConfig c, int r, LoraTargets targets) {
    long d = c.d();
    long perBlock = switch (targets) {
      case QV -> 2 * (d + d);
      case QKVO -> 4 * (d + d);
      case ALL -> 4 * (d + d) + (c.gatedFfn() ? 3 : 2) * (d + c.ffn());
    };
    return c.layers() * r * perBlock;
  }

  /** Bytes per trainable parameter in mixed-precision Adam: fp32 master copy, m and v. */
  public static final int OPTIMIZER_BYTES = 12;
  /** Bytes per fp16 weight or gradient. */
  public static final int FP16_BYTES = 2;

  /**
   * Training memory without activations (Rajbhandari et al. 2020, ZeRO §3.1: 2Ψ + 2Ψ + 12Ψ for Ψ
   * trained parameters): every weight, frozen or not, at fp16; an fp16 gradient per trained
   * parameter; and Adam's fp32 master weight, m and v per trained parameter.
   *
   * @param weights bytes of fp16 weights (the model plus what the method adds)
   * @param gradients bytes of fp16 gradients
   * @param optimizer bytes of Adam state
   */
  public record Memory(long weights, long gradients, long optimizer) {
    public long total() {
      return weights + gradients + optimizer;
    }
  }

  public static Memory memory(Method m, TransformerConfig c, Settings s) {
    long trained = trainable(m, c, s);
    long stored = c.total() + (m.addsParameters() ? trained : 0);
    return new Memory(FP16_BYTES * stored, FP16_BYTES * trained, OPTIMIZER_BYTES * trained);
  }
}
