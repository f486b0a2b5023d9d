package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.plot.FigureExport;
import java.awt.Dimension;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * What a demo window does between its first figure and the user's first change: the drags the
 * user is about to make, unseen. Each slider is moved one value up and one down, then two; the
 * round is made up to {@value #ROUNDS} times while the budget lasts. The demo runs as it would for
 * each drag (a preview, if it has one) and its figure is painted into an image of the figure's
 * size; nothing is shown, and the demo's memos are neither read nor filled ({@link
 * Memo#bypassing}), so they keep what the user asked for.
 *
 * <p>Why: in a fresh JVM the first drags run cold code, interpreted or quickly compiled. Measured
 * on 2 cores with {@code bench/first_drags.sh} (a new JVM each time: the demo's first figure, 3.5
 * s of reading it, then ten drags of one slider), the median of the ten drags in two runs without
 * and with this warm-up: multi-head's vocab 64–77 and 25–44 ms, softmax-scaling's dk 61–64 and
 * 24–25, kmeans' seeds 79–83 and 30–32, weight-init's lr 95–132 and 42–49, gqa's heads 76–102 and
 * 38–59. The window runs them on its compute thread as {@linkplain
 * LatestOnlyRunner#whenIdle idle work}, one at a time: the user's first change waits for the one
 * under way at most, and ends the rest.
 */
public final class PreviewWarmUp implements Iterator<Runnable> {
  /**
   * The longest a warm-up runs, from its first slice; the last slice may end after it. Against
   * 1.5 s, on five sliders in two paired runs each, the first ten drags' medians averaged 47 ms
   * against 61. We assume a user looks at the first figure for about that long before dragging;
   * one who drags sooner ends the warm-up there.
   */
  public static final long BUDGET_MILLIS = 3000;

  /** Moves per slider and direction: ±1 values, then ±2. */
  static final int REACH = 2;

  /**
   * Times the drags are made, while the budget lasts: the JIT compiles what runs often, and a demo
   * with few sliders ran out of drags early (layer-norm's twelve took 0.7 s).
   */
  static final int ROUNDS = 4;

  private final Demo demo;
  private final List<Params> drags;
  private final Dimension size;
  private final long budgetNanos;
  private int next;
  private boolean started;
  private long start;

  private PreviewWarmUp(Demo demo, List<Params> drags, Dimension size, long budgetMillis) {
    this.demo = demo;
    this.drags = drags;
    this.size = size;
    this.budgetNanos = budgetMillis * 1_000_000L;
  }

  /**
   * The warm-up for a window showing {@code shown} with its figure {@code size} pixels large:
   * none for parameters read from a file (the user's data may be large, a preview slow), and
   * none without sliders.
   */
  public static Iterator<Runnable> of(Demo demo, Params shown, Dimension size, long budgetMillis) {
    if (shown.input().isPresent()) {
      return List.<Runnable>of().iterator();
    }
    return new PreviewWarmUp(demo, drags(shown.withPreview(true)), size, budgetMillis);
  }

  /** For every reach, for every slider: one value up, one down (skipped at an end). */
  static List<Params> drags(Params from) {
    List<Params> drags = new ArrayList<>();
    for (int reach = 1; reach <= REACH; reach++) {
      for (String slider : SliderMoves.sliders(from)) {
        for (int by : new int[] {reach, -reach}) {
          Params moved = SliderMoves.move(from, slider, by);
          if (!moved.get(slider).equals(from.get(slider))) {
            drags.add(moved);
          }
        }
      }
    }
    return drags;
  }

  @Override
  public boolean hasNext() {
    return next < ROUNDS * drags.size()
        && (!started || System.nanoTime() - start < budgetNanos);
  }

  @Override
  public Runnable next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    if (!started) {
      started = true;
      start = System.nanoTime();
    }
    Params drag = drags.get(next++ % drags.size());
    return () -> run(drag);
  }

  private void run(Params drag) {
    Result result;
    try {
      result = Memo.bypassing(() -> Preview.run(demo, drag));
    } catch (UserException e) {
      return; // a value this demo refuses with the others (gqa: heads a multiple of kvheads)
    }
    FigureExport.image(result.figure(), Math.max(1, size.width), Math.max(1, size.height),
        FigureExport.BASE_DPI);
  }
}
