package dev.bagu.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs tasks at the same time on the common fork-join pool, this thread included, and returns
 * when all are done: a figure's panels ({@link PanelPainting}), a GIF's frames ({@link GifWriter}).
 *
 * <p>Not a parallel stream: on JDK 17 a thread waiting for a stream's last pieces to finish on
 * other threads spins in ForkJoinPool.helpComplete, and in a gallery (two demos at once) that
 * spinning took 3.7 s of CPU. Here a thread waiting for a task another thread runs blocks.
 */
final class ForkAll {
  private ForkAll() {}

  /**
   * Runs every task, the first on this thread and the others on the pool when {@code parallel},
   * returning when all are done; a task's exception is thrown here. Joined in the reverse order
   * of forking, so this thread runs itself every task no worker has taken yet.
   */
  static void run(List<Runnable> tasks, boolean parallel) {
    if (!parallel || tasks.size() < 2) {
      tasks.forEach(Runnable::run);
      return;
    }
    List<ForkJoinTask<?>> forked = new ArrayList<>();
    for (Runnable task : tasks.subList(1, tasks.size())) {
      forked.add(ForkJoinTask.adapt(task).fork());
    }
    RuntimeException failure = null;
    try {
      tasks.get(0).run();
    } catch (RuntimeException e) {
      failure = e;
    }
    for (int i = forked.size() - 1; i >= 0; i--) {
      try {
        forked.get(i).join();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
