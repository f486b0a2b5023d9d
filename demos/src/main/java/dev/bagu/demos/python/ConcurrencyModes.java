package dev.bagu.demos.python;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The same tasks run five ways, timed: one after another; one thread each; one thread each but
 * holding one global lock to compute (a model of CPython's GIL, switched every 5 ms as CPython's
 * default switch interval); in worker processes (real OS processes, each a fresh JVM, as
 * multiprocessing starts fresh interpreters); and as coroutines on a one-thread event loop.
 * Every task's start and end are recorded in milliseconds from the start of the run.
 */
final class ConcurrencyModes {
  private ConcurrencyModes() {}

  enum Mode { SEQUENTIAL, THREADS, GIL_THREADS, PROCESSES, ASYNC }

  enum Kind { IO, CPU }

  /** One task's interval, ms from the run's start. */
  record Span(int task, double start, double end) {}

  /** One run: the spans, the wall time, and (processes) when the first task began. */
  record Run(Mode mode, Kind kind, List<Span> spans, double wallMillis) {}

  /** CPython's default sys.getswitchinterval(): 5 ms. */
  static final int SWITCH_MICROS = 5_000;

  static Run run(Mode mode, Kind kind, int tasks, int millis, int workers) {
    long t0 = System.nanoTime();
    List<Span> spans = switch (mode) {
      case SEQUENTIAL -> sequential(kind, tasks, millis, t0);
      case THREADS -> threads(kind, tasks, millis, null, t0);
      case GIL_THREADS -> threads(kind, tasks, millis, gil(), t0);
      case PROCESSES -> processes(kind, tasks, millis, workers);
      case ASYNC -> eventLoop(kind, tasks, millis, t0);
    };
    double wall = (System.nanoTime() - t0) / 1e6;
    return new Run(mode, kind, spans, wall);
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

  /** Workers are fresh JVMs running {@link TaskRunner#main}; tasks dealt to them round-robin. */
  private static List<Span> processes(Kind kind, int tasks, int millis, int workers) {
    long startMicros = TaskRunner.epochMicros();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> ps = new ArrayList<>();
    int n = Math.min(workers, tasks);
    try {
      for (int w = 0; w < n; w++) {
        int count = tasks / n + (w < tasks % n ? 1 : 0);
        ps.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx32m", "-cp", System.getProperty("java.class.path"),
            TaskRunner.class.getName(), kind == Kind.IO ? "io" : "cpu",
            Integer.toString(millis), Integer.toString(count))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
      }
      List<Span> spans = new ArrayList<>();
      for (int w = 0; w < n; w++) {
        Process p = ps.get(w);
        String out;
        try (InputStream in = p.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        p.waitFor();
        int k = 0;
        for (String line : out.strip().split("\n")) {
          String[] se = line.strip().split(" ");
          spans.add(new Span(w + k * n, (Long.parseLong(se[0]) - startMicros) / 1e3,
              (Long.parseLong(se[1]) - startMicros) / 1e3));
          k++;
        }
      }
      spans.sort((a, b) -> Integer.compare(a.task(), b.task()));
      return spans;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not start a worker process", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      ps.forEach(Process::destroy);
    }
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
