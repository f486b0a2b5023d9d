package dev.bagu.bench;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.plot.Figure;
import dev.bagu.window.DemoView;
import dev.bagu.window.LatestOnlyRunner;
import dev.bagu.window.SliderMoves;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a parameter change costs in the demo window, measured headless: the changed parameters go
 * to one {@link LatestOnlyRunner}, as a window's do (its compute thread stays for the whole series,
 * as while a slider is dragged), the demo runs on that thread, and the figure is painted on one
 * other thread, standing in for the event thread, into an image of the window's figure size (the
 * window opened at its design size). The time runs from the submit to the last painted pixel.
 *
 * <p>Each change moves one slider to a value not used before, alternately up and down from
 * where it started (+1, −1, +2, −2, … distinct values; values the demo refuses skipped), so a
 * demo that remembers its last result cannot answer from memory. A slider with fewer new values
 * within reach (top-k: 1 or 2) is then moved again, one step, each time at a seed not used
 * before, so it gets as many timed changes as the others and still none that a memo answers
 * (its first move alone read 54–90 ms in full benches, the JIT meeting top-2 routing for the
 * first time, and was the slider's whole median). Without a slider, each change is a new seed.
 */
final class WindowRepaint {
  private WindowRepaint() {}

  /**
   * Milliseconds of {@code runs} changes of the slider {@code slider} around {@code start} (its
   * preview flag is kept), or of the seed when {@code slider} is null. A slider with fewer new
   * values than {@code runs} within reach is moved again at new seeds; one whose every move the
   * demo refuses gives new seeds instead. Fewer than {@code runs} only if the demo refuses most
   * of these.
   */
  static double[] times(Demo demo, Params start, String slider, int runs) {
    Dimension size = DemoView.figureSizeAtDesignSize();
    BufferedImage screen = new BufferedImage(size.width, size.height,
        BufferedImage.TYPE_INT_RGB);
    ExecutorService eventThread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "bench-event");
      t.setDaemon(true);
      return t;
    });
    AtomicReference<CompletableFuture<Long>> pending = new AtomicReference<>();
    double[] millis = new double[runs];
    Set<Object> used = new HashSet<>();
    if (slider != null) {
      used.add(start.get(slider));
    }
    int done = 0;
    try (var runner = new LatestOnlyRunner<Params, Result>(q -> Preview.run(demo, q),
        eventThread, outcome -> {
          if (outcome.failed()) {
            pending.get().completeExceptionally(outcome.error());
            return;
          }
          paint(outcome.output().figure(), screen);
          pending.get().complete(System.nanoTime());
        })) {
      // A move the demo refuses (gqa's heads must be a multiple of its KV heads) is skipped, as
      // the window shows it as an error, and so is a value already drawn (a slider at its end).
      for (int i = 0; done < runs && i < 12 * runs; i++) {
        if (i == 8 * runs && done > 0) {
          break; // seeds alone only stand in for a slider the demo refuses everywhere
        }
        Params changed = change(start, slider, i, runs, used);
        if (changed == null) {
          continue;
        }
        CompletableFuture<Long> painted = new CompletableFuture<>();
        pending.set(painted);
        long begin = System.nanoTime();
        runner.submit(changed);
        try {
          millis[done] = (painted.get() - begin) / 1e6;
          done++;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof UserException)) {
            throw new IllegalStateException(demo.info().id() + " failed at "
                + changed.summary(), e.getCause());
          } // else not a change the window would draw; try the next one
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while timing " + demo.info().id(), e);
    } finally {
      eventThread.shutdown();
    }
    return millis.length == done ? millis : Arrays.copyOf(millis, done);
  }

  /**
   * The {@code i}-th candidate change, or null to skip it. Candidates 0 to 4·runs − 1 move the
   * slider ±1, ±2, … distinct values (null for a value already drawn); the next 4·runs move it
   * one step, up then down, at new seeds; the last 4·runs, or all for a null slider, are new
   * seeds alone.
   */
  private static Params change(Params start, String slider, int i, int runs, Set<Object> used) {
    int phase = slider == null ? 2 : i / (4 * runs);
    int k = i % (4 * runs);
    long seed = start.seed() + i + 1;
    switch (phase) {
      case 0 -> {
        Params moved = SliderMoves.move(start, slider, (k / 2 + 1) * (k % 2 == 0 ? 1 : -1));
        return used.add(moved.get(slider)) ? moved : null;
      }
      case 1 -> {
        Params moved = SliderMoves.move(start.withSeed(seed), slider, k % 2 == 0 ? 1 : -1);
        return moved.get(slider).equals(start.get(slider)) ? null : moved; // at an end
      }
      default -> {
        return start.withSeed(seed);
      }
    }
  }

  /** As the window's figure panel paints: the figure fills the panel. */
  private static void paint(Figure figure, BufferedImage screen) {
    Graphics2D g = screen.createGraphics();
    try {
      figure.paint(g, screen.getWidth(), screen.getHeight());
    } finally {
      g.dispose();
    }
  }
}
