package dev.bagu.demos.vision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Recall, precision and average precision at one IoU threshold, PASCAL VOC style: detections are
 * taken by score, descending; each is a true positive when its best-overlapping ground-truth box
 * has IoU ≥ the threshold and was not already claimed by a higher-scoring detection, else a
 * false positive (a duplicate of a found object counts against precision).
 */
public final class DetectionMetrics {
  private DetectionMetrics() {}

  /** The VOC/COCO "AP50" threshold. */
  public static final double IOU = 0.5;

  /**
   * One image's detections marked true or false positive, by score, descending; and for each
   * ground-truth box, whether a detection found it.
   */
  public record Matched(double[] score, boolean[] truePositive, int truths, boolean[] claimed) {
    public int found() {
      int t = 0;
      for (boolean b : truePositive) {
        t += b ? 1 : 0;
      }
      return t;
    }

    /** Objects found / objects there; 0 objects gives recall 1 (nothing to miss). */
    public double recall() {
      return truths == 0 ? 1 : (double) found() / truths;
    }

    /** True detections / detections; no detections gives precision 1 (nothing wrong said). */
    public double precision() {
      return score.length == 0 ? 1 : (double) found() / score.length;
    }
  }

  /** Matches boxes[i] (score[i]) against the ground truth at IoU ≥ {@code iou}. */
  public static Matched match(double[][] boxes, double[] score, double[][] truth, double iou) {
    int[] order = Nms.order(score);
    boolean[] claimed = new boolean[truth.length];
    boolean[] tp = new boolean[boxes.length];
    double[] sorted = new double[boxes.length];
    for (int r = 0; r < order.length; r++) {
      double[] b = boxes[order[r]];
      sorted[r] = score[order[r]];
      int best = -1;
      double bestIou = -1;
      for (int t = 0; t < truth.length; t++) {
        double[] g = truth[t];
        double o = BoxOverlap.iou(b[0], b[1], b[2], b[3], g[0], g[1], g[2], g[3]);
        if (o > bestIou) {
          bestIou = o;
          best = t;
        }
      }
      if (best >= 0 && bestIou >= iou && !claimed[best]) {
        claimed[best] = true;
        tp[r] = true;
      }
    }
    return new Matched(sorted, tp, truth.length, claimed);
  }

  /**
   * AP over many images pooled into one ranking (as a dataset's AP for one class is computed):
   * the area under the precision–recall curve with precision made monotone from the right, summed
   * at every recall step (VOC 2010 onwards, "all points").
   */
  public static double averagePrecision(List<Matched> images) {
    List<double[]> all = new ArrayList<>(); // {score, 1 if true positive}
    int truths = 0;
    for (Matched m : images) {
      truths += m.truths();
      for (int i = 0; i < m.score().length; i++) {
        all.add(new double[] {m.score()[i], m.truePositive()[i] ? 1 : 0});
      }
    }
    if (truths == 0) {
      return 0;
    }
    all.sort((a, b) -> Double.compare(b[0], a[0]));
    int n = all.size();
    double[] recall = new double[n];
    double[] precision = new double[n];
    int tp = 0;
    for (int i = 0; i < n; i++) {
      tp += (int) all.get(i)[1];
      recall[i] = (double) tp / truths;
      precision[i] = (double) tp / (i + 1);
    }
    for (int i = n - 2; i >= 0; i--) {
      precision[i] = Math.max(precision[i], precision[i + 1]);
    }
    double ap = 0;
    double previous = 0;
    for (int i = 0; i < n; i++) {
      ap += (recall[i] - previous) * precision[i];
      previous = recall[i];
    }
    return ap;
  }

  /** AP of one image. */
  public static double averagePrecision(Matched image) {
    return averagePrecision(Arrays.asList(image));
  }
}
