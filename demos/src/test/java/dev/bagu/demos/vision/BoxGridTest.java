package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The grid only changes which pairs NMS looks at, never the answer: on scenes built to stress it
 * (boxes from hair-thin to covering everything, zero-area boxes, edges on round coordinates,
 * three classes), every greedy-family method keeps exactly what a plain all-pairs loop keeps.
 */
class BoxGridTest {
  static Detections mixedScales(long seed, int n) {
    Rng r = Rng.seeded(seed);
    double[][] b = new double[n][];
    double[] s = new double[n];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      double size = Math.pow(10, r.uniform(-2, 3)); // 0.01 … 1000 on a ~1000-wide scene
      double x = Math.floor(r.uniform(0, 1000) / 10) * 10; // many edges on round numbers
      double y = r.uniform(0, 1000);
      double w = r.nextInt(20) == 0 ? 0 : size * r.uniform(0.5, 2); // some zero-width boxes
      b[i] = new double[] {x, y, x + w, y + size};
      s[i] = (1 + r.nextInt(50)) / 50.0;
      c[i] = r.nextInt(3);
    }
    Detections d = Detections.of(b, s);
    return seed % 2 == 0 ? d.withClasses(c) : d;
  }

  /** Stable order by score, then all pairs, with the method's own overlap measure. */
  static List<Integer> allPairs(Method m, Detections d, double t) {
    List<Integer> kept = new ArrayList<>();
    for (int i : Nms.order(d.score())) {
      boolean suppressed = false;
      for (int k : kept) {
        double o = switch (m) {
          case DIOU -> BoxOverlap.diou(d.x1()[k], d.y1()[k], d.x2()[k], d.y2()[k], d.x1()[i],
              d.y1()[i], d.x2()[i], d.y2()[i]);
          case CIOU -> BoxOverlap.ciou(d.x1()[k], d.y1()[k], d.x2()[k], d.y2()[k], d.x1()[i],
              d.y1()[i], d.x2()[i], d.y2()[i]);
          default -> d.iou(k, i);
        };
        suppressed |= d.sameClass(k, i) && o > t;
      }
      if (!suppressed) {
        kept.add(i);
      }
    }
    return kept;
  }

  @ParameterizedTest
  @EnumSource(value = Method.class, names = {"GREEDY", "WEIGHTED", "DIOU", "CIOU"})
  void keepsWhatAllPairsKeepOnMixedScales(Method m) {
    for (long seed = 0; seed < 40; seed++) {
      Detections d = mixedScales(seed, 400);
      double t = (seed % 5) / 5.0;
      int[] kept = Nms.run(m, d, new Nms.Settings(t, 0.5, 0.001)).index();
      assertThat(kept).as("%s, seed %d, threshold %s", m, seed, t)
          .containsExactly(allPairs(m, d, t).stream().mapToInt(Integer::intValue).toArray());
    }
  }
}
