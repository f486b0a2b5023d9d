package dev.bagu.demos.vision;

import java.util.Arrays;

/**
 * Soft-NMS (Bodla et al. 2017, Algorithm 1): instead of deleting every box that overlaps the
 * pick, multiply its score by a weight w(IoU) ≤ 1, pick the highest remaining score again, and
 * drop a box only when its score falls under a threshold. A crowd's second person, hidden behind
 * the first with IoU 0.6, loses some score rather than all of it.
 *
 * <p>Two paths with the same result. Traced (for the step-by-step animation), each round scans the
 * remaining boxes once: it picks the maximum (ties to the lowest input index, as a stable sort
 * would), then rescores and compacts the rest in place: O(n·picks), like the paper's code.
 * Untraced, a {@link BoxGrid} finds the boxes a pick overlaps (every weight is 1 at IoU 0, so
 * no other score changes) and a {@link ScoreHeap} finds the next pick: about O(n log n) for
 * scenes where each box overlaps a few others.
 */
public final class SoftNms {
  private SoftNms() {}

  /** The rescoring weight as a function of the IoU with the pick; must be 1 at IoU 0. */
  @FunctionalInterface
  public interface Weight {
    double of(double iou);
  }

  /** Watches the rounds, for the step-by-step animation; arrays are live, copy what you keep. */
  @FunctionalInterface
  public interface Trace {
    /** After round {@code pick}: current scores, and the {@code count} boxes still in play. */
    void step(int pick, double[] scores, int[] remaining, int count);
  }

  /** Linear: w = 1 − IoU when IoU &gt; N_t, else 1 (a jump from 1 to 1 − N_t at N_t). */
  public static Weight linear(double nt) {
    return iou -> iou > nt ? 1 - iou : 1;
  }

  /** Gaussian: w = exp(−IoU²/σ), applied to every overlap, no threshold. */
  public static Weight gaussian(double sigma) {
    return iou -> Math.exp(-iou * iou / sigma);
  }

  /** The step weight of greedy NMS written as a Soft-NMS weight: 0 when IoU &gt; t, else 1. */
  public static Weight step(double t) {
    return iou -> iou > t ? 0 : 1;
  }

  /**
   * Runs Soft-NMS; boxes of different classes do not rescore each other.
   *
   * @param scoreThreshold boxes whose (re)scored value is under this are dropped
   * @param trace null, or a watcher called after every round
   */
  public static Nms.Kept run(Detections d, Weight weight, double scoreThreshold, Trace trace) {
    return trace == null ? indexed(d, weight, scoreThreshold) : scanned(d, weight, scoreThreshold,
        trace);
  }

  /** The untraced path: grid for the overlaps, heap for the picks. */
  static Nms.Kept indexed(Detections d, Weight weight, double scoreThreshold) {
    int n = d.size();
    double[] x1 = d.x1();
    double[] y1 = d.y1();
    double[] x2 = d.x2();
    double[] y2 = d.y2();
    double[] s = d.score().clone();
    double[] area = new double[n];
    boolean[] alive = new boolean[n]; // not yet picked and not dropped
    int[] seen = new int[n]; // the round that last rescored a box: a box in two cells counts once
    ScoreHeap heap = new ScoreHeap(2 * n);
    for (int i = 0; i < n; i++) {
      area[i] = (x2[i] - x1[i]) * (y2[i] - y1[i]);
      alive[i] = s[i] >= scoreThreshold;
      if (alive[i]) {
        heap.push(s[i], i);
      }
    }
    BoxGrid grid = new BoxGrid(x1, y1, x2, y2);
    int[] keep = new int[n];
    double[] kept = new double[n];
    int picks = 0;
    while (!heap.isEmpty()) {
      double top = heap.topScore();
      int p = heap.pop();
      if (!alive[p] || top != s[p]) {
        continue; // dropped, picked, or an old entry from before its score fell
      }
      alive[p] = false;
      keep[picks] = p;
      kept[picks] = s[p];
      picks++;
      for (int r = grid.row(y1[p]); r <= grid.row(y2[p]); r++) {
        for (int q = grid.col(x1[p]); q <= grid.col(x2[p]); q++) {
          int c = r * grid.cols() + q;
          for (int k = grid.start[c]; k < grid.start[c + 1]; k++) {
            int j = grid.items[k];
            if (!alive[j] || seen[j] == picks || !d.sameClass(p, j)) {
              continue;
            }
            seen[j] = picks;
            double iw = Math.min(x2[p], x2[j]) - Math.max(x1[p], x1[j]);
            double ih = Math.min(y2[p], y2[j]) - Math.max(y1[p], y1[j]);
            double inter = iw > 0 && ih > 0 ? iw * ih : 0;
            if (inter <= 0) {
              continue;
            }
            double w = weight.of(inter / (area[p] + area[j] - inter));
            if (w == 1) {
              continue; // unchanged: its heap entry is still current
            }
            s[j] *= w;
            if (s[j] >= scoreThreshold) {
              heap.push(s[j], j);
            } else {
              alive[j] = false;
            }
          }
        }
      }
    }
    return result(d, keep, kept, picks);
  }

  /** The traced path: one scan of the remaining boxes per round. */
  static Nms.Kept scanned(Detections d, Weight weight, double scoreThreshold, Trace trace) {
    int n = d.size();
    double[] x1 = d.x1();
    double[] y1 = d.y1();
    double[] x2 = d.x2();
    double[] y2 = d.y2();
    double[] s = d.score().clone();
    double[] area = new double[n];
    int[] rem = new int[n]; // boxes still in play, in increasing input order
    int count = 0;
    for (int i = 0; i < n; i++) {
      area[i] = (x2[i] - x1[i]) * (y2[i] - y1[i]);
      if (s[i] >= scoreThreshold) {
        rem[count++] = i;
      }
    }
    int[] keep = new int[count];
    double[] kept = new double[count];
    int picks = 0;
    while (count > 0) {
      int best = 0;
      for (int r = 1; r < count; r++) {
        if (s[rem[r]] > s[rem[best]]) { // strict: the earlier index wins a tie
          best = r;
        }
      }
      int p = rem[best];
      keep[picks] = p;
      kept[picks] = s[p];
      picks++;
      int next = 0;
      for (int r = 0; r < count; r++) {
        int j = rem[r];
        if (j == p) {
          continue;
        }
        if (d.sameClass(p, j)) {
          double iw = Math.min(x2[p], x2[j]) - Math.max(x1[p], x1[j]);
          double ih = Math.min(y2[p], y2[j]) - Math.max(y1[p], y1[j]);
          double inter = iw > 0 && ih > 0 ? iw * ih : 0;
          if (inter > 0) { // w(0) = 1 for every weight here: skip the exp for disjoint boxes
            double union = area[p] + area[j] - inter;
            s[j] *= weight.of(inter / union);
          }
        }
        if (s[j] >= scoreThreshold) {
          rem[next++] = j;
        }
      }
      count = next;
      trace.step(p, s, rem, count);
    }
    return result(d, keep, kept, picks);
  }

  /** The first {@code picks} picks, their final scores and their (unmoved) boxes. */
  private static Nms.Kept result(Detections d, int[] keep, double[] kept, int picks) {
    int[] index = Arrays.copyOf(keep, picks);
    double[][] boxes = new double[picks][];
    for (int k = 0; k < picks; k++) {
      boxes[k] = d.box(index[k]);
    }
    return new Nms.Kept(index, Arrays.copyOf(kept, picks), boxes);
  }
}
