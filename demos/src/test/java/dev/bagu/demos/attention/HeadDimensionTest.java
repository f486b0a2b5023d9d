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
  void widthAndHeadsArePowersOfTwoAndHeadsStopAtTheWidth() {
    HeadDimensionDemo demo = new HeadDimensionDemo();
    Params p = Params.defaults(demo.params());
    assertThatThrownBy(() -> p.with("dmodel", 24)).isInstanceOf(UserException.class)
        .hasMessageContaining("dmodel = 24 is not a power of two");
    // d = 4 with up to 16 heads: h = 1, 2, 4 (d_head = 4, 2, 1), every finding still holds.
    Result r = demo.run(p.with("dmodel", 4).with("heads", 16));
    assertThat((double[]) r.data().get("heads")).containsExactly(1, 2, 4);
    assertThat(r.figure().subtitle()).contains("h = 1 … 4");
    assertThat(r.findings()).allSatisfy(f -> assertThat(f.agrees()).as(f.key()).isTrue());
  }
}
