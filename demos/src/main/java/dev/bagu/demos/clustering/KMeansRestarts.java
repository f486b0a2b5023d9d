package dev.bagu.demos.clustering;

import dev.bagu.demos.clustering.KMeans.Init;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Both seedings from many seeds on the same points: how often each reaches the best inertia
 * found, and how far k-means++'s seeding alone is from it, against Arthur & Vassilvitskii's
 * bound E[φ_seed] ≤ 8(ln k + 2)·φ_OPT. φ_OPT is unknown; the best final inertia over all runs
 * stands in for it (an upper bound on φ_OPT, so the measured ratio may be slightly low).
 *
 * @param seeding φ right after seeding, [init][run]
 * @param last φ after Lloyd, [init][run]
 * @param iterations Lloyd updates to converge, [init][run]
 * @param best the lowest final φ over every run
 * @param bestPlusPlus the k-means++ run with the lowest final φ (the first of equals), as
 *     scikit-learn's n_init keeps: its labels are the demo's answer
 *
 * <p>Run r of a seeding draws from its own stream {@code Rng.stream(seed, stream + init, r)}, so
 * the runs go in parallel and give the same numbers on any core count.
 */
record KMeansRestarts(double[][] seeding, double[][] last, int[][] iterations, double best,
    KMeans.Run bestPlusPlus) {
  /**
   * Runs that end within this relative distance of the best count as reaching it: overlapping
   * blobs have many near-equal minima that differ by a boundary point or two.
   */
  static final double SAME = 0.01;

  static KMeansRestarts run(double[][] x, int k, int runs, long seed, int stream) {
    List<Supplier<KMeans.Run>> tasks = tasks(KMeansPoints.of(x), k, runs, seed, stream);
    return of(tasks.parallelStream().map(Supplier::get).toList(), runs);
  }

  /** Every run as a task, seeding by seeding ([init][r] flattened), for one shared pool. */
  static List<Supplier<KMeans.Run>> tasks(KMeansPoints x, int k, int runs, long seed,
      int stream) {
    List<Supplier<KMeans.Run>> tasks = new ArrayList<>();
    for (Init init : Init.values()) {
      for (int r = 0; r < runs; r++) {
        int at = r;
        tasks.add(() -> run(x, k, init, seed, stream, at));
      }
    }
    return tasks;
  }

  /** The summary of the runs {@link #tasks} made, in the same order. */
  static KMeansRestarts of(List<KMeans.Run> done, int runs) {
    int inits = Init.values().length;
    double[][] seeding = new double[inits][runs];
    double[][] last = new double[inits][runs];
    int[][] iterations = new int[inits][runs];
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < inits; i++) {
      for (int r = 0; r < runs; r++) {
        KMeans.Run run = done.get(i * runs + r);
        seeding[i][r] = run.inertia()[0];
        last[i][r] = run.finalInertia();
        iterations[i][r] = run.iterations();
        best = Math.min(best, last[i][r]);
      }
    }
    int b = bestRun(last[Init.PLUS_PLUS.ordinal()]);
    return new KMeansRestarts(seeding, last, iterations, best,
        done.get(Init.PLUS_PLUS.ordinal() * runs + b));
  }

  /** Run r of one seeding: its own stream, so any run can be repeated on its own. */
  static KMeans.Run run(KMeansPoints x, int k, Init init, long seed, int stream, int r) {
    double[][] c = KMeans.seed(x, k, init, Rng.stream(seed, stream + init.ordinal(), r));
    return KMeans.lloydEnds(x, c, KMeansDemo.MAX_ITERATIONS);
  }

  /** The run of this seeding with the lowest final φ (the first of equals), as n_init keeps. */
  int bestRun(Init init) {
    return bestRun(last[init.ordinal()]);
  }

  private static int bestRun(double[] v) {
    int b = 0;
    for (int r = 1; r < v.length; r++) {
      if (v[r] < v[b]) {
        b = r;
      }
    }
    return b;
  }

  int runs() {
    return last[0].length;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  double meanSeeding(Init init) {
    return mean(seeding[init.ordinal()]);
  }

  double meanFinal(Init init) {
    return mean(last[init.ordinal()]);
  }

  double meanIterations(Init init) {
    double s = 0;
    for (int it : iterations[init.ordinal()]) {
      s += it;
    }
    return s / iterations[init.ordinal()].length;
  }

  /** The share of runs ending within {@link #SAME} of the best inertia. */
  double shareAtBest(Init init) {
    int hit = 0;
    for (double v : last[init.ordinal()]) {
      hit += v <= best * (1 + SAME) ? 1 : 0;
    }
    return (double) hit / last[init.ordinal()].length;
  }

  /** v / φ_best; 1 when φ_best is 0 (every point on a centre: every run is at the best). */
  double relative(double v) {
    return best > 0 ? v / best : 1;
  }

  /** φ / φ_best for each run, after seeding or after Lloyd. */
  double[] ratios(Init init, boolean afterLloyd) {
    double[] v = (afterLloyd ? last : seeding)[init.ordinal()].clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = relative(v[i]);
    }
    return v;
  }

  /** Arthur & Vassilvitskii 2007, Theorem 3.1: E[φ] ≤ 8(ln k + 2)·φ_OPT after k-means++. */
  static double bound(int k) {
    return 8 * (Math.log(k) + 2);
  }
}
