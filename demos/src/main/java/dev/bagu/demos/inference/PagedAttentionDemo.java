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
import dev.bagu.demos.inference.KvAllocation.Scheme;
import dev.bagu.demos.inference.RequestStream.Request;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Page Attention: contiguous max-length reservations against 16-token pages, one stream. */
public final class PagedAttentionDemo implements Demo {
  static final String KWON = "Kwon et al. 2023";
  /** Prompt lengths are uniform in [MIN_PROMPT, maxPrompt]. */
  static final int MIN_PROMPT = 8;
  /** Samples drawn in the copy-on-write panels. */
  static final int SAMPLES = 6;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("memory", 4096, 1024, 16384, "KV cache size in token slots").logScale()
          .zh("KV 缓存大小（token 槽位数）"),
      Param.integer("max-length", 512, 128, 1024, "the model's maximum sequence length: what "
          + "contiguous allocation reserves per request").logScale()
          .zh("模型的最大序列长度：连续分配为每个请求预留的长度"),
      Param.integer("block", 16, 1, 64, "tokens per KV block (page)").logScale()
          .zh("每个 KV 块（页）的 token 数"),
      Param.integer("requests", 64, 8, 200, "requests in the stream").logScale()
          .zh("请求流中的请求数"),
      Param.integer("max-prompt", 128, 8, 256, "longest prompt (prompts uniform from 8)")
          .zh("最长提示长度（提示长度从 8 起均匀分布）"),
      Param.integer("mean-output", 96, 4, 256, "mean output length (geometric)")
          .zh("平均输出长度（几何分布）"),
      Param.real("rate", 0.5, 0.05, 4, "requests arriving per decoding step").logScale()
          .zh("每个解码步到达的请求数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("paged-attention", "PagedAttention: KV memory in pages", Section.INFERENCE,
        "Page Attention",
        "reserving the maximum length contiguously leaves most KV memory reserved or "
            + "fragmented; 16-token pages allocated on demand waste under one block per sequence "
            + "and fit a larger batch")
        .zh("PagedAttention：分页管理 KV 显存",
            "按最大长度连续预留，大部分 KV 显存被预留或成为碎片；按需分配 16 个 token 的页，"
                + "每个序列浪费不到一块，同样显存能放更大的批");
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
    int memory = p.integer("memory");
    int maxLength = p.integer("max-length");
    int block = p.integer("block");
    int maxPrompt = Math.min(p.integer("max-prompt"), maxLength - 1);
    int meanOutput = p.integer("mean-output");
    if (maxLength > memory) {
      throw new UserException("parameter max-length = " + maxLength + " is larger than memory = "
          + memory + ": allowed at most memory");
    }
    if (maxPrompt < MIN_PROMPT) {
      throw new UserException("parameter max-prompt = " + p.integer("max-prompt")
          + " is below the shortest prompt: allowed at least " + MIN_PROMPT);
    }
    Lang l = p.lang();
    // A preview (the window, while a slider moves) simulates at most 24 requests of the stream.
    int count = p.preview() ? Math.min(p.integer("requests"), 24) : p.integer("requests");
    List<Request> requests = RequestStream.generate(count, p.real("rate"),
        MIN_PROMPT, maxPrompt, meanOutput, maxLength, Rng.stream(p.seed(), 1));
    KvAllocation contiguous = new KvAllocation(Scheme.CONTIGUOUS, requests, memory, maxLength,
        block);
    KvAllocation paged = new KvAllocation(Scheme.PAGED, requests, memory, maxLength, block);
    KvAllocation.Breakdown bc = contiguous.breakdown();
    KvAllocation.Breakdown bp = paged.breakdown();
    int cowPrompt = (MIN_PROMPT + maxPrompt) / 2;
    int cowOutput = Math.min(meanOutput, maxLength - cowPrompt); // one sample fits max length
    PagedAttentionPanels panels = new PagedAttentionPanels(l);
    int commonSteps = Math.max(contiguous.steps().size(), paged.steps().size());

    Figure figure = Figure.grid(info().title(l), 2, 3).preferredSize(1800, 1000)
        .subtitle(l.f("%d requests · %.2f per step · prompts %d–%d, outputs mean %d · KV memory "
                + "%,d token slots · max length %d · block %d · seed %d",
            "%d 个请求 · 每步到达 %.2f 个 · 提示 %d–%d，输出平均 %d · KV 显存 %,d 个 token 槽位 · "
                + "最大长度 %d · 块大小 %d · 种子 %d", requests.size(), p.real("rate"),
            MIN_PROMPT, maxPrompt, meanOutput, memory, maxLength, block, p.seed()))
        .add(panels.memoryMap(contiguous, l.t("Contiguous: max length reserved per request",
            "连续分配：每个请求预留最大长度"), commonSteps))
        .add(panels.memoryMap(paged, l.f("Paged: %d-token blocks on demand",
            "分页：按需分配 %d 个 token 的块", block), commonSteps))
        .add(panels.breakdown(bc, bp))
        .add(panels.batch(contiguous, paged))
        .add(panels.sharing(cowPrompt, cowOutput, block, 8))
        .add(panels.blockTables(cowPrompt, cowOutput, block, SAMPLES));

    double cowSaving = 1 - (double) CopyOnWrite.blocksWithSharing(SAMPLES, cowPrompt, cowOutput,
        block) / CopyOnWrite.blocksWithoutSharing(SAMPLES, cowPrompt, cowOutput, block);
    String frac = "";
    Result result = Result.of(figure)
        .finding(Finding.of("token_states_contiguous", l.t(
                "token states / KV memory, contiguous", "token 状态 / KV 显存，连续分配"),
            bc.tokenStates(), frac).withReference(0.293, l.t(KWON
                + ", §3: 20.4–38.2% in existing systems", KWON.replace(" et al.", " 等")
                + "，§3：现有系统为 20.4–38.2%"), 0.089))
        .finding(Finding.of("reserved_contiguous", l.t("reserved / KV memory, contiguous",
            "预留 / KV 显存，连续分配"), bc.reserved(), frac))
        .finding(Finding.of("internal_fragmentation_contiguous", l.t(
                "internal fragmentation / KV memory, contiguous", "内部碎片 / KV 显存，连续分配"),
            bc.internal(), frac))
        .finding(Finding.of("external_fragmentation_contiguous", l.t(
                "external fragmentation / KV memory, contiguous", "外部碎片 / KV 显存，连续分配"),
            bc.external(), frac))
        .finding(Finding.of("token_states_paged", l.t("token states / KV memory, paged",
            "token 状态 / KV 显存，分页"), bp.tokenStates(), frac))
        .finding(Finding.of("waste_paged", l.t("allocated but unused / KV memory, paged",
            "已分配未使用 / KV 显存，分页"), bp.internal(), frac))
        .finding(Finding.of("max_waste_per_sequence_paged", l.t(
                "largest unused slots of one sequence, paged", "单个序列最多的未用槽位，分页"),
            paged.maxPagedWaste(), l.t("tokens", "个 token")).withUpperBound(block - 1,
            l.t(KWON + ", §4.1: under one block (block − 1)",
                "Kwon 等 2023，§4.1：不到一块（块大小 − 1）")))
        .finding(Finding.of("batch_contiguous", l.t("mean running requests, contiguous",
            "平均运行请求数，连续分配"), bc.meanBatch(), ""))
        .finding(Finding.of("batch_paged", l.t("mean running requests, paged",
            "平均运行请求数，分页"), bp.meanBatch(), ""))
        .finding(Finding.of("batch_ratio", l.t("batch size, paged / contiguous",
            "批大小之比，分页 / 连续分配"), bp.meanBatch() / bc.meanBatch(), "×"))
        .finding(Finding.of("preemptions_paged", l.t("preemptions, paged (recomputed later)",
            "抢占次数，分页（之后重算）"), paged.preemptions(), ""))
        .finding(Finding.of("sharing_saving", l.f(
                "KV blocks saved by sharing the prompt, %d samples", "共享提示省下的 KV 块，%d 个样本",
                SAMPLES), cowSaving, frac));
    Map<String, Map<String, Double>> breakdown = new LinkedHashMap<>(); // fixed key order
    breakdown.put("contiguous", breakdownData(bc));
    breakdown.put("paged", breakdownData(bp));
    return result.data("breakdown", breakdown)
        .data("running_contiguous", contiguous.steps().stream().mapToInt(KvAllocation.Step::running)
            .toArray())
        .data("running_paged", paged.steps().stream().mapToInt(KvAllocation.Step::running)
            .toArray())
        .data("requests", requests);
  }

  private static Map<String, Double> breakdownData(KvAllocation.Breakdown b) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("token_states", b.tokenStates());
    m.put("reserved", b.reserved());
    m.put("internal_fragmentation", b.internal());
    m.put("external_fragmentation", b.external());
    m.put("free", b.free());
    m.put("mean_batch", b.meanBatch());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new PagedAttentionDemo(), args);
  }
}
