package dev.bagu.demos.training;

import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * He et al. 2015's check (§2.2, eq. 10): in a {@value #DEPTH}-layer ReLU net fed N(0, 1) inputs,
 * E[z_l²] = (n·Var(w)/2) · E[z_{l−1}²], so Var(w) = 2/n keeps it flat and 1/n halves it per
 * layer. The expectation is over the weights: one net of finite width n drifts from it.
 *
 * <p>How far, for one input: given h_{l−1}, fresh Gaussian weights make z_l isotropic, so each
 * layer multiplies |z|² by (n·Var(w)/n)·Σ_i g_i²·[g_i > 0] with g ~ N(0, I_n): a chi-square over
 * the units that happen to be active. With Var(w) = 2/n that factor has mean 1 and variance 5/n
 * exactly (E[g⁴·[g>0]] = 3/2, E[g²·[g>0]] = 1/2), independently per layer. So
 *
 * <ul>
 *   <li>the mean per-layer factor over L layers and M nets has standard deviation at most
 *       √(5/(n·L·M)) (a batch of inputs through the same weights only lowers it);
 *   <li>the 30-layer ratio is a product of 29 such factors: E[ratio²] ≈ (1 + 5/n)²⁹, so over M
 *       nets its standard deviation is about √(((1 + 5/n)²⁹ − 1)/M) — 1.0 at n = 64 with 8 nets,
 *       and its typical (median) value lies below 1. One 30-layer ratio is a poor test of the
 *       expectation at small widths; the per-layer factor is a sharp one.
 * </ul>
 *
 * @param ratio Σ over nets of E_batch[z_30²] / Σ of E_batch[z_1²]
 * @param meanFactor mean over nets and layers l = 2…30 of E_batch[z_l²] / E_batch[z_{l−1}²]
 * @param factors how many per-layer factors were averaged (layers after an all-zero one are
 *     left out: 0/0)
 */
public record HeDepthCheck(double ratio, double meanFactor, int factors) {
  /** Layers of the ReLU net (the last one linear: its z is layer 30's z). */
  public static final int DEPTH = 30;
  /** Independently drawn nets, and inputs per net: the weights' noise dominates, so many nets. */
  static final int NETS = 8;
  static final int BATCH = 16;

  /** Runs {@value #NETS} nets in parallel, each on its own stream; sums combined in net order. */
  public static HeDepthCheck run(Init init, int width, long seed) {
    int[] sizes = new int[DEPTH + 1];
    Arrays.fill(sizes, width);
    double[][] meanSquares = IntStream.range(0, NETS).parallel().mapToObj(part -> {
      Rng rng = Rng.stream(seed, 30 + init.ordinal(), part);
      Mlp net = new Mlp(sizes, Activation.RELU, init, false, rng);
      double[][] x = new double[BATCH][width];
      for (double[] row : x) {
        rng.fillGaussian(row);
      }
      Mlp.Trace t = net.forward(x);
      double[] ms = new double[DEPTH]; // E_batch[z_l²], l = 1…30
      for (int l = 0; l < DEPTH; l++) {
        ms[l] = DeepStats.meanSquare(DeepStats.flatten(t.caches().get(l).z()));
      }
      return ms;
    }).toArray(double[][]::new);
    double first = 0;
    double last = 0;
    double factorSum = 0;
    int factors = 0;
    for (double[] ms : meanSquares) { // in net order: the same sums whatever the threads
      first += ms[0];
      last += ms[DEPTH - 1];
      for (int l = 1; l < DEPTH; l++) {
        if (ms[l - 1] > 0) {
          factorSum += ms[l] / ms[l - 1];
          factors++;
        }
      }
    }
    return new HeDepthCheck(last / first, factors > 0 ? factorSum / factors : 0, factors);
  }

  /**
   * Standard deviation of the mean per-layer factor, at most: √(gain²·5/(4·n·factors)) for
   * Var(w) = gain/n (gain 2 for He, 1 for 1/n, whose factor has mean 1/2 and variance 5/(4n)).
   */
  public static double factorSpread(double gain, int width, int factors) {
    return gain * Math.sqrt(5.0 / (4.0 * width * Math.max(1, factors)));
  }

  /** Standard deviation of the He ratio over {@value #NETS} nets, about √(((1 + 5/n)²⁹ − 1)/M). */
  public static double ratioSpread(int width) {
    return Math.sqrt((Math.pow(1 + 5.0 / width, DEPTH - 1) - 1) / NETS);
  }
}
