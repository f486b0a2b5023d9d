package dev.bagu.demos.inference;

import dev.bagu.demos.inference.GroupedQuery.Pooling;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.BasicStroke;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The four panels of {@link GqaDemo}. */
final class GqaPanels {
  /** KV-head counts drawn for the Llama-2-70B shape (64 query heads). */
  private static final int[] LLAMA_KV_HEADS = {1, 2, 4, 8, 16, 32, 64};

  private final Lang l;
  private final int heads;
  private final int kvHeads;
  private final int[] counts;
  private final Map<Pooling, double[]> errors;
  private final Map<Pooling, double[]> perHead;

  GqaPanels(Lang l, int heads, int kvHeads, int[] counts, Map<Pooling, double[]> errors,
      Map<Pooling, double[]> perHead) {
    this.l = l;
    this.heads = heads;
    this.kvHeads = kvHeads;
    this.counts = counts;
    this.errors = errors;
    this.perHead = perHead;
  }

  private String name(Pooling pooling) {
    return switch (pooling) {
      case MEAN -> l.t("mean-pooled (GQA paper)", "组内取平均（GQA 论文）");
      case FIRST -> l.t("first head of each group", "保留每组第一个头");
      case RANDOM -> l.t("random K, V", "随机 K、V");
    };
  }

  /** KB per token of a Llama-2-70B-shaped cache at fp16, by number of KV heads. */
  Map<Integer, Long> llamaBytes() {
    KvCacheSize.Model llama = KvCacheSize.model("Llama-2-70B");
    Map<Integer, Long> m = new LinkedHashMap<>();
    for (int g : LLAMA_KV_HEADS) {
      m.put(g, KvCacheSize.bytesPerToken(llama.layers(), g, llama.headDim(), KvCacheSize.FP16));
    }
    return m;
  }

  /** Panel 1: the cache is proportional to the KV heads; MHA, Llama-2-70B's GQA and MQA marked. */
  XyPlot cache() {
    double[] x = new double[LLAMA_KV_HEADS.length];
    double[] kb = new double[x.length];
    Map<Integer, Long> bytes = llamaBytes();
    for (int i = 0; i < x.length; i++) {
      x[i] = LLAMA_KV_HEADS[i];
      kb[i] = bytes.get(LLAMA_KV_HEADS[i]) / 1024.0;
    }
    return XyPlot.titled(l.t("Cache per token, Llama-2-70B",
            "每个 token 的 KV 缓存，Llama-2-70B"))
        .axes(l.t("KV heads g (64 query heads)", "KV 头数 g（64 个查询头）"),
            l.t("KB per token (fp16)", "每个 token 的 KB（fp16）")).logX().logY()
        .line(l.t("80 layers · g · 128 · 2 · 2 B", "80 层 · g · 128 · 2 · 2 B"), x, kb)
        .highlight(l.t("g = 1, 8, 64", "g = 1、8、64"),
            new double[] {1, 8, 64}, new double[] {kb[0], kb[3], kb[6]})
        .colour(Theme.category(3));
  }

  /** Panel 2: output error against the number of KV heads, three ways to build them. */
  XyPlot error() {
    double[] x = new double[counts.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = counts[i];
    }
    XyPlot plot = XyPlot.titled(l.t("Output error against KV heads",
            "输出误差与 KV 头数"))
        .axes(l.f("KV heads g (g = %d: MHA, g = 1: MQA)", "KV 头数 g（g = %d 为 MHA，g = 1 为 MQA）",
            heads), l.t("‖O_g − O_MHA‖ / ‖O_MHA‖", "‖O_g − O_MHA‖ / ‖O_MHA‖"));
    for (Pooling pooling : Pooling.values()) {
      plot.line(name(pooling), x, errors.get(pooling));
    }
    return plot.verticalLine(kvHeads);
  }

  /**
   * Panel 3: the task loss of every grouped layer on held-out sequences, against the trained MHA
   * (what conversion should keep) and the untrained layer (what training bought).
   */
  XyPlot taskLoss(Map<Pooling, double[]> losses, double mhaLoss, double untrainedLoss) {
    double[] x = new double[counts.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = counts[i];
    }
    XyPlot plot = XyPlot.titled(l.t("Task loss after conversion",
            "转换后的任务损失"))
        .axes(l.t("KV heads g", "KV 头数 g"), l.t("held-out loss per row",
            "留出序列上每行的损失"));
    for (Pooling pooling : Pooling.values()) {
      plot.line(name(pooling), x, losses.get(pooling));
    }
    double[] ends = {x[x.length - 1], x[0]};
    return plot
        .dashed(l.f("MHA layer %.3f", "MHA 层 %.3f", mhaLoss), ends,
            new double[] {mhaLoss, mhaLoss}).colour(Theme.TEXT)
        .dashed(l.f("before training %.3f", "训练前 %.3f", untrainedLoss), ends,
            new double[] {untrainedLoss, untrainedLoss}).colour(Theme.MUTED_TEXT)
        .verticalLine(kvHeads);
  }

  /** Panel 4: the multi-head layer's training loss, step by step (log scale). */
  XyPlot training(double[] loss, double heldOutLoss) {
    double[] x = new double[loss.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i;
    }
    XyPlot plot = XyPlot.titled(l.t("Training the multi-head layer", "训练多头层"))
        .axes(l.t("Adam step", "Adam 步数"), l.t("training loss (log)", "训练损失（对数）"))
        .logY();
    if (loss.length == 1) {
      return plot.largePoints(l.t("untrained (0 steps)", "未训练（0 步）"), x, loss);
    }
    return plot.curve(l.t("training loss", "训练损失"), x, loss)
        .dashed(l.f("held-out, trained: %.3f", "留出序列，训练后：%.3f",
            heldOutLoss), new double[] {0, x.length - 1}, new double[] {heldOutLoss, heldOutLoss})
        .colour(Theme.MUTED_TEXT);
  }

  /** Panel 6: each query head's own output error at the chosen g. */
  BarPlot perHead() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < heads; i++) {
      names.add(Integer.toString(i));
    }
    // At g = h nothing is pooled: every bar is 0, which an empty panel alone would not say.
    String title = kvHeads == heads
        ? l.f("Error per query head at g = %d = h: MHA itself, all 0",
            "g = %d = h 时每个查询头的误差：即 MHA，全为 0", kvHeads)
        : l.f("Error per query head at g = %d", "g = %d 时每个查询头的误差", kvHeads);
    return BarPlot.titled(title)
        .axes(l.t("query head", "查询头"), "‖o_i − o_i,MHA‖ / ‖o_i,MHA‖")
        .categories(names)
        .bars(name(Pooling.MEAN), perHead.get(Pooling.MEAN))
        .bars(name(Pooling.FIRST), perHead.get(Pooling.FIRST));
  }

  /** Panel 5: which query heads share which KV head, for MHA, the chosen GQA and MQA. */
  DrawingPanel sharing() {
    String[] labels = {
        l.f("MHA: %d KV heads", "MHA：%d 个 KV 头", heads),
        kvHeads == 1 ? l.t("GQA: 1 KV head", "GQA：1 个 KV 头")
            : l.f("GQA: %d KV heads", "GQA：%d 个 KV 头", kvHeads),
        l.t("MQA: 1 KV head", "MQA：1 个 KV 头")};
    int[] groups = {heads, kvHeads, 1};
    String queries = l.t("query heads", "查询头");
    String keys = l.t("KV heads", "KV 头");
    return DrawingPanel.titled(l.t("Which query heads share which KV head",
        "哪些查询头共用哪个 KV 头"), (g, area) -> drawSharing(g, area, labels, groups, queries,
        keys));
  }

  private void drawSharing(Graphics2D g, Rectangle area, String[] labels, int[] groups,
      String queries, String keys) {
    g.setFont(Theme.axisTitle());
    FontMetrics fm = g.getFontMetrics();
    int labelWidth = 0;
    for (String s : labels) {
      labelWidth = Math.max(labelWidth, fm.stringWidth(s));
    }
    g.setFont(Theme.tickLabel());
    int rowKeyWidth = Math.max(g.getFontMetrics().stringWidth(queries),
        g.getFontMetrics().stringWidth(keys));
    int left = area.x + Math.max(labelWidth, rowKeyWidth) + 20;
    int right = area.x + area.width - 10;
    double slot = (double) (right - left) / heads;
    int box = (int) Math.max(6, Math.min(slot * 0.7, 34));
    int rowHeight = area.height / groups.length;
    for (int r = 0; r < groups.length; r++) {
      int top = area.y + r * rowHeight;
      int qy = top + 8;
      int ky = top + rowHeight - box - 14;
      int size = heads / groups[r];
      g.setFont(Theme.axisTitle());
      g.setColor(r == 1 ? Theme.TEXT : Theme.MUTED_TEXT);
      g.drawString(labels[r], area.x, top + rowHeight / 2 - 4);
      g.setFont(Theme.tickLabel());
      g.setColor(Theme.MUTED_TEXT);
      g.drawString(queries, area.x, qy + box - 4);
      g.drawString(keys, area.x, ky + box - 4);
      for (int k = 0; k < groups[r]; k++) {
        double centre = left + slot * (k * size + size / 2.0);
        int kx = (int) Math.round(centre - box / 2.0);
        g.setColor(Theme.category(k));
        g.setStroke(new BasicStroke(2f));
        for (int i = k * size; i < (k + 1) * size; i++) {
          double qc = left + slot * (i + 0.5);
          g.drawLine((int) Math.round(qc), qy + box, (int) Math.round(centre), ky);
          g.fillRect((int) Math.round(qc - box / 2.0), qy, box, box);
        }
        g.fillRoundRect(kx, ky, box, box, 8, 8);
      }
    }
  }
}
