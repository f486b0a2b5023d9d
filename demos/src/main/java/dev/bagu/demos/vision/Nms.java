package dev.bagu.demos.vision;

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
 * <p>Cost: one sort, areas computed once, then the O(n·kept) pairwise loop of the reference C++
 * kernel, with no allocation inside it.
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
    double[] area = new double[n];
    for (int i = 0; i < n; i++) {
      area[i] = (x2[i] - x1[i]) * (y2[i] - y1[i]);
    }
    int[] order = order(d.score());
    boolean[] suppressed = new boolean[n];
    int[] keep = new int[n];
    double[][] merged = new double[n][];
    int kept = 0;
    for (int a = 0; a < n; a++) {
      int i = order[a];
      if (suppressed[i]) {
        continue;
      }
      keep[kept] = i;
      // Weighted NMS: Σ s·box over the kept box and those it suppresses, then ÷ Σ s.
      double w = d.score()[i];
      double sx1 = w * x1[i];
      double sy1 = w * y1[i];
      double sx2 = w * x2[i];
      double sy2 = w * y2[i];
      for (int b = a + 1; b < n; b++) {
        int j = order[b];
        if (suppressed[j] || !d.sameClass(i, j)) {
          continue;
        }
        double overlap;
        if (m == Method.DIOU) {
          overlap = BoxOverlap.diou(x1[i], y1[i], x2[i], y2[i], x1[j], y1[j], x2[j], y2[j]);
        } else if (m == Method.CIOU) {
          overlap = BoxOverlap.ciou(x1[i], y1[i], x2[i], y2[i], x1[j], y1[j], x2[j], y2[j]);
        } else {
          // IoU inline with the precomputed areas, as the C++ kernel does.
          double iw = Math.min(x2[i], x2[j]) - Math.max(x1[i], x1[j]);
          double ih = Math.min(y2[i], y2[j]) - Math.max(y1[i], y1[j]);
          double inter = iw > 0 && ih > 0 ? iw * ih : 0;
          double union = area[i] + area[j] - inter;
          overlap = union > 0 ? inter / union : 0;
        }
        if (overlap > threshold) {
          suppressed[j] = true;
          double sj = d.score()[j];
          w += sj;
          sx1 += sj * x1[j];
          sy1 += sj * y1[j];
          sx2 += sj * x2[j];
          sy2 += sj * y2[j];
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
