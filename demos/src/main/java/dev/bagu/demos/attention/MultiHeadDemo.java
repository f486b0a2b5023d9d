package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Multi-Head Attention: two relations at once need two heads; one head is left with an error. */
public final class MultiHeadDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("vocab", 4, 2, 8, "distinct tokens V; targets are one-hot, 2V wide")
          .zh("不同词元的个数 V；目标是独热向量，宽 2V"),
      Param.integer("length", 8, 4, 16, "tokens per sequence n").zh("每条序列的词元数 n"),
      Param.integer("offset", 3, 2, 15, "the second relation: copy the token this far back "
          + "(the first is 1 back); must be below length")
          .zh("第二种关系：复制往前这么多位的词元（第一种是往前 1 位）；必须小于 length"),
      Param.integer("sequences", 24, 4, 128, "training sequences (a fresh 200 test the fit)")
          .logScale().zh("训练序列的条数（另取 200 条新序列检验拟合）"),
      Param.integer("steps", 150, 0, 2000, "full-batch Adam steps (learning rate 0.1)")
          .zh("全批量 Adam 的步数（学习率 0.1）"),
      Param.integer("dk", 4, 1, 16, "query/key width of every head").zh("每个头的查询/键维度"));
  private static final int TEST_SEQUENCES = 200;
  /** A preview's test sequences: its test losses and relation weights are noisier averages. */
  private static final int PREVIEW_TEST_SEQUENCES = 50;

  private record TrainingKey(int vocab, int length, int offset, int sequences, int steps, int dk,
      int testPoints, int testSequences, long seed) {}

  private static final Memo<TrainingKey, MultiHeadTraining.Run[]> TRAINED =
      new Memo<>(8);
  private static final double LEARNING_RATE = 0.1;

  @Override
  public DemoInfo info() {
    return new DemoInfo("multi-head", "Multi-head attention: one relation per head",
        Section.ATTENTION, "Multi-Head Attention",
        "one head trained to copy the previous token and the token k back at once, against two")
        .zh("多头注意力：一个头学一种关系",
            "让一个头同时复制前一个词元和往前第 k 个词元，与两个头对比");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's Adam steps at most, half the default: two heads have split by then. */
  static final int PREVIEW_STEPS = 75;
  /** Steps a preview measures the test loss at: 0, 25, 50, 75 (a full run, 11). */
  static final int PREVIEW_TEST_POINTS = 4;

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int vocab = p.integer("vocab");
    int length = p.integer("length");
    int offset = p.integer("offset");
    Lang l = p.lang();
    if (offset >= length) {
      throw new UserException("offset = " + offset + " must be below length = " + length
          + " (a token " + offset + " back must exist)");
    }
    TwoRelationsTask train = TwoRelationsTask.random(vocab, length, offset,
        p.integer("sequences"), Rng.stream(p.seed(), 1));
    int testSequences = p.preview() ? PREVIEW_TEST_SEQUENCES : TEST_SEQUENCES;
    TwoRelationsTask test = TwoRelationsTask.random(vocab, length, offset, testSequences,
        Rng.stream(p.seed(), 2));
    // The two trainings are independent (own streams): run side by side, same result either way.
    // Memoised on every parameter and the seed (a bounded cache; the trained models are only
    // read afterwards): a rerun, or the same figure in the other language, reuses them.
    int dk = p.integer("dk");
    // A preview (a slider being dragged) trains at most PREVIEW_STEPS steps; the subtitle and
    // the loss curves show how many. Keyed by the steps trained, so it never stands in for more.
    int steps = p.preview() ? Math.min(p.integer("steps"), PREVIEW_STEPS) : p.integer("steps");
    int testPoints = p.preview() ? PREVIEW_TEST_POINTS : MultiHeadTraining.TEST_POINTS;
    MultiHeadTraining.Run[] runs = TRAINED.get(new TrainingKey(vocab, length, offset,
        train.sequences(), steps, dk, testPoints, testSequences, p.seed()),
        key -> IntStream.of(1, 2).parallel()
        .mapToObj(h -> MultiHeadTraining.train(train, test, MultiHeadTraining.initial(train, h,
            dk, Rng.stream(p.seed(), 2 + h)), steps, LEARNING_RATE, testPoints))
        .toArray(MultiHeadTraining.Run[]::new));
    MultiHeadTraining.Run one = runs[0];
    MultiHeadTraining.Run two = runs[1];

    MultiHeadAttention.Output oneOut = one.model().forward(test.input(0), true);
    MultiHeadAttention.Output twoOut = two.model().forward(test.input(0), true);
    RelationWeights oneW = RelationWeights.of(test, one.model());
    RelationWeights twoW = RelationWeights.of(test, two.model());
    // The findings name the two heads by what they learned: the one leaning more on t−1 is the
    // "previous" head. The panels keep the heads in their own order, 1 then 2, as the
    // concatenation does.
    int prevHead = twoW.previous()[0] >= twoW.previous()[1] ? 0 : 1;
    int offHead = 1 - prevHead;

    List<String> keys = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      String label = i + " " + TwoRelationsTask.letter(test.tokens()[0][i]);
      keys.add(label);
      labels.add(i < offset ? "(" + label + ")" : label); // no target: not scored
    }
    double floor = train.oneRelationError();
    String positionToken = l.t("position, token; ( ) not scored", "位置，词元；括号内不计分");
    Figure figure = Figure.grid(l.t("Multi-head attention: two relations need two heads",
            "多头注意力：两种关系要两个头"), 2, 3)
        .subtitle(l.f("target at position i: [token i−1 | token i−%d] · V = %d · n = %d · %d "
                + "training sequences · %d Adam steps · d_k = %d · seed %d",
            "位置 i 的目标：[词元 i−1 | 词元 i−%d] · V = %d · n = %d · %d 条训练序列 · "
                + "Adam %d 步 · d_k = %d · 种子 %d", offset,
            vocab, length, train.sequences(), one.loss().length - 1, p.integer("dk"), p.seed()))
        .add(lossPanel(one, two, floor, l))
        .add(weights(l.t("1 head: weights", "1 个头：权重"), oneOut.heads().get(0), labels, keys, l))
        .add(HeatmapPlot.titled(l.t("1 head: output (target: two one-hots)",
                "1 个头：输出（目标：两个独热向量）"))
            .matrix(scoredRows(oneOut.output(), offset)).rowLabels(labels)
            .columnLabels(outputLabels(vocab, offset))
            .axes(l.t("output: token i−1 | token i−", "输出：词元 i−1 | 词元 i−") + offset,
                l.t("position, token; grey: not scored", "位置，词元；灰色：不计分"))
            .diverging().cellFormat("%.1f").colourBarLabel(l.t("output", "输出")))
        .add(weights(headTitle(0, twoW, offset, l), twoOut.heads().get(0), labels, keys, l))
        .add(weights(headTitle(1, twoW, offset, l), twoOut.heads().get(1), labels, keys, l))
        .add(HeatmapPlot.titled(l.t("2 heads: concatenation [head 1 | head 2]",
                "2 个头：拼接 [头 1 | 头 2]"))
            .matrix(twoOut.concatenated()).rowLabels(labels)
            .columnLabels(concatLabels(vocab))
            .axes(l.t("value dimension", "值的维度"), positionToken)
            .diverging().cellFormat("%.1f").colourBarLabel(l.t("head output", "头的输出")));

    double testOne = one.finalTestLoss();
    double testTwo = two.finalTestLoss();
    return Result.of(figure)
        .finding(Finding.of("one_head_error", l.t("1 head: error per row, test",
                "1 个头：每行误差，测试集"), testOne, "")
            .withReference(floor, l.t("head with fixed weights, 1 − 1/V (derived)",
                "权重固定的头，1 − 1/V（推导）")))
        .finding(Finding.of("one_head_train_error", l.t("1 head: error per row, training",
            "1 个头：每行误差，训练集"), one.finalLoss(), ""))
        .finding(Finding.of("two_heads_error", l.t("2 heads: error per row, test",
                "2 个头：每行误差，测试集"), testTwo, "")
            .withReference(0, l.t("one head per relation (construction; ±0.01 after training)",
                "每种关系一个头（构造出的解；训练后允许 ±0.01）"), 0.01))
        .finding(Finding.of("two_heads_train_error", l.t("2 heads: error per row, training",
            "2 个头：每行误差，训练集"), two.finalLoss(), ""))
        .finding(Finding.of("one_head_on_relations", l.f("1 head: weight on i−1 + on i−%d",
                "1 个头：i−1 与 i−%d 上的权重之和", offset),
            oneW.previous()[0] + oneW.offset()[0], ""))
        .finding(Finding.of("prev_head_weight", l.t("2 heads: weight of its head on i−1",
                "2 个头：对应的头在 i−1 上的权重"),
            twoW.previous()[prevHead], "").withReference(1, l.t("one-hot copy", "独热复制")))
        .finding(Finding.of("offset_head_weight", l.f("2 heads: weight of its head on i−%d",
                "2 个头：对应的头在 i−%d 上的权重", offset),
            twoW.offset()[offHead], "").withReference(1, l.t("one-hot copy", "独热复制")))
        .finding(Finding.of("row_sum_error", l.t("max |Σ_j A_ij − 1|, all heads, test",
                "max |Σ_j A_ij − 1|，所有头，测试集"),
            Math.max(oneW.rowSumError(), twoW.rowSumError()), "")
            .withReference(0, l.t("softmax definition", "softmax 的定义"), 1e-12))
        .data("loss_one_head", one.loss()).data("loss_two_heads", two.loss())
        .data("test_tokens", test.tokens()[0]);
  }

  private static XyPlot lossPanel(MultiHeadTraining.Run one, MultiHeadTraining.Run two,
      double floor, Lang l) {
    double[] x = new double[one.loss().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    double[] fl = new double[x.length];
    Arrays.fill(fl, floor);
    String oneTrain = l.t("1 head", "1 个头");
    String twoTrain = l.t("2 heads", "2 个头");
    return XyPlot.titled(l.t("Training and test error per row", "训练集与测试集的每行误差"))
        .axes(l.t("Adam step (line: training, dots: test)", "Adam 步数（线：训练集，点：测试集）"), l.t("‖Ŷ_i − Y_i‖², mean", "‖Ŷ_i − Y_i‖² 的均值"))
        .logY().curve(oneTrain, x, one.loss())
        .line(l.t("1 head, test", "1 个头，测试集"), one.testSteps(), one.testLoss())
        .sameColourAs(oneTrain).notInLegend()
        .curve(twoTrain, x, two.loss())
        .line(l.t("2 heads, test", "2 个头，测试集"), two.testSteps(), two.testLoss())
        .sameColourAs(twoTrain).notInLegend()
        .dashed(l.t("fixed-weight head, 1 − 1/V", "权重固定的头，1 − 1/V"), x, fl);
  }

  /**
   * A head's title says "learned i−k" only when the weights say so: at least half its weight,
   * averaged over the scored test rows, on that relation (the number in brackets). Otherwise it
   * gives its mean weight on both relations and claims nothing.
   */
  static String headTitle(int head, RelationWeights w, int offset, Lang l) {
    double prev = w.previous()[head];
    double off = w.offset()[head];
    if (Math.max(prev, off) >= 0.5) {
      boolean isPrev = prev >= off;
      return l.f("2 heads: head %d learned i−%d (%.2f)", "2 个头：头 %d 学到 i−%d（%.2f）",
          head + 1, isPrev ? 1 : offset, isPrev ? prev : off);
    }
    return l.f("2 heads: head %d (i−1: %.2f, i−%d: %.2f)", "2 个头：头 %d（i−1：%.2f，i−%d：%.2f）",
        head + 1, prev, offset, off);
  }

  /** The rows with a target (i ≥ offset); the others become NaN (drawn grey, "—"). */
  private static double[][] scoredRows(double[][] m, int offset) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
      if (i < offset) {
        Arrays.fill(out[i], Double.NaN);
      }
    }
    return out;
  }

  /** A head's weights; the causal mask's cells (key after query) are grey, "—". */
  private static HeatmapPlot weights(String title, Attention.Steps s, List<String> rows,
      List<String> keys, Lang l) {
    double[][] w = new double[s.weights().length][];
    for (int i = 0; i < w.length; i++) {
      w[i] = s.weights()[i].clone();
      Arrays.fill(w[i], i + 1, w[i].length, Double.NaN);
    }
    return HeatmapPlot.titled(title).matrix(w).range(0, 1)
        .rowLabels(rows).columnLabels(keys)
        .axes(l.t("key (grey: masked)", "键（灰色：被掩码）"),
            l.t("query; ( ) not scored", "查询；括号内不计分"))
        .cellFormat("%.2f").colourBarLabel(l.t("weight", "权重"));
  }

  private static List<String> outputLabels(int vocab, int offset) {
    List<String> l = new ArrayList<>();
    for (int half = 0; half < 2; half++) {
      for (int t = 0; t < vocab; t++) {
        l.add((half == 0 ? "−1:" : "−" + offset + ":") + TwoRelationsTask.letter(t));
      }
    }
    return l;
  }

  private static List<String> concatLabels(int vocab) {
    List<String> l = new ArrayList<>();
    for (int h = 1; h <= 2; h++) {
      for (int j = 1; j <= vocab; j++) {
        l.add("h" + h + "·" + j);
      }
    }
    return l;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new MultiHeadDemo(), args);
  }
}
