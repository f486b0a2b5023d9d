package dev.bagu.demos.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.finetune.Distillation.Settings;
import dev.bagu.demos.finetune.Distillation.Training;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DistillationTest {
  private static final double[] Z = SoftTargets.zeroMean(new double[] {2.0, -1.0, 0.5, 3.0});
  private static final double[] V = SoftTargets.zeroMean(new double[] {1.0, 0.0, -2.0, 4.0});

  @Test
  void gradientEqualsFiniteDifferencesOfTheCrossEntropy() {
    for (double t : new double[] {1, 3, 20}) {
      double[] g = SoftTargets.gradient(Z, V, t);
      for (int i = 0; i < Z.length; i++) {
        double[] up = Z.clone();
        double[] down = Z.clone();
        up[i] += 1e-6;
        down[i] -= 1e-6;
        double fd = (SoftTargets.crossEntropy(up, V, t) - SoftTargets.crossEntropy(down, V, t))
            / 2e-6;
        assertThat(g[i]).as("T = " + t + ", i = " + i).isCloseTo(fd, within(1e-8));
      }
    }
  }

  /** Hinton §2.1: T²·∂C/∂z → (z − v)/N, the gap shrinking like 1/T. */
  @Test
  void scaledGradientTendsToTheLogitDifferenceOverN() {
    double at100 = SoftTargets.relativeDeviation(Z, V, 100);
    double at1000 = SoftTargets.relativeDeviation(Z, V, 1000);
    assertThat(at1000).isLessThan(0.01);
    assertThat(at100 / at1000).isCloseTo(10, within(0.5));
    assertThat(SoftTargets.relativeDeviation(Z, V, 1)).isGreaterThan(0.1);
  }

  @ParameterizedTest
  @EnumSource(Training.class)
  void studentLossGradientsEqualFiniteDifferences(Training t) {
    Settings s = new Settings(3, 0.3, 1, 0.05);
    double[] g = Distillation.logitGradient(t, Z, V, 1, s);
    for (int i = 0; i < Z.length; i++) {
      double[] up = Z.clone();
      double[] down = Z.clone();
      up[i] += 1e-6;
      down[i] -= 1e-6;
      double fd = (Distillation.loss(t, up, V, 1, s) - Distillation.loss(t, down, V, 1, s)) / 2e-6;
      assertThat(g[i]).isCloseTo(fd, within(1e-7));
    }
  }

  @Test
  void teacherIsTheBayesPosteriorAndSoftTargetsBeatHardLabels() {
    double[][] mu = Distillation.means(10);
    Distillation.Data test = Distillation.sample(mu, 300, Rng.seeded(1));
    double teacher = Distillation.evaluate(x -> Distillation.teacherLogits(mu, x), test)
        .accuracy();
    Settings s = new Settings(4, 0.2, 300, 0.05);
    int wins = 0;
    for (int seed = 0; seed < 5; seed++) {
      Distillation.Data train = Distillation.sample(mu, 4, Rng.seeded(100 + seed));
      double[][] v = Distillation.teacherLogits(mu, train);
      double hard = Distillation.evaluate(
          Distillation.train(Training.HARD, train, v, s)::logits, test).accuracy();
      double soft = Distillation.evaluate(
          Distillation.train(Training.SOFT, train, v, s)::logits, test).accuracy();
      assertThat(soft).isLessThanOrEqualTo(teacher + 0.02); // nobody beats Bayes (up to noise)
      wins += soft > hard ? 1 : 0;
    }
    assertThat(wins).isEqualTo(5);
  }
}
