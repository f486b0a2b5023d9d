package dev.bagu.demos.python;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The two kinds of task, and the main of the worker processes. An IO-bound task waits (sleeps)
 * for its time; a CPU-bound task computes until this thread has used its time of CPU, so it
 * takes the same CPU however it is scheduled, and a wall clock shows only how it was scheduled.
 * The optional {@link Gate} is the model of CPython's GIL: computing needs it, waiting does not.
 */
final class TaskRunner {
  private TaskRunner() {}

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** A lock computing must hold, released every {@code sliceMicros} of CPU (null = none). */
  interface Gate {
    void acquire();

    void release();
  }

  /** Waits {@code millis}, holding nothing. */
  static void io(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Computes for {@code millis} of this thread's CPU time, in slices holding the gate if any. */
  static long cpu(int millis, Gate gate, long sliceMicros) {
    long target = millis * 1_000_000L;
    long used = 0;
    long x = 88172645463325252L; // xorshift state: work the JIT cannot remove
    while (used < target) {
      if (gate != null) {
        gate.acquire();
      }
      long sliceStart = CPU.getCurrentThreadCpuTime();
      long sliceEnd = sliceStart + Math.min(target - used, sliceMicros * 1000);
      long now = sliceStart;
      while (now < sliceEnd) {
        for (int i = 0; i < 2000; i++) {
          x ^= x << 13;
          x ^= x >>> 7;
          x ^= x << 17;
        }
        now = CPU.getCurrentThreadCpuTime();
      }
      used += now - sliceStart;
      if (gate != null) {
        gate.release();
      }
    }
    return x;
  }

  static long epochMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
  }

  /**
   * A worker process, kept for the session by {@link WorkerPool}: prints "ready" once its JVM has
   * started, then for each line {@code io|cpu millis count} on its input runs count tasks one after
   * another and prints "start end" in epoch microseconds for each (so the parent can place them on
   * its timeline), then "done". It ends when its input closes (the parent has gone).
   */
  public static void main(String[] args) throws java.io.IOException {
    var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
        java.nio.charset.StandardCharsets.US_ASCII));
    System.out.print("ready\n");
    System.out.flush();
    long sink = 0;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      String[] cmd = line.strip().split(" ");
      boolean io = cmd[0].equals("io");
      int millis = Integer.parseInt(cmd[1]);
      int count = Integer.parseInt(cmd[2]);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < count; i++) {
        long start = epochMicros();
        if (io) {
          io(millis);
        } else {
          sink ^= cpu(millis, null, Long.MAX_VALUE / 1000);
        }
        out.append(start).append(' ').append(epochMicros()).append('\n');
      }
      System.out.print(out.append("done\n"));
      System.out.flush();
    }
    if (sink == 42) {
      System.err.println(); // keeps the computation alive
    }
  }
}
