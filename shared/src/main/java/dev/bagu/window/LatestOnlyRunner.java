package dev.bagu.window;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a slow function on one background thread for a stream of requests where only the newest
 * matters: a slider dragged across twenty positions while a demo takes a second must compute the
 * first and the last position, not all twenty.
 *
 * <ul>
 *   <li>At most one computation runs at a time; while it runs, only the latest request is kept
 *       (earlier waiting ones are replaced, never run).
 *   <li>Every request gets a generation number. A result is handed over (on the {@code deliver}
 *       executor: the Swing event thread, in the window) only if no newer request arrived since;
 *       stale results are dropped, so an old figure never overwrites a newer one.
 *   <li>Between requests the thread may do {@linkplain #whenIdle idle work}, a slice at a time:
 *       a request waits for the slice under way, never for more, and ends the idle work.
 * </ul>
 *
 * <p>No Swing here, so the logic is tested headless with a fake slow task.
 *
 * @param <I> the request (the demo's {@code Params})
 * @param <O> the result
 */
public final class LatestOnlyRunner<I, O> implements AutoCloseable {
  /**
   * What came of the newest request: an output, or the exception the function threw.
   *
   * @param elapsed time spent in the function
   */
  public record Outcome<I, O>(I input, O output, Throwable error, Duration elapsed) {
    public boolean failed() {
      return error != null;
    }
  }

  private record Request<I>(I input, long generation) {}

  private final Function<I, O> task;
  private final Executor deliver;
  private final Consumer<Outcome<I, O>> listener;
  private final ThreadPoolExecutor worker;

  // Guarded by this.
  private long generation;
  private long shownGeneration;
  private Request<I> waiting;
  private Iterator<? extends Runnable> idleWork;
  private boolean running;
  private boolean closed;

  /**
   * @param task the slow function, called on the background thread
   * @param deliver where the listener is called ({@code SwingUtilities::invokeLater})
   * @param listener receives the outcome of the newest request only
   */
  public LatestOnlyRunner(Function<I, O> task, Executor deliver,
      Consumer<Outcome<I, O>> listener) {
    this.task = Objects.requireNonNull(task);
    this.deliver = Objects.requireNonNull(deliver);
    this.listener = Objects.requireNonNull(listener);
    // One daemon thread that ends when idle: an open window does not need it between changes,
    // and a forgotten runner must not keep the JVM alive after the last window closes.
    this.worker = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "bagu-compute");
          t.setDaemon(true);
          return t;
        });
    worker.allowCoreThreadTimeOut(true);
  }

  /** Asks for a computation; replaces any request still waiting. Returns at once. */
  public synchronized void submit(I input) {
    if (closed) {
      return; // the window is gone; nobody would see the result
    }
    waiting = new Request<>(Objects.requireNonNull(input), ++generation);
    idleWork = null; // the user has moved on: what was worth doing before no longer is
    start();
  }

  /**
   * Gives the thread work for when no request waits: it runs {@code slices}, one at a time, until
   * none is left, the next {@link #submit} or {@link #close}. Replaces earlier idle work. A slice
   * that throws ends the idle work (it is never needed: nothing is shown from it). Returns at once.
   */
  public synchronized void whenIdle(Iterator<? extends Runnable> slices) {
    if (closed) {
      return;
    }
    idleWork = slices.hasNext() ? slices : null;
    if (idleWork != null) {
      start();
    }
  }

  private void start() {
    if (!running) {
      running = true;
      worker.execute(this::drain);
    }
  }

  /** Runs waiting requests one after another, and idle slices between, until none is left. */
  private void drain() {
    while (true) {
      Request<I> request;
      Runnable slice = null;
      synchronized (this) {
        request = waiting;
        waiting = null;
        if (request == null) {
          if (idleWork != null && idleWork.hasNext()) {
            slice = idleWork.next();
          } else {
            idleWork = null;
            running = false;
            return;
          }
        }
      }
      if (slice != null) {
        runIdle(slice);
        continue;
      }
      Outcome<I, O> outcome = compute(request.input());
      if (isCurrent(request.generation())) {
        deliver.execute(() -> hand(request.generation(), outcome));
      }
    }
  }

  private Outcome<I, O> compute(I input) {
    long start = System.nanoTime();
    try {
      O out = task.apply(input);
      return new Outcome<>(input, out, null, Duration.ofNanos(System.nanoTime() - start));
    } catch (RuntimeException | Error e) {
      // Shown to the user as a status line; the thread must survive to run the next request.
      return new Outcome<>(input, null, e, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void runIdle(Runnable slice) {
    try {
      slice.run();
    } catch (RuntimeException | Error e) {
      synchronized (this) {
        idleWork = null;
      }
      e.printStackTrace(); // idle work expects no failure: keep the trace for its author
    }
  }

  /** On the deliver executor: checks again, since a newer request may have come meanwhile. */
  private void hand(long gen, Outcome<I, O> outcome) {
    if (!isCurrent(gen)) {
      return;
    }
    try {
      listener.accept(outcome);
    } finally {
      synchronized (this) {
        shownGeneration = Math.max(shownGeneration, gen);
        notifyAll();
      }
    }
  }

  private synchronized boolean isCurrent(long gen) {
    return gen == generation;
  }

  /** True when the newest request has been computed and handed to the listener. */
  public synchronized boolean isIdle() {
    return shownGeneration == generation;
  }

  /**
   * Waits until the newest request so far has been handed to the listener. Must not be called on
   * the deliver thread (it would wait for itself).
   *
   * @return false on timeout
   */
  public synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (shownGeneration != generation) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Stops the thread; a computation under way finishes but is not handed over. */
  @Override
  public synchronized void close() {
    closed = true;
    generation++; // makes whatever is running stale
    shownGeneration = generation; // and releases anyone in awaitIdle
    waiting = null;
    idleWork = null;
    notifyAll();
    worker.shutdown();
  }
}
