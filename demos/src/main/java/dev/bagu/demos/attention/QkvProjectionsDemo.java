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
import dev.bagu.nn.AttentionHead;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** 为什么要用三个不一样的 QKV: shared Q = K gives a symmetric score matrix; separate need not. */
public final class QkvProjectionsDemo implements Demo {
  private static final double LEARNING_RATE = 0.1;
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tokens", 8, 2, ToySentence.TEXT.size(), "words of the toy sentence, and "
          + "tokens n of the random draws and of the training"),
      Param.integer("dmodel", 8, 2, 64, "embedding width d_model"),
      Param.integer("dk", 4, 1, 32, "query/key width d_k"),
      Param.integer("trials", 400, 1, 5000, "random draws of X, W for the diagonal counts")
          .logScale(),
      Param.integer("steps", 200, 0, 2000, "Adam steps of the previous-token training "
          + "(learning rate 0.1)"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("qkv-projections", "Q, K, V: why separate projections",
        Section.ATTENTION, "为什么要用三个不一样的 QKV",
        "shared Q = K against separate W_Q, W_K: symmetric against asymmetric scores, the "
            + "diagonal over many draws, and training to attend to the previous token");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("tokens");
    int d = p.integer("dmodel");
    int dk = p.integer("dk");
    int steps = p.integer("steps");
    ToySentence s = ToySentence.of(n, d, p.seed(), 1);
    double[][] shared = SharedQk.scores(AttentionHead.random(d, dk, 1, true,
        Rng.stream(p.seed(), 2)), s.embeddings());
    double[][] separate = SharedQk.scores(AttentionHead.random(d, dk, 1, false,
        Rng.stream(p.seed(), 3)), s.embeddings());
    SharedQk.Stats st = SharedQk.stats(n, d, dk, p.integer("trials"), p.seed());
    SharedQk.Run[] runs = java.util.stream.IntStream.of(0, 1).parallel()
        .mapToObj(k -> SharedQk.trainPreviousToken(n, dk, k == 0, steps, LEARNING_RATE,
            Rng.stream(p.seed(), 4 + k))).toArray(SharedQk.Run[]::new);

    List<String> positions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      positions.add("pos " + i);
    }
    Figure figure = Figure.grid("Q, K, V: shared Q = K against separate projections", 2, 3)
        .subtitle(String.format(Locale.US, "n = %d · d_model = %d · d_k = %d · %d random draws"
            + " · %d Adam steps · seed %d", n, d, dk, p.integer("trials"), steps, p.seed()))
        .add(scoreMap("Shared W_Q = W_K: S = QQᵀ", shared, s.tokens()))
        .add(scoreMap("Separate W_Q, W_K: S = QKᵀ", separate, s.tokens()))
        .add(lossPanel(runs))
        .add(weightMap("Trained, shared: weights", runs[0], n, positions))
        .add(weightMap("Trained, separate: weights", runs[1], n, positions))
        .add(diagonalPanel(st, n));

    return Result.of(figure)
        .finding(Finding.of("shared_asymmetry", "shared: max |S − Sᵀ|, sentence and draws",
            Math.max(st.sharedAsymmetry(), Matrices.maxAbsDifference(shared,
                Matrices.transpose(shared))), "").withReference(0, "S = QQᵀ is symmetric"))
        .finding(Finding.of("separate_asymmetry", "separate: max |S − Sᵀ|, sentence",
            Matrices.maxAbsDifference(separate, Matrices.transpose(separate)), ""))
        .finding(Finding.of("shared_diagonal_rows", "shared: rows whose maximum is their own "
            + "token", st.sharedDiagonalRows(), ""))
        .finding(Finding.of("separate_diagonal_rows", String.format(Locale.US, "separate: rows "
            + "whose maximum is their own token (1/n = %.3f)", 1.0 / n),
            st.separateDiagonalRows(), ""))
        .finding(Finding.of("longest_query_wins", "shared: the longest query's row peaks on "
            + "the diagonal", st.longestQueryWins(), "").withReference(1,
            "Cauchy–Schwarz: q_i·q_j ≤ ‖q_i‖‖q_j‖ ≤ ‖q_i‖²", 0))
        .finding(Finding.of("pair_violations", "shared: pairs with S_ij > max(S_ii, S_jj)",
            st.pairViolations(), "").withReference(0, "Cauchy–Schwarz", 0))
        .finding(Finding.of("shared_prev_error", "shared: 1 − weight on i−1, trained",
            runs[0].finalError(), ""))
        .finding(Finding.of("separate_prev_error", "separate: 1 − weight on i−1, trained",
            runs[1].finalError(), "").withUpperBound(0.05, "W_Q W_Kᵀ can be a shift matrix"))
        .data("tokens", s.tokens()).data("shared_scores", shared)
        .data("separate_scores", separate).data("shared_error", runs[0].error())
        .data("separate_error", runs[1].error());
  }

  private static HeatmapPlot scoreMap(String title, double[][] s, List<String> words) {
    return HeatmapPlot.titled(title).matrix(s).rowLabels(words).columnLabels(words)
        .axes("key token", "query token").diverging().cellFormat("%.1f").colourBarLabel("q·k");
  }

  private static HeatmapPlot weightMap(String title, SharedQk.Run run, int n,
      List<String> positions) {
    return HeatmapPlot.titled(title).matrix(SharedQk.forward(run.head(), n).weights())
        .range(0, 1).rowLabels(positions).columnLabels(positions).axes("key", "query")
        .cellFormat("%.2f").colourBarLabel("weight");
  }

  private static XyPlot lossPanel(SharedQk.Run[] runs) {
    double[] x = new double[runs[0].error().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    return XyPlot.titled("Previous-token training").axes("Adam step",
        "1 − mean weight on i−1").logY().curve("shared Q = K", x, runs[0].error())
        .curve("separate Q, K", x, runs[1].error());
  }

  private static dev.bagu.plot.BarPlot diagonalPanel(SharedQk.Stats st, int n) {
    return dev.bagu.plot.BarPlot.titled("Row max on own token")
        .axes("projection", "fraction of rows").categories(List.of("shared Q = K",
            "separate", "chance 1/n"))
        .bars("fraction", new double[] {st.sharedDiagonalRows(), st.separateDiagonalRows(),
            1.0 / n}).yRange(0, 1);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new QkvProjectionsDemo(), args);
  }
}
