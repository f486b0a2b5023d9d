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

  /** Whether {@code --input FILE} means something to this demo (points, boxes). */
  default boolean acceptsInput() {
    return false;
  }
}
