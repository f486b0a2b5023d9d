package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A series drawn on top of another is named in the legend: equal "≡", within a line width "≈". */
class XyPlotCoincidenceTest {
  private static final double[] X = {1, 2, 3, 4};

  @Test
  void equalAndNearlyEqualSeriesAreNamedApartOnesAreNot() {
    XyPlot plot = XyPlot.titled("t")
        .line("skips", X, new double[] {1, 2, 3, 4})
        .line("skips + MLP", X, new double[] {1, 2, 3, 4})
        .line("near", X, new double[] {10, 20, 30.05, 40})
        .line("far", X, new double[] {10, 20, 31, 40})
        .line("base", X, new double[] {10, 20, 30, 40});
    var names = plot.coincidences(plot.yScale());
    assertThat(names).containsEntry("skips + MLP", "skips + MLP ≡ skips");
    assertThat(names).containsEntry("base", "base ≈ near");
    assertThat(names).doesNotContainKeys("skips", "far", "near");
  }

  @Test
  void onALogAxisNearnessIsMeasuredInDecades() {
    XyPlot plot = XyPlot.titled("t").logY()
        .line("a", X, new double[] {1e-6, 1e-4, 1e-2, 1})
        .line("b", X, new double[] {1.001e-6, 1e-4, 1e-2, 1}) // 0.0004 decades apart
        .line("c", X, new double[] {2e-6, 1e-4, 1e-2, 1}); // 0.3 decades apart
    var names = plot.coincidences(plot.yScale());
    assertThat(names).containsEntry("b", "b ≈ a");
    assertThat(names).doesNotContainKey("c");
  }
}
