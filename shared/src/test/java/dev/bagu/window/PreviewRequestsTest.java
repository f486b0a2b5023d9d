package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The slider's adjusting flag to preview or full requests, without Swing. */
class PreviewRequestsTest {
  private final Params defaults = Params.defaults(new FakeDemo().params());
  private final PreviewRequests withPreview = new PreviewRequests(new FakeDemo(true));
  private final PreviewRequests withoutPreview = new PreviewRequests(new FakeDemo(false));

  @Test
  void draggingAsksForPreviewsAndTheReleaseForTheFullRunAtTheSameValue() {
    Params dragged = withPreview.next(defaults, "n", 20, true).orElseThrow();
    assertThat(dragged.preview()).isTrue();
    assertThat(dragged.integer("n")).isEqualTo(20);
    Params further = withPreview.next(dragged, "n", 30, true).orElseThrow();
    assertThat(further.preview()).isTrue();
    // Swing reports the release as one more change, not adjusting, at the value already shown.
    Params released = withPreview.next(further, "n", 30, false).orElseThrow();
    assertThat(released.preview()).isFalse();
    assertThat(released.integer("n")).isEqualTo(30);
    assertThat(withPreview.next(released, "n", 30, false)).isEmpty();
  }

  @Test
  void theSameValueWhileDraggingAsksForNothing() {
    assertThat(withPreview.next(defaults, "n", 10, true)).isEmpty(); // the thumb pressed
    Params dragged = withPreview.next(defaults, "n", 20, true).orElseThrow();
    assertThat(withPreview.next(dragged, "n", 20, true)).isEmpty(); // a log slider within one integer
  }

  @Test
  void aClickWithoutADragComputesNothingNew() {
    assertThat(withPreview.next(defaults, "n", 10, true)).isEmpty(); // pressed
    assertThat(withPreview.next(defaults, "n", 10, false)).isEmpty(); // released: still final
  }

  @Test
  void otherControlsAndClicksAskForTheFullRun() {
    Optional<Params> chosen = withPreview.next(defaults, "mode", "b", false);
    assertThat(chosen).hasValueSatisfying(p -> assertThat(p.preview()).isFalse());
    assertThat(withPreview.next(defaults, "mode", "a", false)).isEmpty(); // unchanged
  }

  @Test
  void aDemoWithoutAPreviewRunsFullyWhileDraggedAndNotAgainOnRelease() {
    Params dragged = withoutPreview.next(defaults, "n", 20, true).orElseThrow();
    assertThat(dragged.preview()).isFalse();
    assertThat(withoutPreview.next(dragged, "n", 20, false)).isEmpty();
  }
}
