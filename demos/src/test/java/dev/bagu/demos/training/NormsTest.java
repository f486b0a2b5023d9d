package dev.bagu.demos.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class NormsTest {
  @Test
  void layerNormOfAHandWorkedRow() {
    // mean 2.5, variance 1.25: (x − 2.5)/√1.25
    double[] y = Norms.layerNorm(new double[] {1, 2, 3, 4}, 0);
    double s = Math.sqrt(1.25);
    assertThat(y).containsExactly(new double[] {-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s},
        within(1e-15));
    // RMSNorm: mean square 7.5
    assertThat(Norms.rmsNorm(new double[] {1, 2, 3, 4}, 0)[3]).isCloseTo(4 / Math.sqrt(7.5),
        within(1e-15));
  }

  @Test
  void batchNormUsesPerFeatureStatisticsOfTheCountedPositions() {
    double[][][] x = {{{1, 10}, {3, 10}}, {{5, 40}, {0, 0}}}; // (b=2, t=2, d=2), last is a pad
    boolean[][] real = {{true, true}, {true, false}};
    double[] mean = new double[2];
    double[] var = new double[2];
    Norms.batchNorm(x, real, 0, mean, var);
    assertThat(mean).containsExactly(new double[] {3, 20}, within(1e-15));
    assertThat(var).containsExactly(new double[] {8.0 / 3, 200}, within(1e-12));
    Norms.batchNorm(x, null, 0, mean, var); // pads counted: mean pulled towards 0
    assertThat(mean).containsExactly(new double[] {2.25, 15}, within(1e-15));
  }

  @Test
  void tableOneInvariancesHoldOnSeededTensors() {
    for (long seed = 0; seed < 10; seed++) {
      NormExperiments.Invariances inv = NormExperiments.invariances(Rng.stream(seed, 1));
      assertThat(inv.lnExampleScale()).isLessThan(1e-6);
      assertThat(inv.lnExampleShift()).isLessThan(1e-6);
      assertThat(inv.bnFeatureScale()).isLessThan(1e-6);
      assertThat(inv.bnFeatureShift()).isLessThan(1e-6);
      assertThat(inv.rmsVsLn()).isLessThan(1e-6);
      assertThat(inv.lnFeatureScale()).isGreaterThan(0.1); // not invariant
      assertThat(inv.bnExampleScale()).isGreaterThan(0.1); // not invariant
    }
  }

  @Test
  void batchNormDependsOnTheBatchAndLayerNormDoesNot() {
    assertThat(NormExperiments.lnBatchDependence(8, 4, Rng.stream(1, 1))).isZero();
    double small = NormExperiments.batchNoise(2, 8, 200, Rng.stream(1, 2));
    double large = NormExperiments.batchNoise(32, 8, 200, Rng.stream(1, 3));
    assertThat(small).isGreaterThan(0.05);
    assertThat(large / small).isCloseTo(0.25, within(0.1)); // ∝ 1/√batch: √(2/32) = 0.25
    assertThat(NormExperiments.paddingBias(32, 16, 0, Rng.stream(1, 4))).containsExactly(0, 0);
    assertThat(NormExperiments.paddingBias(32, 16, 0.5, Rng.stream(1, 5))[0]).isGreaterThan(0.2);
  }

  @Test
  void batchStatsWithoutTheTensorAreBatchNormsOwnStatistics() {
    for (int[] shape : new int[][] {{1, 2}, {3, 5}, {16, 8}}) {
      double[][][] x = NormExperiments.tensor(shape[0], shape[1], Rng.stream(4, 9));
      double[] mean = new double[NormExperiments.FEATURES];
      double[] var = new double[NormExperiments.FEATURES];
      Norms.batchNorm(x, null, 0, mean, var);
      double[] flat = new double[shape[0] * shape[1] * NormExperiments.FEATURES];
      double[] m = new double[NormExperiments.FEATURES];
      double[] v = new double[NormExperiments.FEATURES];
      NormExperiments.batchStats(shape[0], shape[1], Rng.stream(4, 9), flat, m, v);
      assertThat(m).containsExactly(mean); // the same draws, the same sums: bit for bit
      assertThat(v).containsExactly(var);
    }
  }

  @Test
  void trainInferenceGapShrinksWithTheBatch() {
    double small = NormExperiments.trainEvalGap(2, 8, 60, Rng.stream(2, 3));
    double large = NormExperiments.trainEvalGap(64, 8, 60, Rng.stream(2, 4));
    assertThat(small).isGreaterThan(0.1);
    assertThat(large).isLessThan(small / 3); // batch statistics approach the running ones
  }

  @Test
  void memoisedCurvesEqualFreshOnesAndChosenPointsLieOnThem() {
    NormCurves fresh = NormCurves.compute(4, 11);
    NormCurves first = NormCurves.of(4, 11);
    first.noise()[0] = -1; // a caller's arrays are its own
    NormCurves again = NormCurves.of(4, 11);
    assertThat(again.noise()).containsExactly(fresh.noise());
    assertThat(again.gap()).containsExactly(fresh.gap());
    assertThat(again.padMean()).containsExactly(fresh.padMean());
    assertThat(again.padStd()).containsExactly(fresh.padStd());
    int i = NormCurves.batchIndex(16);
    assertThat(NormCurves.noise(16, 4, 11)).isEqualTo(fresh.noise()[i]);
    assertThat(NormCurves.gap(16, 4, 11)).isEqualTo(fresh.gap()[i]);
    int j = NormCurves.paddingIndex(0.3);
    assertThat(NormCurves.padding(0.3, 4, 11)).containsExactly(fresh.padMean()[j],
        fresh.padStd()[j]);
    assertThat(NormCurves.of(5, 11).noise()).isNotEqualTo(fresh.noise());
  }
}
