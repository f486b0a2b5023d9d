package dev.bagu.demos.attention;

import dev.bagu.demo.Memo;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.math.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * CPU time of standard attention ({@link NaiveAttention}, which materialises the (N, N)
 * scores) and of the tiled {@link FlashAttention} on this machine, against sequence length N.
 * Sizes where the O(N²d) work dominates the per-call costs: N/4, N/2, 3N/4, N with N the chosen
 * length held between {@value #MIN_N} and {@value #MAX_N}, lower for wide heads (below, a call
 * takes microseconds and the times are noise; above, timing alone would take seconds). The clock is the calling
 * thread's CPU time, not the wall clock: on a shared machine the wall clock also counts the time
 * other processes hold the core, which made the small sizes slower than the large ones. Each N
 * is run
 * {@value #WARMUP} times to warm up (after both algorithms ran for {@link #COMPILE_NANOS} at
 * the largest N, so that the JIT has compiled them), then {@value #REPEATS} times; the median is
 * kept.
 *
 * <p>The times are memoised per (sizes timed, d, causal, M) for the session (a small bounded
 * cache): a rerun at the same setting, another n below 256 (the same sizes), or the same figure
 * in the other language, shows the same measurement instead of timing again. They differ from session to session and machine to
 * machine: the demo marks them as measured.
 */
public final class AttentionTiming {
  /** Timed runs per N after the warm-up; the median resists a run hit by GC or the other core. */
  static final int REPEATS = 5;
  static final int WARMUP = 2;
  static final int MIN_N = 256;
  static final int MAX_N = 512;
  /**
   * CPU time spent running both algorithms before any timing (at least 2·{@value #WARMUP} calls
   * each): in a fresh JVM the optimising compiler needs about this long to replace the first
   * code, and sizes timed before it does came out as slow as the large ones (slope 0.5, not 2).
   */
  static final long COMPILE_NANOS = 150_000_000L;

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private AttentionTiming() {}

  /** Median milliseconds per N, and the slope of log t against log N (2 for O(N²)). */
  public record Times(int[] ns, double[] naiveMillis, double[] tiledMillis, double naiveExponent,
      double tiledExponent) {}

  /** What the times depend on: the largest N of the sweep (the others follow), d, mask, M. */
  private record Key(int top, int d, boolean causal, int sram) {}

  private static final Memo<Key, Times> MEASURED = new Memo<>(16);

  /** A measurement and the setting it was made at (its N are in {@link Times#ns}). */
  public record Measured(int d, boolean causal, int sram, Times times) {}

  /** The times the last full run showed, for a preview to show while a slider moves. */
  private static volatile Measured last;

  /** The most multiply-adds N²d of one timed call at the largest N (512² · 64, about 10 ms). */
  static final long MAX_CALL_WORK = 512L * 512 * 64;

  /**
   * The sizes timed for a chosen length n and width d: N/4, N/2, 3N/4, N, with N = n held in
   * [256, 512], and lower for wide heads so that N²d stays within {@link #MAX_CALL_WORK}
   * (N = 256 at d = 256).
   */
  public static int[] sweep(int n, int d) {
    int top = Math.max(MIN_N, Math.min(MAX_N, n));
    top = Math.min(top, (int) Math.sqrt((double) MAX_CALL_WORK / d)) / 4 * 4;
    return new int[] {top / 4, top / 2, 3 * top / 4, top};
  }

  /** The times at {@link #sweep}(n), measured once per setting in this session. */
  public static Times measure(int n, int d, boolean causal, int sram, long seed, int stream) {
    // The seed only fills Q, K, V; the time does not depend on the values, so it is not keyed.
    // Every n below 256 times the same sizes, so they share one measurement.
    int[] ns = sweep(n, d);
    Times t = MEASURED.get(new Key(ns[ns.length - 1], d, causal, sram),
        key -> measure(ns, d, causal, sram, seed, stream));
    last = new Measured(d, causal, sram, t);
    return t;
  }

  /**
   * The times the last {@link #measure(int, int, boolean, int, long, int)} in this session gave,
   * if any: a preview shows them, labelled with their setting, instead of timing for a second
   * while a slider is dragged (timing fewer runs would print noisier, not truer, times).
   */
  public static Optional<Measured> lastMeasured() {
    return Optional.ofNullable(last);
  }

  public static Times measure(int[] ns, int d, boolean causal, int sram, long seed, int stream) {
    double[] naive = new double[ns.length];
    double[] tiled = new double[ns.length];
    // Compile first: both algorithms at the largest N, so that the small sizes, timed first, are
    // not timed in the interpreter (which made them as slow as the large ones).
    Rng warm = Rng.stream(seed, stream, ns.length);
    int top = ns[ns.length - 1];
    double[][] wq = Matrices.gaussian(top, d, 1, warm);
    long until = CPU.getCurrentThreadCpuTime() + COMPILE_NANOS;
    for (int w = 0; w < 2 * WARMUP || CPU.getCurrentThreadCpuTime() < until && w < 40; w++) {
      NaiveAttention.attend(wq, wq, wq, causal);
      FlashAttention.attend(wq, wq, wq, causal, sram);
    }
    List<Supplier<Object>> calls = new ArrayList<>(); // naive then tiled, per N
    for (int i = 0; i < ns.length; i++) {
      Rng rng = Rng.stream(seed, stream, i);
      double[][] q = Matrices.gaussian(ns[i], d, 1, rng);
      double[][] k = Matrices.gaussian(ns[i], d, 1, rng);
      double[][] v = Matrices.gaussian(ns[i], d, 1, rng);
      calls.add(() -> NaiveAttention.attend(q, k, v, causal));
      calls.add(() -> FlashAttention.attend(q, k, v, causal, sram));
    }
    // Rounds over every size and algorithm, not all runs of one size in a row: a slow moment
    // (a collection, a recompilation) then costs one run of several sizes, which the medians
    // drop, instead of every run of one size.
    double[][] t = new double[calls.size()][REPEATS];
    Object sink = null;
    for (int round = -WARMUP; round < REPEATS; round++) {
      for (int c = 0; c < calls.size(); c++) {
        long start = CPU.getCurrentThreadCpuTime();
        sink = calls.get(c).get();
        if (round >= 0) {
          t[c][round] = (CPU.getCurrentThreadCpuTime() - start) / 1e6;
        }
      }
    }
    if (sink == null) {
      throw new IllegalStateException("no result"); // keeps the work from being optimised away
    }
    for (int i = 0; i < ns.length; i++) {
      naive[i] = Stats.median(t[2 * i]);
      tiled[i] = Stats.median(t[2 * i + 1]);
    }
    return new Times(ns.clone(), naive, tiled, exponent(ns, naive), exponent(ns, tiled));
  }
  /** Least-squares slope of log t on log N. */
  static double exponent(int[] ns, double[] millis) {
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < ns.length; i++) {
      fit.addData(Math.log(ns[i]), Math.log(Math.max(millis[i], 1e-6)));
    }
    return fit.getSlope();
  }

  /** The least-squares c of t = c·N² (through the origin), to draw the O(N²) fit. */
  public static double quadraticCoefficient(int[] ns, double[] millis) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < ns.length; i++) {
      double n2 = (double) ns[i] * ns[i];
      num += n2 * millis[i];
      den += n2 * n2;
    }
    return num / den;
  }
}
