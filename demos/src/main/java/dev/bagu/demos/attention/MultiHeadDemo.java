package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Multi-Head Attention: two relations at once need two heads; one head is left with an error. */
public final class MultiHeadDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("vocab", 4, 2, 8, "distinct tokens V; targets are one-hot, 2V wide"),
      Param.integer("length", 8, 4, 16, "tokens per sequence n"),
      Param.integer("offset", 3, 2, 15, "the second relation: copy the token this far back "
          + "(the first is 1 back); must be below length"),
      Param.integer("sequences", 24, 4, 128, "training sequences (a fresh 200 test the fit)")
          .logScale(),
      Param.integer("steps", 150, 0, 2000, "full-batch Adam steps (learning rate 0.1)"),
      Param.integer("dk", 4, 1, 16, "query/key width of every head"));
  private static final int TEST_SEQUENCES = 200;
  private static final double LEARNING_RATE = 0.1;

  @Override
  public DemoInfo info() {
    return new DemoInfo("multi-head", "Multi-head attention: one relation per head",
        Section.ATTENTION, "Multi-Head Attention",
        "one head trained to copy the previous token and the token k back at once, against two");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int vocab = p.integer("vocab");
    int length = p.integer("length");
    int offset = p.integer("offset");
    if (offset >= length) {
      throw new UserException("offset = " + offset + " must be below length = " + length
          + " (a token " + offset + " back must exist)");
    }
    TwoRelationsTask train = TwoRelationsTask.random(vocab, length, offset,
        p.integer("sequences"), Rng.stream(p.seed(), 1));
    TwoRelationsTask test = TwoRelationsTask.random(vocab, length, offset, TEST_SEQUENCES,
        Rng.stream(p.seed(), 2));
    // The two trainings are independent (own streams): run side by side, same result either way.
    MultiHeadTraining.Run[] runs = IntStream.of(1, 2).parallel().mapToObj(h ->
        MultiHeadTraining.train(train, MultiHeadTraining.initial(train, h, p.integer("dk"),
            Rng.stream(p.seed(), 2 + h)), p.integer("steps"), LEARNING_RATE))
        .toArray(MultiHeadTraining.Run[]::new);
    MultiHeadTraining.Run one = runs[0];
    MultiHeadTraining.Run two = runs[1];

    MultiHeadAttention.Output oneOut = one.model().forward(test.input(0), true);
    MultiHeadAttention.Output twoOut = two.model().forward(test.input(0), true);
    RelationWeights oneW = RelationWeights.of(test, one.model());
    RelationWeights twoW = RelationWeights.of(test, two.model());
    // Name the two heads by what they learned: the one leaning more on t−1 is "previous".
    int prevHead = twoW.previous()[0] >= twoW.previous()[1] ? 0 : 1;
    int offHead = 1 - prevHead;

    List<String> labels = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      labels.add(i + " " + TwoRelationsTask.letter(test.tokens()[0][i]));
    }
    double floor = train.oneRelationError();
    Figure figure = Figure.grid("Multi-head attention: two relations need two heads", 2, 3)
        .subtitle(String.format(Locale.US, "target at position i: [token i−1 | token i−%d] · V = "
            + "%d · n = %d · %d training sequences · %d Adam steps · d_k = %d · seed %d", offset,
            vocab, length, train.sequences(), one.loss().length - 1, p.integer("dk"), p.seed()))
        .add(lossPanel(one, two, floor))
        .add(weights("1 head: weights", oneOut.heads().get(0), labels))
        .add(HeatmapPlot.titled("1 head: output (target: two one-hots)")
            .matrix(oneOut.output()).rowLabels(labels).columnLabels(outputLabels(vocab, offset))
            .axes("output: token i−1 | token i−" + offset, "position, token").diverging()
            .cellFormat("%.1f").colourBarLabel("output"))
        .add(weights("2 heads: head " + (prevHead + 1) + ", learned i−1", twoOut.heads()
            .get(prevHead), labels))
        .add(weights("2 heads: head " + (offHead + 1) + ", learned i−" + offset, twoOut.heads()
            .get(offHead), labels))
        .add(HeatmapPlot.titled("2 heads: concatenation [head 1 | head 2]")
            .matrix(twoOut.concatenated()).rowLabels(labels)
            .columnLabels(concatLabels(vocab)).axes("value dimension", "position, token")
            .diverging().cellFormat("%.1f").colourBarLabel("head output"));

    double testOne = MultiHeadTraining.loss(test, one.model());
    double testTwo = MultiHeadTraining.loss(test, two.model());
    return Result.of(figure)
        .finding(Finding.of("one_head_error", "1 head: error per row, test", testOne, "")
            .withReference(floor, "head with fixed weights, 1 − 1/V (derived)"))
        .finding(Finding.of("one_head_train_error", "1 head: error per row, training",
            one.finalLoss(), ""))
        .finding(Finding.of("two_heads_error", "2 heads: error per row, test", testTwo, "")
            .withReference(0, "one head per relation (construction; ±0.01 after training)", 0.01))
        .finding(Finding.of("two_heads_train_error", "2 heads: error per row, training",
            two.finalLoss(), ""))
        .finding(Finding.of("one_head_on_relations", "1 head: weight on i−1 + on i−" + offset,
            oneW.previous()[0] + oneW.offset()[0], ""))
        .finding(Finding.of("prev_head_weight", "2 heads: weight of its head on i−1",
            twoW.previous()[prevHead], "").withReference(1, "one-hot copy"))
        .finding(Finding.of("offset_head_weight", "2 heads: weight of its head on i−" + offset,
            twoW.offset()[offHead], "").withReference(1, "one-hot copy"))
        .finding(Finding.of("row_sum_error", "max |Σ_j A_ij − 1|, all heads, test",
            Math.max(oneW.rowSumError(), twoW.rowSumError()), "")
            .withReference(0, "softmax definition", 1e-12))
        .data("loss_one_head", one.loss()).data("loss_two_heads", two.loss())
        .data("test_tokens", test.tokens()[0]);
  }

  private static XyPlot lossPanel(MultiHeadTraining.Run one, MultiHeadTraining.Run two,
      double floor) {
    double[] x = new double[one.loss().length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    double[] fl = new double[x.length];
    Arrays.fill(fl, floor);
    return XyPlot.titled("Training error per row").axes("Adam step", "‖Ŷ_i − Y_i‖², mean")
        .logY().curve("1 head", x, one.loss())
        .curve("2 heads", x, two.loss())
        .dashed("fixed-weight head, 1 − 1/V", x, fl);
  }

  private static HeatmapPlot weights(String title, Attention.Steps s, List<String> labels) {
    return HeatmapPlot.titled(title).matrix(s.weights()).range(0, 1)
        .rowLabels(labels).columnLabels(labels).axes("key", "query").cellFormat("%.2f")
        .colourBarLabel("weight");
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
