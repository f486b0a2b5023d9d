package dev.bagu.demos.vision;

import java.util.Arrays;

/**
 * A max-heap of (score, box index) on primitive arrays, highest score first and, among equal
 * scores, the lowest index first (what a stable sort by score would pick). Soft-NMS pushes a box
 * again each time its score drops and recognises the old entries as stale when it pops them.
 */
final class ScoreHeap {
  private double[] score;
  private int[] index;
  private int size;

  ScoreHeap(int capacity) {
    score = new double[Math.max(capacity, 16)];
    index = new int[score.length];
  }

  boolean isEmpty() {
    return size == 0;
  }

  void push(double s, int i) {
    if (size == score.length) {
      score = Arrays.copyOf(score, size * 2);
      index = Arrays.copyOf(index, size * 2);
    }
    int k = size++;
    while (k > 0) { // sift up
      int parent = (k - 1) / 2;
      if (!above(s, i, score[parent], index[parent])) {
        break;
      }
      score[k] = score[parent];
      index[k] = index[parent];
      k = parent;
    }
    score[k] = s;
    index[k] = i;
  }

  /** The top entry's score; call before {@link #pop}. */
  double topScore() {
    return score[0];
  }

  /** Removes the top entry and returns its box index. */
  int pop() {
    int top = index[0];
    size--;
    double s = score[size];
    int i = index[size];
    int k = 0;
    while (true) { // sift down
      int child = 2 * k + 1;
      if (child >= size) {
        break;
      }
      if (child + 1 < size && above(score[child + 1], index[child + 1], score[child],
          index[child])) {
        child++;
      }
      if (!above(score[child], index[child], s, i)) {
        break;
      }
      score[k] = score[child];
      index[k] = index[child];
      k = child;
    }
    score[k] = s;
    index[k] = i;
    return top;
  }

  private static boolean above(double s1, int i1, double s2, int i2) {
    return s1 > s2 || (s1 == s2 && i1 < i2);
  }
}
