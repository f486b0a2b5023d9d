package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import java.time.Duration;
import javax.swing.JSlider;
import javax.swing.SwingUtilities;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dragging a slider in the (headless) view: stamped previews, then the full run on release. */
class DemoViewPreviewTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private DemoView view;

  @AfterEach
  void close() {
    if (view != null) {
      view.close();
    }
  }


  private JSlider open(FakeDemo demo) throws Exception {
    view = Edt.call(() -> new DemoView(demo, Params.defaults(demo.params())));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    return Edt.call(() -> (JSlider) view.controls().paramControls().get(0).editor());
  }

  private String firstFinding(int column) throws Exception {
    return Edt.call(() -> (String) view.findingsModel().getValueAt(0, column));
  }

  @Test
  void aDraggedSliderShowsStampedPreviewsAndTheReleaseTheFullResult() throws Exception {
    FakeDemo demo = new FakeDemo(true);
    JSlider slider = open(demo);
    SwingUtilities.invokeAndWait(() -> {
      slider.setValueIsAdjusting(true); // the thumb pressed
      slider.setValue(slider.getMaximum());
    });
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.params().preview()).isTrue();
    assertThat(demo.runs.get(demo.runs.size() - 1).preview()).isTrue();
    assertThat(view.figure().title()).isEqualTo("n = 1000");
    assertThat(view.figure().stamp()).isEqualTo("preview");
    // The findings stay the last full run's: a preview's numbers are not final.
    assertThat(firstFinding(0)).isEqualTo("The n");
    assertThat(firstFinding(FindingsTableModel.VALUE)).isEqualTo("10");
    assertThat(view.statusText()).startsWith("preview in ");

    SwingUtilities.invokeAndWait(() -> slider.setValueIsAdjusting(false)); // released
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.params().preview()).isFalse();
    assertThat(demo.runs.get(demo.runs.size() - 1).preview()).isFalse();
    assertThat(view.figure().stamp()).isEmpty();
    assertThat(firstFinding(FindingsTableModel.VALUE)).isEqualTo("1000");
    assertThat(view.statusText()).startsWith("computed in ");
  }

  @Test
  void aDemoWithoutAPreviewRunsFullyWhileDraggedUnstamped() throws Exception {
    FakeDemo demo = new FakeDemo(false);
    JSlider slider = open(demo);
    int before = demo.runs.size();
    SwingUtilities.invokeAndWait(() -> {
      slider.setValueIsAdjusting(true);
      slider.setValue(slider.getMaximum());
    });
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.figure().stamp()).isEmpty();
    assertThat(firstFinding(FindingsTableModel.VALUE)).isEqualTo("1000");
    SwingUtilities.invokeAndWait(() -> slider.setValueIsAdjusting(false));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(demo.runs).hasSize(before + 1); // the release computes nothing again
    assertThat(demo.runs.get(before).preview()).isFalse();
  }

  @Test
  void theLanguageChosenMidDragGivesTheFullRun() throws Exception {
    FakeDemo demo = new FakeDemo(true);
    JSlider slider = open(demo);
    SwingUtilities.invokeAndWait(() -> {
      slider.setValueIsAdjusting(true);
      slider.setValue(slider.getMaximum());
    });
    assertThat(view.awaitIdle(WAIT)).isTrue();
    SwingUtilities.invokeAndWait(() -> view.setLanguage(dev.bagu.i18n.Lang.ZH));
    assertThat(view.awaitIdle(WAIT)).isTrue();
    assertThat(view.params().preview()).isFalse();
    assertThat(view.figure().stamp()).isEmpty();
  }
}
