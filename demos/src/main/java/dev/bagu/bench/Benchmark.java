package dev.bagu.bench;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.math.Stats;
import dev.bagu.plot.FigureExport;
import com.sun.management.HotSpotDiagnosticMXBean;
import java.awt.Dimension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Times demos one after another in this JVM: a first (cold) run, untimed runs for at least
 * {@link #WARM_UP_NANOS} and {@link #WARM_UP_RUNS} runs (the JIT compiles the drawing code only after some dozens of figures: a
 * demo benched on its own read 160 ms warm at 15 runs and 66 ms at 40), then {@code runs} warm
 * runs whose medians are reported, so one slow run (a GC pause, the other core busy) does not
 * decide; then {@code runs} parameter changes as the window makes them ({@link WindowRepaint}),
 * full and as previews.
 */
public final class Benchmark {
  private Benchmark() {}

  /** Untimed runs before the warm ones: half a second, and {@link #WARM_UP_RUNS} at least. */
  static final long WARM_UP_NANOS = 500_000_000L;

  /**
   * The fewest untimed runs. Half a second alone is too few runs for a demo whose compute is
   * mostly real waiting (concurrency, about 115 ms a run: four runs), and the JIT had not yet
   * compiled its drawing code: its render read 25–30 ms after four runs and 12–18 ms after 30.
   */
  static final int WARM_UP_RUNS = 10;

  public static DemoTiming time(Demo demo, int runs) {
    Params p = Params.defaults(demo.params());
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    keepHeapAfterFullGc();
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    double[] cold = once(demo, p);
    long warmUntil = System.nanoTime() + WARM_UP_NANOS;
    for (int i = 0; i < WARM_UP_RUNS || System.nanoTime() < warmUntil; i++) {
      once(demo, p);
    }
    double[] compute = new double[runs];
    double[] render = new double[runs];
    for (int i = 0; i < runs; i++) {
      double[] t = once(demo, p);
      compute[i] = t[0];
      render[i] = t[1];
    }
    long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    double repaint = Stats.median(WindowRepaint.times(demo, p, runs));
    double preview = demo.hasPreview()
        ? Stats.median(WindowRepaint.times(demo, p.withPreview(true), runs)) : repaint;
    return new DemoTiming(demo.info().id(), cold[0] + cold[1], Stats.median(compute),
        Stats.median(render), repaint, preview, demo.hasPreview(), peak / 1e6);
  }

  /**
   * The full collection before each demo (for its peak heap) is the bench's own: a window never
   * forces one. After it G1 shrank the heap to 60–100 MB, so the timed runs met far more young
   * collections than a window would (a full bench: 518 pauses, against 78 with the heap kept;
   * previews within 50 ms 39–41 of 42 in three runs, against 40–42 interleaved with them). So
   * the heap G1 has grown stays. A JVM without the option (not HotSpot) sizes as it does.
   */
  private static void keepHeapAfterFullGc() {
    try {
      ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
          .setVMOption("MaxHeapFreeRatio", "100");
    } catch (IllegalArgumentException | NullPointerException e) {
      // not this JVM's option, or no such bean: the bench still runs
    }
  }

  /** {compute ms, render ms} of one run. */
  private static double[] once(Demo demo, Params p) {
    long start = System.nanoTime();
    Result result = Preview.run(demo, p);
    long computed = System.nanoTime();
    Dimension size = result.figure().preferredSize();
    FigureExport.image(result.figure(), size.width, size.height, FigureExport.BASE_DPI);
    long drawn = System.nanoTime();
    return new double[] {(computed - start) / 1e6, (drawn - computed) / 1e6};
  }
}
