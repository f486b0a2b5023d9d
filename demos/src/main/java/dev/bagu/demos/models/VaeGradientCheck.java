package dev.bagu.demos.models;

import dev.bagu.math.Rng;
import java.util.List;

/**
 * The VAE's hand-written, reparameterised gradient against central finite differences, with ε
 * held fixed: with z = μ + σ·ε the sampled loss is a smooth function of the weights, which is the
 * whole point of the trick (a sample z ~ N(μ, σ²) drawn directly would have no gradient in μ, σ).
 *
 * @param maxRelativeError largest |analytic − numeric| / max(|numeric|, 1e-3) over the weights
 * @param checked how many weights were compared
 */
public record VaeGradientCheck(double maxRelativeError, int checked) {
  /** Points in the check's batch; every weight of encoder and decoder is compared. */
  static final int BATCH = 8;

  public static VaeGradientCheck of(Vae vae, double[][] data, double beta, Rng rng) {
    return of(vae, data, beta, rng, 1);
  }

  /**
   * As {@link #of(Vae, double[][], double, Rng)} comparing every {@code every}-th weight only
   * (weights 0, every, 2·every, … in parameter order): two losses per weight are the check's
   * whole cost.
   */
  public static VaeGradientCheck of(Vae vae, double[][] data, double beta, Rng rng, int every) {
    double[][] x = new double[Math.min(BATCH, data.length)][];
    for (int i = 0; i < x.length; i++) {
      x[i] = data[i * data.length / x.length];
    }
    double[][] eps = VaeTraining.gaussian(x.length, rng);
    Vae probe = vae.copy();
    probe.step(x, eps, beta, true);
    List<double[][]> params = probe.parameters();
    List<double[][]> grads = probe.gradients();
    double h = 1e-6;
    double worst = 0;
    int checked = 0;
    int index = -1;
    for (int p = 0; p < params.size(); p++) {
      double[][] w = params.get(p);
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w[i].length; j++) {
          if (++index % every != 0) {
            continue;
          }
          double keep = w[i][j];
          w[i][j] = keep + h;
          double up = probe.loss(x, eps, beta);
          w[i][j] = keep - h;
          double down = probe.loss(x, eps, beta);
          w[i][j] = keep;
          double numeric = (up - down) / (2 * h);
          double error = Math.abs(grads.get(p)[i][j] - numeric) / Math.max(Math.abs(numeric), 1e-3);
          worst = Math.max(worst, error);
          checked++;
        }
      }
    }
    return new VaeGradientCheck(worst, checked);
  }
}
