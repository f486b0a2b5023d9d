package dev.bagu.demos.clustering;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.plot.HistogramPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.Locale;

/** The k-means panels: a run's centre trails, inertia per iteration, the elbow, the restarts. */
final class KMeansCharts {
  private KMeansCharts() {}

  /**
   * Points coloured by their assignment at iteration {@code t}, and each centre's path from its
   * seed to where it is after {@code t} updates (black line, a dot per iteration, a diamond now).
   */
  static XyPlot trails(String title, double[][] x, KMeans.Run run, int t, int[] labels) {
    XyPlot p = XyPlot.titled(title).axes("x", "y");
    ClusterPlots.addClusters(p, "", x, labels, null, true);
    int k = run.centres().get(0).length;
    double[][] now = run.centres().get(t);
    for (int j = 0; j < k; j++) {
      double[] cx = new double[t + 1];
      double[] cy = new double[t + 1];
      for (int s = 0; s <= t; s++) {
        cx[s] = run.centres().get(s)[j][0];
        cy[s] = run.centres().get(s)[j][1];
      }
      p.line(j == 0 ? "centre path" : "centre path " + j, cx, cy).colour(Theme.REFERENCE);
      if (j > 0) {
        p.notInLegend();
      }
    }
    double[] fx = new double[k];
    double[] fy = new double[k];
    for (int j = 0; j < k; j++) {
      fx[j] = now[j][0];
      fy[j] = now[j][1];
    }
    return p.highlight("centre", fx, fy).colour(Theme.REFERENCE);
  }

  /** The final assignment and the full trails of one run. */
  static XyPlot finalTrails(Init init, double[][] x, KMeans.Run run) {
    String title = String.format(Locale.US, "%s: φ %s, %d iterations", init.label(),
        fmt(run.finalInertia()), run.iterations());
    return trails(title, x, run, run.centres().size() - 1, run.labels());
  }

  /** φ after each assignment, for both seedings; it never rises. */
  static XyPlot inertia(KMeans.Run random, KMeans.Run plusPlus) {
    XyPlot p = XyPlot.titled("Inertia φ per iteration (never rises)").axes("iteration", "φ");
    for (Init init : Init.values()) {
      double[] phi = (init == Init.RANDOM ? random : plusPlus).inertia();
      double[] it = new double[phi.length];
      for (int t = 0; t < it.length; t++) {
        it[t] = t;
      }
      p.line(init.label(), it, phi).colour(colour(init));
    }
    return p;
  }

  /** Best φ over a few k-means++ runs against k, the chosen k marked. */
  static XyPlot elbow(double[] ks, double[] best, int k) {
    return XyPlot.titled("Elbow: best φ against k").axes("k (clusters)", "φ")
        .line("best of " + KMeansDemo.ELBOW_RUNS + " k-means++ runs", ks, best)
        .highlight("k = " + k, new double[] {k}, new double[] {best[k - 1]})
        .colour(Theme.REFERENCE);
  }

  /**
   * φ / φ_best of every run, per seeding, after Lloyd (mass at 1: the best solution found) or
   * after the seeding alone (where k-means++'s bound applies).
   */
  static HistogramPlot restarts(KMeansRestarts r, int runs, boolean afterLloyd, int k) {
    String title = afterLloyd ? runs + " seeds: final φ / best φ"
        : runs + " seeds, seeding alone: φ / best φ";
    HistogramPlot h = HistogramPlot.titled(title)
        .xLabel(afterLloyd ? "final φ / best φ" : "φ after seeding / best φ").counts().bins(20);
    for (Init init : Init.values()) {
      h.add(afterLloyd ? String.format(Locale.US, "%s (%.0f%% within 1%%)", init.label(),
          100 * r.shareAtBest(init))
          : init == Init.PLUS_PLUS ? String.format(Locale.US, "%s (bound %.1f)",
              init.label(), KMeansRestarts.bound(k)) : init.label(), r.ratios(init, afterLloyd));
    }
    return h;
  }

  static java.awt.Color colour(Init init) {
    return Theme.category(init.ordinal());
  }

  static String fmt(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }
}
