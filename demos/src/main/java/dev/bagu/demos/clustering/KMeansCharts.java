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
    XyPlot p = XyPlot.titled(title).axes("x", "y").equalAspect();
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
    String title = l.f(run.iterations() == 1 ? "%s: φ %s, %d iteration" : "%s: φ %s, %d iterations",
        "%s：φ %s，迭代 %d 次", init.seeding(l), fmt(run.finalInertia()), run.iterations());
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
  /**
   * @param sample 0 when the elbow's runs saw every point; else how many they saw (φ scaled up)
   */
  static XyPlot elbow(double[] ks, double[] best, int k, int runs, int sample, Lang l) {
    String what = runs == 1 ? l.t("one k-means++ run per k", "每个 k 跑一次 k-means++")
        : l.f("best of %d k-means++ runs", "%d 次 k-means++ 中最好的", runs);
    if (sample > 0) {
      what += l.f(", on a %,d-point sample (φ × n / %,d)", "，在 %,d 个点的样本上（φ × n / %,d）",
          sample, sample);
    }
    return XyPlot.titled(l.t("Elbow: best φ against k", "肘部法：最好的 φ 随 k 的变化"))
        .axes(l.t("k (clusters)", "k（簇数）"), "φ")
        .line(what, ks, best)
        .highlight("k = " + k, new double[] {k}, new double[] {best[k - 1]})
        .colour(Theme.REFERENCE);
  }

  /**
   * Final φ / φ_best of every run, per seeding: mass at 1 is the best solution found, bars to the
   * right are local minima. The bins start at 1 exactly (no ratio is below it).
   */
  static HistogramPlot restarts(KMeansRestarts r, Lang l) {
    double top = 1;
    for (Init init : Init.values()) {
      for (double v : r.ratios(init, true)) {
        top = Math.max(top, v);
      }
    }
    HistogramPlot h = HistogramPlot.titled(l.t("After Lloyd: final φ / best φ",
            "Lloyd 迭代之后：最终 φ / 最好的 φ"))
        .xLabel(l.t("final φ / best φ", "最终 φ / 最好的 φ")).counts()
        .yLabel(l.t("runs", "次数")).bins(20).range(1, top > 1.0001 ? top : 1.05);
    for (Init init : Init.values()) {
      h.add(l.f("%s: %.0f%% within 1%% of the best", "%s：%.0f%% 与最好的相差 1%% 以内",
          init.label(l), 100 * r.shareAtBest(init)), r.ratios(init, true));
    }
    return h;
  }

  /**
   * φ right after seeding / φ_best, per seeding, on a log axis from 1 to past Arthur &
   * Vassilvitskii's bound 8(ln k + 2), drawn as a dashed line, with each seeding's mean marked:
   * the bound is on the mean of k-means++'s ratio.
   */
  static XyPlot seedings(KMeansRestarts r, int k, Lang l) {
    double bound = KMeansRestarts.bound(k);
    double top = bound;
    for (Init init : Init.values()) {
      for (double v : r.ratios(init, false)) {
        top = Math.max(top, v);
      }
    }
    top *= 1.15;
    int bins = 30;
    double[] edges = new double[bins + 1];
    for (int b = 0; b <= bins; b++) {
      edges[b] = Math.pow(top, (double) b / bins);
    }
    XyPlot p = XyPlot.titled(l.t("Seeding alone: φ / best φ",
            "只做初始化：φ / 最好的 φ"))
        .axes(l.t("φ after seeding / best φ (log scale)", "初始化后的 φ / 最好的 φ（对数坐标）"),
            l.t("runs", "次数")).logX().xRange(1, top);
    double most = 0;
    for (Init init : Init.values()) {
      double[] v = r.ratios(init, false);
      double[] y = new double[bins + 1];
      for (double d : v) {
        int b = (int) Math.floor(bins * Math.log(Math.max(d, 1)) / Math.log(top));
        y[Math.min(bins - 1, Math.max(0, b))]++;
      }
      y[bins] = y[bins - 1];
      for (double c : y) {
        most = Math.max(most, c);
      }
      double mean = r.relative(r.meanSeeding(init));
      p.stepArea(l.f("%s (mean %s)", "%s（平均 %s）", init.label(l), fmt(mean)), edges, y)
          .colour(colour(init));
    }
    p.dashed(l.f("bound 8(ln k + 2) = %.1f", "上界 8(ln k + 2) = %.1f", bound),
        new double[] {bound, bound}, new double[] {0, most});
    for (Init init : Init.values()) {
      double mean = r.relative(r.meanSeeding(init));
      p.highlight(init.label(l) + l.t(" mean", " 平均"), new double[] {mean}, new double[] {0})
          .colour(colour(init)).notInLegend();
    }
    return p;
  }

  static java.awt.Color colour(Init init) {
    return Theme.category(init.ordinal());
  }

  static String fmt(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }
}
