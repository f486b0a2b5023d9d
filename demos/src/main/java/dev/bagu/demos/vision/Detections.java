package dev.bagu.demos.vision;

import java.util.Arrays;
import java.util.Objects;

/**
 * n detected boxes as parallel arrays (structure of arrays, so NMS reads coordinates without
 * chasing pointers): corners x1, y1, x2, y2 (each length n), a score in [0, 1] per box, an
 * optional class per box (null: one class) and optional per-coordinate standard deviations
 * (null: none; else std[k][i] for coordinate k = 0..3 of box i, as Softer-NMS's box regressor
 * predicts them). The arrays are not copied; treat them as read-only.
 */
public record Detections(double[] x1, double[] y1, double[] x2, double[] y2, double[] score,
    int[] cls, double[][] std) {
  public Detections {
    int n = score.length;
    if (x1.length != n || y1.length != n || x2.length != n || y2.length != n) {
      throw new IllegalArgumentException("corner arrays must have " + n + " entries like score");
    }
    if (cls != null && cls.length != n) {
      throw new IllegalArgumentException("cls has " + cls.length + " entries, need " + n);
    }
    if (std != null && (std.length != 4 || Arrays.stream(std).anyMatch(s -> s.length != n))) {
      throw new IllegalArgumentException("std must be 4 arrays of " + n);
    }
    for (int i = 0; i < n; i++) {
      if (!(x1[i] <= x2[i] && y1[i] <= y2[i])) {
        throw new IllegalArgumentException("box " + i + " needs x1 <= x2 and y1 <= y2");
      }
    }
  }

  /** Boxes of one class with no standard deviations. */
  public static Detections of(double[][] boxes, double[] scores) {
    int n = boxes.length;
    double[][] c = new double[4][n];
    for (int i = 0; i < n; i++) {
      Objects.checkIndex(3, boxes[i].length);
      for (int k = 0; k < 4; k++) {
        c[k][i] = boxes[i][k];
      }
    }
    return new Detections(c[0], c[1], c[2], c[3], scores.clone(), null, null);
  }

  /** The same boxes with a class per box. */
  public Detections withClasses(int[] classes) {
    return new Detections(x1, y1, x2, y2, score, classes.clone(), std);
  }

  public int size() {
    return score.length;
  }

  /** Box i as {x1, y1, x2, y2}. */
  public double[] box(int i) {
    return new double[] {x1[i], y1[i], x2[i], y2[i]};
  }

  public double iou(int i, int j) {
    return BoxOverlap.iou(x1[i], y1[i], x2[i], y2[i], x1[j], y1[j], x2[j], y2[j]);
  }

  /** Whether boxes i and j may suppress each other: always without classes, else same class. */
  public boolean sameClass(int i, int j) {
    return cls == null || cls[i] == cls[j];
  }
}
