package dev.bagu.bench;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.demos.Catalogue;
import dev.bagu.math.Stats;
import dev.bagu.plot.FigureExport;
import dev.bagu.window.DemoView;
import dev.bagu.window.PreviewWarmUp;
import dev.bagu.window.SliderMoves;
import java.awt.Dimension;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A user's first drags in a new window, which {@code bagu bench} does not see: it times drags in
 * a JVM that has run every demo. Run once per JVM ({@code bench/first_drags.sh} starts one for
 * each measurement): the demo's first figure, then what the window does while the user reads it
 * ({@link PreviewWarmUp}, or nothing), then {@value #DRAGS} drags of one slider timed as the bench
 * times them ({@link WindowRepaint}: a background runner, the figure painted at the window's
 * size). The JIT is the window's (both compilers).
 *
 * <p>Usage: {@code java -cp bagu.jar dev.bagu.bench.FirstDrags ID SLIDER warm-up|no-warm-up}
 */
public final class FirstDrags {
  private FirstDrags() {}

  /** Drags timed. */
  static final int DRAGS = 10;

  /** How long the user looks at the first figure before the first drag. */
  static final long READING_MILLIS = 3500;

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3 || !args[2].matches("(no-)?warm-up")) {
      System.err.println("usage: FirstDrags ID SLIDER warm-up|no-warm-up");
      System.exit(2);
    }
    double[] millis;
    try {
      Demo demo = Catalogue.registry().require(args[0]);
      millis = measure(demo, args[1], args[2].equals("warm-up"), READING_MILLIS);
    } catch (UserException | IllegalArgumentException e) {
      System.err.println("FirstDrags: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.out.println(String.format(Locale.ROOT, "%s %s %s: median %.0f ms (%s)", args[0],
        args[1], args[2], Stats.median(millis), Arrays.stream(millis)
            .mapToObj(m -> String.format(Locale.ROOT, "%.0f", m))
            .collect(Collectors.joining(" "))));
  }

  /**
   * The first {@value #DRAGS} drags' milliseconds after the demo's first figure and {@code
   * readingMillis} of the user reading it (the warm-up, if asked for, runs meanwhile).
   *
   * @throws IllegalArgumentException if {@code slider} is not one of the demo's sliders
   */
  static double[] measure(Demo demo, String slider, boolean warmUp, long readingMillis)
      throws InterruptedException {
    Params shown = Params.defaults(demo.params());
    if (!SliderMoves.sliders(shown).contains(slider)) {
      throw new IllegalArgumentException("no slider '" + slider + "' in " + demo.info().id()
          + ": allowed " + SliderMoves.sliders(shown));
    }
    Dimension size = DemoView.figureSizeAtDesignSize();
    Result first = Preview.run(demo, shown);
    FigureExport.image(first.figure(), size.width, size.height, FigureExport.BASE_DPI);
    long readUntil = System.nanoTime() + readingMillis * 1_000_000L;
    if (warmUp) {
      Iterator<Runnable> slices = PreviewWarmUp.of(demo, shown, size,
          PreviewWarmUp.BUDGET_MILLIS);
      slices.forEachRemaining(Runnable::run);
    }
    long left = (readUntil - System.nanoTime()) / 1_000_000L;
    if (left > 0) {
      Thread.sleep(left);
    }
    return WindowRepaint.times(demo, shown.withPreview(true), slider, DRAGS);
  }
}
