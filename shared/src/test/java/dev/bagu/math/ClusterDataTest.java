package dev.bagu.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.ToyData.Labelled;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ClusterDataTest {
  /** Every set, drawn from the given seed. */
  static List<Labelled> all(long seed, int n) {
    List<Function<Rng, Labelled>> makers = List.of(
        r -> ClusterData.blobs(n, 4, 0.5, r), r -> ClusterData.anisotropic(n, r),
        r -> ClusterData.variedDensity(n, r), r -> ClusterData.circles(n, 0.5, 0.05, r),
        r -> ClusterData.uniform(n, r));
    return makers.stream().map(m -> m.apply(Rng.seeded(seed))).toList();
  }

  @Test
  void shapesAndBalancedLabelCounts() {
    int n = 301;
    for (Labelled d : all(3, n)) {
      assertThat(d.x()).hasNumberOfRows(n);
      assertThat(d.x()[0]).hasSize(2);
      int[] counts = new int[d.classes()];
      for (int label : d.y()) {
        counts[label]++;
      }
      for (int c : counts) {
        assertThat(c).isBetween(n / d.classes(), n / d.classes() + 1);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
    List<Labelled> a = all(7, 100);
    List<Labelled> b = all(7, 100);
    List<Labelled> c = all(8, 100);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).x()).isDeepEqualTo(b.get(i).x());
      assertThat(a.get(i).y()).isEqualTo(b.get(i).y());
      assertThat(Arrays.deepEquals(a.get(i).x(), c.get(i).x())).isFalse();
    }
  }

  @Test
  void blobsSitAtTheirCentresWithTheChosenSpread() {
    double[][] centres = {{0, 0}, {50, -20}};
    Labelled d = ClusterData.blobs(20_000, centres, new double[] {1, 3}, Rng.seeded(1));
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double sq = 0;
      int m = 0;
      for (int i = 0; i < d.y().length; i++) {
        if (d.y()[i] == c) {
          sum += d.x()[i][0];
          sq += d.x()[i][0] * d.x()[i][0];
          m++;
        }
      }
      double mean = sum / m;
      assertThat(mean).isCloseTo(centres[c][0], within(0.1));
      assertThat(Math.sqrt(sq / m - mean * mean)).isCloseTo(c == 0 ? 1 : 3, within(0.1));
    }
  }

  @Test
  void circlesHaveTheirRadiiAndUniformStaysInTheSquare() {
    Labelled c = ClusterData.circles(200, 0.3, 0, Rng.seeded(2));
    for (int i = 0; i < 200; i++) {
      assertThat(Math.hypot(c.x()[i][0], c.x()[i][1]))
          .isCloseTo(c.y()[i] == 0 ? 1 : 0.3, within(1e-12));
    }
    for (double[] p : ClusterData.uniform(500, Rng.seeded(2)).x()) {
      assertThat(p[0]).isBetween(0.0, 1.0);
      assertThat(p[1]).isBetween(0.0, 1.0);
    }
  }

  @Test
  void standardisedColumnsHaveMeanZeroAndUnitVariance() {
    double[][] z = ClusterData.standardised(ClusterData.anisotropic(400, Rng.seeded(4)).x());
    for (int d = 0; d < 2; d++) {
      final int col = d;
      double mean = Arrays.stream(z).mapToDouble(p -> p[col]).average().orElseThrow();
      double var = Arrays.stream(z).mapToDouble(p -> (p[col] - mean) * (p[col] - mean))
          .average().orElseThrow();
      assertThat(mean).isCloseTo(0, within(1e-12));
      assertThat(var).isCloseTo(1, within(1e-12));
    }
    assertThat(ClusterData.standardised(new double[][] {{5, 1}, {5, 3}}))
        .isDeepEqualTo(new double[][] {{0, -1}, {0, 1}});
  }
}
