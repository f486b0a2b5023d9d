package dev.bagu.demos.python;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The same tasks run five ways, timed: one after another; one thread each; one thread each but
 * holding one global lock to compute (a model of CPython's GIL, switched every 5 ms as CPython's
 * default switch interval); in worker processes (real OS processes, each a fresh JVM, as
 * multiprocessing starts fresh interpreters, kept warm for the session by {@link WorkerPool});
 * and as coroutines on a one-thread event loop. Every task's start and end are recorded in
 * milliseconds from the start of the run.
 */
final class ConcurrencyModes {
  private ConcurrencyModes() {}

  enum Mode { SEQUENTIAL, THREADS, GIL_THREADS, PROCESSES, ASYNC }

  enum Kind { IO, CPU }

  /** One task's interval, ms from the run's start. */
  record Span(int task, double start, double end) {}

  /**
   * One run: the spans and the wall time; for processes also what starting the pool's workers
   * cost ({@code startupMillis}, measured when they started: at first use in this JVM, not
   * necessarily in this run; 0 for the other modes).
   */
  record Run(Mode mode, Kind kind, List<Span> spans, double wallMillis, double startupMillis) {}

  /** CPython's default sys.getswitchinterval(): 5 ms. */
  static final int SWITCH_MICROS = 5_000;

  /**
   * Runs and times one mode. For processes the pool's workers are started first if they are not
   * yet running (outside the timing: their start-up is measured on its own and carried in the
   * run), so the timeline shows the tasks on warm workers, as with a Pool reused by a program.
   */
  static Run run(Mode mode, Kind kind, int tasks, int millis, int workers) {
    int n = Math.min(workers, tasks);
    if (mode == Mode.PROCESSES) {
      WorkerPool.start(n);
    }
    long t0 = System.nanoTime();
    long t0Micros = TaskRunner.epochMicros();
    double startup = 0;
    List<Span> spans;
    switch (mode) {
      case SEQUENTIAL -> spans = sequential(kind, tasks, millis, t0);
      case THREADS -> spans = threads(kind, tasks, millis, null, t0);
      case GIL_THREADS -> spans = threads(kind, tasks, millis, gil(), t0);
      case PROCESSES -> {
        WorkerPool.Batch b = WorkerPool.run(kind == Kind.IO, millis, tasks, n);
        spans = new ArrayList<>();
        for (int i = 0; i < tasks; i++) { // the workers' clocks, placed on this run's timeline
          long[] se = b.spansEpochMicros().get(i);
          spans.add(new Span(i, (se[0] - t0Micros) / 1e3, (se[1] - t0Micros) / 1e3));
        }
        startup = b.startupMillis();
      }
      default -> spans = eventLoop(kind, tasks, millis, t0);
    }
    double wall = (System.nanoTime() - t0) / 1e6;
    return new Run(mode, kind, spans, wall, startup);
  }

  private static double since(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void task(Kind kind, int millis, TaskRunner.Gate gate) {
    if (kind == Kind.IO) {
      TaskRunner.io(millis);
    } else {
      TaskRunner.cpu(millis, gate, gate == null ? Long.MAX_VALUE / 1000 : SWITCH_MICROS);
    }
  }

  private static List<Span> sequential(Kind kind, int tasks, int millis, long t0) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      double s = since(t0);
      task(kind, millis, null);
      spans.add(new Span(i, s, since(t0)));
    }
    return spans;
  }

  /** A fair lock: a thread that releases it queues behind the waiting ones, as the GIL hands over. */
  private static TaskRunner.Gate gil() {
    ReentrantLock lock = new ReentrantLock(true);
    return new TaskRunner.Gate() {
      @Override
      public void acquire() {
        lock.lock();
      }

      @Override
      public void release() {
        lock.unlock();
      }
    };
  }

  private static List<Span> threads(Kind kind, int tasks, int millis, TaskRunner.Gate gate,
      long t0) {
    Span[] spans = new Span[tasks];
    List<Thread> all = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      int id = i;
      all.add(new Thread(() -> {
        double s = since(t0);
        task(kind, millis, gate);
        spans[id] = new Span(id, s, since(t0));
      }, "task-" + i));
    }
    all.forEach(Thread::start);
    for (Thread t : all) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return List.of(spans);
  }

  /**
   * asyncio.gather on one thread: every task starts in order; an IO task's await parks it on a
   * timer and the loop runs the next ready task; a CPU task has no await, so it runs to the end
   * and blocks the loop meanwhile.
   */
  private static List<Span> eventLoop(Kind kind, int tasks, int millis, long t0) {
    record Timer(long dueNanos, int task, double start) {}
    PriorityQueue<Timer> timers = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos(),
        b.dueNanos()));
    Span[] spans = new Span[tasks];
    for (int i = 0; i < tasks; i++) { // the ready queue, in order
      double s = since(t0);
      if (kind == Kind.IO) {
        timers.add(new Timer(System.nanoTime() + millis * 1_000_000L, i, s)); // await sleep
      } else {
        TaskRunner.cpu(millis, null, Long.MAX_VALUE / 1000);
        spans[i] = new Span(i, s, since(t0));
      }
    }
    while (!timers.isEmpty()) { // the loop waits for the next timer, then resumes its task
      Timer t = timers.poll();
      long wait = t.dueNanos() - System.nanoTime();
      if (wait > 0) {
        TaskRunner.io((int) Math.ceil(wait / 1e6));
      }
      spans[t.task()] = new Span(t.task(), t.start(), since(t0));
    }
    return List.of(spans);
  }
}
