package dev.bagu.demos.clustering;

import dev.bagu.demo.Params;
import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.plot.FigureExport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * k-means (k = 8) and DBSCAN on 100,000 2-D points (8 blobs, spread 1, standardised for DBSCAN:
 * eps 0.05, min-samples 10), and each clustering demo at its defaults (clustering-comparison
 * included: 18 fits on 6 × 500 points), computed and rendered to a 1600 × 1000 PNG: best of 5
 * runs in a warm JVM. A benchmark to run by hand, not a timed test:
 *
 * <pre>./mvnw -q install -DskipTests && java -cp demos/target/bagu.jar:demos/target/test-classes \
 *     dev.bagu.demos.clustering.ClusteringBenchmark [points]</pre>
 */
public final class ClusteringBenchmark {
  private ClusteringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    double[][] x = ClusterData.blobs(n, 8, 1.0, Rng.seeded(1)).x();
    double[][] z = ClusterData.standardised(x);
    time(String.format(Locale.US, "k-means++ k=8, %,d points", n), () -> {
      KMeans.Run r = KMeans.lloyd(x, KMeans.seed(x, 8, Init.PLUS_PLUS, Rng.seeded(2)), 300);
      return r.iterations() + " iterations";
    });
    time(String.format(Locale.US, "DBSCAN eps 0.05, %,d points", n), () -> {
      Dbscan.Clustering c = Dbscan.run(z, 0.05, 10);
      return c.clusters() + " clusters, " + c.noise() + " noise";
    });
    Path png = Files.createTempFile("bench", ".png");
    for (dev.bagu.demo.Demo d : List.of(new KMeansDemo(), new DbscanDemo(),
        new MeanShiftDemo(), new ClusteringComparisonDemo())) {
      time(d.info().id() + " defaults, compute + PNG", () -> {
        var result = d.run(Params.defaults(d.params()).withoutTimes());
        try {
          FigureExport.png(result.figure(), png, 1600, 1000, 96);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        return result.findings().size() + " findings";
      });
    }
    Files.deleteIfExists(png);
  }

  private static void time(String what, Supplier<String> task) {
    long best = Long.MAX_VALUE;
    String out = "";
    for (int run = 0; run < 5; run++) {
      long start = System.nanoTime();
      out = task.get();
      best = Math.min(best, System.nanoTime() - start);
    }
    System.out.printf(Locale.US, "%-46s best of 5: %8.1f ms   (%s)%n", what, best / 1e6, out);
  }
}
