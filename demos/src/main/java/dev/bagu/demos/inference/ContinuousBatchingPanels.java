package dev.bagu.demos.inference;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.awt.FontMetrics;
import java.util.Arrays;

/** The panels of {@link ContinuousBatchingDemo}. */
final class ContinuousBatchingPanels {
  private static final Color IDLE_WAITING = new Color(0xF4, 0xC7, 0xB5);

  private final Lang l;
  private final int commonSteps;

  ContinuousBatchingPanels(Lang l, int commonSteps) {
    this.l = l;
    this.commonSteps = commonSteps;
  }

  String name(BatchScheduler.Policy p) {
    return p == BatchScheduler.Policy.STATIC ? l.t("static batching", "静态批处理")
        : l.t("continuous batching", "连续批处理");
  }

  /** Slots on the rows, steps to the right; one bar per request; pink: idle while others wait. */
  DrawingPanel gantt(BatchScheduler s, String title) {
    String slot = l.t("slot", "槽位");
    String xLabel = l.t("decoding step →", "解码步 →");
    String key = l.t("bars: requests (one colour each) · pink: slot idle while requests wait",
        "色条：请求（各一种颜色）· 粉色：有请求在等时空着的槽位");
    int[] idle = s.idleWhileWaiting();
    return DrawingPanel.titled(title, (g, area) -> {
      FontMetrics fm = g.getFontMetrics();
      int line = fm.getHeight();
      int keyLines = PagedAttentionPanels.wrap(fm, key, area.width - 8).size();
      int left = area.x + fm.stringWidth(slot + " 00") + 8;
      int width = area.x + area.width - left - 4;
      int top = area.y;
      int height = area.height - (1 + keyLines) * line - 10;
      double rowH = (double) height / s.slots();
      double dx = (double) width / commonSteps;
      // Idle-while-waiting: the slots not running anything at steps when a request waited.
      boolean[][] busy = new boolean[s.slots()][s.steps()];
      for (BatchScheduler.Run r : s.runs()) {
        for (int t = r.start(); t < r.end(); t++) {
          busy[r.slot()][t] = true;
        }
      }
      g.setColor(IDLE_WAITING);
      for (int t = 0; t < s.steps(); t++) {
        if (idle[t] == 0) {
          continue;
        }
        for (int k = 0; k < s.slots(); k++) {
          if (!busy[k][t]) {
            g.fillRect((int) (left + t * dx), (int) (top + k * rowH),
                (int) Math.ceil(dx), (int) Math.ceil(rowH));
          }
        }
      }
      for (BatchScheduler.Run r : s.runs()) {
        g.setColor(Theme.category(r.request() % 6));
        int x0 = (int) Math.round(left + r.start() * dx);
        int x1 = (int) Math.round(left + r.end() * dx);
        g.fillRect(x0, (int) Math.round(top + r.slot() * rowH + 2), Math.max(1, x1 - x0 - 1),
            (int) Math.max(2, rowH - 4));
      }
      g.setColor(Theme.TEXT);
      int labelEvery = (int) Math.ceil(line / rowH);
      for (int k = 0; k < s.slots(); k += labelEvery) {
        g.drawString(slot + " " + k, area.x, (int) (top + (k + 0.5) * rowH + fm.getAscent() / 2.0
            - 2));
      }
      g.setColor(Theme.AXIS);
      g.drawRect(left, top, width, height);
      int endX = (int) Math.round(left + s.steps() * dx);
      g.drawLine(endX, top + height, endX, top + height + 5);
      g.setColor(Theme.TEXT);
      g.drawString(xLabel, left, top + height + line);
      String steps = Integer.toString(s.steps());
      g.drawString(steps, Math.min(endX - fm.stringWidth(steps) / 2,
          area.x + area.width - fm.stringWidth(steps)), top + height + line);
      g.setColor(Theme.MUTED_TEXT);
      PagedAttentionPanels.drawWrappedUp(g, key, area.x, area.y + area.height - 4,
          area.width - 8);
    });
  }

  /** Latency of every request, sorted: the empirical distribution of both policies. */
  XyPlot latency(double[] staticLatency, double[] continuousLatency) {
    XyPlot plot = XyPlot.titled(l.t("Latency of each request, sorted", "每个请求的延迟（排序后）"))
        .axes(l.t("fraction of requests served within", "在此延迟内完成的请求比例"),
            l.t("latency: arrival to last token (steps)", "延迟：到达到最后一个 token（步）"));
    double[][] both = {staticLatency, continuousLatency};
    String[] names = {name(BatchScheduler.Policy.STATIC), name(BatchScheduler.Policy.CONTINUOUS)};
    for (int i = 0; i < 2; i++) {
      double[] y = both[i].clone();
      Arrays.sort(y);
      double[] x = new double[y.length];
      for (int k = 0; k < y.length; k++) {
        x[k] = (k + 1.0) / y.length;
      }
      plot.curve(names[i], x, y);
    }
    return plot.verticalLine(0.95);
  }

  /** Requests waiting at each step. */
  XyPlot queue(BatchScheduler a, BatchScheduler b) {
    XyPlot plot = XyPlot.titled(l.t("Requests waiting for a slot", "等待槽位的请求数"))
        .axes(l.t("decoding step", "解码步"), l.t("waiting requests", "等待的请求数"));
    for (BatchScheduler s : new BatchScheduler[] {a, b}) {
      int[] w = s.waiting();
      double[] x = new double[w.length];
      double[] y = new double[w.length];
      for (int t = 0; t < w.length; t++) {
        x[t] = t;
        y[t] = w[t];
      }
      plot.curve(name(s.policy()), x, y);
    }
    return plot;
  }
}
