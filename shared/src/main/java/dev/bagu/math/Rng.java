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
    return stream(seed, stream, 0);
  }

  /**
   * Sub-stream {@code part} of a stream, for work split into a fixed number of parts that may run
   * in parallel: the numbers depend on the split, never on which thread runs a part.
   */
  public static Rng stream(long seed, int stream, int part) {
    // Not create(new long[] {seed, stream, part}): a long[] becomes the generator's raw state, and
    // small numbers like {0, 2, 1} start it nearly all-zero, with correlated first draws. Each
    // coordinate goes through the SplitMix64 finaliser into one long, which create(long) expands.
    long derived = mix(mix(mix(seed) + GOLDEN * (stream + 1L)) + GOLDEN * (part + 1L));
    return new Rng(RandomSource.XO_RO_SHI_RO_128_PP.create(derived));
  }

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /** SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijection that scrambles every bit. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
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
