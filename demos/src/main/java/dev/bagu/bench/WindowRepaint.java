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
 * demo that remembers its last result cannot answer from memory; without a slider, each change
 * is a new seed.
 */
final class WindowRepaint {
  private WindowRepaint() {}

  /**
   * Milliseconds of up to {@code runs} changes of the slider {@code slider} around {@code start}
   * (its preview flag is kept), or of the seed when {@code slider} is null. A slider with fewer
   * new values than {@code runs} within reach (top-k: 1 or 2) gives fewer changes; one whose
   * every move the demo refuses gives new seeds instead.
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
      // the window shows it as an error, and so is a value already drawn (a slider at its end);
      // if no move is left, new seeds instead.
      for (int i = 0; done < runs && (done == 0 || i < 4 * runs); i++) {
        int by = (i / 2 + 1) * (i % 2 == 0 ? 1 : -1);
        long seed = start.seed() + i + 1;
        boolean bySeed = slider == null || i >= 4 * runs;
        Params changed = bySeed ? start.withSeed(seed) : SliderMoves.move(start, slider, by);
        if (!bySeed && !used.add(changed.get(slider))) {
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
