package dev.bagu.math;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded randomness for demos: one generator per run, created from the run's seed, so the same
 * seed gives the same numbers on every machine and JVM. Wraps commons-rng (XoRoShiRo128++ and
 * its ziggurat normal sampler).
 */
public final class Rng {
  private final UniformRandomProvider source;
  private final ZigguratSampler.NormalizedGaussian normal;

  private Rng(UniformRandomProvider source) {
    this.source = source;
    this.normal = ZigguratSampler.NormalizedGaussian.of(source);
  }

  public static Rng seeded(long seed) {
    return new Rng(RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
  }

  /**
   * An independent stream for one part of a demo, so that changing how much one experiment draws
   * (a sample-count slider) does not change the random numbers another experiment sees.
   */
  public static Rng stream(long seed, int stream) {
    return new Rng(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, stream}));
  }

  /**
   * Sub-stream {@code part} of a stream, for work split into a fixed number of parts that may run
   * in parallel: the numbers depend on the split, never on which thread runs a part.
   */
  public static Rng stream(long seed, int stream, int part) {
    return new Rng(RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, stream, part}));
  }

  /** A standard normal N(0, 1) draw. */
  public double gaussian() {
    return normal.sample();
  }

  /** Fills an array with N(0, 1) draws. */
  public void fillGaussian(double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = normal.sample();
    }
  }

  /** Uniform in [0, 1). */
  public double uniform() {
    return source.nextDouble();
  }

  /** Uniform in [lo, hi). */
  public double uniform(double lo, double hi) {
    return lo + (hi - lo) * source.nextDouble();
  }

  /** Uniform integer in [0, n). */
  public int nextInt(int n) {
    return source.nextInt(n);
  }

  public UniformRandomProvider provider() {
    return source;
  }
}
