package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.demos.attention.AttentionStack.Trial;
import dev.bagu.math.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttentionDepthTest {
  private static final Shape DEFAULT = new Shape(12, 32, 32, 4, 1, 1, false);

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void pureAttentionResidualFallsEveryLayerUntilTheFloor(int seed) {
    double[] r = AttentionStack.run(DEFAULT, Rng.stream(seed, 1)).r()[Path.PURE.ordinal()];
    int l = 1;
    for (; l < r.length && r[l - 1] >= AttentionDepth.FLOOR; l++) {
      assertThat(r[l]).as("seed %d layer %d", seed, l).isLessThan(r[l - 1]);
    }
    // …and it gets there within 12 layers: collapse, not a slow drift.
    assertThat(r[r.length - 1]).isLessThan(AttentionDepth.FLOOR);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void skipsKeepTheResidualAboveATenthAtDepthTwelve(int seed) {
    Trial t = AttentionStack.run(DEFAULT, Rng.stream(seed, 1));
    for (Path path : new Path[] {Path.SKIP, Path.SKIP_MLP}) {
      assertThat(Arrays.stream(t.r()[path.ordinal()]).min().orElseThrow())
          .as("%s seed %d", path, seed).isGreaterThan(0.05);
    }
  }

  @Test
  void withPlainSkipsTheResidualStillDecaysButScaledBranchesHoldIt() {
    // What the demo reports rather than hides: X + SAN(X) at this init loses r exponentially;
    // a branch scale of 1/√depth keeps it near 1.
    Curves plain = AttentionDepth.measure(new Shape(32, 32, 32, 4, 1, 1, false), 0, 1);
    Curves scaled = AttentionDepth.measure(new Shape(32, 32, 32, 4, 1, 0.18, false), 0, 1);
    assertThat(plain.rAt(Path.SKIP, 32)).isLessThan(0.01).isGreaterThan(AttentionDepth.FLOOR);
    assertThat(scaled.rAt(Path.SKIP, 32)).isGreaterThan(0.8);
  }

  @Test
  void doubleLogSlopeIsFittedAndLastWeightsAreUniform() {
    Curves c = AttentionDepth.measure(DEFAULT, 0, 1);
    assertThat(c.pureSlope()).isBetween(0.5, 3.0); // doubly exponential: positive, finite
    assertThat(c.fitFrom()).isPositive();
    assertThat(c.firstDeviation()).isGreaterThan(0.1);
    assertThat(c.lastDeviation()).isLessThan(1e-12);
    int last = c.lastAboveFloor()[Path.PURE.ordinal()];
    assertThat(c.r()[Path.PURE.ordinal()][last + 1]).isNaN();
  }

  @Test
  void sameSeedSameNumbersOtherSeedOthers() {
    Curves a = AttentionDepth.measure(DEFAULT, 7, 1);
    Curves b = AttentionDepth.measure(DEFAULT, 7, 1);
    Curves other = AttentionDepth.measure(DEFAULT, 8, 1);
    assertThat(Arrays.deepEquals(a.r(), b.r())).isTrue();
    assertThat(Arrays.deepEquals(a.firstWeights(), b.firstWeights())).isTrue();
    assertThat(Arrays.deepEquals(a.r(), other.r())).isFalse();
  }

  @Test
  void demoReportsTheSlopeAgainstLn3AndRefusesIndivisibleHeads() {
    AttentionDepthDemo demo = new AttentionDepthDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.finding("pure_double_log_slope").reference()).isPresent();
    assertThat(r.finding("skip_r_last").value()).isGreaterThan(0.05);
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("d-model", 30)))
        .isInstanceOf(UserException.class)
        .hasMessage("parameter d-model = 30 is not a multiple of heads = 4: allowed d-model "
            + "divisible by heads (each head is d_model/heads wide)");
  }

  @Test
  void depthOneHasNoFitAndNoDuplicateFinding() {
    AttentionDepthDemo demo = new AttentionDepthDemo();
    Result r = demo.run(Params.defaults(demo.params()).with("depth", 1));
    assertThat(r.findings()).noneMatch(f -> f.key().equals("pure_double_log_slope"))
        .noneMatch(f -> f.key().equals("weights_from_uniform_last"));
  }
}
