package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.vision.Nms.Kept;
import org.junit.jupiter.api.Test;

/** Soft-NMS (Bodla et al. 2017): hand-worked rescoring and its limits to greedy NMS. */
class SoftNmsTest {
  private final Detections pair = Detections.of(new double[][] {{0, 0, 4, 1}, {1, 0, 5, 1}},
      new double[] {0.9, 0.8}); // IoU 0.6

  @Test
  void linearDecaysByOneMinusIouAboveNt() {
    Kept k = SoftNms.run(pair, SoftNms.linear(0.5), 0.001, null);
    assertThat(k.index()).containsExactly(0, 1);
    assertThat(k.score()).containsExactly(new double[] {0.9, 0.8 * 0.4}, within(1e-12));
    // Below N_t the score is untouched.
    assertThat(SoftNms.run(pair, SoftNms.linear(0.7), 0.001, null).score()[1]).isEqualTo(0.8);
  }

  @Test
  void gaussianDecaysByExpOfMinusIouSquaredOverSigma() {
    Kept k = SoftNms.run(pair, SoftNms.gaussian(0.5), 0.001, null);
    assertThat(k.score()[1]).isCloseTo(0.8 * Math.exp(-0.36 / 0.5), within(1e-12));
  }

  @Test
  void boxesUnderTheScoreThresholdAreDropped() {
    // 0.8 × 0.4 = 0.32 < 0.33: dropped; at 0.3 it stays.
    assertThat(SoftNms.run(pair, SoftNms.linear(0.5), 0.33, null).index()).containsExactly(0);
    assertThat(SoftNms.run(pair, SoftNms.linear(0.5), 0.3, null).index()).containsExactly(0, 1);
  }

  @Test
  void rescoringCanReorderThePicks() {
    // Box 1 (0.8) overlaps the first pick heavily; box 2 (0.5) overlaps nothing. After decay
    // box 1 has 0.8 × 0.1 = 0.08, so box 2 is picked second.
    Detections d = Detections.of(new double[][] {{0, 0, 10, 10}, {0, 0, 10, 9}, {50, 50, 60, 60}},
        new double[] {0.9, 0.8, 0.5});
    Kept k = SoftNms.run(d, SoftNms.linear(0.3), 0.001, null);
    assertThat(k.index()).containsExactly(0, 2, 1);
    assertThat(k.score()).containsExactly(new double[] {0.9, 0.5, 0.8 * 0.1}, within(1e-12));
  }

  @Test
  void aStepWeightIsGreedyNmsAndScoresFallInSelectionOrder() {
    for (long seed = 0; seed < 300; seed++) {
      Detections d = NmsTest.random(seed, 60, seed % 2 == 0);
      double t = (seed % 9 + 1) / 10.0;
      Kept step = SoftNms.run(d, SoftNms.step(t), 0.001, null);
      assertThat(step.index()).as("seed %d", seed).containsExactly(Nms.greedy(d, t));
      Kept soft = SoftNms.run(d, SoftNms.gaussian(0.5), 0.001, null);
      for (int i = 1; i < soft.size(); i++) {
        assertThat(soft.score()[i]).isLessThanOrEqualTo(soft.score()[i - 1]);
      }
      assertThat(java.util.Arrays.stream(soft.score()).min().orElse(1)).isGreaterThanOrEqualTo(0.001);
    }
  }

  @Test
  void gaussianWithTinySigmaApproachesGreedyAtThresholdZero() {
    // σ = 1e-12 multiplies any overlap above about 4e-6 IoU by less than 1e-3·0.01.
    int agree = 0;
    for (long seed = 0; seed < 200; seed++) {
      Detections d = NmsTest.random(seed, 40, false);
      int[] soft = SoftNms.run(d, SoftNms.gaussian(1e-12), 0.001, null).index();
      agree += java.util.Arrays.equals(soft, Nms.greedy(d, 0)) ? 1 : 0;
    }
    assertThat(agree).isEqualTo(200);
    // And a large σ moves away from it: Gaussian keeps strictly more boxes.
    Detections d = NmsTest.random(7, 40, false);
    assertThat(SoftNms.run(d, SoftNms.gaussian(2), 0.001, null).size())
        .isGreaterThan(Nms.greedy(d, 0).length);
  }
}
