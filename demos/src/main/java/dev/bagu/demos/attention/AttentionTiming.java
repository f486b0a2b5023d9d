package dev.bagu.demos.attention;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.math.Stats;
import dev.bagu.nn.Attention;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Wall-clock time of naive attention ({@link Attention}, which materialises the (N, N) scores)
 * and of the tiled {@link FlashAttention} on this machine, against sequence length N. Each N is
 * run once to warm up, then {@link #REPEATS} times; the median is kept. These numbers differ from
 * run to run and machine to machine: the demo marks them as measured.
 */
public final class AttentionTiming {
  /** Timed runs per N after the warm-up; the median resists one run hit by GC or the JIT. */
  static final int REPEATS = 3;

  private AttentionTiming() {}

  /** Median milliseconds per N, and the slope of log t against log N (2 for O(N²)). */
  public record Times(int[] ns, double[] naiveMillis, double[] tiledMillis, double naiveExponent,
      double tiledExponent) {}

  public static Times measure(int[] ns, int d, boolean causal, int sram, long seed, int stream) {
    double[] naive = new double[ns.length];
    double[] tiled = new double[ns.length];
    for (int i = 0; i < ns.length; i++) {
      Rng rng = Rng.stream(seed, stream, i);
      double[][] q = Matrices.gaussian(ns[i], d, 1, rng);
      double[][] k = Matrices.gaussian(ns[i], d, 1, rng);
      double[][] v = Matrices.gaussian(ns[i], d, 1, rng);
      naive[i] = medianMillis(() -> Attention.attend(q, k, v, causal));
      tiled[i] = medianMillis(() -> FlashAttention.attend(q, k, v, causal, sram));
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

  private static double medianMillis(Supplier<?> work) {
    Object sink = work.get(); // warm-up
    double[] t = new double[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
      long start = System.nanoTime();
      sink = work.get();
      t[r] = (System.nanoTime() - start) / 1e6;
    }
    if (sink == null) {
      throw new IllegalStateException("no result"); // keeps the work from being optimised away
    }
    return Stats.median(t);
  }
}
