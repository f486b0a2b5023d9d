package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramBinsTest {
  /** A value exactly on an inner bin edge is counted in the bin that starts there. */
  @Test
  void aValueOnABinEdgeGoesToTheBinItStarts() {
    double[] h = HistogramPlot.heights(new double[] {1.0, 1.0, 0.5, 1.5}, 0.5, 1.5, 20, false);
    assertThat(h[9]).isZero(); // 0.95–1.0: no ratio ≥ 1 belongs here
    assertThat(h[10]).isEqualTo(2); // 1.0–1.05
    assertThat(h[0]).isEqualTo(1);
    assertThat(h[19]).isEqualTo(1); // the top edge belongs to the last bin
    double[] tenths = HistogramPlot.heights(new double[] {0.3, 0.7}, 0, 1, 10, false);
    assertThat(tenths[3]).isEqualTo(1);
    assertThat(tenths[7]).isEqualTo(1);
  }
}
