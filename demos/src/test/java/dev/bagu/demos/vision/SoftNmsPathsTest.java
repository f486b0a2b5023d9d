package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Soft-NMS's two paths give the same result to the last bit: the grid-and-heap path used for
 * speed, and the scan the step-by-step animation traces. Scenes include ties (coarse scores),
 * classes, and boxes from hair-thin to covering everything.
 */
class SoftNmsPathsTest {
  private static final SoftNms.Trace NOTHING = (pick, scores, remaining, count) -> { };

  private static void assertSamePaths(Detections d, SoftNms.Weight w, double threshold,
      String what) {
    Nms.Kept fast = SoftNms.indexed(d, w, threshold);
    Nms.Kept scan = SoftNms.scanned(d, w, threshold, NOTHING);
    assertThat(fast.index()).as(what).containsExactly(scan.index());
    assertThat(fast.score()).as(what).containsExactly(scan.score());
  }

  @Test
  void gridAndHeapPickWhatTheScanPicks() {
    for (long seed = 0; seed < 150; seed++) {
      Detections plain = NmsTest.random(seed, 80, seed % 2 == 0);
      Detections mixed = BoxGridTest.mixedScales(seed, 300);
      double t = (seed % 5) / 5.0;
      double scoreThreshold = seed % 3 == 0 ? 0.001 : 0.2;
      for (Detections d : new Detections[] {plain, mixed}) {
        assertSamePaths(d, SoftNms.linear(t), scoreThreshold, "linear, seed " + seed);
        assertSamePaths(d, SoftNms.gaussian(0.1 + t), scoreThreshold, "gaussian, seed " + seed);
        assertSamePaths(d, SoftNms.step(t), scoreThreshold, "step, seed " + seed);
      }
    }
  }
}
