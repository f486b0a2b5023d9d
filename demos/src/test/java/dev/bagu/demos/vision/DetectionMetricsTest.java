package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.vision.DetectionMetrics.Matched;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionMetricsTest {
  private final double[][] truth = {{0, 0, 10, 10}, {20, 0, 30, 10}};

  @Test
  void aDuplicateIsAFalsePositiveAndApIsHandWorked() {
    double[][] boxes = {{0, 0, 10, 10}, {0, 0, 10, 10.5}, {20, 0, 30, 10}};
    Matched m = DetectionMetrics.match(boxes, new double[] {0.9, 0.8, 0.7}, truth, 0.5);
    assertThat(m.truePositive()).containsExactly(true, false, true);
    assertThat(m.recall()).isEqualTo(1);
    assertThat(m.precision()).isCloseTo(2 / 3.0, within(1e-12));
    // PR points (0.5, 1), (0.5, 0.5), (1, 2/3); monotone precision 1, 2/3, 2/3.
    assertThat(DetectionMetrics.averagePrecision(m)).isCloseTo(0.5 + 0.5 * 2 / 3.0,
        within(1e-12));
    // Ranked the other way round, the duplicate costs less: AP = 1.
    Matched good = DetectionMetrics.match(boxes, new double[] {0.9, 0.1, 0.7}, truth, 0.5);
    assertThat(DetectionMetrics.averagePrecision(good)).isCloseTo(1, within(1e-12));
  }

  @Test
  void aLooseBoxIsNotFoundAtIouHalf() {
    Matched m = DetectionMetrics.match(new double[][] {{0, 0, 10, 25}}, new double[] {0.9},
        truth, 0.5); // IoU 100/250
    assertThat(m.found()).isZero();
    assertThat(DetectionMetrics.averagePrecision(m)).isZero();
  }

  @Test
  void softNmsHelpsOnCrowdsAndNotWithoutOverlap() {
    // The demo's claim, on fresh seeds: with 30 people Soft-NMS (linear) beats greedy AP@0.5.
    double[] crowd = apGain(30, 40);
    assertThat(crowd[1] - crowd[0]).isGreaterThan(0.01);
    // One person per scene: nothing to lose to suppression, so no real gain.
    double[] alone = apGain(1, 40);
    assertThat(alone[1] - alone[0]).isLessThan(0.01);
  }

  private static double[] apGain(int objects, int scenes) {
    List<Matched> greedy = new java.util.ArrayList<>();
    List<Matched> soft = new java.util.ArrayList<>();
    for (int s = 0; s < scenes; s++) {
      CrowdScene sc = CrowdScene.generate(objects, 5, Rng.stream(99, 2, s));
      Nms.Kept g = Nms.run(Nms.Method.GREEDY, sc.detections(), Nms.Settings.DEFAULT);
      Nms.Kept l = Nms.run(Nms.Method.SOFT_LINEAR, sc.detections(), Nms.Settings.DEFAULT);
      greedy.add(DetectionMetrics.match(g.box(), g.score(), sc.truth(), 0.5));
      soft.add(DetectionMetrics.match(l.box(), l.score(), sc.truth(), 0.5));
    }
    return new double[] {DetectionMetrics.averagePrecision(greedy),
        DetectionMetrics.averagePrecision(soft)};
  }
}
