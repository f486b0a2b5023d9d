package dev.bagu.demos.vision;

import dev.bagu.demos.vision.Nms.Method;
import dev.bagu.math.Rng;
import java.util.Locale;

/**
 * How long each method takes on 10,000 random boxes (sides 10–100 on a 1000 × 1000 image, uniform
 * scores, seed 1): best of 15 runs in a warm JVM. A benchmark to run by hand, not a timed test:
 *
 * <pre>./mvnw -q verify && java -cp demos/target/bagu.jar:demos/target/test-classes \
 *     dev.bagu.demos.vision.NmsBenchmark [boxes]</pre>
 */
public final class NmsBenchmark {
  private NmsBenchmark() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Rng r = Rng.seeded(1);
    double[][] boxes = new double[n][];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      double x = r.uniform(0, 1000);
      double y = r.uniform(0, 1000);
      boxes[i] = new double[] {x, y, x + r.uniform(10, 100), y + r.uniform(10, 100)};
      scores[i] = r.uniform();
    }
    Detections d = Detections.of(boxes, scores);
    for (Method m : new Method[] {Method.GREEDY, Method.WEIGHTED, Method.DIOU, Method.CIOU,
        Method.SOFT_LINEAR, Method.SOFT_GAUSSIAN}) {
      long best = Long.MAX_VALUE;
      int kept = 0;
      for (int run = 0; run < 15; run++) {
        long start = System.nanoTime();
        kept = Nms.run(m, d, Nms.Settings.DEFAULT).size();
        best = Math.min(best, System.nanoTime() - start);
      }
      System.out.printf(Locale.US, "%-14s %,6d boxes → %,6d kept   best of 15: %7.1f ms%n",
          m.label(), n, kept, best / 1e6);
    }
  }
}
