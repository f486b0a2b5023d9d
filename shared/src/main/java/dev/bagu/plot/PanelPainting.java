package dev.bagu.plot;

import java.awt.Graphics2D;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * Paints a figure's panels at the same time, one per core, when that cannot change a pixel.
 *
 * <p>Why: at the window's size a figure of four XChart panels took 15–40 ms to paint on one
 * thread (profiled: mostly Java2D rasterising XChart's text outlines and series), which is
 * most of a slider move's 50 ms. Each panel paints only inside its own cell (its Graphics2D is
 * clipped to it, cells do not touch), so the order in which cells are painted does not matter
 * and the image is the same bytes whichever thread paints which cell.
 *
 * <p>When: only into an image in memory through Java2D's own renderer (PNG, GIF frames, the bench,
 * the window's off-screen image), where each thread has its own Graphics2D and Java2D's
 * renderer keeps its working state per thread. Never into SVG or PDF, whose writers keep one
 * stream in drawing order, nor straight onto the screen, which belongs to the event thread.
 */
final class PanelPainting {
  private PanelPainting() {}

  /**
   * Whether panels painted into {@code g} may be painted at the same time (see the class). Not
   * on a fork-join worker: that figure is already one of several painted at once (a GIF's
   * frames), and forking its panels too only lengthens the waits for the frames.
   */
  static boolean parallelFor(Graphics2D g) {
    return ImageTarget.is(g)
        && Runtime.getRuntime().availableProcessors() > 1
        && !(Thread.currentThread() instanceof ForkJoinWorkerThread);
  }
}
