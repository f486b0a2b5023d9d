package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.nn.AttentionHead;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Self-Attention, 写自注意力的公式: softmax(QKᵀ/√d_k)·V on a toy sentence, one step per panel. */
public final class SelfAttentionDemo implements Demo {
  private static final String DEFINITION = "definition of softmax and of A·V (Vaswani et al. 2017,"
      + " eq. 1)";
  private static final String DEFINITION_ZH = "softmax 与 A·V 的定义（Vaswani 等 2017，式 1）";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tokens", 6, 2, ToySentence.TEXT.size(),
          "words of the toy sentence \"the cat sat on the mat and the dog …\"")
          .zh("取玩具句子“这 猫 坐 在 这 垫子 和 这 狗 …”的前几个词（英文例句逐词对译）"),
      Param.integer("dmodel", 8, 2, 64, "embedding width d_model of each word's random vector")
          .zh("每个词的随机嵌入向量的维度 d_model"),
      Param.integer("dk", 4, 1, 64, "width d_k of queries and keys (values: d_v = d_k)")
          .zh("查询和键的维度 d_k（值的维度 d_v = d_k）"),
      Param.bool("causal", false,
          "hide later words from each query (decoder-style mask); equal words then differ")
          .zh("每个查询看不到后面的词（解码器式的因果掩码）；这时相同的词不再有相同的行"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("self-attention", "Self-attention, step by step", Section.ATTENTION,
        "Self-Attention, 写自注意力的公式",
        "Q·Kᵀ, the scaling by √d_k, the softmax weights and the output A·V on a toy sentence")
        .zh("自注意力，一步一步算",
            "在一个玩具句子上依次算出 Q·Kᵀ、除以 √d_k、softmax 权重和输出 A·V");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("tokens");
    int dModel = p.integer("dmodel");
    int dk = p.integer("dk");
    boolean causal = p.bool("causal");
    Lang l = p.lang();
    ToySentence s = ToySentence.of(n, dModel, p.seed(), 1);
    AttentionHead head = AttentionHead.random(dModel, dk, dk, false, Rng.stream(p.seed(), 2));
    Attention.Steps steps = head.forward(s.embeddings(), causal);
    double[][] v = Matrices.multiply(s.embeddings(), head.wv());

    List<String> words = s.labels(l);
    List<String> valueDims = new ArrayList<>();
    for (int j = 1; j <= dk; j++) {
      valueDims.add("v" + j);
    }
    // Masked cells are grey ("—") in both panels that have them: a masked weight is not a
    // learned 0, and panel 3 drew it dark like one while panel 2 drew it grey.
    String mask = causal ? l.t(" (grey: masked)", "（灰色：被掩码）") : "";
    // The whole sentence fits the title up to about eight words; beyond, the labels carry it.
    String title = n <= 8
        ? l.t("Self-attention on \"", "自注意力作用在“") + String.join(" ", words)
            + l.t("\"", "”上")
        : l.f("Self-attention on the first %d words of the toy sentence",
            "自注意力作用在玩具句子的前 %d 个词上", n);
    String definition = l.t(DEFINITION, DEFINITION_ZH);
    Figure figure = Figure.grid(title, 2, 2)
        .subtitle(l.f("%d tokens · d_model = %d · d_k = d_v = %d · %s · seed %d",
            "%d 个词元 · d_model = %d · d_k = d_v = %d · %s · 种子 %d", n, dModel, dk,
            causal ? l.t("causal", "因果掩码") : l.t("no mask", "无掩码"), p.seed()))
        .add(tokens(HeatmapPlot.titled(l.t("1. Scores S = Q·Kᵀ", "1. 分数 S = Q·Kᵀ")), words, l)
            .matrix(steps.scores()).diverging().cellFormat("%.1f").colourBarLabel("q·k"))
        .add(tokens(HeatmapPlot.titled(l.f("2. Scaled S/√d_k = S/%.2f%s",
            "2. 缩放 S/√d_k = S/%.2f%s", Math.sqrt(dk), mask)), words, l)
            .matrix(masked(steps.scaled(), causal)).diverging()
            .cellFormat("%.1f").colourBarLabel("q·k/√d_k"))
        .add(tokens(HeatmapPlot.titled(l.t("3. Weights A = softmax(row)", "3. 权重 A = softmax(按行)")
            + mask), words, l).matrix(masked(steps.weights(), causal)).range(0, 1)
            .cellFormat("%.2f")
            .colourBarLabel(l.t("weight", "权重")))
        .add(HeatmapPlot.titled(l.t("4. Output O = A·V (one row per token)",
                "4. 输出 O = A·V（每个词元一行）")).matrix(steps.output())
            .rowLabels(words).columnLabels(valueDims)
            .axes(l.t("value dimension", "值的维度"), l.t("query token", "查询词元"))
            .diverging().cellFormat("%.2f").colourBarLabel(l.t("output", "输出")));

    Result result = Result.of(figure)
        .finding(Finding.of("row_sum_error", "max |Σ_j A_ij − 1|",
            AttentionChecks.maxRowSumError(steps.weights()), "").withReference(0, definition))
        .finding(Finding.of("output_error", l.t("max |O − A·V| (A·V by hand)",
                "max |O − A·V|（A·V 手算）"),
            AttentionChecks.maxOutputError(steps.output(), steps.weights(), v), "")
            .withReference(0, definition))
        .finding(Finding.of("min_weight", l.t("smallest weight", "最小的权重"),
            AttentionChecks.minWeight(steps.weights()), ""));
    double repeated = AttentionChecks.maxRowDifference(steps.weights(), s.repeats());
    if (!Double.isNaN(repeated)) {
      Finding f = Finding.of("repeated_word_rows", l.t("max |A_i − A_j|, equal words i, j",
          "max |A_i − A_j|，i、j 为相同的词"), repeated, "");
      // Without a mask equal inputs give equal rows exactly; the mask lets them differ.
      result.finding(causal ? f : f.withReference(0, l.t("equal embeddings, no position encoding",
          "嵌入相同，没有位置编码")));
    }
    result.finding(Finding.of("mean_max_weight", l.t("largest weight per row, mean",
        "每行最大权重的均值"), meanRowMax(steps.weights()), ""));
    return result.data("tokens", s.tokens()).data("steps", stepData(steps));
  }

  /** Tokens as axis labels: queries down the side, keys along the bottom. */
  private static HeatmapPlot tokens(HeatmapPlot h, List<String> words, Lang l) {
    return h.rowLabels(words).columnLabels(words)
        .axes(l.t("key token", "键词元"), l.t("query token", "查询词元"));
  }

  /** Scores or weights with the masked entries NaN (drawn grey, "—"). */
  private static double[][] masked(double[][] scaled, boolean causal) {
    double[][] m = Matrices.scale(scaled, 1);
    for (int i = 0; causal && i < m.length; i++) {
      for (int j = i + 1; j < m[i].length; j++) {
        m[i][j] = Double.NaN;
      }
    }
    return m;
  }

  private static double meanRowMax(double[][] weights) {
    double sum = 0;
    for (double[] row : weights) {
      double max = 0;
      for (double w : row) {
        max = Math.max(max, w);
      }
      sum += max;
    }
    return sum / weights.length;
  }

  private static Map<String, Object> stepData(Attention.Steps steps) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scores", steps.scores());
    m.put("scaled", steps.scaled());
    m.put("weights", steps.weights());
    m.put("output", steps.output());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new SelfAttentionDemo(), args);
  }
}
