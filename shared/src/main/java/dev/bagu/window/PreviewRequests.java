package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what the window computes when a control changes: while a slider's thumb is held (Swing's
 * {@code getValueIsAdjusting()}), a quick preview, if the demo {@linkplain Demo#hasPreview has
 * one}; when the thumb is released, and for every other control, the full run. No Swing here, so
 * the logic is tested headless; the {@link LatestOnlyRunner} behind it drops previews that a newer
 * position or the release has made stale.
 */
final class PreviewRequests {
  private final boolean demoHasPreview;

  PreviewRequests(Demo demo) {
    this.demoHasPreview = demo.hasPreview();
  }

  /**
   * The parameters to compute after the user set {@code name} to {@code value}, or empty when
   * there is nothing new. The same value asks for nothing (pressing the thumb, or a log slider
   * moved within one integer), except the release after previews: the full run at that value.
   *
   * @param last what was last asked for, preview or full
   * @param adjusting true while the user still holds the slider
   * @throws dev.bagu.demo.UserException for a value the parameter does not allow
   */
  Optional<Params> next(Params last, String name, Object value, boolean adjusting) {
    boolean preview = adjusting && demoHasPreview;
    if (Objects.equals(last.get(name), value)) {
      return last.preview() && !preview ? Optional.of(last.withPreview(false)) : Optional.empty();
    }
    return Optional.of(last.with(name, value).withPreview(preview));
  }
}
