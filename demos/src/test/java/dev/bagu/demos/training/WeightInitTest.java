package dev.bagu.demos.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Result;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeightInitTest {
  private static DeepStats of(List<DeepStats> all, Init init) {
    return all.get(WeightInit.INITS.indexOf(init));
  }

  @Test
  void deepTanhNetShrinksSmallInitAndKeepsXavierAlive() {
    List<DeepStats> s = WeightInit.deepStats(Activation.TANH, 8, 64, 128, 3);
    // Small N(0, 0.01²): each layer multiplies the std by about 0.01·√64 = 0.08.
    double[] small = of(s, Init.SMALL).std();
    assertThat(small[7] / small[6]).isCloseTo(0.08, within(0.02));
    assertThat(of(s, Init.SMALL).gradRatio()).isLessThan(1e-6); // vanishes towards the input
    // Large N(0, 1): saturated, |tanh| near 1 everywhere.
    assertThat(of(s, Init.LARGE).std()[7]).isGreaterThan(0.9);
    // Xavier and He keep a usable signal and a gradient within a factor 3 across 8 layers.
    for (Init ok : List.of(Init.XAVIER_NORMAL, Init.XAVIER_UNIFORM, Init.HE_NORMAL,
        Init.ORTHOGONAL)) {
      assertThat(of(s, ok).std()[7]).as(ok.label()).isBetween(0.15, 0.8);
      assertThat(of(s, ok).gradRatio()).as(ok.label()).isBetween(1 / 3.0, 3.0);
    }
    assertThat(of(s, Init.ZERO).std()[7]).isZero();
    assertThat(of(s, Init.ZERO).gradNorm()).containsOnly(0.0);
  }

  @Test
  void heFlatAndOneOverNHalvesPerLayer() {
    for (int width : new int[] {10, 64, 100}) {
      for (long seed = 0; seed < 3; seed++) {
        HeDepthCheck he = HeDepthCheck.run(Init.HE_NORMAL, width, seed);
        HeDepthCheck lecun = HeDepthCheck.run(Init.LECUN_NORMAL, width, seed);
        // The per-layer factor's mean is 1 (He) or 1/2 (1/n) exactly; 3σ of the derived bound.
        assertThat(he.meanFactor()).as("width %d seed %d", width, seed)
            .isCloseTo(1, within(3 * HeDepthCheck.factorSpread(2, width, he.factors())));
        assertThat(lecun.meanFactor()).as("width %d seed %d", width, seed)
            .isCloseTo(0.5, within(3 * HeDepthCheck.factorSpread(1, width, lecun.factors())));
        assertThat(he.ratio()).isCloseTo(1, within(3 * HeDepthCheck.ratioSpread(width)));
        assertThat(lecun.ratio()).isLessThan(1e-6); // 2^−29 ≈ 2e−9 in expectation
      }
    }
  }

  @Test
  void heSpreadsAreTheChiSquareOnes() {
    // Var((2/n)·Σ g²[g>0]) = 5/n: one layer, one factor.
    assertThat(HeDepthCheck.factorSpread(2, 64, 1)).isCloseTo(Math.sqrt(5.0 / 64), within(1e-12));
    assertThat(HeDepthCheck.factorSpread(1, 64, 1)).isCloseTo(Math.sqrt(5.0 / 64) / 2,
        within(1e-12));
    // Over 8 nets at width 64: σ = √((1.078¹²⁹ − 1)/8) ≈ 1.
    assertThat(HeDepthCheck.ratioSpread(64)).isBetween(0.9, 1.1);
  }

  @Test
  void reluHistogramLeavesTheZerosToTheirBar() {
    double[] v = {0, 0, 0, 1, 2};
    assertThat(ActivationGrid.zeroShare(v)).isEqualTo(0.6);
    assertThat(ActivationGrid.histogram(v, 0, 3, 3, true)).containsExactly(0, 1, 1);
    assertThat(ActivationGrid.histogram(v, 0, 3, 3, false)).containsExactly(1, 1 / 3.0, 1 / 3.0);
  }

  @Test
  void trainingIsDeterministicAndZeroInitStaysSymmetric() {
    WeightInit.Training a = WeightInit.train(Init.HE_NORMAL, Activation.TANH, 100, 0.2, 8);
    WeightInit.Training b = WeightInit.train(Init.HE_NORMAL, Activation.TANH, 100, 0.2, 8);
    assertThat(b.loss()).containsExactly(a.loss());
    assertThat(a.steps()[0]).isZero();
    assertThat(a.steps()[a.steps().length - 1]).isEqualTo(100);
    assertThat(a.finalLoss()).isLessThan(0.8 * a.loss()[0]);

    for (Activation f : List.of(Activation.TANH, Activation.RELU)) {
      WeightInit.Training zero = WeightInit.train(Init.ZERO, f, 100, 0.2, 8);
      assertThat(WeightInit.symmetryGap(zero.net())).isZero();
      assertThat(zero.finalLoss()).isCloseTo(Math.log(2), within(0.01));
    }
    // Any random init breaks the symmetry from the start.
    assertThat(WeightInit.symmetryGap(a.net())).isGreaterThan(0.01);
  }

  @Test
  void aPreviewsTrainingIsTheFullRunsFirstSteps() {
    WeightInit.Training full = WeightInit.train(Init.XAVIER_NORMAL, Activation.TANH, 200, 0.2, 8);
    WeightInit.Training first = WeightInit.train(Init.XAVIER_NORMAL, Activation.TANH, 200, 0.2,
        8, WeightInitDemo.PREVIEW_STEPS);
    assertThat(first.steps()).containsExactly(0, 5, 10, 15, 20);
    assertThat(first.loss()).containsExactly(Arrays.copyOf(full.loss(), 5));
    // The demo's preview at any steps setting draws those points, on that setting's axis.
    WeightInitDemo demo = new WeightInitDemo();
    Result preview = demo.run(dev.bagu.demo.Params.defaults(demo.params()).with("steps", 1000)
        .withPreview(true));
    @SuppressWarnings("unchecked")
    Map<String, Object> training = (Map<String, Object>) preview.data().get("training");
    assertThat((int[]) training.get("steps")).containsExactly(0, 5, 10, 15, 20);
    assertThat(preview.figure().texts()).anyMatch(t -> t.contains("first 20 of 1000 steps"));
  }

  @Test
  void shownLayersSpanFirstToLast() {
    assertThat(ActivationGrid.shownLayers(5)).containsExactly(0, 1, 2, 3, 4);
    int[] deep = ActivationGrid.shownLayers(50);
    assertThat(deep).hasSize(ActivationGrid.MAX_COLUMNS).startsWith(0).endsWith(49);
  }

  @Test
  void aNarrowCellsSigmaHasOneSignificantDigit() {
    assertThat(ActivationGrid.oneDigit(6.3e-4)).isEqualTo("6e-4");
    assertThat(ActivationGrid.oneDigit(9.1e-12)).isEqualTo("9e-12");
    assertThat(ActivationGrid.oneDigit(3e5)).isEqualTo("3e5");
    assertThat(ActivationGrid.oneDigit(0.48)).isEqualTo("0.5");
    assertThat(ActivationGrid.oneDigit(0)).isEqualTo("0");
  }
}
