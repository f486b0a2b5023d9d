package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class QkvProjectionsTest {
  /** The catalogue's check and what Cauchy–Schwarz says exactly, over many draws. */
  @Test
  void sharedScoresAreSymmetricAndNeverBeatBothDiagonals() {
    SharedQk.Stats st = SharedQk.stats(10, 6, 3, 300, 7);
    assertThat(st.sharedAsymmetry()).isZero();
    assertThat(st.pairViolations()).isZero();
    assertThat(st.longestQueryWins()).isEqualTo(1.0);
    assertThat(st.sharedDiagonalRows()).isGreaterThan(2 * st.separateDiagonalRows());
  }

  @Test
  void separateProjectionsLearnThePreviousTokenFasterThanShared() {
    for (long seed = 0; seed < 2; seed++) {
      Result r = new QkvProjectionsDemo().run(Params.defaults(new QkvProjectionsDemo().params())
          .withSeed(seed));
      assertThat(r.finding("separate_prev_error").value()).isLessThan(0.01);
      assertThat(r.finding("shared_prev_error").value())
          .isGreaterThan(10 * r.finding("separate_prev_error").value());
      assertThat(r.finding("shared_asymmetry").value()).isZero();
    }
  }

  @Test
  void trainingIsDeterministicForASeed() {
    double a = SharedQk.trainPreviousToken(6, 2, true, 20, 0.1, Rng.seeded(1)).finalError();
    double b = SharedQk.trainPreviousToken(6, 2, true, 20, 0.1, Rng.seeded(1)).finalError();
    assertThat(a).isEqualTo(b);
  }
}
