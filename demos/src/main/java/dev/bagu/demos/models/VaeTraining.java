package dev.bagu.demos.models;

import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;

/**
 * Trains a {@link Vae} with Adam on mini-batches of a fixed 2-D data set, one fresh ε per point
 * and step (the single-sample reparameterised estimate of Kingma and Welling 2014, §2.3).
 */
public final class VaeTraining {
  private VaeTraining() {}

  static final double LEARNING_RATE = 0.01;
  static final int MINI_BATCH = 64;

  /**
   * ELBO terms of the whole data set at evenly spaced steps (0 = before training), each estimated
   * with the same fixed ε so that the curve shows the model changing, not the noise.
   */
  public record History(int[] steps, double[] elbo, double[] reconstruction, double[] kl) {}

  public record Run(Vae vae, double beta, History history, Vae.Terms last) {}

  /** A fresh VAE from {@code init}, trained for {@code steps}. */
  public static Run train(double[][] data, double beta, int steps, int checkpoints, Rng init,
      Rng noise) {
    return train(new Vae(init), data, beta, steps, checkpoints, noise);
  }

  /**
   * Trains {@code vae} itself (pass a {@link Vae#copy()} to keep the original) with a fresh Adam;
   * the β sweep continues the main model this way, a fraction of the cost of training from scratch.
   * The whole data set's terms are evaluated at {@code checkpoints + 1} evenly spaced steps from 0
   * (at most every step), or with 0 checkpoints at the last step only; the evaluations draw no
   * noise, so their number does not change the training.
   */
  public static Run train(Vae vae, double[][] data, double beta, int steps, int checkpoints,
      Rng noise) {
    Adam adam = new Adam(vae.parameters(), LEARNING_RATE);
    int n = data.length;
    int batch = Math.min(MINI_BATCH, n);
    double[][] evalEps = gaussian(n, noise);
    // Evaluated at steps 0, …, steps evenly (checkpoints + 1 of them), or with no checkpoints at
    // the last step only (the β sweep reads only its final terms).
    int points = Math.min(checkpoints, steps) + 1;
    int[] at = new int[points];
    double[] elbo = new double[points];
    double[] rec = new double[points];
    double[] kl = new double[points];
    double[][] x = new double[batch][];
    double[][] eps = new double[batch][2];
    int next = 0;
    Vae.Terms last = null;
    for (int s = 0; s <= steps; s++) {
      int due = points == 1 ? steps : (int) Math.round((double) next * steps / (points - 1));
      if (next < points && s == due) {
        last = vae.step(data, evalEps, 1, false);
        at[next] = s;
        elbo[next] = last.elbo();
        rec[next] = last.reconstruction();
        kl[next] = last.kl();
        next++;
      }
      if (s == steps) {
        break;
      }
      for (int b = 0; b < batch; b++) {
        x[b] = data[(s * batch + b) % n];
        eps[b][0] = noise.gaussian();
        eps[b][1] = noise.gaussian();
      }
      vae.step(x, eps, beta, true);
      adam.step(vae.gradients());
    }
    return new Run(vae, beta, new History(at, elbo, rec, kl), last);
  }

  static double[][] gaussian(int n, Rng rng) {
    double[][] e = new double[n][2];
    for (double[] row : e) {
      rng.fillGaussian(row);
    }
    return e;
  }
}
