package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.vision.Nms.Kept;
import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Greedy NMS against hand-worked keep lists (torchvision semantics) and invariants. */
class NmsTest {
  private static Detections boxes(double[][] b, double... scores) {
    return Detections.of(b, scores);
  }

  @Test
  void tiesKeepInputOrder() {
    // Boxes 1 and 2 are identical with equal scores: the earlier one wins; box 0 is apart.
    Detections d = boxes(new double[][] {{50, 50, 60, 60}, {0, 0, 10, 10}, {0, 0, 10, 10}},
        0.5, 0.9, 0.9);
    assertThat(Nms.greedy(d, 0.5)).containsExactly(1, 0);
  }

  @Test
  void iouExactlyAtTheThresholdIsNotSuppressed() {
    // inter 3, union 5: IoU = 0.6 exactly in binary floating point too.
    Detections d = boxes(new double[][] {{0, 0, 4, 1}, {1, 0, 5, 1}}, 0.9, 0.8);
    assertThat(d.iou(0, 1)).isEqualTo(0.6);
    assertThat(Nms.greedy(d, 0.6)).containsExactly(0, 1);
    assertThat(Nms.greedy(d, 0.59)).containsExactly(0);
  }

  @Test
  void nestedBoxes() {
    // Inner 6×6 in outer 10×10: IoU = 36/100.
    Detections d = boxes(new double[][] {{0, 0, 10, 10}, {2, 2, 8, 8}}, 0.8, 0.9);
    assertThat(d.iou(0, 1)).isCloseTo(0.36, within(1e-15));
    assertThat(Nms.greedy(d, 0.5)).containsExactly(1, 0);
    assertThat(Nms.greedy(d, 0.3)).containsExactly(1);
  }

  @Test
  void identicalBoxesKeepOne() {
    Detections d = boxes(new double[][] {{1, 1, 5, 5}, {1, 1, 5, 5}, {1, 1, 5, 5}},
        0.3, 0.7, 0.5);
    assertThat(Nms.greedy(d, 0.5)).containsExactly(1);
    assertThat(Nms.greedy(d, 0.99)).containsExactly(1);
  }

  @Test
  void zeroAreaBoxesHaveIouZeroAndNoNaN() {
    Detections d = boxes(new double[][] {{5, 5, 5, 5}, {5, 5, 5, 5}, {0, 0, 10, 10},
        {2, 3, 8, 3}}, 0.9, 0.8, 0.7, 0.6);
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        double[] a = d.box(i);
        double[] b = d.box(j);
        for (double v : new double[] {d.iou(i, j),
            BoxOverlap.diou(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]),
            BoxOverlap.ciou(a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3])}) {
          assertThat(v).as("boxes %d, %d", i, j).isNotNaN();
        }
        if (i != j) {
          assertThat(d.iou(i, j)).isZero();
        }
      }
    }
    for (Method m : Method.values()) {
      if (m != Method.SOFTER) {
        Kept k = Nms.run(m, d, Nms.Settings.DEFAULT);
        assertThat(k.index()).as(m.id()).containsExactly(0, 1, 2, 3);
        for (double[] b : k.box()) {
          assertThat(b).doesNotContain(Double.NaN);
        }
      }
    }
  }

  @Test
  void classesNeverSuppressEachOther() {
    Detections d = boxes(new double[][] {{0, 0, 10, 10}, {0, 0, 10, 10}, {0, 0, 10, 10}},
        0.9, 0.8, 0.7).withClasses(new int[] {0, 1, 0});
    assertThat(Nms.greedy(d, 0.5)).containsExactly(0, 1);
    assertThat(SoftNms.run(d, SoftNms.linear(0.5), 0.001, null).score())
        .containsExactly(new double[] {0.9, 0.8}, within(1e-12)); // box 2: 0.7 × (1 − 1) dropped
  }

  @Test
  void thresholdZeroSuppressesAnyOverlapAndOneSuppressesNothing() {
    Detections d = boxes(new double[][] {{0, 0, 10, 10}, {9, 9, 20, 20}, {10, 0, 20, 9},
        {0, 0, 10, 10}}, 0.9, 0.8, 0.7, 0.6);
    // Box 1 overlaps box 0 by one square; box 2 only touches box 0 (IoU 0).
    assertThat(Nms.greedy(d, 0)).containsExactly(0, 2);
    assertThat(Nms.greedy(d, 1)).containsExactly(0, 1, 2, 3);
  }

  @Test
  void weightedNmsAveragesByScore() {
    Detections d = boxes(new double[][] {{0, 0, 10, 10}, {1, 1, 11, 11}}, 0.75, 0.25);
    Kept k = Nms.run(Method.WEIGHTED, d, Nms.Settings.DEFAULT); // IoU 81/119 > 0.5
    assertThat(k.index()).containsExactly(0);
    assertThat(k.box()[0]).containsExactly(new double[] {0.25, 0.25, 10.25, 10.25},
        within(1e-12));
  }

  @Test
  void varianceVotingTrustsTheConfidentBox() {
    double[][] b = {{0, 0, 10, 10}, {1, 1, 11, 11}};
    double[][] sure = {{0.1, 100}, {0.1, 100}, {0.1, 100}, {0.1, 100}};
    double[][] unsure = {{100, 0.1}, {100, 0.1}, {100, 0.1}, {100, 0.1}};
    Detections a = new Detections(new double[] {0, 1}, new double[] {0, 1},
        new double[] {10, 11}, new double[] {10, 11}, new double[] {0.9, 0.8}, null, sure);
    Detections c = new Detections(a.x1(), a.y1(), a.x2(), a.y2(), a.score(), null, unsure);
    double[] kept = Nms.run(Method.SOFTER, a, Nms.Settings.DEFAULT).box()[0];
    assertThat(kept[0]).isCloseTo(0, within(1e-3));
    // The unsure pick is pulled towards its confident neighbour, by p = exp(−(1 − IoU)²/0.02).
    double iou = 81.0 / 119;
    double p = Math.exp(-(1 - iou) * (1 - iou) / Nms.VOTE_SIGMA);
    double expected = (0 / 1e4 + p * 1 / 1e-2) / (1 / 1e4 + p / 1e-2);
    assertThat(Nms.run(Method.SOFTER, c, Nms.Settings.DEFAULT).box()[0][0])
        .isCloseTo(expected, within(1e-9)).isGreaterThan(0.5);
    assertThat(b).isNotNull();
  }

  @Test
  void diouSuppressesLessWhenCentresAreFarApart() {
    // Same IoU 1/3 either way; a wide box beside a narrow one has centres apart: DIoU < IoU.
    Detections d = boxes(new double[][] {{0, 0, 2, 1}, {1, 0, 3, 1}}, 0.9, 0.8);
    double diou = BoxOverlap.diou(0, 0, 2, 1, 1, 0, 3, 1);
    assertThat(diou).isCloseTo(1.0 / 3 - 1.0 / 10, within(1e-12)); // ρ² = 1, c² = 9 + 1
    Nms.Settings s = new Nms.Settings(0.3, 0.5, 0.001);
    assertThat(Nms.run(Method.GREEDY, d, s).index()).containsExactly(0);
    assertThat(Nms.run(Method.DIOU, d, s).index()).containsExactly(0, 1);
    // CIoU: same aspect ratio, so v = 0 and CIoU = DIoU.
    assertThat(BoxOverlap.ciou(0, 0, 2, 1, 1, 0, 3, 1)).isCloseTo(diou, within(1e-15));
  }

  /** Random boxes, some clustered so that overlaps of every size occur. */
  static Detections random(long seed, int n, boolean classes) {
    Rng r = Rng.seeded(seed);
    double[][] b = new double[n][];
    double[] s = new double[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      double x = r.uniform(0, 100);
      double y = r.uniform(0, 100);
      b[i] = new double[] {x, y, x + r.uniform(5, 40), y + r.uniform(5, 40)};
      s[i] = (1 + r.nextInt(20)) / 20.0; // coarse, so ties happen; never 0
      c[i] = r.nextInt(3);
    }
    Detections d = Detections.of(b, s);
    return classes ? d.withClasses(c) : d;
  }

  /** A plain reference: stable sort, then keep a box when no kept box overlaps it too much. */
  static int[] reference(Detections d, double t) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < d.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(d.score()[b], d.score()[a]));
    List<Integer> kept = new ArrayList<>();
    for (int i : order) {
      if (kept.stream().noneMatch(k -> d.sameClass(k, i) && d.iou(k, i) > t)) {
        kept.add(i);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

  @Test
  void invariantsOnManySeededRandomSets() {
    for (long seed = 0; seed < 300; seed++) {
      boolean classes = seed % 3 == 0;
      Detections d = random(seed, 60, classes);
      double t = (seed % 10) / 10.0;
      int[] kept = Nms.greedy(d, t);
      assertThat(kept).as("seed %d", seed).containsExactly(reference(d, t));
      for (int a = 0; a < kept.length; a++) {
        if (a > 0) {
          assertThat(d.score()[kept[a]]).isLessThanOrEqualTo(d.score()[kept[a - 1]]);
        }
        for (int b = a + 1; b < kept.length; b++) {
          if (d.sameClass(kept[a], kept[b])) {
            assertThat(d.iou(kept[a], kept[b])).isLessThanOrEqualTo(t);
          }
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(value = Method.class, names = {"DIOU", "CIOU", "WEIGHTED"})
  void greedyFamilyKeepsNoPairAboveItsOwnThreshold(Method m) {
    for (long seed = 0; seed < 100; seed++) {
      Detections d = random(seed, 50, false);
      Kept k = Nms.run(m, d, Nms.Settings.DEFAULT);
      int[] i = k.index();
      for (int a = 0; a < i.length; a++) {
        for (int b = a + 1; b < i.length; b++) {
          double[] p = d.box(i[a]);
          double[] q = d.box(i[b]);
          double o = m == Method.DIOU ? BoxOverlap.diou(p[0], p[1], p[2], p[3], q[0], q[1], q[2],
              q[3]) : m == Method.CIOU ? BoxOverlap.ciou(p[0], p[1], p[2], p[3], q[0], q[1],
              q[2], q[3]) : d.iou(i[a], i[b]);
          assertThat(o).isLessThanOrEqualTo(0.5);
        }
      }
    }
  }
}
