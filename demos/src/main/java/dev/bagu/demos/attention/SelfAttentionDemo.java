package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.nn.AttentionHead;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Self-Attention, 写自注意力的公式: softmax(QKᵀ/√d_k)·V on a toy sentence, one step per panel. */
public final class SelfAttentionDemo implements Demo {
  private static final String DEFINITION = "definition of softmax and of A·V (Vaswani et al. 2017,"
      + " eq. 1)";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tokens", 6, 2, ToySentence.TEXT.size(),
          "words of the toy sentence \"the cat sat on the mat and the dog …\""),
      Param.integer("dmodel", 8, 2, 64, "embedding width d_model of each word's random vector"),
      Param.integer("dk", 4, 1, 64, "width d_k of queries and keys (values: d_v = d_k)"),
      Param.bool("causal", false,
          "hide later words from each query (decoder-style mask); equal words then differ"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("self-attention", "Self-attention, step by step", Section.ATTENTION,
        "Self-Attention, 写自注意力的公式",
        "Q·Kᵀ, the scaling by √d_k, the softmax weights and the output A·V on a toy sentence");
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
    ToySentence s = ToySentence.of(n, dModel, p.seed(), 1);
    AttentionHead head = AttentionHead.random(dModel, dk, dk, false, Rng.stream(p.seed(), 2));
    Attention.Steps steps = head.forward(s.embeddings(), causal);
    double[][] v = Matrices.multiply(s.embeddings(), head.wv());

    List<String> words = s.tokens();
    List<String> valueDims = new ArrayList<>();
    for (int j = 1; j <= dk; j++) {
      valueDims.add("v" + j);
    }
    String mask = causal ? " (causal mask)" : "";
    // The whole sentence fits the title up to about eight words; beyond, the labels carry it.
    String title = n <= 8 ? "Self-attention on \"" + String.join(" ", words) + "\""
        : "Self-attention on the first " + n + " words of the toy sentence";
    Figure figure = Figure.grid(title, 2, 2)
        .subtitle(String.format(Locale.US, "%d tokens · d_model = %d · d_k = d_v = %d · %s · "
            + "seed %d", n, dModel, dk, causal ? "causal" : "no mask", p.seed()))
        .add(tokens(HeatmapPlot.titled("1. Scores S = Q·Kᵀ"), words).matrix(steps.scores())
            .diverging().cellFormat("%.1f").colourBarLabel("q·k"))
        .add(tokens(HeatmapPlot.titled(String.format(Locale.US, "2. Scaled S/√d_k = S/%.2f%s",
            Math.sqrt(dk), mask)), words).matrix(masked(steps.scaled(), causal)).diverging()
            .cellFormat("%.1f").colourBarLabel("q·k/√d_k"))
        .add(tokens(HeatmapPlot.titled("3. Weights A = softmax(row)" + mask), words)
            .matrix(steps.weights()).range(0, 1).cellFormat("%.2f").colourBarLabel("weight"))
        .add(HeatmapPlot.titled("4. Output O = A·V (one row per token)").matrix(steps.output())
            .rowLabels(words).columnLabels(valueDims).axes("value dimension", "query token")
            .diverging().cellFormat("%.2f").colourBarLabel("output"));

    Result result = Result.of(figure)
        .finding(Finding.of("row_sum_error", "max |Σ_j A_ij − 1|",
            AttentionChecks.maxRowSumError(steps.weights()), "").withReference(0, DEFINITION))
        .finding(Finding.of("output_error", "max |O − A·V| (A·V by hand)",
            AttentionChecks.maxOutputError(steps.output(), steps.weights(), v), "")
            .withReference(0, DEFINITION))
        .finding(Finding.of("min_weight", "smallest weight", AttentionChecks.minWeight(
            steps.weights()), ""));
    double repeated = AttentionChecks.maxRowDifference(steps.weights(), s.repeats());
    if (!Double.isNaN(repeated)) {
      Finding f = Finding.of("repeated_word_rows", "max |A_i − A_j|, equal words i, j", repeated,
          "");
      // Without a mask equal inputs give equal rows exactly; the mask lets them differ.
      result.finding(causal ? f : f.withReference(0, "equal embeddings, no position encoding"));
    }
    result.finding(Finding.of("mean_max_weight", "largest weight per row, mean",
        meanRowMax(steps.weights()), ""));
    return result.data("tokens", words).data("steps", stepData(steps));
  }

  /** Tokens as axis labels: queries down the side, keys along the bottom. */
  private static HeatmapPlot tokens(HeatmapPlot h, List<String> words) {
    return h.rowLabels(words).columnLabels(words).axes("key token", "query token");
  }

  /** The scaled scores as the softmax sees them: masked entries NaN (drawn grey, "—"). */
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
