package dev.bagu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class WindowRepaintTest {
  /** Records the (k, width, seed) of every run; refuses odd widths above 3. */
  static final class RecordingDemo implements Demo {
    final List<List<Object>> asked = new ArrayList<>();

    @Override
    public DemoInfo info() {
      return new DemoInfo("recording", "Recording", Section.TRAINING, "记录", "Records its runs.");
    }

    @Override
    public List<Param<?>> params() {
      return List.of(Param.integer("k", 1, 1, 2, "two values"),
          Param.integer("width", 2, 1, 9, "odd widths above 3 refused"));
    }

    @Override
    public Result run(Params p) {
      int width = p.integer("width");
      if (width > 3 && width % 2 == 1) {
        throw new UserException("odd width " + width);
      }
      synchronized (asked) {
        asked.add(List.of(p.integer("k"), width, p.seed()));
      }
      return Result.of(Figure.single("t", XyPlot.titled("x").line("y", new double[] {0, 1},
          new double[] {0, 1})).preferredSize(300, 200));
    }
  }

  /**
   * top-k's slider has one move (1 → 2): it still gets every timed change, each at a new seed,
   * so none repeats a run a memo could answer, and the slider is moved in each.
   */
  @Test
  void aTwoValuedSliderGetsEveryChangeAtNewSeeds() {
    RecordingDemo demo = new RecordingDemo();
    Params start = Params.defaults(demo.params()).withSeed(3);
    assertThat(WindowRepaint.times(demo, start, "k", 5)).hasSize(5);
    assertThat(demo.asked).hasSize(5).allMatch(run -> run.get(0).equals(2));
    assertThat(new HashSet<>(demo.asked)).hasSize(5);
    assertThat(demo.asked.get(0).get(2)).isEqualTo(3L); // the first move at the start's seed
  }

  /** Refused values are skipped, and the slider is still what moves, never the seed alone. */
  @Test
  void aPartlyRefusedSliderIsMovedNotReseededAlone() {
    RecordingDemo demo = new RecordingDemo();
    Params start = Params.defaults(demo.params());
    assertThat(WindowRepaint.times(demo, start, "width", 5)).hasSize(5);
    assertThat(demo.asked).allMatch(run -> !run.get(1).equals(2));
    assertThat(demo.asked.stream().map(run -> run.get(1)).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(1, 3, 4, 6, 8);
  }

  @Test
  void withoutASliderEachChangeIsANewSeed() {
    RecordingDemo demo = new RecordingDemo();
    Params start = Params.defaults(demo.params());
    assertThat(WindowRepaint.times(demo, start, null, 4)).hasSize(4);
    assertThat(demo.asked.stream().map(run -> run.get(2)).collect(Collectors.toSet()))
        .hasSize(4).doesNotContain(start.seed());
  }
}
