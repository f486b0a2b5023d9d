package dev.bagu.demo;

import java.util.List;

/**
 * One concept, computed for real and drawn. Implementations are stateless: {@link #run} is a pure
 * function of its parameters (seed included), so the same {@link Params} give the same figure
 * bytes and the same findings.
 *
 * <p>The explanation is a Markdown resource named after the class ({@code SoftmaxScalingDemo.md}
 * beside {@code SoftmaxScalingDemo.class}); see {@link Explanation}.
 */
public interface Demo {
  /** Id, title, section, seed topic, summary. */
  DemoInfo info();

  /** Declared once: drives CLI {@code -p}, the window's sliders, {@code describe} and validation. */
  List<Param<?>> params();

  /** Computes and draws. Throws {@link UserException} for a bad input file. */
  Result run(Params params);

  /**
   * Whether {@link #run} does less work when {@link Params#preview()} is true. While the user
   * drags a slider the window asks for previews, which should be on screen within about 50 ms,
   * and for the full run when the slider is released. A demo whose full run takes more than about
   * 50 ms warm returns true here and reduces its work in {@code run}, in one place and visibly:
   *
   * <pre>{@code
   * int samples = p.preview() ? 2_000 : p.integer("samples"); // fewer draws while dragging
   * }</pre>
   *
   * <p>Rules: the full run ({@code preview()} false) is exactly what it would be without this
   * (same figure bytes, same findings); the preview keeps the figure's layout and meaning, only
   * noisier or coarser; the window stamps a preview's figure "preview" / "预览" (see {@link
   * Preview#run}), and shows only a full run's findings. A demo that returns false (the default)
   * ignores the flag: its preview is its full run, which is final, so it is not stamped.
   */
  default boolean hasPreview() {
    return false;
  }

  /** Whether {@code --input FILE} means something to this demo (points, boxes). */
  default boolean acceptsInput() {
    return false;
  }
}
