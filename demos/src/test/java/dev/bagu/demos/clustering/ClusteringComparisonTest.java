package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demos.clustering.ClusteringComparison.Algorithm;
import dev.bagu.demos.clustering.ClusteringComparison.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusteringComparisonTest {
  private static List<Run> runs(int n, double noise, long seed) {
    return ClusteringComparison.runAll(ClusteringComparison.datasets(n, noise, seed), seed);
  }

  private static Run find(List<Run> runs, String set, Algorithm a) {
    return runs.stream().filter(r -> r.data().name().equals(set) && r.algorithm() == a)
        .findFirst().orElseThrow();
  }

  @Test
  void onCirclesKMeansFailsAndDbscanSucceedsAtTheDefaultsForSeveralSeeds() {
    for (long seed = 0; seed < 5; seed++) {
      List<Run> runs = runs(500, 0.05, seed);
      assertThat(find(runs, "circles", Algorithm.KMEANS).ari()).as("seed %d", seed)
          .isLessThan(0.1);
      assertThat(find(runs, "circles", Algorithm.DBSCAN).ari()).as("seed %d", seed)
          .isGreaterThan(0.9);
      assertThat(find(runs, "moons", Algorithm.DBSCAN).ari()).as("seed %d", seed)
          .isGreaterThan(find(runs, "moons", Algorithm.KMEANS).ari());
    }
  }

  @Test
  void theDemosFindingsAreTheseAris() {
    Result r = new ClusteringComparisonDemo().run(Params.defaults(
        new ClusteringComparisonDemo().params()).withoutTimes());
    List<Run> runs = runs(500, 0.05, 0);
    assertThat(r.finding("ari_circles_kmeans").value())
        .isEqualTo(find(runs, "circles", Algorithm.KMEANS).ari());
    assertThat(r.finding("ari_moons_dbscan").value())
        .isEqualTo(find(runs, "moons", Algorithm.DBSCAN).ari());
    assertThat(r.finding("time_mean_shift").measured()).isTrue();
    assertThat(r.finding("ari_mean_dbscan").measured()).isFalse();
  }

  @Test
  void everyPanelLabelsEveryPointAndDrawsThemAll() {
    for (int n : new int[] {50, 500}) {
      List<Run> runs = runs(n, 0.05, 3);
      assertThat(runs).hasSize(18);
      for (Run r : runs) {
        assertThat(r.labels()).as("%s %s", r.data().name(), r.algorithm()).hasSize(n);
        int min = r.algorithm() == Algorithm.DBSCAN ? -1 : 0;
        assertThat(java.util.Arrays.stream(r.labels()).min().orElseThrow()).isGreaterThanOrEqualTo(min);
        assertThat(java.util.Arrays.stream(r.labels()).max().orElseThrow())
            .isLessThan(r.clusters());
        assertThat(r.data().x()).hasNumberOfRows(n);
      }
    }
    // Up to the most points allowed, every point is drawn, not 1 in s.
    assertThat(ClusterPlots.MAX_DRAWN).isGreaterThanOrEqualTo(3000);
  }

  /**
   * Uniform points: k-means returns k = 3 by construction. What the other two do is reported,
   * not asserted, beyond "at least one cluster": over seeds 0–9 at the defaults DBSCAN (eps 0.3)
   * and mean shift (quantile 0.3) each found 1 cluster every time (see the report).
   */
  @Test
  void onNoStructureKMeansReturnsItsKAndTheOthersAtLeastOneCluster() {
    List<String> seen = new ArrayList<>();
    for (long seed = 0; seed < 10; seed++) {
      List<Run> runs = runs(500, 0.05, seed);
      assertThat(find(runs, "no structure", Algorithm.KMEANS).clusters()).isEqualTo(3);
      for (Algorithm a : List.of(Algorithm.DBSCAN, Algorithm.MEAN_SHIFT)) {
        Run r = find(runs, "no structure", a);
        assertThat(r.clusters()).isPositive();
        assertThat(r.ari()).isNaN();
        seen.add(a.label() + " " + r.clusters());
      }
    }
    assertThat(seen).hasSize(20);
  }

  @Test
  void theSameSeedGivesTheSameLabelsAndAnotherSeedOthers() {
    List<Run> a = runs(300, 0.05, 7);
    List<Run> b = runs(300, 0.05, 7);
    List<Run> c = runs(300, 0.05, 8);
    boolean anyDiffers = false;
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i).labels()).isEqualTo(b.get(i).labels());
      assertThat(Double.compare(a.get(i).ari(), b.get(i).ari())).isZero(); // NaN on no structure
      anyDiffers |= !java.util.Arrays.equals(a.get(i).data().x()[0], c.get(i).data().x()[0]);
    }
    assertThat(anyDiffers).isTrue();
  }

  @Test
  void withoutTimesNoTitleOrSubtitleShowsATime() {
    List<Run> runs = runs(200, 0.05, 1);
    for (Run r : runs) {
      assertThat(ClusteringComparisonDemo.title(r, false)).doesNotContain("ms")
          .startsWith(r.algorithm().label());
      assertThat(ClusteringComparisonDemo.title(r, true)).endsWith(" ms");
    }
    ClusteringComparisonDemo demo = new ClusteringComparisonDemo();
    Params p = Params.defaults(demo.params()).with("points", 200);
    assertThat(demo.run(p.withoutTimes()).figure().subtitle()).doesNotContain("ms");
    assertThat(demo.run(p).figure().subtitle()).contains("ms");
  }
}
