package dev.bagu.demos.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlibiTest {
  @Test
  void eightHeadsGiveOneHalfToOneOver256() {
    double[] expected = new double[8];
    for (int h = 0; h < 8; h++) {
      expected[h] = 1.0 / (2 << h); // 1/2, 1/4, …, 1/256
    }
    assertThat(Alibi.slopes(8)).containsExactly(expected);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4, 16, 32, 64})
  void powersOfTwoAreGeometricFromTwoToTheMinusEightOverN(int n) {
    double[] m = Alibi.slopes(n);
    double start = Math.pow(2, -8.0 / n);
    assertThat(m[0]).isCloseTo(start, within(1e-15));
    for (int h = 1; h < n; h++) {
      assertThat(m[h] / m[h - 1]).isCloseTo(start, within(1e-12));
    }
    assertThat(m[n - 1]).isCloseTo(1.0 / 256, within(1e-15));
  }

  /** The reference rule, worked by hand: n = 12 is 8 heads' slopes, then 16 heads' 1st, 3rd, 5th, 7th. */
  @Test
  void twelveHeadsFollowTheReferenceRule() {
    double[] m = Alibi.slopes(12);
    assertThat(java.util.Arrays.copyOf(m, 8)).containsExactly(Alibi.slopes(8));
    double[] extra = {Math.pow(2, -0.5), Math.pow(2, -1.5), Math.pow(2, -2.5), Math.pow(2, -3.5)};
    for (int i = 0; i < 4; i++) {
      assertThat(m[8 + i]).isCloseTo(extra[i], within(1e-15));
    }
    // n = 3: 2 heads' slopes (1/16, 1/256), then 4 heads' first (1/4).
    assertThat(Alibi.slopes(3)).containsExactly(new double[] {1.0 / 16, 1.0 / 256, 0.25},
        within(1e-15));
    // Every count from 1 to 64: n distinct slopes in (0, 1).
    for (int n = 1; n <= 64; n++) {
      double[] s = Alibi.slopes(n);
      assertThat(s).hasSize(n);
      assertThat(java.util.Arrays.stream(s).distinct().count()).isEqualTo(n);
      for (double v : s) {
        assertThat(v).isStrictlyBetween(0.0, 1.0);
      }
    }
  }

  @Test
  void biasIsMinusSlopeTimesDistanceWithTheFutureMasked() {
    double[][] b = Alibi.bias(0.25, 4);
    assertThat(b[3]).containsExactly(-0.75, -0.5, -0.25, 0);
    assertThat(b[0][0]).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(b[2][2])).isZero(); // +0, drawn as 0.0, not −0.0
    assertThat(b[1][2]).isNaN();
  }

  @Test
  void biasKeepsTheLastQueryLocalAtAnyLength() {
    double[] content = new double[4096]; // equal content: the bias alone decides
    double m = 1.0 / 16;
    double[] w = Alibi.lastQueryWeights(content, m, 4096);
    // Geometric weights (1 − e^{−m})·e^{−m·k}: the mass beyond D is e^{−m·D}.
    assertThat(Alibi.massBeyond(w, 128)).isCloseTo(Math.exp(-m * 128), within(1e-12));
    assertThat(w[0]).isCloseTo(1 - Math.exp(-m), within(1e-12));
    double[] shorter = Alibi.lastQueryWeights(content, m, 128);
    assertThat(shorter[5] - w[5]).isCloseTo(0, within(1e-3));
    // Without a bias the same query spreads uniformly: 1 − 128/4096 lies beyond 128.
    double[] flat = Alibi.lastQueryWeights(content, 0, 4096);
    assertThat(Alibi.massBeyond(flat, 128)).isCloseTo(1 - 128.0 / 4096, within(1e-12));
  }

  @Test
  void demoFindingsAndSlopesData() {
    AlibiDemo demo = new AlibiDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.finding("slope_first").agrees()).isTrue();
    assertThat(r.finding("slope_last").agrees()).isTrue();
    assertThat(r.finding("slope_ratio").agrees()).isTrue();
    assertThat((double[]) r.data().get("slopes")).containsExactly(Alibi.slopes(8));
    assertThat(r.finding("mass_beyond_train").value()).isLessThan(0.01);
    assertThat(r.finding("mass_beyond_train_no_bias").value()).isGreaterThan(0.5);
    // The head is clamped to the last one when there are fewer heads.
    Result one = demo.run(Params.defaults(demo.params()).with("heads", 1));
    assertThat(one.data().get("head")).isEqualTo(0);
    assertThat(one.finding("slope_first").value()).isEqualTo(1.0 / 256);
  }
}
