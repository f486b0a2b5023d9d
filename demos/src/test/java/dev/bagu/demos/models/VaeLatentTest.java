package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VaeLatentTest {
  /** ½(μ² + σ² − ln σ² − 1): 0 at the prior, hand-worked elsewhere. */
  @Test
  void closedFormKlByHand() {
    assertThat(Vae.kl(0, 1)).isZero();
    assertThat(Vae.kl(1, 1)).isCloseTo(0.5, within(1e-15));
    assertThat(Vae.kl(-2, 1)).isCloseTo(2, within(1e-15));
    assertThat(Vae.kl(0, Math.E)).isCloseTo(0.5 * (Math.E * Math.E - 3), within(1e-14));
    assertThat(Vae.kl(0, 0.5)).isCloseTo(0.5 * (0.25 + Math.log(4) - 1), within(1e-15));
  }

  /** Kingma & Welling 2014, Appendix B: the closed form is the expectation MC estimates. */
  @ParameterizedTest
  @CsvSource({"0, 1, 0, 1", "1.5, 0.3, -0.5, 2", "-2, 0.1, 0.2, 0.05"})
  void monteCarloKlAgreesWithClosedFormWithinItsError(double m1, double s1, double m2,
      double s2) {
    double closed = Vae.kl(m1, s1) + Vae.kl(m2, s2);
    Vae.Estimate e = Vae.klMonteCarlo(new double[] {m1, m2}, new double[] {s1, s2}, 200_000,
        Rng.seeded(17));
    assertThat(e.mean()).isCloseTo(closed, within(4 * e.standardError() + 1e-12));
    if (closed > 0) {
      assertThat(e.standardError()).as("a check that could fail").isLessThan(0.05 * closed + 0.01);
    }
  }

  /** The reparameterised backward pass, every weight, at two β. */
  @ParameterizedTest
  @ValueSource(doubles = {1, 4})
  void gradientMatchesFiniteDifferences(double beta) {
    double[][] data = VaeLatentDemo.data("moons", 64, Rng.seeded(1)).x();
    Vae vae = new Vae(Rng.seeded(2));
    VaeGradientCheck check = VaeGradientCheck.of(vae, data, beta, Rng.seeded(3));
    assertThat(check.checked()).isEqualTo(2 * 16 + 16 + 16 * 4 + 4 + 2 * 16 + 16 + 16 * 2 + 2);
    assertThat(check.maxRelativeError()).isLessThan(1e-5);
  }

  @Test
  void copyIsIndependent() {
    Vae a = new Vae(Rng.seeded(4));
    Vae b = a.copy();
    double[][] x = {{0.3, -0.2}};
    double[][] eps = {{0.1, 0.4}};
    assertThat(b.loss(x, eps, 1)).isEqualTo(a.loss(x, eps, 1));
    b.parameters().get(0)[0][0] += 1;
    assertThat(b.loss(x, eps, 1)).isNotEqualTo(a.loss(x, eps, 1));
  }

  /**
   * Checkpoints only read the model: trained with 15, 5 or none (the last step only), the same
   * weights and final terms, bit for bit; the steps evaluated are as documented.
   */
  @Test
  void checkpointsDoNotChangeTheTraining() {
    double[][] x = VaeLatentDemo.data("moons", 128, Rng.seeded(1)).x();
    VaeTraining.Run[] runs = new VaeTraining.Run[3];
    int[] checkpoints = {15, 5, 0};
    for (int i = 0; i < 3; i++) {
      runs[i] = VaeTraining.train(x, 1, 20, checkpoints[i], Rng.seeded(2), Rng.seeded(3));
    }
    assertThat(runs[0].history().steps()).hasSize(16).startsWith(0).endsWith(20);
    assertThat(runs[1].history().steps()).containsExactly(0, 4, 8, 12, 16, 20);
    assertThat(runs[2].history().steps()).containsExactly(20);
    for (VaeTraining.Run r : runs) {
      assertThat(r.last()).isEqualTo(runs[0].last());
      assertThat(r.vae().parameters()).usingRecursiveComparison()
          .isEqualTo(runs[0].vae().parameters());
    }
  }

  /** The ELBO rises in training, and a larger β buys a smaller KL with a worse reconstruction. */
  @ParameterizedTest
  @CsvSource({"0, moons", "1, mixture"})
  void elboRisesAndBetaTradesReconstructionForKl(long seed, String data) {
    VaeLatentDemo demo = new VaeLatentDemo();
    Result r = demo.run(Params.defaults(demo.params()).with("data", data).withSeed(seed));
    assertThat(r.finding("elbo_final").value()).isGreaterThan(r.finding("elbo_initial").value());
    assertThat(r.finding("kl_monte_carlo").agrees()).isTrue();
    assertThat(r.finding("gradient_error").agrees()).isTrue();
    String[] keys = {"beta_0_1", "beta_0_3", "beta_1", "beta_3", "beta_10"};
    for (int b = 1; b < keys.length; b++) {
      assertThat(r.finding(keys[b] + "_kl").value())
          .isLessThan(r.finding(keys[b - 1] + "_kl").value());
      assertThat(r.finding(keys[b] + "_reconstruction").value())
          .isGreaterThan(r.finding(keys[b - 1] + "_reconstruction").value());
    }
  }
}
