package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.plot.Figure;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import javax.swing.JButton;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The view is a plain panel, so it is built and driven headless; no window is opened. */
class DemoViewTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final FakeDemo demo = new FakeDemo();
  private final Params defaults = Params.defaults(demo.params());
  private DemoView view;

  @AfterEach
  void close() {
    if (view != null) {
      view.close();
    }
  }


  private DemoView open(Params initial) throws Exception {
    view = Edt.call(() -> new DemoView(demo, initial));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    return view;
  }

  private List<String> column(int c) throws Exception {
    return Edt.call(() -> {
      FindingsTableModel m = view.findingsModel();
      return IntStream.range(0, m.getRowCount())
          .mapToObj(r -> m.getValueAt(r, c)).toList();
    });
  }

  @Test
  void showsTheFigureAndFindingsOfTheInitialParameters() throws Exception {
    open(defaults.with("n", 20));
    assertThat(view.figure().title()).isEqualTo("n = 20");
    assertThat(column(0)).containsExactly("The n", "n times scale");
    assertThat(column(FindingsTableModel.VALUE)).containsExactly("20", "20");
    assertThat(column(FindingsTableModel.REFERENCE)).containsExactly("", "10");
    assertThat(view.statusText()).startsWith("computed in ").endsWith(" ms");
    assertThat(view.statusIsError()).isFalse();
  }

  @Test
  void setParamsRecomputesAndMovesTheControls() throws Exception {
    open(defaults);
    view.setParams(defaults.with("n", 500).with("mode", "b").withSeed(7));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.figure().title()).isEqualTo("n = 500");
    assertThat(demo.runs.get(demo.runs.size() - 1).seed()).isEqualTo(7);
    String shown = Edt.call(() -> view.controls().paramControls().get(0).valueLabel().getText());
    assertThat(shown).isEqualTo("500");
    Object seed = Edt.call(() -> view.controls().seedSpinner().getValue());
    assertThat(seed).isEqualTo(7L);
  }

  @Test
  void movingASliderRecomputesWithTheMappedValue() throws Exception {
    open(defaults);
    SwingUtilities.invokeAndWait(() -> {
      JSlider slider = (JSlider) view.controls().paramControls().get(0).editor();
      slider.setValue(slider.getMaximum());
    });
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.params().integer("n")).isEqualTo(1000);
    assertThat(view.figure().title()).isEqualTo("n = 1000");
  }

  @Test
  void showingValuesDoesNotStartAnotherComputation() throws Exception {
    open(defaults);
    int before = demo.runs.size();
    view.setParams(defaults.with("scale", 2.5));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(demo.runs).hasSize(before + 1); // moving the slider to 2.5 did not echo back
  }

  @Test
  void aUserErrorGoesToTheStatusLineAndTheLastFigureStays() throws Exception {
    open(defaults);
    Figure good = view.figure();
    view.setParams(defaults.with("n", 13));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.statusIsError()).isTrue();
    assertThat(view.statusText()).isEqualTo("parameter n = 13 is unlucky: allowed anything else");
    assertThat(view.figure()).isSameAs(good);
  }

  @Test
  void aBugIsNamedInTheStatusLine() throws Exception {
    open(defaults);
    view.setParams(defaults.with("n", 666));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.statusText()).isEqualTo("IllegalStateException: a bug");
    view.setParams(defaults.with("n", 5)); // and the next change works again
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.statusIsError()).isFalse();
    assertThat(view.figure().title()).isEqualTo("n = 5");
  }

  @Test
  void resetGoesBackToTheDefaultsAndSeedZero() throws Exception {
    open(defaults.with("n", 300).with("flag", true).withSeed(42));
    SwingUtilities.invokeAndWait(() -> findButton("Reset to defaults").doClick());
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.params().values()).isEqualTo(defaults.values());
    assertThat(view.params().seed()).isZero();
    assertThat(view.figure().title()).isEqualTo("n = 10");
  }

  private JButton findButton(String text) {
    return findButton(view.controls(), text)
        .orElseThrow(() -> new AssertionError("no button " + text));
  }

  private static java.util.Optional<JButton> findButton(java.awt.Container box, String text) {
    for (var c : box.getComponents()) {
      if (c instanceof JButton b && b.getText().equals(text)) {
        return java.util.Optional.of(b);
      }
      if (c instanceof java.awt.Container inner) {
        var found = findButton(inner, text);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return java.util.Optional.empty();
  }

  @Test
  void changesDuringASlowRunAreCoalescedIntoTheNewest() throws Exception {
    open(defaults);
    CountDownLatch gate = new CountDownLatch(1);
    demo.gate = gate;
    int before = demo.runs.size();
    for (int n = 100; n <= 110; n++) {
      view.setParams(defaults.with("n", n));
    }
    assertThat(view.awaitIdle(Duration.ofMillis(200))).isFalse(); // still held at the gate
    gate.countDown();
    assertThat(view.awaitIdle(WAIT)).isTrue();
    List<Integer> computed = demo.runs.subList(before, demo.runs.size()).stream()
        .map(p -> p.integer("n")).toList();
    assertThat(computed).hasSizeLessThanOrEqualTo(2).endsWith(110);
    assertThat(view.figure().title()).isEqualTo("n = 110");
  }

  @Test
  void parametersOfAnotherDemoAreRejected() throws Exception {
    open(defaults);
    Params other = Params.defaults(List.of(Param.integer("k", 1, 1, 2, "")));
    assertThatThrownBy(() -> view.setParams(other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fake-demo");
  }

  @Test
  void awaitIdleRefusesToBlockTheEventThread() throws Exception {
    open(defaults);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        view.awaitIdle(WAIT);
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aMissingExplanationIsSaidInThePaneNotThrown() {
    /** The fake demo under a name that has no explanation beside it. */
    final class Unexplained implements dev.bagu.demo.Demo {
      @Override
      public dev.bagu.demo.DemoInfo info() {
        return demo.info();
      }

      @Override
      public List<Param<?>> params() {
        return demo.params();
      }

      @Override
      public dev.bagu.demo.Result run(Params p) {
        return demo.run(p);
      }
    }
    assertThat(ExplanationPane.htmlFor(new Unexplained())).contains("No explanation")
        .contains("Unexplained.md");
  }
}
