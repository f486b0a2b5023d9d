package dev.bagu.serve;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where demos run: a fixed number of threads (the cores) and a bounded queue. When the queue is
 * full a new task is refused at once (the server answers 503 with Retry-After) instead of making
 * everyone wait longer. Latest wins per client, as the window's {@code LatestOnlyRunner} does: a
 * page that sends a new request while its previous one still waits in the queue gets the old one
 * dropped (answered 409, and the page has already aborted it).
 */
final class ComputePool implements AutoCloseable {
  /** A unit of work; {@link #superseded} answers it when a newer one from its client replaces it. */
  abstract static class Task implements Runnable {
    private final String client;
    private ComputePool pool;

    /** @param client the page's token, or null for requests that are never superseded */
    Task(String client) {
      this.client = client;
    }

    @Override
    public final void run() {
      pool.started(this);
      compute();
    }

    abstract void compute();

    abstract void superseded();
  }

  private final ThreadPoolExecutor executor;
  private final Map<String, Task> waitingByClient = new HashMap<>(); // guarded by this
  private final AtomicInteger rejected = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();

  ComputePool(int threads, int queueCapacity) {
    if (threads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("need at least one thread and one queue place");
    }
    AtomicInteger n = new AtomicInteger();
    ThreadFactory named = r -> {
      Thread t = new Thread(r, "bagu-serve-compute-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(queueCapacity), named, new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Queues a task, dropping the one its client still has waiting.
   *
   * @return false when the queue is full (the task was not taken)
   */
  boolean submit(Task task) {
    task.pool = this;
    Task previous = null;
    if (task.client != null) {
      synchronized (this) {
        previous = waitingByClient.put(task.client, task);
      }
    }
    if (previous != null && executor.remove(previous)) {
      dropped.incrementAndGet();
      previous.superseded();
    }
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException full) {
      rejected.incrementAndGet();
      if (task.client != null) {
        synchronized (this) {
          waitingByClient.remove(task.client, task);
        }
      }
      return false;
    }
  }

  private void started(Task task) {
    if (task.client != null) {
      synchronized (this) {
        waitingByClient.remove(task.client, task);
      }
    }
  }

  int rejected() {
    return rejected.get();
  }

  int dropped() {
    return dropped.get();
  }

  int threads() {
    return executor.getMaximumPoolSize();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
