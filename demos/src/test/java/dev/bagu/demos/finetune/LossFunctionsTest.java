package dev.bagu.demos.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LossFunctionsTest {
  private static final MarginLoss.Knobs KNOBS = new MarginLoss.Knobs(2, 0.1);

  @Test
  void focalWithGammaZeroIsCrossEntropy() {
    assertThat(LossChecks.focalZeroGap(Rng.seeded(4))).isLessThanOrEqualTo(1e-12);
    MarginLoss.Knobs zero = new MarginLoss.Knobs(0, 0.1);
    for (double m = -5; m <= 5; m += 0.37) {
      assertThat(MarginLoss.FOCAL.loss(m, zero))
          .isCloseTo(MarginLoss.CROSS_ENTROPY.loss(m, zero), within(1e-12));
      assertThat(MarginLoss.FOCAL.gradient(m, zero))
          .isCloseTo(MarginLoss.CROSS_ENTROPY.gradient(m, zero), within(1e-12));
    }
  }

  @ParameterizedTest
  @EnumSource(MarginLoss.class)
  void analyticGradientsEqualFiniteDifferences(MarginLoss loss) {
    double h = 1e-5;
    for (double m = -4.01; m <= 4; m += 0.13) {
      if (loss == MarginLoss.HINGE && Math.abs(m - 1) < 2 * h) {
        continue;
      }
      double fd = (loss.loss(m + h, KNOBS) - loss.loss(m - h, KNOBS)) / (2 * h);
      assertThat(loss.gradient(m, KNOBS)).as(loss + " at " + m).isCloseTo(fd, within(1e-7));
    }
    assertThat(LossChecks.gradientError(KNOBS)).isLessThan(1e-6);
  }

  @Test
  void handWorkedValues() {
    // At m = 0: CE = ln 2, MSE = 1, hinge = 1, focal(γ = 2) = (1/2)² ln 2.
    assertThat(MarginLoss.CROSS_ENTROPY.loss(0, KNOBS)).isCloseTo(Math.log(2), within(1e-15));
    assertThat(MarginLoss.MSE.loss(0, KNOBS)).isEqualTo(1);
    assertThat(MarginLoss.HINGE.loss(0, KNOBS)).isEqualTo(1);
    assertThat(MarginLoss.FOCAL.loss(0, KNOBS)).isCloseTo(0.25 * Math.log(2), within(1e-15));
    // Binary smoothing with ε = 0.1 is minimised where σ(m) = 1 − ε/2: m = ln(0.95/0.05).
    double best = Math.log(0.95 / 0.05);
    assertThat(MarginLoss.LABEL_SMOOTHING.gradient(best, KNOBS)).isCloseTo(0, within(1e-12));
    assertThat(MulticlassLosses.optimalGap(2, 0.1)).isCloseTo(best, within(1e-12));
  }

  @Test
  void smoothedGapReachesTheFormulaWhilePlainCrossEntropyKeepsGrowing() {
    for (int k : new int[] {2, 10, 100}) {
      double[] gap = MulticlassLosses.gapPath(k, 0.1, 3000);
      assertThat(gap[3000]).as("K = " + k)
          .isCloseTo(Math.log(1 + k * 0.9 / 0.1), within(0.01));
    }
    double[] plain = MulticlassLosses.gapPath(10, 0, 3000);
    assertThat(plain[3000] - plain[1500]).isGreaterThan(0.5); // ≈ ln 2: no limit
    // The smoothed loss's gradient vanishes at the formula's gap.
    double g = MulticlassLosses.optimalGap(10, 0.2);
    double[] z = new double[10];
    z[0] = g;
    for (double v : MulticlassLosses.labelSmoothedGradient(z, 0, 0.2)) {
      assertThat(v).isCloseTo(0, within(1e-12));
    }
  }

  @Test
  void mseNeglectsTheMinorityAndFocalDoesNotHurtIt() {
    ImbalancedTask.Data train = ImbalancedTask.sample(400, 40, Rng.seeded(8));
    ImbalancedTask.Data test = ImbalancedTask.sample(2000, 2000, Rng.seeded(9));
    double ce = ImbalancedTask.score(ImbalancedTask.train(MarginLoss.CROSS_ENTROPY, KNOBS, train),
        test).minorityRecall();
    double mse = ImbalancedTask.score(ImbalancedTask.train(MarginLoss.MSE, KNOBS, train), test)
        .minorityRecall();
    double focal = ImbalancedTask.score(ImbalancedTask.train(MarginLoss.FOCAL, KNOBS, train),
        test).minorityRecall();
    assertThat(mse).isLessThan(ce - 0.2);
    assertThat(focal).isGreaterThanOrEqualTo(ce - 0.02);
  }
}
