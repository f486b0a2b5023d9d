package dev.bagu.demos.python;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Worker processes kept for the session, as a multiprocessing.Pool is kept for a program's life:
 * real OS processes (fresh JVMs running {@link TaskRunner#main}), started on first use and reused
 * by later runs in this JVM. Each worker's start-up (from asking the OS for it to the worker saying
 * it is ready) is measured once, when it starts, and kept with it: a run reports that measured cost
 * as "measured at first use", never a number made up. Workers exit when their input closes, which
 * the OS does when this JVM ends; a shutdown hook also ends them.
 */
final class WorkerPool {
  private WorkerPool() {}

  /** One live worker: its pipes and its measured start-up (ms). */
  private record Worker(Process process, Writer in, BufferedReader out, double startupMillis) {}

  /**
   * The pool, grown to the largest number of workers asked for (at most 4, the param's max): a
   * bounded static cache of live processes, on purpose, so that later runs reuse them.
   */
  private static final List<Worker> WORKERS = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (WorkerPool.class) {
        WORKERS.forEach(w -> w.process().destroy());
      }
    }, "worker-pool-shutdown"));
  }

  /**
   * A batch's answer: each task's [start, end] in epoch µs, in task order, and the start-up its
   * workers cost when they were started (the slowest of them; ms).
   */
  record Batch(List<long[]> spansEpochMicros, double startupMillis) {}

  /**
   * Runs {@code tasks} tasks on {@code n} workers, dealt round-robin (task i on worker i % n),
   * each worker running its share one after another. Starts missing workers first (all at once,
   * in parallel, as a Pool does) and measures their start-up. Returns, in task order, each
   * task's [start, end] in epoch microseconds as the worker read its clock.
   */
  static synchronized Batch run(boolean io, int millis, int tasks, int n) {
    start(n);
    try {
      for (int w = 0; w < n; w++) { // send every worker its share before reading any answer
        int count = tasks / n + (w < tasks % n ? 1 : 0);
        Writer in = WORKERS.get(w).in();
        in.write((io ? "io " : "cpu ") + millis + " " + count + "\n");
        in.flush();
      }
      long[][] spans = new long[tasks][];
      for (int w = 0; w < n; w++) {
        BufferedReader out = WORKERS.get(w).out();
        int k = 0;
        for (String line = out.readLine(); !"done".equals(line); line = out.readLine()) {
          if (line == null) {
            throw new IOException("worker " + w + " ended");
          }
          String[] se = line.strip().split(" ");
          spans[w + k * n] = new long[] {Long.parseLong(se[0]), Long.parseLong(se[1])};
          k++;
        }
      }
      double startup = 0;
      for (int w = 0; w < n; w++) {
        startup = Math.max(startup, WORKERS.get(w).startupMillis());
      }
      return new Batch(List.of(spans), startup);
    } catch (IOException e) {
      closeAll(); // a broken worker: start afresh next time
      throw new UncheckedIOException("worker process failed", e);
    }
  }

  /** Makes sure {@code n} workers are running; true if some had to be started now. */
  static synchronized boolean start(int n) {
    if (WORKERS.size() >= n) {
      return false;
    }
    grow(n);
    return true;
  }

  /** Starts workers up to {@code n}, all launched before any is waited for. */
  private static void grow(int n) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> started = new ArrayList<>();
    long t0 = System.nanoTime();
    try {
      for (int w = WORKERS.size(); w < n; w++) {
        started.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC", "-Xmx32m", "-cp", System.getProperty("java.class.path"),
            TaskRunner.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
      }
      for (Process p : started) {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
            StandardCharsets.US_ASCII));
        String ready = out.readLine(); // the worker's main has begun: it can take tasks
        if (!"ready".equals(ready)) {
          throw new IOException("worker did not start: " + ready);
        }
        double startup = (System.nanoTime() - t0) / 1e6;
        WORKERS.add(new Worker(p, new OutputStreamWriter(p.getOutputStream(),
            StandardCharsets.US_ASCII), out, startup));
      }
    } catch (IOException e) {
      started.forEach(Process::destroy);
      throw new UncheckedIOException("could not start a worker process", e);
    }
  }

  private static void closeAll() {
    WORKERS.forEach(w -> w.process().destroy());
    WORKERS.clear();
  }
}
