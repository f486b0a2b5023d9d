package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.MultiHeadAttention;
import org.junit.jupiter.api.Test;

class HeadDimensionTest {
  /** The catalogue's check, on the model objects: 4d² for every h when d_head = d/h. */
  @Test
  void projectionParametersAreFourDSquaredForEveryHeadCount() {
    for (int h : HeadCosts.headCounts(16)) {
      assertThat(MultiHeadAttention.random(48, h, Rng.seeded(h)).parameters())
          .as("h = %d", h).isEqualTo(4L * 48 * 48);
      assertThat(HeadCosts.fullWidth(48, h, Rng.seeded(h)).parameters())
          .isEqualTo(4L * h * 48 * 48);
    }
  }

  @Test
  void scoreRankIsTheHeadWidthOrTheSequenceLength() {
    double[][] x = Matrices.gaussian(20, 32, 1, Rng.seeded(3));
    for (int h : HeadCosts.headCounts(8)) {
      MultiHeadAttention m = MultiHeadAttention.random(32, h, Rng.seeded(10 + h));
      int rank = HeadCosts.numericalRank(HeadCosts.scoreSingularValues(m.heads().get(0), x));
      assertThat(rank).as("h = %d", h).isEqualTo(Math.min(32 / h, 20));
    }
  }

  @Test
  void everyFindingAgreesAtDefaultsForTwoSeeds() {
    HeadDimensionDemo demo = new HeadDimensionDemo();
    for (long seed = 0; seed < 2; seed++) {
      Result r = demo.run(Params.defaults(demo.params()).withSeed(seed));
      assertThat(r.findings()).allSatisfy(f -> assertThat(f.agrees()).as(f.key()).isTrue());
    }
  }

  @Test
  void headsMustBeAPowerOfTwoDividingTheWidth() {
    HeadDimensionDemo demo = new HeadDimensionDemo();
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("dmodel", 24)
        .with("heads", 16))).isInstanceOf(UserException.class)
        .hasMessageContaining("must be a power of two dividing dmodel = 24");
  }
}
