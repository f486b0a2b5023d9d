package dev.bagu.demos.clustering;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.HistogramPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;

/** The k-means panels: a run's centre trails, inertia per iteration, the elbow, the restarts. */
final class KMeansCharts {
  private KMeansCharts() {}

  /**
   * Points coloured by their assignment at iteration {@code t}, and each centre's path from its
   * seed to where it is after {@code t} updates (black line, a dot per iteration, a diamond now).
   */
  static XyPlot trails(String title, double[][] x, KMeans.Run run, int t, int[] labels, Lang l) {
    XyPlot p = XyPlot.titled(title).axes("x", "y");
    ClusterPlots.addClusters(p, "", x, labels, null, true, l);
    int k = run.centres().get(0).length;
    double[][] now = run.centres().get(t);
    for (int j = 0; j < k; j++) {
      double[] cx = new double[t + 1];
      double[] cy = new double[t + 1];
      for (int s = 0; s <= t; s++) {
        cx[s] = run.centres().get(s)[j][0];
        cy[s] = run.centres().get(s)[j][1];
      }
      String path = l.t("centre path", "中心的轨迹");
      p.line(j == 0 ? path : path + " " + j, cx, cy).colour(Theme.REFERENCE);
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
    return p.highlight(l.t("centre", "中心"), fx, fy).colour(Theme.REFERENCE);
  }

  /** The final assignment and the full trails of one run. */
  static XyPlot finalTrails(Init init, double[][] x, KMeans.Run run, Lang l) {
    String title = l.f("%s: φ %s, %d iterations", "%s：φ %s，迭代 %d 次", init.seeding(l),
        fmt(run.finalInertia()), run.iterations());
    return trails(title, x, run, run.centres().size() - 1, run.labels(), l);
  }

  /** φ after each assignment, for both seedings; it never rises. */
  static XyPlot inertia(KMeans.Run random, KMeans.Run plusPlus, Lang l) {
    XyPlot p = XyPlot.titled(l.t("Inertia φ per iteration (never rises)",
        "每次迭代后的惯性 φ（从不上升）")).axes(l.t("iteration", "迭代次数"), "φ");
    for (Init init : Init.values()) {
      double[] phi = (init == Init.RANDOM ? random : plusPlus).inertia();
      double[] it = new double[phi.length];
      for (int t = 0; t < it.length; t++) {
        it[t] = t;
      }
      p.line(init.label(l), it, phi).colour(colour(init));
    }
    return p;
  }

  /** Best φ over a few k-means++ runs against k, the chosen k marked. */
  static XyPlot elbow(double[] ks, double[] best, int k, Lang l) {
    return XyPlot.titled(l.t("Elbow: best φ against k", "肘部法：最好的 φ 随 k 的变化"))
        .axes(l.t("k (clusters)", "k（簇数）"), "φ")
        .line(l.f("best of %d k-means++ runs", "%d 次 k-means++ 中最好的", KMeansDemo.ELBOW_RUNS),
            ks, best)
        .highlight("k = " + k, new double[] {k}, new double[] {best[k - 1]})
        .colour(Theme.REFERENCE);
  }

  /**
   * φ / φ_best of every run, per seeding, after Lloyd (mass at 1: the best solution found) or
   * after the seeding alone (where k-means++'s bound applies).
   */
  static HistogramPlot restarts(KMeansRestarts r, int runs, boolean afterLloyd, int k, Lang l) {
    String title = afterLloyd ? l.f("%d seeds: final φ / best φ", "%d 个种子：最终 φ / 最好的 φ", runs)
        : l.f("%d seeds, seeding alone: φ / best φ", "%d 个种子，只做初始化：φ / 最好的 φ", runs);
    HistogramPlot h = HistogramPlot.titled(title)
        .xLabel(afterLloyd ? l.t("final φ / best φ", "最终 φ / 最好的 φ")
            : l.t("φ after seeding / best φ", "初始化后的 φ / 最好的 φ")).counts()
        .yLabel(l.t("count", "次数")).bins(20);
    for (Init init : Init.values()) {
      h.add(afterLloyd ? l.f("%s (%.0f%% within 1%%)", "%s（%.0f%% 在 1%% 以内）", init.label(l),
          100 * r.shareAtBest(init))
          : init == Init.PLUS_PLUS ? l.f("%s (bound %.1f)", "%s（上界 %.1f）",
              init.label(l), KMeansRestarts.bound(k)) : init.label(l), r.ratios(init, afterLloyd));
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
