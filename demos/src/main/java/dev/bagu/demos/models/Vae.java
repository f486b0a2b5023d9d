package dev.bagu.demos.models;

import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * A small variational autoencoder on 2-D points (Kingma and Welling 2014), with a 2-D latent
 * space so it can be drawn. Encoder and decoder are tanh MLPs from the shared {@code nn} engine.
 *
 * <pre>
 *   encoder:  x (2) → [μ (2), log σ² (2)]          q(z|x) = N(μ, diag σ²)
 *   sample:   z = μ + σ ⊙ ε,  ε ~ N(0, I)            the reparameterisation trick (§2.4)
 *   decoder:  z (2) → x̂ (2)                        p(x|z) = N(x̂, s² I), s = {@value #DECODER_STD}
 *   loss per point = ‖x − x̂‖²/(2s²) + log(2πs²) + β · KL(q(z|x) ‖ N(0, I))
 *   KL = ½ Σ_j (μ_j² + σ_j² − log σ_j² − 1)          closed form (Appendix B)
 * </pre>
 *
 * At β = 1 the loss is −ELBO, whose single-sample estimate is unbiased; its mean is a lower bound
 * on log p(x). β ≠ 1 is the β-VAE (Higgins et al. 2017): more weight on KL, blurrier
 * reconstructions.
 */
public final class Vae {
  static final int HIDDEN = 16;
  /** Standard deviation of the decoder's Gaussian, in the data's standardised units. */
  public static final double DECODER_STD = 0.1;

  final Mlp encoder;
  final Mlp decoder;

  public Vae(Rng rng) {
    this.encoder = new Mlp(new int[] {2, HIDDEN, 4}, Activation.TANH, Init.XAVIER_NORMAL, false,
        rng);
    this.decoder = new Mlp(new int[] {2, HIDDEN, 2}, Activation.TANH, Init.XAVIER_NORMAL, false,
        rng);
  }

  /** A VAE with the same weights, to train on from here without touching this one. */
  public Vae copy() {
    Vae c = new Vae(Rng.seeded(0));
    List<double[][]> from = parameters();
    List<double[][]> to = c.parameters();
    for (int p = 0; p < from.size(); p++) {
      for (int i = 0; i < from.get(p).length; i++) {
        System.arraycopy(from.get(p)[i], 0, to.get(p)[i], 0, from.get(p)[i].length);
      }
    }
    return c;
  }

  /** KL(N(μ, σ²) ‖ N(0, 1)) for one dimension: ½(μ² + σ² − ln σ² − 1). */
  public static double kl(double mu, double sigma) {
    return 0.5 * (mu * mu + sigma * sigma - Math.log(sigma * sigma) - 1);
  }

  /** A Monte-Carlo estimate and its standard error. */
  public record Estimate(double mean, double standardError, int samples) {}

  /**
   * KL(N(μ, diag σ²) ‖ N(0, I)) = E_q[log q(z) − log p(z)] from {@code samples} draws z = μ + σε:
   * log q(z) − log p(z) = Σ_j (−log σ_j − ε_j²/2 + z_j²/2).
   */
  public static Estimate klMonteCarlo(double[] mu, double[] sigma, int samples, Rng rng) {
    double sum = 0;
    double sumSq = 0;
    for (int s = 0; s < samples; s++) {
      double v = 0;
      for (int j = 0; j < mu.length; j++) {
        double eps = rng.gaussian();
        double z = mu[j] + sigma[j] * eps;
        v += -Math.log(sigma[j]) - 0.5 * eps * eps + 0.5 * z * z;
      }
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / samples;
    double var = (sumSq - samples * mean * mean) / (samples - 1);
    return new Estimate(mean, Math.sqrt(var / samples), samples);
  }

  /** Encoder outputs for points x (n, 2): μ (n, 2) and σ (n, 2). */
  public record Posterior(double[][] mu, double[][] sigma) {}

  public Posterior encode(double[][] x) {
    double[][] h = encoder.forward(x).output();
    double[][] mu = new double[x.length][2];
    double[][] sigma = new double[x.length][2];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < 2; j++) {
        mu[i][j] = h[i][j];
        sigma[i][j] = Math.exp(0.5 * h[i][2 + j]);
      }
    }
    return new Posterior(mu, sigma);
  }

  public double[][] decode(double[][] z) {
    return decoder.forward(z).output();
  }

  /** The batch's mean loss terms: reconstruction −log p(x|z) and KL, in nats per point. */
  public record Terms(double reconstruction, double kl) {
    /** The ELBO: −(reconstruction + KL), whatever β was trained with. */
    public double elbo() {
      return -(reconstruction + kl);
    }
  }

  /**
   * Forward with the given noise ε (n, 2) and, when {@code backward}, the gradients of the mean
   * β-weighted loss in every layer (zeroed first):
   *
   * <pre>
   *   ∂x̂ = (x̂ − x)/s²,  decoder backward → ∂z
   *   ∂μ = ∂z + β μ,     ∂log σ² = ∂z ⊙ ε ⊙ σ/2 + β (σ² − 1)/2    (z = μ + σ ε, σ = e^{log σ²/2})
   * </pre>
   */
  public Terms step(double[][] x, double[][] eps, double beta, boolean backward) {
    int n = x.length;
    Mlp.Trace te = encoder.forward(x);
    double[][] h = te.output();
    double[][] z = new double[n][2];
    double[][] sigma = new double[n][2];
    double kl = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) {
        sigma[i][j] = Math.exp(0.5 * h[i][2 + j]);
        z[i][j] = h[i][j] + sigma[i][j] * eps[i][j];
        kl += kl(h[i][j], sigma[i][j]);
      }
    }
    Mlp.Trace td = decoder.forward(z);
    double[][] xHat = td.output();
    double s2 = DECODER_STD * DECODER_STD;
    double sq = 0;
    double[][] dXHat = new double[n][2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) {
        double r = xHat[i][j] - x[i][j];
        sq += r * r;
        dXHat[i][j] = r / s2 / n;
      }
    }
    double reconstruction = sq / (2 * s2) / n + Math.log(2 * Math.PI * s2); // 2 dims × ½ log
    Terms terms = new Terms(reconstruction, kl / n);
    if (!backward) {
      return terms;
    }
    encoder.zeroGrad();
    decoder.zeroGrad();
    double[][] dz = decoder.backward(td, dXHat).get(0);
    double[][] dh = new double[n][4];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) {
        double mu = h[i][j];
        double sig = sigma[i][j];
        dh[i][j] = dz[i][j] + beta * mu / n;
        dh[i][2 + j] = dz[i][j] * eps[i][j] * sig / 2 + beta * (sig * sig - 1) / 2 / n;
      }
    }
    encoder.backward(te, dh);
    return terms;
  }

  /** The β-weighted loss itself (for finite differences): reconstruction + β·KL. */
  public double loss(double[][] x, double[][] eps, double beta) {
    Terms t = step(x, eps, beta, false);
    return t.reconstruction() + beta * t.kl();
  }

  /** Every trainable array, biases as one-row views. */
  public List<double[][]> parameters() {
    List<double[][]> p = new ArrayList<>();
    for (Mlp m : List.of(encoder, decoder)) {
      for (Dense d : m.layers()) {
        p.add(d.w);
        p.add(new double[][] {d.b});
      }
    }
    return p;
  }

  /** The gradients, in the order of {@link #parameters()}. */
  public List<double[][]> gradients() {
    List<double[][]> g = new ArrayList<>();
    for (Mlp m : List.of(encoder, decoder)) {
      for (Dense d : m.layers()) {
        g.add(d.gradW);
        g.add(new double[][] {d.gradB});
      }
    }
    return g;
  }
}
