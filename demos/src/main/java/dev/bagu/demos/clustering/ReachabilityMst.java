package dev.bagu.demos.clustering;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The minimum spanning forest of the mutual-reachability graph (Campello, Moulavi & Sander 2013,
 * HDBSCAN*), up to a largest weight: every pair of points p, q joined by an edge of weight
 *
 * <pre>  mrd²(p, q) = max(core²(p), core²(q), d²(p, q))</pre>
 *
 * and only edges of weight ≤ {@code max2} kept. Why it gives DBSCAN at every eps at once: at eps,
 * the core points are those with core² ≤ eps², and two core points are in one cluster when a chain
 * of core points, each within eps of the next, joins them: exactly a path of edges of weight ≤ eps²
 * (such an edge only ever joins core points). A minimum spanning forest keeps, for every
 * threshold t, a spanning forest of the edges ≤ t, so
 *
 * <pre>  clusters(eps) = #{p : core²(p) ≤ eps²} − #{forest edges of weight ≤ eps²}.</pre>
 *
 * <p>Borůvka's algorithm over the {@link KdTree}: each round every component finds its lightest
 * edge to another component (ties broken by the slots' numbers, so no cycle can form), and all
 * those edges are added. A component whose points all have core² above its best edge so far is
 * done early (an edge from p weighs at least core²(p)); a point whose last search showed its
 * edges all heavier than its component's best so far does not look again; subtrees whose points
 * all share the searcher's
 * component are skipped. Components search in parallel; each answer depends on the points only,
 * so the forest is the same on any core count.
 */
final class ReachabilityMst {
  private ReachabilityMst() {}

  /** Edge e joins slots a[e] and b[e] with weight w[e] = mrd²; in the order they were found. */
  record Forest(int[] a, int[] b, double[] w) {
    int edges() {
      return w.length;
    }
  }

  /** The minimum spanning forest of the edges of weight ≤ max2; core2 by slot. */
  static Forest of(KdTree t, double[] core2, double max2) {
    int n = t.n;
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    double[] nodeCore = t.nodeMin(core2);
    // A lower bound on the weight of every edge from slot s to another component, from the
    // searches made from s so far: components only merge, so an edge never comes back. A slot
    // whose bound exceeds its component's best edge so far is not searched again (one with no
    // other component within max2 never again).
    double[] atLeast = new double[n];
    // All slots by ascending core², once; each round's stable counting sort by component keeps
    // that order inside every component. The order only decides how soon a component's search
    // can stop (the result is the lightest edge whatever the order), so float precision will do.
    long[] keys = new long[n];
    for (int s = 0; s < n; s++) {
      keys[s] = (long) Float.floatToIntBits((float) core2[s]) << 32 | s; // core² ≥ 0: monotone
    }
    Arrays.parallelSort(keys);
    int[] byCore = new int[n];
    for (int i = 0; i < n; i++) {
      byCore[i] = (int) keys[i];
    }
    int[] ea = new int[Math.max(0, n - 1)];
    int[] eb = new int[ea.length];
    double[] ew = new double[ea.length];
    int edges = 0;
    while (true) {
      int[] comp = new int[n];
      for (int s = 0; s < n; s++) {
        comp[s] = find(parent, s);
      }
      int[] nodeComp = nodeComponents(t, comp);
      // Each component's slots, by ascending core²: a stable counting sort by component.
      int[] start = new int[n + 1];
      for (int s = 0; s < n; s++) {
        start[comp[s] + 1]++;
      }
      for (int c = 0; c < n; c++) {
        start[c + 1] += start[c];
      }
      int[] order = new int[n];
      int[] fill = Arrays.copyOf(start, n);
      for (int s : byCore) {
        order[fill[comp[s]]++] = s;
      }
      int[] roots = IntStream.range(0, n).filter(c -> start[c + 1] > start[c]).toArray();
      // Best edge per component: {weight, from slot, to slot}.
      double[][] best = new double[roots.length][];
      IntStream.range(0, roots.length).parallel().forEach(ri -> {
        int c = roots[ri];
        Search search = new Search(t, core2, nodeCore, comp, nodeComp, max2);
        for (int r = start[c]; r < start[c + 1]; r++) {
          int s = order[r];
          if (core2[s] > search.w) {
            break; // every edge from here on weighs at least core²(s)
          }
          if (atLeast[s] > search.w) {
            continue; // every edge from s is heavier than the best so far
          }
          double limit = search.w;
          // each slot is written by its own component's task only
          atLeast[s] = search.from(s) ? search.w // s's lightest edge: every other one is ≥ it
              : Math.nextUp(limit); // none within the limit: every one is > it
        }
        best[ri] = search.to < 0 ? null : new double[] {search.w, search.from, search.to};
      });
      int added = 0;
      for (double[] e : best) {
        if (e == null) {
          continue;
        }
        int a = find(parent, (int) e[1]);
        int b = find(parent, (int) e[2]);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
          ea[edges] = (int) e[1];
          eb[edges] = (int) e[2];
          ew[edges++] = e[0];
          added++;
        }
      }
      if (added == 0) {
        break;
      }
    }
    return new Forest(Arrays.copyOf(ea, edges), Arrays.copyOf(eb, edges),
        Arrays.copyOf(ew, edges));
  }

  static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Per node, the component all its slots share, or −1 when they are mixed. */
  private static int[] nodeComponents(KdTree t, int[] comp) {
    int[] out = new int[t.nodes];
    for (int node = t.nodes - 1; node >= 0; node--) {
      if (t.left[node] < 0) {
        int c = comp[t.lo[node]];
        for (int r = t.lo[node] + 1; r < t.hi[node] && c >= 0; r++) {
          c = comp[r] == c ? c : -1;
        }
        out[node] = c;
      } else {
        int a = out[t.left[node]];
        out[node] = a == out[t.right[node]] ? a : -1;
      }
    }
    return out;
  }

  /**
   * One component's search for its lightest outgoing edge, over the searches from its points:
   * (w, from, to) is the best so far, compared by weight, then lower slot, then higher slot.
   */
  private static final class Search {
    final KdTree t;
    final double[] core2;
    final double[] nodeCore;
    final int[] comp;
    final int[] nodeComp;
    double w;
    int from = -1;
    int to = -1;
    private int p;
    private double px;
    private double py;
    private boolean found;
    /** nearChild's answer: the two children's box distances. */
    private final double[] childD2 = new double[2];

    Search(KdTree t, double[] core2, double[] nodeCore, int[] comp, int[] nodeComp,
        double max2) {
      this.t = t;
      this.core2 = core2;
      this.nodeCore = nodeCore;
      this.comp = comp;
      this.nodeComp = nodeComp;
      this.w = max2;
    }

    /** Searches from slot s; whether any other component lies within the limit max2. */
    boolean from(int s) {
      p = s;
      px = t.xs[s];
      py = t.ys[s];
      found = false;
      visit(0, t.boxDist2(0, px, py));
      return found;
    }

    /** Node with its box's squared distance from the searching point. */
    private void visit(int node, double box2) {
      if (nodeComp[node] == comp[p]) {
        return;
      }
      double lb = Math.max(Math.max(core2[p], nodeCore[node]), box2);
      if (lb > w) {
        return;
      }
      if (t.left[node] < 0) {
        for (int r = t.lo[node]; r < t.hi[node]; r++) {
          if (comp[r] == comp[p]) {
            continue;
          }
          double dx = t.xs[r] - px;
          double dy = t.ys[r] - py;
          double e = Math.max(Math.max(core2[p], core2[r]), dx * dx + dy * dy);
          if (e <= w) {
            found = true;
            int a = Math.min(p, r);
            int b = Math.max(p, r);
            if (to < 0 || e < w || a < Math.min(from, to)
                || a == Math.min(from, to) && b < Math.max(from, to)) {
              w = e;
              from = p;
              to = r;
            }
          }
        }
        return;
      }
      int a = t.nearChild(node, px, py, childD2);
      double far = childD2[1];
      visit(a, childD2[0]);
      visit(t.left[node] + t.right[node] - a, far);
    }
  }
}
