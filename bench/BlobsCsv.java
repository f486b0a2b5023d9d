import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the clustering benchmark's points: n points in 8 Gaussian blobs (centres uniform in
 * [−10, 10)², standard deviation 1, as scikit-learn's make_blobs), one blob per point in turn,
 * as a CSV with header {@code x,y,label} (6 decimals). No dependencies, runs as a source file:
 *
 * <pre>java bench/BlobsCsv.java 100000 points.csv [seed]</pre>
 *
 * The same seed gives the same file on every machine (SplittableRandom is specified exactly).
 */
public final class BlobsCsv {
  static final int BLOBS = 8;

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: java bench/BlobsCsv.java POINTS FILE [SEED]");
      System.exit(2);
    }
    int n = Integer.parseInt(args[0]);
    Path out = Path.of(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] centres = new double[BLOBS][2];
    for (double[] c : centres) {
      c[0] = -10 + 20 * rng.nextDouble();
      c[1] = -10 + 20 * rng.nextDouble();
    }
    try (BufferedWriter w = Files.newBufferedWriter(out)) {
      w.write("x,y,label\n");
      double[] g = new double[2];
      for (int i = 0; i < n; i++) {
        int b = i % BLOBS;
        gaussianPair(rng, g);
        w.write(String.format(Locale.ROOT, "%.6f,%.6f,%d\n", centres[b][0] + g[0],
            centres[b][1] + g[1], b));
      }
    }
  }

  /** Two independent N(0, 1) draws (Marsaglia's polar method). */
  static void gaussianPair(SplittableRandom rng, double[] g) {
    double u;
    double v;
    double s;
    do {
      u = 2 * rng.nextDouble() - 1;
      v = 2 * rng.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double f = Math.sqrt(-2 * Math.log(s) / s);
    g[0] = u * f;
    g[1] = v * f;
  }
}
