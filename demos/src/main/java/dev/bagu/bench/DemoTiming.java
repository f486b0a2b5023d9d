package dev.bagu.bench;

import java.util.Map;

/**
 * How fast one demo is at its default parameters.
 *
 * @param coldMillis compute + render of the first run in this JVM (what a fresh {@code bagu run}
 *     pays, JIT warm-up included)
 * @param computeMillis median of the warm runs' {@code Demo.run}
 * @param renderMillis median of the warm runs' drawing of the figure into an image at its own
 *     size
 * @param repaintMillis median time from a parameter change in the window (the first slider moved
 *     to a neighbouring value) to the new figure painted at the window's figure size: the run on
 *     the window's background runner plus the painting
 * @param previewMillis the same while a slider is dragged, for the slowest slider: a preview run
 *     if the demo has one, otherwise the full run (the first slider's is then {@code
 *     repaintMillis}, not measured twice); {@code repaintMillis} for a demo without sliders
 * @param previewSlider the slider whose drag was slowest, or null without sliders
 * @param previewBySlider every slider's median while dragged, in the demo's order
 * @param hasPreview whether the demo does less work for a preview
 * @param peakHeapMb the most heap in use during the runs, garbage not yet collected included
 */
public record DemoTiming(String id, double coldMillis, double computeMillis,
    double renderMillis, double repaintMillis, double previewMillis, String previewSlider,
    Map<String, Double> previewBySlider, boolean hasPreview, double peakHeapMb) {
  /** DESIGN.md's budget: warm compute + render at the defaults within 150 ms. */
  public static final double BUDGET_MILLIS = 150;
  /** The first run in a fresh JVM (class loading and JIT included) within a second. */
  public static final double COLD_BUDGET_MILLIS = 1000;
  /** Issue 13: while a slider moves, a figure on screen within 50 ms. */
  public static final double PREVIEW_BUDGET_MILLIS = 50;

  public double warmMillis() {
    return computeMillis + renderMillis;
  }

  public boolean overBudget() {
    return warmMillis() > BUDGET_MILLIS || coldMillis > COLD_BUDGET_MILLIS;
  }

  /**
   * "ok", or which budgets it is over, most important first: "over 150 ms warm", "first run over
   * 1 s", "preview over 50 ms" (the last a target, not the 150 ms rule).
   */
  public String verdict() {
    java.util.List<String> over = new java.util.ArrayList<>();
    if (warmMillis() > BUDGET_MILLIS) {
      over.add("over 150 ms warm");
    }
    if (coldMillis > COLD_BUDGET_MILLIS) {
      over.add("first run over 1 s");
    }
    if (previewMillis > PREVIEW_BUDGET_MILLIS) {
      over.add("preview over 50 ms");
    }
    return over.isEmpty() ? "ok" : String.join(", ", over);
  }
}
