package dev.bagu.demos.vision;

import dev.bagu.math.Rng;

/**
 * A generated crowded scene with known ground truth: upright "people" boxes on a 640 × 400
 * canvas (image coordinates, y down), about half of them standing partly behind a neighbour so
 * that pairs of true objects overlap with IoU around 0.2–0.5, as in a crowd. Each object gets
 * several detections jittered around it, as a detector's proposals are; a worse-localised
 * detection (larger jitter) gets a lower score on average, and its jitter scale is reported as
 * the per-coordinate standard deviation that Softer-NMS expects. A few false positives with low
 * scores stand in for background clutter. Boxes are clipped to the image, as detectors do.
 *
 * @param truth the objects, truth[i] = {x1, y1, x2, y2}
 * @param detections every detection, in generation order (object by object, then clutter)
 * @param objectOf for each detection, the object it was drawn around, or −1 for clutter
 */
public record CrowdScene(double width, double height, double[][] truth, Detections detections,
    int[] objectOf) {
  public static final double WIDTH = 640;
  public static final double HEIGHT = 400;
  /** Clutter boxes per object. */
  private static final double CLUTTER = 0.3;

  public static CrowdScene generate(int objects, int detectionsPerObject, Rng rng) {
    // Smaller people when there are many, so 30 still fit the canvas as a dense crowd.
    double scale = Math.min(1, Math.sqrt(12.0 / objects));
    double[][] truth = new double[objects][];
    double[] quality = new double[objects];
    for (int o = 0; o < objects; o++) {
      double w = rng.uniform(45, 85) * scale;
      double h = Math.min(HEIGHT - 10, w * rng.uniform(2.0, 2.6));
      double x;
      double y;
      boolean behind = o > 0 && rng.uniform() < 0.5;
      if (behind) { // partly behind an earlier person: shifted by 30–65% of a width
        double[] n = truth[rng.nextInt(o)];
        double shift = rng.uniform(0.3, 0.65) * (n[2] - n[0]) * (rng.uniform() < 0.5 ? -1 : 1);
        x = n[0] + shift;
        y = n[1] + rng.uniform(-0.12, 0.12) * h;
      } else {
        x = rng.uniform(0, WIDTH - w);
        y = rng.uniform(0, HEIGHT - h);
      }
      x = Math.max(0, Math.min(WIDTH - w, x));
      y = Math.max(0, Math.min(HEIGHT - h, y));
      truth[o] = new double[] {x, y, x + w, y + h};
      quality[o] = behind ? rng.uniform(0.45, 0.85) : rng.uniform(0.65, 0.97);
    }
    int clutter = (int) Math.round(CLUTTER * objects);
    int n = objects * detectionsPerObject + clutter;
    double[][] c = new double[4][n];
    double[][] std = new double[4][n];
    double[] score = new double[n];
    int[] objectOf = new int[n];
    int k = 0;
    for (int o = 0; o < objects; o++) {
      double[] t = truth[o];
      for (int d = 0; d < detectionsPerObject; d++, k++) {
        double q = rng.uniform(0.02, 0.14); // jitter, as a fraction of the box's side
        jitter(t, q, rng, c, std, k);
        score[k] = clamp(quality[o] - 2.5 * q + 0.05 * rng.gaussian(), 0.02, 0.99);
        objectOf[k] = o;
      }
    }
    for (; k < n; k++) {
      double w = rng.uniform(45, 85) * scale;
      double h = w * rng.uniform(1.2, 2.6);
      double x = rng.uniform(0, WIDTH - w);
      double y = rng.uniform(0, Math.max(1, HEIGHT - h));
      jitter(new double[] {x, y, x + w, y + h}, 0, rng, c, std, k);
      for (int a = 0; a < 4; a++) {
        std[a][k] = 0.3 * (a % 2 == 0 ? w : h); // clutter: the regressor is unsure
      }
      score[k] = rng.uniform(0.05, 0.35);
      objectOf[k] = -1;
    }
    return new CrowdScene(WIDTH, HEIGHT, truth,
        new Detections(c[0], c[1], c[2], c[3], score, null, std), objectOf);
  }

  /** Detection k around box t: each corner moved by N(0, (q·side)²); σ = q·side reported. */
  private static void jitter(double[] t, double q, Rng rng, double[][] c, double[][] std, int k) {
    double w = t[2] - t[0];
    double h = t[3] - t[1];
    for (int a = 0; a < 4; a++) {
      double side = a % 2 == 0 ? w : h;
      c[a][k] = t[a] + q * side * rng.gaussian();
      std[a][k] = Math.max(q * side, 0.5);
    }
    // Inside the image, as detectors clip their boxes to it; corners ordered and the box at
    // least 2 px wide and tall.
    c[0][k] = clamp(c[0][k], 0, WIDTH - 2);
    c[1][k] = clamp(c[1][k], 0, HEIGHT - 2);
    c[2][k] = clamp(c[2][k], 0, WIDTH);
    c[3][k] = clamp(c[3][k], 0, HEIGHT);
    if (c[2][k] < c[0][k] + 2) {
      c[2][k] = c[0][k] + 2;
    }
    if (c[3][k] < c[1][k] + 2) {
      c[3][k] = c[1][k] + 2;
    }
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
