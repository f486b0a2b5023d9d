package dev.bagu.demos.training;

import dev.bagu.math.Rng;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The three fp16 experiments of the {@code floating-point} demo, each computed with every
 * intermediate rounded to fp16 ({@link FloatFormat#round}), as a kernel storing fp16 would.
 */
public final class MixedPrecision {
  private MixedPrecision() {}

  private static final FloatFormat H = FloatFormat.FP16;

  /**
   * Largest softmax weight of the logits {c − k + 1, …, c − 1, c} (k logits one apart), three
   * ways: in double; in fp16 after subtracting the maximum (the stable form); and in fp16 without
   * subtracting it, where exp(c) overflows to +∞ once c ≥ ln 65520 and the weight becomes ∞/∞ =
   * NaN.
   */
  public static double[] softmaxMax(double c, int k) {
    double exact = 0;
    double sumExact = 0;
    double naiveTop = 0;
    double naiveSum = 0;
    double stableTop = 0;
    double stableSum = 0;
    for (int i = 0; i < k; i++) {
      double z = c - i;
      double e = Math.exp(z - c);
      sumExact += e;
      exact = i == 0 ? e : exact;
      double naive = H.round(Math.exp(H.round(z))); // exp of the fp16 logit, stored in fp16
      naiveSum = H.round(naiveSum + naive);
      naiveTop = i == 0 ? naive : naiveTop;
      double stable = H.round(Math.exp(H.round(H.round(z) - H.round(c))));
      stableSum = H.round(stableSum + stable);
      stableTop = i == 0 ? stable : stableTop;
    }
    return new double[] {exact / sumExact, H.round(naiveTop / naiveSum),
        H.round(stableTop / stableSum)};
  }

  /**
   * The smallest z whose exp overflows fp16, found by bisection on round16(exp(z)) = +∞: exp(z)
   * rounds to +∞ from 65520 = 65504 + half a step on, so z* = ln 65520.
   */
  public static double expOverflowThreshold() {
    double lo = 0;
    double hi = 20;
    for (int i = 0; i < 100; i++) {
      double mid = (lo + hi) / 2;
      if (Double.isInfinite(H.round(Math.exp(mid)))) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return hi;
  }

  /**
   * Gradient magnitudes as in Micikevicius et al. 2017, Fig. 3 (most of them far below 1):
   * |g| = 2^u with u ~ N(mean, sd²), random signs.
   */
  public static double[] gradients(int n, double mean, double sd, Rng rng) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      double sign = rng.uniform() < 0.5 ? -1 : 1;
      g[i] = sign * Math.pow(2, mean + sd * rng.gaussian());
    }
    return g;
  }

  /**
   * @param underflow share of the gradients that become 0 when g·S is stored in fp16
   * @param overflow share that become ±∞
   * @param relativeError mean |round(g·S)/S − g| / |g| over the gradients (lost ones count 1)
   */
  public record Scaled(double underflow, double overflow, double relativeError) {}

  public static Scaled scale(double[] g, double scale) {
    int zero = 0;
    int inf = 0;
    double err = 0;
    for (double v : g) {
      double r = H.round(v * scale);
      if (r == 0) {
        zero++;
        err += 1;
      } else if (Double.isInfinite(r)) {
        inf++;
        err += 1;
      } else {
        err += Math.abs(r / scale - v) / Math.abs(v);
      }
    }
    return new Scaled((double) zero / g.length, (double) inf / g.length, err / g.length);
  }

  /**
   * The share of gradients that theory says round to 0 in fp16 after scaling by 2^k: |g|·2^k
   * below 2⁻²⁵ (half the smallest subnormal, which rounds to 0, ties to even), that is u + k
   * below −25: Φ((−25 − k − mean)/sd).
   */
  public static double underflowTheory(double mean, double sd, double log2Scale) {
    return new NormalDistribution(null, mean, sd).cumulativeProbability(-25 - log2Scale);
  }

  /**
   * The weight update w ← w − u repeated, with w stored in the given format after every step
   * (fp16 weights, or fp32 "master weights"). Returns w after each step, w₀ first.
   */
  public static double[] repeatedUpdate(FloatFormat f, double w0, double u, int steps) {
    double[] w = new double[steps + 1];
    w[0] = f.round(w0);
    double du = f.round(u);
    for (int t = 1; t <= steps; t++) {
      w[t] = f.round(w[t - 1] - du);
    }
    return w;
  }
}
