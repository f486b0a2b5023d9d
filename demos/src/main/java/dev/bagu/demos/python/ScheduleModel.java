package dev.bagu.demos.python;

import dev.bagu.demos.python.ConcurrencyModes.Kind;
import dev.bagu.demos.python.ConcurrencyModes.Mode;
import dev.bagu.demos.python.ConcurrencyModes.Run;
import dev.bagu.demos.python.ConcurrencyModes.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What each mode should do on an ideal machine, worked out instead of measured, so that a figure
 * made with --no-times is the same bytes on every run: {@link #CORES} cores shared fairly, a fixed
 * {@link #STARTUP_MILLIS} to start the worker processes (paid once, when the pool starts, so it is
 * carried beside the timeline, as in the measured runs), the global lock handed round every 5 ms.
 */
final class ScheduleModel {
  private ScheduleModel() {}

  static final int CORES = 2;
  static final double STARTUP_MILLIS = 100;

  static Run model(Mode mode, Kind kind, int tasks, int millis, int workers) {
    List<Span> spans = new ArrayList<>();
    boolean io = kind == Kind.IO;
    switch (mode) {
      case SEQUENTIAL -> {
        for (int i = 0; i < tasks; i++) {
          spans.add(new Span(i, i * millis, (i + 1) * millis));
        }
      }
      case THREADS -> {
        // Waits all overlap; computations share the cores fairly and end together.
        double end = io ? millis : millis * Math.max(1.0, (double) tasks / CORES);
        for (int i = 0; i < tasks; i++) {
          spans.add(new Span(i, 0, end));
        }
      }
      case GIL_THREADS -> {
        if (io) {
          for (int i = 0; i < tasks; i++) {
            spans.add(new Span(i, 0, millis));
          }
        } else {
          spans.addAll(roundRobin(tasks, millis, ConcurrencyModes.SWITCH_MICROS / 1000.0));
        }
      }
      case PROCESSES -> {
        int n = Math.min(workers, tasks);
        double share = io ? 1 : Math.max(1.0, (double) n / CORES);
        for (int i = 0; i < tasks; i++) {
          int k = i / n; // the k-th task of worker i % n
          double start = k * millis * share; // on workers already started
          spans.add(new Span(i, start, start + millis * share));
        }
      }
      case ASYNC -> {
        for (int i = 0; i < tasks; i++) {
          spans.add(io ? new Span(i, 0, millis) : new Span(i, i * millis, (i + 1) * millis));
        }
      }
    }
    double wall = spans.stream().mapToDouble(Span::end).max().orElse(0);
    return new Run(mode, kind, spans, wall, mode == Mode.PROCESSES ? STARTUP_MILLIS : 0);
  }

  /** One lock, slices of {@code slice} ms handed round in turn: each task's first and last slice. */
  static List<Span> roundRobin(int tasks, int millis, double slice) {
    double[] left = new double[tasks];
    java.util.Arrays.fill(left, millis);
    double[] end = new double[tasks];
    double t = 0;
    int remaining = tasks;
    while (remaining > 0) {
      for (int i = 0; i < tasks; i++) {
        if (left[i] > 0) {
          double run = Math.min(slice, left[i]);
          t += run;
          left[i] -= run;
          if (left[i] <= 0) {
            end[i] = t;
            remaining--;
          }
        }
      }
    }
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      spans.add(new Span(i, 0, end[i])); // every thread starts at once and waits for the lock
    }
    return spans;
  }
}
