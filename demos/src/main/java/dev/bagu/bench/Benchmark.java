package dev.bagu.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.math.Stats;
import dev.bagu.plot.FigureExport;
import dev.bagu.window.DemoView;
import dev.bagu.window.PreviewWarmUp;
import dev.bagu.window.SliderMoves;
import java.awt.Dimension;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times demos in this JVM, in two passes.
 *
 * <ol>
 *   <li>Each demo's first (cold) run, one after another: what a fresh {@code bagu run} pays for
 *       that demo, after the demos before it.
 *   <li>Each demo again: untimed runs for at least {@link #WARM_UP_NANOS} and {@link
 *       #WARM_UP_RUNS} runs, then {@code runs} warm runs whose medians are reported, so one slow
 *       run (a GC pause, the other core busy) does not decide; then what a window does before
 *       the user's first change ({@link PreviewWarmUp}: up to 3 s of drags, unseen); then
 *       {@code runs} parameter changes as the window makes them ({@link WindowRepaint}): every
 *       slider dragged (as previews, if the demo has them), then the first released (full
 *       runs), each series after as many untimed changes ({@link #changes}).
 * </ol>
 *
 * <p>Why two passes: the drawing code (XChart, Java2D's rasteriser, text) is shared by every
 * demo, and the JIT compiles it only after thousands of figures. In one pass the first demos
 * benched paid for that: softmax-scaling, benched second, read 43–49 ms while dragging in five
 * runs, and 22 ms benched last. After the first pass every demo is timed with the shared code
 * as warm as it gets in a window that has been open a while; a demo's own code is warmed by its
 * own untimed runs, as before.
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

  /** The demos' timings, in their order: every first run, then every demo warm (see above). */
  public static List<DemoTiming> time(List<Demo> demos, int runs) {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    keepHeapAfterFullGc();
    double[] cold = new double[demos.size()];
    long[] coldPeak = new long[demos.size()];
    for (int i = 0; i < demos.size(); i++) {
      resetPeak(heap);
      double[] t = once(demos.get(i), Params.defaults(demos.get(i).params()));
      cold[i] = t[0] + t[1];
      coldPeak[i] = peak(heap);
    }
    List<DemoTiming> timings = new java.util.ArrayList<>();
    for (int i = 0; i < demos.size(); i++) {
      resetPeak(heap);
      timings.add(warm(demos.get(i), runs, cold[i], heap, coldPeak[i]));
    }
    return timings;
  }

  /** A full collection, then the pools' peaks set to what is live. */
  private static void resetPeak(List<MemoryPoolMXBean> heap) {
    System.gc();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long peak(List<MemoryPoolMXBean> heap) {
    return heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
  }

  private static DemoTiming warm(Demo demo, int runs, double coldMillis,
      List<MemoryPoolMXBean> heap, long coldPeak) {
    Params p = Params.defaults(demo.params());
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
    // What the window does between its first figure and the user's first change (the warm runs
    // above repeat the defaults, which most demos' memos answer, so they warm only the drawing).
    // Without it the first demos timed read their drags' code still compiling: multi-head's
    // trainings computed in 50–70 ms where they take 14 once compiled. In the window a change
    // made sooner ends it; here it runs to its end, as for a user who read the figure first.
    PreviewWarmUp.of(demo, p, DemoView.figureSizeAtDesignSize(), PreviewWarmUp.BUDGET_MILLIS)
        .forEachRemaining(Runnable::run);
    // Previews first, as in the window: a drag, then the release. The other way round, a
    // preview could reuse what the full run had just computed at the same slider value, which
    // no drag finds (head-dimension's previews read 14–16 ms so, and 45–70 ms without that help).
    // Every slider is dragged, not only the first: weight-init's first is cheap, and its steps
    // and lr sliders retrained seven nets for 230–290 ms while dragged.
    List<String> sliders = SliderMoves.sliders(p);
    Map<String, Double> drags = new LinkedHashMap<>();
    if (demo.hasPreview()) {
      for (String slider : sliders) {
        drags.put(slider, Stats.median(changes(demo, p.withPreview(true), slider, runs)));
      }
    }
    String first = sliders.isEmpty() ? null : sliders.get(0);
    double repaint = Stats.median(changes(demo, p, first, runs));
    if (!demo.hasPreview()) { // a drag runs the demo fully
      for (String slider : sliders) {
        drags.put(slider, slider.equals(first) ? repaint
            : Stats.median(changes(demo, p, slider, runs)));
      }
    }
    String slowest = drags.entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(null);
    double preview = slowest == null ? repaint : drags.get(slowest);
    long peakBytes = Math.max(coldPeak, peak(heap));
    return new DemoTiming(demo.info().id(), coldMillis, Stats.median(compute),
        Stats.median(render), repaint, preview, slowest, drags, demo.hasPreview(),
        peakBytes / 1e6);
  }

  /** Added to the seed for the untimed changes before the timed ones: seeds never timed. */
  static final long WARM_UP_SEED_OFFSET = 1_000_003;

  /**
   * {@code runs} timed changes from {@code start}, after as many untimed ones from another seed.
   * The warm runs above mostly hit the demo's memos (the same parameters each time), so the code
   * a change runs, its training or sweep, had run once or twice when the changes were timed, and
   * the JIT had often not yet compiled it: moe-routing's previews read 18–26 ms in some full runs
   * and 65–100 ms in others. The untimed changes, at a seed the timed ones never use (so no memo
   * answers the timed ones), stand for a user's first drags.
   */
  private static double[] changes(Demo demo, Params start, String slider, int runs) {
    WindowRepaint.times(demo, start.withSeed(start.seed() + WARM_UP_SEED_OFFSET), slider, runs);
    return WindowRepaint.times(demo, start, slider, runs);
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
