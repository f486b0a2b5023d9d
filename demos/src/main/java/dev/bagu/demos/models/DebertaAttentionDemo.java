package dev.bagu.demos.models;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.attention.ToySentence;
import dev.bagu.demos.models.DisentangledAttention.Terms;
import dev.bagu.demos.models.DisentangledAttention.Weights;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DeBERTa disentangled attention: content and relative position, each with its own projections. */
public final class DebertaAttentionDemo implements Demo {
  private static final String HE = "He et al. 2021 (DeBERTa), §3.1";
  private static final String HE_ZH = "He 等 2021（DeBERTa），§3.1";
  /** Width of the content and position embeddings fed to the projections. */
  static final int D_MODEL = 32;
  /** Random inputs averaged over for the variance check of the 1/√(3d) scaling. */
  private static final int VARIANCE_TRIALS = 200;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("n", 12, 2, ToySentence.TEXT.size(), "tokens of the toy sentence")
          .zh("玩具句子的词数"),
      Param.integer("k", 4, 1, 32,
          "maximum relative distance k: δ(i, j) is clipped to [0, 2k), 2k position vectors")
          .zh("最大相对距离 k：δ(i, j) 截断到 [0, 2k)，共 2k 个位置向量"),
      Param.integer("d", 16, 2, 256, "head dimension d of the projected queries and keys")
          .logScale().zh("投影后查询和键的维度 d（头维度）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("deberta-attention", "DeBERTa disentangled attention", Section.MODELS,
        "DeBERTa disentangled attention",
        "score = content→content + content→position + position→content over √(3d), with the "
            + "relative distance clipped to [0, 2k)")
        .zh("DeBERTa 的解耦注意力",
            "分数 = 内容→内容 + 内容→位置 + 位置→内容，再除以 √(3d)；相对距离截断到 [0, 2k)");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("n");
    int k = p.integer("k");
    int d = p.integer("d");
    Lang l = p.lang();
    // Separate streams: the weights, the position table and the words each have their own.
    Weights w = Weights.random(d, D_MODEL, Rng.stream(p.seed(), 1));
    double[][] positions = Matrices.gaussian(2 * k, D_MODEL, 1, Rng.stream(p.seed(), 2));
    ToySentence sentence = ToySentence.of(n, D_MODEL, p.seed(), 3);
    Terms terms = DisentangledAttention.terms(sentence.embeddings(), positions, w, k);
    double[][] sum = terms.sum();
    double[][] gathered = DisentangledAttention.scoresByGather(sentence.embeddings(), positions,
        w, k);
    int[][] deltas = DisentangledAttention.deltas(n, k);
    // Every token the same word: what is left to vary is the position's part.
    double[][] same = DisentangledAttention.repeated(sentence.embeddings()[0], n);
    Terms sameTerms = DisentangledAttention.terms(same, positions, w, k);
    double spread = DisentangledAttention.spreadWithinClippedDistance(sameTerms.sum(), k);
    double variance = scaledVariance(n, k, d, Rng.stream(p.seed(), 4));

    int outside = 0;
    int clipped = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        outside += deltas[i][j] < 0 || deltas[i][j] >= 2 * k ? 1 : 0;
        clipped += Math.abs(i - j) >= k ? 1 : 0;
      }
    }
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      labels.add(i + " " + word(sentence.tokens().get(i), l));
    }
    double range = 0;
    for (double[][] m : List.of(terms.c2c(), terms.c2p(), terms.p2c(), sum)) {
      for (double[] row : m) {
        for (double v : row) {
          range = Math.max(range, Math.abs(v));
        }
      }
    }
    DebertaPanels panels = new DebertaPanels(labels, range, l);
    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("%d tokens · k = %d (2k = %d position vectors) · d = %d · every map ÷ √(3d) "
                + "· seed %d", "%d 个词 · k = %d（2k = %d 个位置向量）· d = %d · 每张图都 ÷ √(3d) · 种子 %d",
            n, k, 2 * k, d, p.seed()))
        .add(panels.scores(l.t("content → content  Q_c·K_cᵀ", "内容→内容  Q_c·K_cᵀ"),
            terms.c2c()))
        .add(panels.scores(l.t("content → position  Q_c·K_r,δ(i,j)", "内容→位置  Q_c·K_r,δ(i,j)"),
            terms.c2p()))
        .add(panels.scores(l.t("position → content  K_c·Q_r,δ(j,i)", "位置→内容  K_c·Q_r,δ(j,i)"),
            terms.p2c()))
        .add(panels.scores(l.t("sum: the disentangled score Ã/√(3d)", "三项之和：解耦分数 Ã/√(3d)"),
            sum))
        .add(panels.deltas(deltas, k))
        .add(panels.positionOnly(sameTerms, k, word(sentence.tokens().get(0), l)));

    Result result = Result.of(figure);
    String he = l.t(HE, HE_ZH);
    result.finding(Finding.of("sum_vs_direct", l.t("max |sum of the three maps − score by "
            + "gather (Algorithm 1)|", "max |三张图之和 − 按索引收集算出的分数（算法 1）|"),
            Matrices.maxAbsDifference(sum, gathered), "").withReference(0, he, 1e-12))
        .finding(Finding.of("delta_outside", l.t("indices δ(i, j) outside [0, 2k)",
            "落在 [0, 2k) 之外的索引 δ(i, j)"), outside, "").withReference(0, he, 0))
        .finding(Finding.of("delta_clipped", l.t("pairs with |i − j| ≥ k (clipped)",
            "|i − j| ≥ k 的对数（被截断）"), clipped, ""))
        .finding(Finding.of("position_spread", l.t("same word everywhere: max score spread at "
            + "equal clip(i − j, −k, k)", "全是同一个词：截断后的 i − j 相同的对之间分数的最大差"),
            spread, "").withReference(0, he + l.t(" (derived)", "（推导）"), 1e-12))
        .finding(Finding.of("scaled_variance", l.t("Var(Ã/√(3d)) over random inputs",
            "随机输入下 Var(Ã/√(3d))"), variance, "").withReference(1, he + l.t(
            " (three terms of variance d)", "（三项，各自方差为 d）"), 0.1));
    Map<String, Object> maps = new LinkedHashMap<>();
    maps.put("tokens", sentence.tokens());
    maps.put("c2c", terms.c2c());
    maps.put("c2p", terms.c2p());
    maps.put("p2c", terms.p2c());
    maps.put("score", sum);
    maps.put("delta", deltas);
    return result.data("scores", maps).data("same_word_scores", sameTerms.sum());
  }

  /** The toy sentence's words in Chinese, for the Chinese figure's labels. */
  private static final Map<String, String> WORDS_ZH = Map.of("the", "这", "cat", "猫",
      "sat", "坐", "on", "在", "mat", "垫子", "and", "和", "dog", "狗", "rug", "地毯", "so", "所以",
      "saw", "看见");

  static String word(String english, Lang l) {
    return l.t(english, WORDS_ZH.getOrDefault(english, english));
  }

  /**
   * Var(Ã/√(3d)) over all pairs of fresh random inputs: contents, positions and weights drawn
   * anew per trial, unit-variance inputs, projections N(0, 1/d_model). Each of the three dot
   * products has variance ≈ d, their sum ≈ 3d, so the scaled score has variance ≈ 1.
   */
  static double scaledVariance(int n, int k, int d, Rng rng) {
    double sum = 0;
    double sumSq = 0;
    long count = 0;
    for (int t = 0; t < VARIANCE_TRIALS; t++) {
      Weights w = Weights.random(d, D_MODEL, rng);
      double[][] h = Matrices.gaussian(n, D_MODEL, 1, rng);
      double[][] pos = Matrices.gaussian(2 * k, D_MODEL, 1, rng);
      for (double[] row : DisentangledAttention.scoresByGather(h, pos, w, k)) {
        for (double v : row) {
          sum += v;
          sumSq += v * v;
          count++;
        }
      }
    }
    double mean = sum / count;
    return sumSq / count - mean * mean;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new DebertaAttentionDemo(), args);
  }
}
