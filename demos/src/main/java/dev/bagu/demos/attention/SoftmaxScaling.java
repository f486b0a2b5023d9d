package dev.bagu.demos.attention;

import dev.bagu.math.Rng;
import dev.bagu.math.Softmax;
import dev.bagu.math.Stats;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The experiments behind "why attention divides by √d_k" (Vaswani et al. 2017, §3.2.1, footnote
 * 4): for q, k with independent N(0, 1) components, q·k = Σ_{i<d_k} q_i k_i has mean 0 and
 * variance d_k, so softmax logits grow like √d_k and the softmax saturates; q·k/√d_k has variance
 * 1 at every d_k.
 */
public final class SoftmaxScaling {
  private SoftmaxScaling() {}

  /**
   * Sample variance of q·k and of q·k/√d_k over independent pairs.
   *
   * @param relativeError the standard error of the variance estimate relative to d_k,
   *     √((2 + 6/d_k)/samples): Var((q·k)²) = E[(q·k)⁴] − d_k² = 2d_k² + 6d_k for Gaussian
   *     components
   */
  public record Variance(int dk, int samples, double unscaled, double scaled,
      double relativeError) {}

  /**
   * The most q·k products drawn for the variance (samples × d_k): past it the samples are cut,
   * and the figure says how many were used, so every setting runs in about a second.
   */
  public static final long MAX_PRODUCTS = 30_000_000L;

  /** The pairs the variance uses at d_k: samples, or fewer when samples × d_k is over the cap. */
  public static int samplesUsed(int dk, int samples) {
    return (int) Math.max(1000, Math.min(samples, MAX_PRODUCTS / dk));
  }

  /**
   * The same estimate from {@value #PARTS} parts of the samples, each on its own stream of
   * {@code seed}, run in parallel and summed in order: the same numbers on any number of cores.
   */
  public static Variance variance(int dk, int samples, long seed, int stream) {
    double[][] sums = IntStream.range(0, PARTS).parallel()
        .mapToObj(part -> sums(dk, samples * (part + 1) / PARTS - samples * part / PARTS,
            Rng.stream(seed, stream, part)))
        .toArray(double[][]::new);
    double sum = 0;
    double sumSq = 0;
    for (double[] s : sums) {
      sum += s[0];
      sumSq += s[1];
    }
    return estimate(dk, samples, sum, sumSq);
  }

  public static Variance variance(int dk, int samples, Rng rng) {
    double[] s = sums(dk, samples, rng);
    return estimate(dk, samples, s[0], s[1]);
  }

  private static Variance estimate(int dk, int samples, double sum, double sumSq) {
    double mean = sum / samples;
    double var = (sumSq - samples * mean * mean) / (samples - 1); // unbiased
    return new Variance(dk, samples, var, var / dk, Math.sqrt((2 + 6.0 / dk) / samples));
  }

  /** Σ q·k and Σ (q·k)² over independent pairs of standard normal q, k. */
  private static double[] sums(int dk, int samples, Rng rng) {
    double[] q = new double[dk];
    double[] k = new double[dk];
    double sum = 0;
    double sumSq = 0;
    for (int s = 0; s < samples; s++) {
      rng.fillGaussian(q);
      rng.fillGaussian(k);
      double dot = 0;
      for (int i = 0; i < dk; i++) {
        dot += q[i] * k[i];
      }
      sum += dot;
      sumSq += dot * dot;
    }
    return new double[] {sum, sumSq};
  }

  /**
   * Softmax statistics over random queries, each scored against {@code keys} random keys, at each
   * d_k of a grid; "u" is the unscaled softmax(q·k), "s" the scaled softmax(q·k/√d_k). Arrays are
   * indexed like {@code dks}.
   *
   * @param var sample variance of the logits q·k_j over all queries and keys (unscaled)
   * @param maxProb mean over queries of the largest softmax weight
   * @param gradMedian median over queries of the softmax Jacobian's Frobenius norm
   * @param gradMean mean of the same (dominated by rare near-ties between the top two keys)
   * @param saturated fraction of queries whose largest weight exceeds {@value #SATURATED}
   * @param entropy mean entropy of the weights, in nats (ln(keys) is uniform)
   */
  public record Curves(int[] dks, int keys, int trials, double[] var, double[][] maxProb,
      double[][] gradMedian, double[][] gradMean, double[][] saturated, double[][] entropy) {
    public static final int UNSCALED = 0;
    public static final int SCALED = 1;

    /** Index of d_k in the grid. */
    public int indexOf(int dk) {
      int i = Arrays.binarySearch(dks, dk);
      if (i < 0) {
        throw new IllegalArgumentException("d_k " + dk + " is not on the grid");
      }
      return i;
    }
  }

  /** A row whose largest weight exceeds this counts as saturated (almost one-hot). */
  public static final double SATURATED = 0.99;

  /** Powers of two from 1 up to max(1024, dk), plus dk itself. */
  public static int[] grid(int dk) {
    TreeSet<Integer> g = new TreeSet<>();
    for (int d = 1; d <= Math.max(1024, dk); d *= 2) {
      g.add(d);
    }
    g.add(dk);
    return g.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The most query–key scores per d_k for the curves (trials × keys), as for the variance. */
  public static final long MAX_SCORES = 1_000_000L;

  /** The queries the curves use: trials, or fewer when trials × keys is over the cap. */
  public static int trialsUsed(int keys, int trials) {
    return (int) Math.max(100, Math.min(trials, MAX_SCORES / keys));
  }

  /** Queries are drawn in this many parts, each on its own random stream, run in parallel. */
  static final int PARTS = 8;

  /**
   * The curves from {@code trials} random queries, split into {@value #PARTS} parts on their own
   * streams of {@code seed}; the parts run in parallel and are summed in order, so the result is
   * the same whatever the number of cores.
   */
  public static Curves curves(int[] dks, int keys, int trials, long seed, int stream) {
    List<Partial> parts = IntStream.range(0, PARTS).parallel()
        .mapToObj(part -> partial(dks, keys, trials * (part + 1) / PARTS - trials * part / PARTS,
            Rng.stream(seed, stream, part)))
        .collect(Collectors.toList());
    return combine(dks, keys, trials, parts);
  }

  /** Sums over one part's queries; grad holds each query's ‖J‖_F for the medians. */
  private record Partial(double[] sum, double[] sumSq, double[][] maxProb, double[][] saturated,
      double[][] entropy, double[][][] grad) {}

  /**
   * Each query and its scores at every d_k of the grid. Given q, the scores z_j = q·k_j of keys
   * with independent N(0, 1) components are independent N(0, ‖q‖²): a sum of d_k products whose
   * every term is q_i times a standard normal. So the part draws q (d_k normals; the first d
   * components of one draw serve each smaller d) and then the keys' scores directly as
   * ‖q_{1..d}‖·g_j: exactly the distribution of drawing the keys, with d_k times less work
   * (the direct product is what {@link #variance} measures).
   */
  private static Partial partial(int[] dks, int keys, int trials, Rng rng) {
    int g = dks.length;
    int dMax = dks[g - 1];
    double[] q = new double[dMax];
    double[] gauss = new double[keys];
    double[] dot = new double[keys];
    double[] z = new double[keys];
    double[] p = new double[keys];
    Partial acc = new Partial(new double[g], new double[g], new double[2][g], new double[2][g],
        new double[2][g], new double[2][g][trials]);
    for (int t = 0; t < trials; t++) {
      rng.fillGaussian(q);
      double normSq = 0;
      int next = 0; // next grid index to read off
      for (int i = 0; i < dMax; i++) {
        normSq += q[i] * q[i];
        if (i + 1 != dks[next]) {
          continue;
        }
        double norm = Math.sqrt(normSq);
        rng.fillGaussian(gauss);
        double invSqrt = 1 / Math.sqrt(i + 1);
        for (int j = 0; j < keys; j++) {
          dot[j] = norm * gauss[j];
          acc.sum[next] += dot[j];
          acc.sumSq[next] += dot[j] * dot[j];
        }
        for (int scaling = 0; scaling < 2; scaling++) {
          double c = scaling == Curves.SCALED ? invSqrt : 1;
          for (int j = 0; j < keys; j++) {
            z[j] = c * dot[j];
          }
          double entropy = softmaxEntropy(z, p);
          double top = 0;
          for (double w : p) {
            top = Math.max(top, w);
          }
          acc.maxProb[scaling][next] += top;
          acc.saturated[scaling][next] += top > SATURATED ? 1 : 0;
          acc.entropy[scaling][next] += entropy;
          acc.grad[scaling][next][t] = Softmax.jacobianNorm(p);
        }
        next++;
      }
    }
    return acc;
  }

  /**
   * Writes softmax(z) into p and returns its entropy in nats, from the logits: with m = max z and
   * S = Σ e^(z_j − m), H = ln S − Σ p_j (z_j − m): one log per row instead of one per key (the
   * profile's largest cost after the exps). z is shifted by m in place.
   */
  static double softmaxEntropy(double[] z, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int j = 0; j < z.length; j++) {
      z[j] -= max;
      p[j] = Math.exp(z[j]);
      sum += p[j];
    }
    double weighted = 0;
    for (int j = 0; j < z.length; j++) {
      p[j] /= sum;
      weighted += p[j] * z[j];
    }
    return Math.log(sum) - weighted;
  }

  private static Curves combine(int[] dks, int keys, int trials, List<Partial> parts) {
    int g = dks.length;
    long n = (long) trials * keys;
    double[] var = new double[g];
    double[][] maxProb = new double[2][g];
    double[][] saturated = new double[2][g];
    double[][] entropy = new double[2][g];
    double[][] gradMedian = new double[2][g];
    double[][] gradMean = new double[2][g];
    for (int d = 0; d < g; d++) {
      double sum = 0;
      double sumSq = 0;
      for (Partial part : parts) {
        sum += part.sum[d];
        sumSq += part.sumSq[d];
      }
      double mean = sum / n;
      var[d] = (sumSq - n * mean * mean) / (n - 1);
      for (int s = 0; s < 2; s++) {
        double[] grads = new double[trials];
        int at = 0;
        for (Partial part : parts) {
          maxProb[s][d] += part.maxProb[s][d] / trials;
          saturated[s][d] += part.saturated[s][d] / trials;
          entropy[s][d] += part.entropy[s][d] / trials;
          System.arraycopy(part.grad[s][d], 0, grads, at, part.grad[s][d].length);
          at += part.grad[s][d].length;
        }
        gradMean[s][d] = Arrays.stream(grads).sum() / trials;
        gradMedian[s][d] = Stats.median(grads);
      }
    }
    return new Curves(dks.clone(), keys, trials, var, maxProb, gradMedian, gradMean, saturated,
        entropy);
  }

  /** One query's scores against its keys and both softmax rows, keys sorted by score, highest first. */
  public record ExampleRow(double[] scores, double[] unscaled, double[] scaled) {}

  public static ExampleRow exampleRow(int dk, int keys, Rng rng) {
    double[] q = new double[dk];
    double[] k = new double[dk];
    double[] scores = new double[keys];
    rng.fillGaussian(q);
    for (int j = 0; j < keys; j++) {
      rng.fillGaussian(k);
      for (int i = 0; i < dk; i++) {
        scores[j] += q[i] * k[i];
      }
    }
    double[] sorted = Arrays.stream(scores).map(s -> -s).sorted().map(s -> -s).toArray();
    double[] scaled = Arrays.stream(sorted).map(s -> s / Math.sqrt(dk)).toArray();
    return new ExampleRow(sorted, Softmax.of(sorted), Softmax.of(scaled));
  }
}
