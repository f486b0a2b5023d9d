package dev.bagu.demos.vision;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.BoxPlot;
import dev.bagu.plot.Theme;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Greedy NMS and Soft-NMS round by round, for the animation: which box was picked, its IoU with
 * the boxes still in play, and what happened to them (removed, or their score multiplied down).
 * Greedy NMS is run as Soft-NMS with a step weight, which gives the same picks (a tested fact).
 */
final class NmsSteps {
  /**
   * One round: the pick, every box's score after it, which boxes were in play before and after,
   * and the picks so far (this one last).
   */
  record Step(int pick, double[] after, boolean[] inBefore, boolean[] inAfter,
      int[] keptSoFar) {}

  private NmsSteps() {}

  /** Records every round of Soft-NMS with this weight. */
  static List<Step> record(Detections d, SoftNms.Weight w, double scoreThreshold) {
    List<Step> steps = new ArrayList<>();
    boolean[][] last = {new boolean[d.size()]};
    for (int i = 0; i < d.size(); i++) {
      last[0][i] = d.score()[i] >= scoreThreshold;
    }
    List<Integer> kept = new ArrayList<>();
    SoftNms.run(d, w, scoreThreshold, (pick, scores, remaining, count) -> {
      boolean[] in = new boolean[d.size()];
      for (int r = 0; r < count; r++) {
        in[remaining[r]] = true;
      }
      kept.add(pick);
      steps.add(new Step(pick, scores.clone(), last[0], in,
          kept.stream().mapToInt(Integer::intValue).toArray()));
      last[0] = in;
    });
    return steps;
  }

  /** Overlap labels shown per frame: more would cover the boxes. */
  private static final int LABELS = 3;

  /**
   * One round drawn: kept boxes in the method's colour, the pick thick black, boxes still in play
   * in grey by their current score, boxes this round removed dashed red; the IoUs of the
   * largest overlaps with the pick written above it, with their new scores.
   */
  static BoxPlot panel(String name, Color colour, Detections d, Step step, int round,
      double[] range, double[][] truth, Lang l) {
    int pk = step.pick();
    int removed = 0;
    for (int i = 0; i < d.size(); i++) {
      removed += i != pk && step.inBefore()[i] && !step.inAfter()[i] ? 1 : 0;
    }
    String title = l.f("%s, round %d: pick (black) scored %.2f; %d removed",
        "%s，第 %d 轮：选中（黑框）分数 %.2f；删除 %d 个", name, round, step.after()[pk], removed);
    BoxPlot p = BoxPlot.titled(title).axes("x (px)", "y (px)")
        .range(range[0], range[1], range[2], range[3])
        .legend(l.t("kept", "已保留"), colour, false)
        .legend(l.t("in play", "候选中"), Theme.MUTED_TEXT, false)
        .legend(l.t("removed now", "本轮删除"), Theme.category(3), true);
    for (double[] t : truth) {
      p.dashedBox(t[0], t[1], t[2], t[3], Theme.REFERENCE);
    }
    for (int i = 0; i < d.size(); i++) {
      if (step.inAfter()[i]) {
        p.box(d.x1()[i], d.y1()[i], d.x2()[i], d.y2()[i], Theme.MUTED_TEXT, step.after()[i]);
      } else if (i != pk && step.inBefore()[i]) {
        p.dashedBox(d.x1()[i], d.y1()[i], d.x2()[i], d.y2()[i], Theme.category(3));
      }
    }
    for (int k : step.keptSoFar()) {
      if (k != pk) {
        p.box(d.x1()[k], d.y1()[k], d.x2()[k], d.y2()[k], colour, 1);
      }
    }
    p.highlight(d.x1()[pk], d.y1()[pk], d.x2()[pk], d.y2()[pk], Color.BLACK);
    // The largest overlaps with the pick among the boxes it acted on, with their new scores.
    Integer[] near = new Integer[d.size()];
    for (int i = 0; i < near.length; i++) {
      near[i] = i;
    }
    Arrays.sort(near, (a, b) -> Double.compare(d.iou(pk, b), d.iou(pk, a)));
    int shown = 0;
    for (int i : near) {
      if (shown == LABELS || d.iou(pk, i) <= 0) {
        break;
      }
      if (i != pk && step.inBefore()[i] && d.sameClass(pk, i)) {
        String text = String.format(Locale.US, "IoU %.2f → %.2f", d.iou(pk, i),
            step.after()[i]);
        // Stacked above the pick, or below it when it touches the top of the view.
        double gap = (range[3] - range[2]) / 16;
        double y = d.y1()[pk] - range[2] > 3.5 * gap ? d.y1()[pk] - 0.2 * gap - gap * shown
            : d.y2()[pk] + gap + gap * shown;
        p.label(d.x1()[pk], y, text, Color.BLACK);
        shown++;
      }
    }
    return p;
  }

  private static boolean contains(int[] a, int v) {
    for (int x : a) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
