package dev.bagu.bench;

/**
 * How fast one demo is at its default parameters.
 *
 * @param coldMillis compute + render of the first run in this JVM (what a fresh {@code bagu run}
 *     pays, JIT warm-up included)
 * @param computeMillis median of the warm runs' {@code Demo.run}
 * @param renderMillis median of the warm runs' drawing of the figure into an image at its own
 *     size (what the window does on every change)
 * @param peakHeapMb the most heap in use during the runs, garbage not yet collected included
 */
public record DemoTiming(String id, double coldMillis, double computeMillis,
    double renderMillis, double peakHeapMb) {
  /** DESIGN.md's budget: warm compute + render at the defaults within 150 ms. */
  public static final double BUDGET_MILLIS = 150;
  /** The first run in a fresh JVM (class loading and JIT included) within a second. */
  public static final double COLD_BUDGET_MILLIS = 1000;

  public double warmMillis() {
    return computeMillis + renderMillis;
  }

  public boolean overBudget() {
    return warmMillis() > BUDGET_MILLIS || coldMillis > COLD_BUDGET_MILLIS;
  }

  /** "ok", or which budget it is over: "over 150 ms warm", "first run over 1 s". */
  public String verdict() {
    if (warmMillis() > BUDGET_MILLIS) {
      return "over 150 ms warm";
    }
    return coldMillis > COLD_BUDGET_MILLIS ? "first run over 1 s" : "ok";
  }
}
