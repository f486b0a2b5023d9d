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
import dev.bagu.nn.AttentionHead;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;

/** 为什么要用三个不一样的 QKV: shared Q = K gives a symmetric score matrix; separate need not. */
public final class QkvProjectionsDemo implements Demo {
  private static final double LEARNING_RATE = 0.1;
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tokens", 8, 2, ToySentence.TEXT.size(), "words of the toy sentence, and "
          + "tokens n of the random draws and of the training")
          .zh("取玩具句子的前几个词；也是随机抽取和训练时的词元数 n"),
      Param.integer("dmodel", 8, 2, 64, "embedding width d_model").zh("嵌入维度 d_model"),
      Param.integer("dk", 4, 1, 32, "query/key width d_k").zh("查询/键的维度 d_k"),
      Param.integer("trials", 400, 1, 5000, "random draws of X, W for the diagonal counts")
          .logScale().zh("统计对角线时随机抽取 X、W 的次数"),
      Param.integer("steps", 200, 0, 2000, "Adam steps of the previous-token training "
          + "(learning rate 0.1)").zh("训练“关注前一个词元”所用的 Adam 步数（学习率 0.1）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("qkv-projections", "Q, K, V: why separate projections",
        Section.ATTENTION, "为什么要用三个不一样的 QKV",
        "shared Q = K against separate W_Q, W_K: symmetric against asymmetric scores, the "
            + "diagonal over many draws, and training to attend to the previous token")
        .zh("Q、K、V：为什么要用三个不同的投影",
            "共享 Q = K 与分开的 W_Q、W_K 对比：分数矩阵对称与否、多次随机抽取下的对角线、"
                + "以及训练它们关注前一个词元");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's most random draws and Adam steps: the same panels, noisier and less trained. */
  static final int PREVIEW_TRIALS = 100;
  static final int PREVIEW_STEPS = 60;

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("tokens");
    int d = p.integer("dmodel");
    int dk = p.integer("dk");
    // A preview (a slider being dragged) draws at most PREVIEW_TRIALS and trains at most
    // PREVIEW_STEPS; the subtitle and titles state the counts used.
    int steps = p.preview() ? Math.min(p.integer("steps"), PREVIEW_STEPS) : p.integer("steps");
    int trials = p.preview() ? Math.min(p.integer("trials"), PREVIEW_TRIALS)
        : p.integer("trials");
    Lang l = p.lang();
    ToySentence s = ToySentence.of(n, d, p.seed(), 1);
    double[][] shared = SharedQk.scores(AttentionHead.random(d, dk, 1, true,
        Rng.stream(p.seed(), 2)), s.embeddings());
    double[][] separate = SharedQk.scores(AttentionHead.random(d, dk, 1, false,
        Rng.stream(p.seed(), 3)), s.embeddings());
    SharedQk.Stats st = SharedQk.stats(n, d, dk, trials, p.seed());
    SharedQk.Run[] runs = java.util.stream.IntStream.of(0, 1).parallel()
        .mapToObj(k -> SharedQk.trainPreviousToken(n, dk, k == 0, steps, LEARNING_RATE,
            Rng.stream(p.seed(), 4 + k))).toArray(SharedQk.Run[]::new);

    List<String> positions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      positions.add(l.t("pos ", "位置 ") + i);
    }
    List<String> words = s.labels(l);
    String cauchySchwarz = l.t("Cauchy–Schwarz", "柯西–施瓦茨不等式");
    Figure figure = Figure.grid(l.t("Q, K, V: shared Q = K against separate projections",
            "Q、K、V：共享 Q = K 与分开投影的对比"), 2, 3)
        .subtitle(l.f("n = %d · d_model = %d · d_k = %d · %d random draws · %d Adam steps · "
                + "seed %d", "n = %d · d_model = %d · d_k = %d · 随机抽取 %d 次 · Adam %d 步 · "
                + "种子 %d", n, d, dk, trials, steps, p.seed()))
        .add(scoreMap(l.t("Shared W_Q = W_K: S = QQᵀ", "共享 W_Q = W_K：S = QQᵀ"), shared, words,
            l))
        .add(scoreMap(l.t("Separate W_Q, W_K: S = QKᵀ", "分开的 W_Q、W_K：S = QKᵀ"), separate,
            words, l))
        .add(lossPanel(runs, l))
        .add(weightMap(weightsTitle(l.t("shared", "共享"), steps, l), runs[0], n, positions, l))
        .add(weightMap(weightsTitle(l.t("separate", "分开"), steps, l), runs[1], n, positions,
            l))
        .add(diagonalPanel(st, n, l));

    return Result.of(figure)
        .finding(Finding.of("shared_asymmetry", l.t("shared: max |S − Sᵀ|, sentence and draws",
                "共享：max |S − Sᵀ|，句子和随机抽取"),
            Math.max(st.sharedAsymmetry(), Matrices.maxAbsDifference(shared,
                Matrices.transpose(shared))), "").withReference(0, l.t("S = QQᵀ is symmetric",
                "S = QQᵀ 是对称矩阵")))
        .finding(Finding.of("separate_asymmetry", l.t("separate: max |S − Sᵀ|, sentence",
                "分开：max |S − Sᵀ|，句子"),
            Matrices.maxAbsDifference(separate, Matrices.transpose(separate)), ""))
        .finding(Finding.of("shared_diagonal_rows", l.t("shared: rows whose maximum is their own "
            + "token", "共享：最大值落在自身词元上的行占比"), st.sharedDiagonalRows(), ""))
        .finding(Finding.of("separate_diagonal_rows", l.f("separate: rows "
            + "whose maximum is their own token (1/n = %.3f)",
            "分开：最大值落在自身词元上的行占比（1/n = %.3f）", 1.0 / n),
            st.separateDiagonalRows(), ""))
        .finding(Finding.of("longest_query_wins", l.t("shared: the longest query's row peaks on "
            + "the diagonal", "共享：最长查询的那一行在对角线上取最大"), st.longestQueryWins(),
            "").withReference(1, cauchySchwarz + l.t(": ", "：")
            + "q_i·q_j ≤ ‖q_i‖‖q_j‖ ≤ ‖q_i‖²", 0))
        .finding(Finding.of("pair_violations", l.t("shared: pairs with S_ij > max(S_ii, S_jj)",
                "共享：S_ij > max(S_ii, S_jj) 的对数"),
            st.pairViolations(), "").withReference(0, cauchySchwarz, 0))
        .finding(Finding.of("shared_prev_error", l.f("shared: 1 − weight on i−1, after %d steps",
                "共享：1 − i−1 上的权重，%d 步之后", steps), runs[0].finalError(), ""))
        .finding(Finding.of("separate_prev_error", l.f("separate: 1 − weight on i−1, after %d "
                + "steps", "分开：1 − i−1 上的权重，%d 步之后", steps), runs[1].finalError(), "")
            .withUpperBound(0.05, l.t("W_Q W_Kᵀ can be a shift matrix",
                "W_Q W_Kᵀ 可以是移位矩阵")))
        .data("tokens", s.tokens()).data("shared_scores", shared)
        .data("separate_scores", separate).data("shared_error", runs[0].error())
        .data("separate_error", runs[1].error());
  }

  /** "After 200 Adam steps, shared: weights"; "Untrained (0 steps)" when nothing was trained. */
  static String weightsTitle(String which, int steps, Lang l) {
    return steps == 0
        ? l.f("Untrained (0 steps), %s: weights", "未训练（0 步），%s：权重", which)
        : l.f("After %d Adam steps, %s: weights", "Adam %d 步之后，%s：权重", steps, which);
  }

  private static HeatmapPlot scoreMap(String title, double[][] s, List<String> words, Lang l) {
    return HeatmapPlot.titled(title).matrix(s).rowLabels(words).columnLabels(words)
        .axes(l.t("key token", "键词元"), l.t("query token", "查询词元")).diverging()
        .cellFormat("%.1f").colourBarLabel("q·k");
  }

  private static HeatmapPlot weightMap(String title, SharedQk.Run run, int n,
      List<String> positions, Lang l) {
    return HeatmapPlot.titled(title).matrix(SharedQk.forward(run.head(), n).weights())
        .range(0, 1).rowLabels(positions).columnLabels(positions)
        .axes(l.t("key", "键"), l.t("query", "查询"))
        .cellFormat("%.2f").colourBarLabel(l.t("weight", "权重"));
  }

  private static XyPlot lossPanel(SharedQk.Run[] runs, Lang l) {
    double[] x = new double[runs[0].error().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return XyPlot.titled(l.t("Previous-token training", "训练关注前一个词元"))
        .axes(l.t("Adam step", "Adam 步数"), l.t("1 − mean weight on i−1", "1 − i−1 上的平均权重"))
        .logY().curve(l.t("shared Q = K", "共享 Q = K"), x, runs[0].error())
        .curve(l.t("separate Q, K", "分开的 Q、K"), x, runs[1].error());
  }

  private static dev.bagu.plot.BarPlot diagonalPanel(SharedQk.Stats st, int n, Lang l) {
    return dev.bagu.plot.BarPlot.titled(l.t("Row max on own token", "行最大值落在自身词元上"))
        .axes(l.t("projection", "投影方式"), l.t("fraction of rows", "行的比例"))
        .categories(List.of(l.t("shared Q = K", "共享 Q = K"), l.t("separate", "分开"),
            l.t("chance 1/n", "随机水平 1/n")))
        .bars(l.t("fraction", "比例"), new double[] {st.sharedDiagonalRows(),
            st.separateDiagonalRows(), 1.0 / n}).yRange(0, 1);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new QkvProjectionsDemo(), args);
  }
}
