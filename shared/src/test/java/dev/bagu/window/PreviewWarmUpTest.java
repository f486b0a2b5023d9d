package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import java.awt.Dimension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drags a window runs unseen before the user's first change. */
class PreviewWarmUpTest {
  private static final Dimension SIZE = new Dimension(200, 150);
  private static final long NO_LIMIT = 60_000;
  private DemoView view;

  @AfterEach
  void close() {
    if (view != null) {
      view.close();
    }
  }

  private static void runAll(Iterator<Runnable> slices) {
    slices.forEachRemaining(Runnable::run);
  }

  @Test
  void eachSliderOneValueUpAndDownThenTwoAllPreviewsSkippingAnEnd() {
    FakeDemo demo = new FakeDemo(true);
    Params from = Params.defaults(demo.params()); // n = 10 (log, 1–1000), scale = 1.0
    List<Params> drags = PreviewWarmUp.drags(from.withPreview(true));
    assertThat(drags).hasSize(8).allSatisfy(p -> assertThat(p.preview()).isTrue());
    assertThat(drags).extracting(p -> changed(from, p))
        .containsExactly("n", "n", "scale", "scale", "n", "n", "scale", "scale");
    assertThat((int) drags.get(0).get("n")).isGreaterThan(10);
    assertThat((int) drags.get(1).get("n")).isLessThan(10);
    assertThat((int) drags.get(4).get("n")).isGreaterThan((int) drags.get(0).get("n"));
    assertThat((int) drags.get(5).get("n")).isLessThan((int) drags.get(1).get("n"));

    Params atBottom = from.with("n", 1);
    assertThat(PreviewWarmUp.drags(atBottom)).extracting(p -> changed(atBottom, p))
        .containsExactly("n", "scale", "scale", "n", "scale", "scale"); // no n below 1
  }

  /** The one parameter {@code p} changed from {@code from}. */
  private static String changed(Params from, Params p) {
    List<String> names = from.declared().stream().map(Param::name)
        .filter(name -> !from.get(name).equals(p.get(name))).toList();
    assertThat(names).hasSize(1);
    return names.get(0);
  }

  @Test
  void runsEveryDragRoundAfterRoundAsTheWindowWouldARefusedValueSkippedAndABugThrown() {
    FakeDemo demo = new FakeDemo(true);
    Params shown = Params.defaults(demo.params()).with("n", 12); // 13 is refused, as a user error
    runAll(PreviewWarmUp.of(demo, shown, SIZE, NO_LIMIT));
    List<Params> drags = PreviewWarmUp.drags(shown.withPreview(true));
    assertThat(demo.runs).hasSize(PreviewWarmUp.ROUNDS * 8)
        .allSatisfy(p -> assertThat(p.preview()).isTrue());
    for (int round = 0; round < PreviewWarmUp.ROUNDS; round++) {
      assertThat(demo.runs.subList(8 * round, 8 * round + 8)).extracting(Params::summary)
          .isEqualTo(drags.stream().map(Params::summary).toList());
    }
    assertThat(drags).extracting(p -> p.integer("n")).contains(13);

    Params nearBug = IntStream.rangeClosed(600, 700).mapToObj(n -> shown.with("n", n))
        .filter(p -> PreviewWarmUp.drags(p.withPreview(true)).stream()
            .anyMatch(d -> d.integer("n") == 666))
        .findFirst().orElseThrow();
    Iterator<Runnable> bug = PreviewWarmUp.of(demo, nearBug, SIZE, NO_LIMIT);
    assertThatThrownBy(() -> runAll(bug)).hasMessage("a bug"); // 666: the runner ends the work
  }

  @Test
  void noneForAFileTheUsersDataAndNoneAfterTheBudgetButTheFirstSlice() {
    FakeDemo demo = new FakeDemo(true);
    Params shown = Params.defaults(demo.params());
    assertThat(PreviewWarmUp.of(demo, shown.withInput(Path.of("points.csv")), SIZE, NO_LIMIT))
        .isExhausted();

    Iterator<Runnable> spent = PreviewWarmUp.of(demo, shown, SIZE, 0);
    assertThat(spent.hasNext()).isTrue();
    spent.next().run();
    assertThat(spent.hasNext()).isFalse();
    assertThat(demo.runs).hasSize(1);
  }

  /** A demo that keeps its one computation in a memo, counting the times it computes. */
  private static final class MemoDemo implements Demo {
    final Memo<Integer, Double> memo = new Memo<>(64);
    final AtomicInteger computed = new AtomicInteger();
    private final FakeDemo drawn = new FakeDemo(true);

    @Override
    public DemoInfo info() {
      return drawn.info();
    }

    @Override
    public List<Param<?>> params() {
      return drawn.params();
    }

    @Override
    public boolean hasPreview() {
      return true;
    }

    @Override
    public Result run(Params p) {
      memo.get(p.integer("n"), n -> {
        computed.incrementAndGet();
        return Math.sqrt(n);
      });
      return drawn.run(p);
    }
  }

  @Test
  void leavesTheDemosMemosAlone() {
    MemoDemo demo = new MemoDemo();
    Params shown = Params.defaults(demo.params());
    demo.run(shown); // the first figure: n = 10 kept
    runAll(PreviewWarmUp.of(demo, shown, SIZE, NO_LIMIT));
    int warm = PreviewWarmUp.ROUNDS * 8;
    assertThat(demo.computed).hasValue(1 + warm); // every drag computed, none from the memo
    demo.run(PreviewWarmUp.drags(shown.withPreview(true)).get(0)); // the user's first drag
    assertThat(demo.computed).hasValue(1 + warm + 1); // computed: the warm-up kept nothing
    demo.run(shown);
    assertThat(demo.computed).hasValue(1 + warm + 1); // still kept
  }


  @Test
  void inTheViewItShowsNothingAndTheFirstChangeEndsIt() throws Exception {
    FakeDemo demo = new FakeDemo(true);
    view = Edt.call(() -> new DemoView(demo, Params.defaults(demo.params())));
    SwingUtilities.invokeAndWait(view::warmUp);
    int warm = PreviewWarmUp.ROUNDS * 8;
    for (int i = 0; i < 250 && demo.runs.size() < 1 + warm; i++) {
      Thread.sleep(20);
    }
    assertThat(view.awaitIdle(Duration.ofSeconds(10))).isTrue();
    Thread.sleep(100);
    assertThat(demo.runs).hasSize(1 + warm);
    assertThat(demo.runs.get(0).preview()).isFalse(); // the first figure first
    assertThat(Edt.call(() -> view.figure().title())).isEqualTo("n = 10");
    assertThat(Edt.call(() -> view.figure().stamp())).isEmpty();
    assertThat(Edt.call(() -> (String) view.findingsModel().getValueAt(0, 0))).isEqualTo("The n");

    demo.gate = new java.util.concurrent.CountDownLatch(1);
    SwingUtilities.invokeAndWait(view::warmUp); // again, held by the gate at its first drag
    for (int i = 0; i < 250 && demo.runs.size() < 1 + warm + 1; i++) {
      Thread.sleep(20);
    }
    view.setParams(view.params().with("n", 20));
    demo.gate.countDown();
    assertThat(view.awaitIdle(Duration.ofSeconds(10))).isTrue();
    Thread.sleep(100);
    assertThat(demo.runs).hasSize(1 + warm + 2); // one drag of the second warm-up, the change
    assertThat(demo.runs.get(demo.runs.size() - 1).integer("n")).isEqualTo(20);
    assertThat(Edt.call(() -> view.figure().title())).isEqualTo("n = 20");
  }
}
