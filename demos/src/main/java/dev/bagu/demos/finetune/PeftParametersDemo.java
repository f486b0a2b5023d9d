package dev.bagu.demos.finetune;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.finetune.PeftCounts.LoraTargets;
import dev.bagu.demos.finetune.PeftCounts.Memory;
import dev.bagu.demos.finetune.PeftCounts.Method;
import dev.bagu.demos.finetune.PeftCounts.Settings;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 全参 / Prompt / P-Tuning / v2 / Prefix / Adapter / LoRA / BitFit: what each one trains. */
public final class PeftParametersDemo implements Demo {
  private static final List<String> TARGETS = List.of("q,v", "q,k,v,o", "all");
  private static final List<String> MODELS =
      TransformerConfig.COMPARED.stream().map(TransformerConfig::name).toList();
  private static final double GB = 1e9;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("prompt-length", 20, 1, 512,
          "virtual tokens n for prompt tuning, P-Tuning, P-Tuning v2 and prefix tuning")
          .logScale().zh("Prompt Tuning、P-Tuning、P-Tuning v2 和 Prefix Tuning 的虚拟词元数 n"),
      Param.integer("adapter-size", 64, 1, 1024, "the adapters' bottleneck width m").logScale()
          .zh("Adapter 瓶颈层的宽度 m"),
      Param.integer("lora-rank", 8, 1, 1024, "LoRA's rank r").logScale().zh("LoRA 的秩 r"),
      Param.choice("lora-targets", "q,v", TARGETS,
          "matrices LoRA adapts in every block: W_q and W_v (the paper), all four attention "
              + "matrices, or those and the feed-forward ones")
          .zh("LoRA 在每一层改哪些矩阵：W_q 和 W_v（论文设置）、四个注意力矩阵，或再加上前馈层的矩阵"),
      Param.choice("memory-model", "llama-7b", MODELS,
          "the model whose training memory the last panel shows")
          .zh("最后一幅图显示哪个模型的训练显存"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("peft-parameters", "Trainable parameters of each fine-tuning method",
        Section.FINETUNE, "全参 / Prompt / P-Tuning / P-Tuning v2 / Prefix / Adapter / LoRA / BitFit",
        "Counted from BERT-base, GPT-2, LLaMA-7B and GPT-3 175B: LoRA on GPT-3 trains 4.7M at r = 1 "
            + "(Hu et al. Table 4), adapters a few %, prefixes 0.1 %, and memory follows")
        .zh("各种微调方法训练多少参数",
            "按 BERT-base、GPT-2、LLaMA-7B、GPT-3 175B 的结构逐项计数：GPT-3 上 r = 1 的 LoRA 只训练"
                + " 4.7M（Hu 等 表 4），Adapter 约百分之几，前缀约 0.1%，显存随之变化");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    Settings s = new Settings(p.integer("prompt-length"), p.integer("adapter-size"),
        p.integer("lora-rank"), LoraTargets.parse(p.choice("lora-targets")));
    TransformerConfig memoryModel = TransformerConfig.COMPARED.get(
        MODELS.indexOf(p.choice("memory-model")));

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("n = %d virtual tokens · adapter m = %d · LoRA r = %d on %s · "
                + "classification heads not counted",
            "n = %d 个虚拟词元 · Adapter m = %d · LoRA r = %d，作用于 %s · 不计分类头",
            s.promptLength(), s.adapterSize(), s.loraRank(), p.choice("lora-targets")))
        .add(countPanel(s, l))
        .add(sharePanel(s, l))
        .add(loraPanel(s, l))
        .add(memoryPanel(memoryModel, s, l));
    Result result = Result.of(figure);
    findings(result, l);
    return result.data("counts", counts(s)).data("shares", shares(s))
        .data("memory_bytes", memoryData(s)).data("totals", totals());
  }

  /** The papers' own settings, independent of the sliders. */
  private static void findings(Result result, Lang l) {
    TransformerConfig gpt3 = TransformerConfig.GPT3;
    String table4 = l.t("Hu et al. 2021, Table 4", "Hu 等 2021，表 4");
    result.finding(Finding.of("lora_gpt3_r1", l.t("GPT-3 LoRA on W_q, W_v, r = 1",
            "GPT-3 LoRA（W_q、W_v，r = 1）"), PeftCounts.lora(gpt3, 1, LoraTargets.QV), "")
        .withReference(4_718_592, table4, 0));
    result.finding(Finding.of("lora_gpt3_r8", l.t("GPT-3 LoRA on W_q, W_v, r = 8",
            "GPT-3 LoRA（W_q、W_v，r = 8）"), PeftCounts.lora(gpt3, 8, LoraTargets.QV), "")
        .withReference(37_748_736, table4, 0));
    result.finding(Finding.of("gpt3_total", l.t("GPT-3 parameters, from its configuration",
            "GPT-3 参数量（由结构算出）"), gpt3.total(), "")
        .withReference(175.0e9, l.t("Brown et al. 2020, Table 2.1 (rounded)",
            "Brown 等 2020，表 2.1（取整）"), 0.5e9));

    TransformerConfig bert = TransformerConfig.BERT_LARGE;
    double adapter64 = 100.0 * PeftCounts.adapters(bert, 64) / bert.total();
    result.finding(Finding.of("adapter_share_bert_large",
            l.t("BERT-large adapters m = 64 (+ LayerNorms), share of all parameters",
                "BERT-large Adapter m = 64（含 LayerNorm）占全部参数"), adapter64, "%")
        .withReference(2.1, l.t("Houlsby et al. 2019, Table 1, Adapters (64)",
            "Houlsby 等 2019，表 1，Adapters (64)"), 0.25));
    result.finding(Finding.of("adapter_size_at_3_6_percent",
            l.t("BERT-large bottleneck m that trains 3.6%", "BERT-large 上训练 3.6% 参数所需的 m"),
            adapterSizeForShare(bert, 3.6), "")
        .withUpperBound(256, l.t("Houlsby et al. 2019: 3.6% mean over tasks, m ∈ {8, 64, 256}",
            "Houlsby 等 2019：各任务平均 3.6%，m 取自 {8, 64, 256}")));
    TransformerConfig medium = TransformerConfig.GPT2_MEDIUM;
    result.finding(Finding.of("prefix_share_gpt2_medium",
            l.t("GPT-2 medium prefix, n = 10, share of all parameters",
                "GPT-2 medium 前缀（n = 10）占全部参数"),
            100.0 * PeftCounts.prefix(medium, 10) / medium.total(), "%")
        .withReference(0.1, l.t("Li & Liang 2021, §1 and Table 1 (one digit)",
            "Li & Liang 2021，§1 与表 1（一位有效数字）"), 0.05));
    result.finding(Finding.of("lora_memory_gpt3_gb",
            l.t("GPT-3 training memory, LoRA r = 4 on W_q, W_v", "GPT-3 训练显存，LoRA r = 4（W_q、W_v）"),
            PeftCounts.memory(Method.LORA, gpt3, new Settings(1, 1, 4, LoraTargets.QV)).total() / GB,
            "GB").withReference(350, l.t("Hu et al. 2021, §4.2 (350GB)",
            "Hu 等 2021，§4.2（350GB）")));
    result.finding(Finding.of("full_memory_gpt3_gb",
        l.t("GPT-3 training memory, full fine-tuning (16 bytes per parameter)",
            "GPT-3 训练显存，全参微调（每个参数 16 字节）"),
        PeftCounts.memory(Method.FULL, gpt3, new Settings(1, 1, 1, LoraTargets.QV)).total() / GB,
        "GB"));
  }

  /** The real m at which adapters reach {@code percent} of the model (counts are linear in m). */
  static double adapterSizeForShare(TransformerConfig c, double percent) {
    long at0 = PeftCounts.adapters(c, 1) - (PeftCounts.adapters(c, 2) - PeftCounts.adapters(c, 1));
    long perM = PeftCounts.adapters(c, 2) - PeftCounts.adapters(c, 1);
    return (percent / 100 * c.total() - at0) / perM;
  }

  private static List<String> methodLabels(Lang l) {
    List<String> names = new ArrayList<>();
    for (Method m : Method.values()) {
      names.add(m.label(l));
    }
    return names;
  }

  /** Panel 1: trainable parameters, one bar per model, on a log axis. */
  private static BarPlot countPanel(Settings s, Lang l) {
    BarPlot plot = BarPlot.titled(l.t("Trainable parameters (log scale)", "可训练参数量（对数坐标）"))
        .axes(l.t("method (LLaMA has no biases: no BitFit bar)", "方法（LLaMA 没有偏置：BitFit 无柱）"),
            l.t("parameters", "参数量")).categories(methodLabels(l)).everyLabel()
        .logY();
    List<double[]> all = new ArrayList<>();
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      double[] v = new double[Method.values().length];
      for (Method m : Method.values()) {
        v[m.ordinal()] = positiveOrNaN(PeftCounts.trainable(m, c, s));
      }
      plot.bars(c.label(), v);
      all.add(v);
    }
    return plot.yRange(decadeBelow(all), decadeAbove(all));
  }

  /** Panel 2: the same counts as a share of the pre-trained model. */
  private static BarPlot sharePanel(Settings s, Lang l) {
    BarPlot plot = BarPlot.titled(l.t("Share of the full model (log scale)",
            "占完整模型的比例（对数坐标）"))
        .axes(l.t("method", "方法"), l.t("trainable / all parameters (%)", "可训练 / 全部参数（%）"))
        .categories(methodLabels(l)).everyLabel().logY();
    List<double[]> all = new ArrayList<>();
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      double[] v = new double[Method.values().length];
      for (Method m : Method.values()) {
        v[m.ordinal()] = positiveOrNaN(100.0 * PeftCounts.trainable(m, c, s) / c.total());
      }
      plot.bars(c.label(), v);
      all.add(v);
    }
    return plot.yRange(decadeBelow(all), decadeAbove(all));
  }

  /** Panel 3: LoRA on GPT-3 against r, with the two counts of Hu et al. Table 4. */
  private static XyPlot loraPanel(Settings s, Lang l) {
    double[] ranks = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024};
    XyPlot plot = XyPlot.titled(l.t("LoRA on GPT-3 175B against rank r",
            "GPT-3 175B 上的 LoRA 与秩 r"))
        .axes("r", l.t("trainable parameters", "可训练参数量")).logX().logY();
    String[] names = {l.t("W_q, W_v", "W_q、W_v"), l.t("W_q, W_k, W_v, W_o", "W_q、W_k、W_v、W_o"),
        l.t("attention + feed-forward", "注意力 + 前馈层")};
    for (LoraTargets t : LoraTargets.values()) {
      double[] n = new double[ranks.length];
      for (int i = 0; i < ranks.length; i++) {
        n[i] = PeftCounts.lora(TransformerConfig.GPT3, (int) ranks[i], t);
      }
      plot.line(names[t.ordinal()], ranks, n);
    }
    return plot.highlight(l.t("Table 4: 4.7M, 37.7M", "表 4：4.7M、37.7M"), new double[] {1, 8},
            new double[] {4_718_592, 37_748_736}).colour(java.awt.Color.BLACK)
        .verticalLine(s.loraRank());
  }

  /** Panel 4: what training needs at fp16 with Adam, by part, for one model. */
  private static BarPlot memoryPanel(TransformerConfig c, Settings s, Lang l) {
    int n = Method.values().length;
    double[] weights = new double[n];
    double[] grads = new double[n];
    double[] optimizer = new double[n];
    for (Method m : Method.values()) {
      Memory mem = PeftCounts.memory(m, c, s);
      weights[m.ordinal()] = mem.weights() / GB;
      grads[m.ordinal()] = positiveOrNaN(mem.gradients() / GB);
      optimizer[m.ordinal()] = positiveOrNaN(mem.optimizer() / GB);
    }
    return BarPlot.titled(l.f("%s training memory, fp16 + Adam",
            "%s 的训练显存，fp16 + Adam", c.label()))
        .axes(c.biases() ? l.t("method (activations not counted)", "方法（不计激活值）")
            : l.t("method (activations not counted; no biases, so BitFit trains nothing)",
                "方法（不计激活值；没有偏置，BitFit 无可训练参数）"), "GB")
        .categories(methodLabels(l)).everyLabel().logY()
        .bars(l.t("fp16 weights", "fp16 权重"), weights)
        .bars(l.t("fp16 gradients", "fp16 梯度"), grads)
        .bars(l.t("Adam: fp32 copy, m, v", "Adam：fp32 副本、m、v"), optimizer)
        .yRange(decadeBelow(List.of(weights, grads, optimizer)),
            decadeAbove(List.of(weights, grads, optimizer)));
  }

  /**
   * The power of ten at or below the smallest positive value: XChart starts bars at 0, which a log
   * axis cannot show, unless the axis is given its lower end.
   */
  private static double decadeBelow(List<double[]> series) {
    double min = series.stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> v > 0)
        .min().orElse(1);
    double decade = Math.pow(10, Math.floor(Math.log10(min)));
    return min < 3 * decade ? decade / 10 : decade; // the shortest bar stays visible
  }

  /** The power of ten at or above the largest value. */
  private static double decadeAbove(List<double[]> series) {
    double max = series.stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> v > 0)
        .max().orElse(1);
    return Math.pow(10, Math.ceil(Math.log10(max)));
  }

  /** A log axis has no place for 0 (BitFit on LLaMA, which has no biases): no bar is drawn. */
  private static double positiveOrNaN(double v) {
    return v > 0 ? v : Double.NaN;
  }

  /** model → method → trainable count. */
  private static Map<String, Map<String, Long>> counts(Settings s) {
    Map<String, Map<String, Long>> out = new LinkedHashMap<>();
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      Map<String, Long> row = new LinkedHashMap<>();
      for (Method m : Method.values()) {
        row.put(m.key(), PeftCounts.trainable(m, c, s));
      }
      out.put(c.name(), row);
    }
    return out;
  }

  /** model → method → percent of the model. */
  private static Map<String, Map<String, Double>> shares(Settings s) {
    Map<String, Map<String, Double>> out = new LinkedHashMap<>();
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (Method m : Method.values()) {
        row.put(m.key(), 100.0 * PeftCounts.trainable(m, c, s) / c.total());
      }
      out.put(c.name(), row);
    }
    return out;
  }

  /** model → method → {weights, gradients, optimizer} in bytes. */
  private static Map<String, Map<String, Memory>> memoryData(Settings s) {
    Map<String, Map<String, Memory>> out = new LinkedHashMap<>();
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      Map<String, Memory> row = new LinkedHashMap<>();
      for (Method m : Method.values()) {
        row.put(m.key(), PeftCounts.memory(m, c, s));
      }
      out.put(c.name(), row);
    }
    return out;
  }

  /** Each model's configuration and total, with its source. */
  private static List<TransformerConfig> totals() {
    return List.of(TransformerConfig.BERT_BASE, TransformerConfig.BERT_LARGE,
        TransformerConfig.GPT2, TransformerConfig.GPT2_MEDIUM, TransformerConfig.LLAMA_7B,
        TransformerConfig.GPT3);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new PeftParametersDemo(), args);
  }
}
