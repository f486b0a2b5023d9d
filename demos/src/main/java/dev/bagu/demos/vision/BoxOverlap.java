package dev.bagu.demos.vision;

/**
 * Overlap measures for axis-aligned boxes (x1, y1, x2, y2) in continuous coordinates, x1 ≤ x2 and
 * y1 ≤ y2; width is x2 − x1 (no "+1" pixel convention, as in torchvision).
 *
 * <p>Taking eight doubles rather than two objects keeps NMS's inner loop free of allocation.
 * Degenerate boxes are allowed and never give NaN: when the union has zero area the IoU is 0,
 * and when both boxes sit on one point the centre penalty is 0.
 */
public final class BoxOverlap {
  private BoxOverlap() {}

  /** IoU = |A ∩ B| / |A ∪ B|, in [0, 1]; 0 when the union is empty. */
  public static double iou(double ax1, double ay1, double ax2, double ay2,
      double bx1, double by1, double bx2, double by2) {
    double iw = Math.min(ax2, bx2) - Math.max(ax1, bx1);
    double ih = Math.min(ay2, by2) - Math.max(ay1, by1);
    if (iw <= 0 || ih <= 0) {
      return 0;
    }
    double inter = iw * ih;
    double union = (ax2 - ax1) * (ay2 - ay1) + (bx2 - bx1) * (by2 - by1) - inter;
    return union > 0 ? inter / union : 0;
  }

  /**
   * DIoU (Zheng et al. 2020) = IoU − ρ²/c²: ρ is the distance between the centres, c the diagonal
   * of the smallest box enclosing both. In [−1, 1]; two far-apart boxes score below 0.
   */
  public static double diou(double ax1, double ay1, double ax2, double ay2,
      double bx1, double by1, double bx2, double by2) {
    return iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2)
        - centrePenalty(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
  }

  /**
   * CIoU (Zheng et al. 2020) = IoU − ρ²/c² − αv, with v = 4/π² (atan(w_a/h_a) − atan(w_b/h_b))²
   * measuring how different the aspect ratios are and α = v / ((1 − IoU) + v) its weight.
   */
  public static double ciou(double ax1, double ay1, double ax2, double ay2,
      double bx1, double by1, double bx2, double by2) {
    double iou = iou(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2);
    // atan2(w, h) is atan(w/h) for h > 0 and stays defined for zero-height or empty boxes.
    double d = Math.atan2(ax2 - ax1, ay2 - ay1) - Math.atan2(bx2 - bx1, by2 - by1);
    double v = 4 / (Math.PI * Math.PI) * d * d;
    double alpha = v == 0 ? 0 : v / ((1 - iou) + v);
    return iou - centrePenalty(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2) - alpha * v;
  }

  /** ρ²/c², the squared centre distance over the squared enclosing diagonal; 0 when c = 0. */
  public static double centrePenalty(double ax1, double ay1, double ax2, double ay2,
      double bx1, double by1, double bx2, double by2) {
    double dx = (ax1 + ax2 - bx1 - bx2) / 2;
    double dy = (ay1 + ay2 - by1 - by2) / 2;
    double cw = Math.max(ax2, bx2) - Math.min(ax1, bx1);
    double ch = Math.max(ay2, by2) - Math.min(ay1, by1);
    double c2 = cw * cw + ch * ch;
    return c2 > 0 ? (dx * dx + dy * dy) / c2 : 0;
  }
}
