package dev.bagu.demos.clustering;

/** DBSCAN over a range of eps on the same points: how the clusters and the noise respond. */
final class DbscanSweep {
  private DbscanSweep() {}

  static final int STEPS = 25;

  /**
   * {eps, clusters, noise share} at STEPS eps values evenly spaced in log from eps/10 to eps·10,
   * the chosen eps among them. Rows of length STEPS.
   */
  static double[][] overEps(double[][] x, int minSamples, double eps) {
    double[][] out = new double[3][STEPS];
    for (int s = 0; s < STEPS; s++) {
      double e = eps * Math.pow(10, -1 + 2.0 * s / (STEPS - 1));
      Dbscan.Clustering c = Dbscan.run(x, e, minSamples);
      out[0][s] = e;
      out[1][s] = c.clusters();
      out[2][s] = x.length == 0 ? 0 : (double) c.noise() / x.length;
    }
    return out;
  }
}
