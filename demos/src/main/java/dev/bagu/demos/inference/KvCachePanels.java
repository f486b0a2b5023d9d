package dev.bagu.demos.inference;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/** The three curve panels of {@link KvCacheDemo}, all against the context length n. */
final class KvCachePanels {
  private final Lang l;
  private final GreedyGeneration.Run full;
  private final GreedyGeneration.Run cached;
  private final double[] n; // tokens in the context when step i runs: prompt + i
  private final String noCache;
  private final String withCache;

  KvCachePanels(Lang l, int prompt, GreedyGeneration.Run full, GreedyGeneration.Run cached) {
    this.l = l;
    this.full = full;
    this.cached = cached;
    this.n = new double[full.macs().length];
    for (int i = 0; i < n.length; i++) {
      n[i] = prompt + i;
    }
    this.noCache = l.t("no cache", "无缓存");
    this.withCache = l.t("KV cache", "KV 缓存");
  }

  int[] contextLengths() {
    int[] out = new int[n.length];
    for (int i = 0; i < n.length; i++) {
      out[i] = (int) n[i];
    }
    return out;
  }

  private String xLabel() {
    return l.t("context length n (tokens)", "上下文长度 n（token 数）");
  }

  /** Multiply-adds of each step: grows with n without the cache, nearly flat with it. */
  XyPlot perToken() {
    return XyPlot.titled(l.t("Multiply-adds per generated token", "每生成一个 token 的乘加次数"))
        .axes(xLabel(), l.t("multiply-adds (first point: prompt)", "乘加次数（第一个点含提示）"))
        .logY()
        .line(noCache, n, toDouble(full.macs()))
        .line(withCache, n, toDouble(cached.macs()));
  }

  /** Cumulative multiply-adds: a parabola against a line. */
  XyPlot total() {
    return XyPlot.titled(l.t("Total multiply-adds so far", "累计乘加次数"))
        .axes(xLabel(), l.t("multiply-adds (cumulative)", "乘加次数（累计）"))
        .curve(noCache, n, cumulative(toDouble(full.macs())))
        .curve(withCache, n, cumulative(toDouble(cached.macs())));
  }

  /** Measured wall-clock time of each step on this machine. */
  XyPlot times() {
    return XyPlot.titled(l.t("Measured time per token (this machine)", "每个 token 的实测用时（本机）"))
        .axes(xLabel(), "ms").logY()
        .line(noCache, n, millis(full.nanos()))
        .line(withCache, n, millis(cached.nanos()));
  }

  /** Without times: how many times more work each step does without the cache. */
  XyPlot ratio() {
    double[] r = new double[n.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (double) full.macs()[i] / cached.macs()[i];
    }
    return XyPlot.titled(l.t("Work saved per token: no cache / cache", "每个 token 省下的计算：无缓存 / 缓存"))
        .axes(xLabel(), l.t("ratio of multiply-adds", "乘加次数之比"))
        .line(l.t("no cache / cache", "无缓存 / 缓存"), n, r).hideLegend();
  }

  private static double[] toDouble(long[] a) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  private static double[] millis(long[] nanos) {
    double[] out = new double[nanos.length];
    for (int i = 0; i < nanos.length; i++) {
      out[i] = nanos[i] / 1e6;
    }
    return out;
  }

  private static double[] cumulative(double[] a) {
    double[] out = new double[a.length];
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i];
      out[i] = s;
    }
    return out;
  }

  /**
   * Bytes per token of real models' caches at fp16, one horizontal bar each with its shape and
   * its value written out (the values span 36×, too much for a readable vertical bar chart).
   */
  DrawingPanel models() {
    List<KvCacheSize.Model> models = KvCacheSize.MODELS;
    String shapeNote = l.t("bars: L × h_kv × d_h", "条上标注：L × h_kv × d_h");
    return DrawingPanel.titled(l.t("KV cache per token of real models (fp16)",
        "真实模型每个 token 的 KV 缓存（fp16）"), (g, area) -> drawModels(g, area, models,
        shapeNote));
  }

  private static void drawModels(Graphics2D g, Rectangle area, List<KvCacheSize.Model> models,
      String shapeNote) {
    g.setFont(Theme.axisTitle());
    FontMetrics fm = g.getFontMetrics();
    int labelWidth = 0;
    for (KvCacheSize.Model m : models) {
      labelWidth = Math.max(labelWidth, fm.stringWidth(m.name()));
    }
    int noteHeight = fm.getHeight() + 6;
    int left = area.x + labelWidth + 16;
    int valueRoom = fm.stringWidth("0000 KB") + 16;
    int barMax = area.x + area.width - valueRoom - left;
    int rowHeight = (area.height - noteHeight) / models.size();
    long max = models.stream().mapToLong(m -> m.bytesPerToken(KvCacheSize.FP16)).max()
        .orElse(1);
    for (int i = 0; i < models.size(); i++) {
      KvCacheSize.Model m = models.get(i);
      long bytes = m.bytesPerToken(KvCacheSize.FP16);
      int top = area.y + i * rowHeight;
      int barHeight = Math.max(4, rowHeight * 3 / 5);
      int barTop = top + (rowHeight - barHeight) / 2;
      int width = (int) Math.max(2, Math.round((double) barMax * bytes / max));
      g.setColor(Theme.category(m.groupedQuery() ? 2 : 0)); // GQA models in green
      g.fillRect(left, barTop, width, barHeight);
      int baseline = barTop + barHeight / 2 + fm.getAscent() / 2 - 2;
      g.setColor(Theme.TEXT);
      g.setFont(Theme.axisTitle());
      g.drawString(m.name(), left - 10 - fm.stringWidth(m.name()), baseline);
      g.drawString(String.format(java.util.Locale.US, "%,d KB", bytes / 1024), left + width + 8,
          baseline);
      g.setFont(Theme.tickLabel());
      g.setColor(Theme.MUTED_TEXT);
      String shape = m.layers() + " × " + m.kvHeads() + " × " + m.headDim()
          + (m.groupedQuery() ? "  GQA " + m.queryHeads() + "/" + m.kvHeads() : "");
      FontMetrics small = g.getFontMetrics();
      if (width > small.stringWidth(shape) + 16) { // inside the bar when it fits, else under it
        g.setColor(Theme.BACKGROUND);
        g.drawString(shape, left + 8, baseline - 1);
      } else {
        g.drawString(shape, left + width + 8 + fm.stringWidth("0,000 KB") + 8, baseline - 1);
      }
    }
    g.setFont(Theme.tickLabel());
    g.setColor(Theme.MUTED_TEXT);
    g.drawString("2 · L · h_kv · d_h · 2 B;  " + shapeNote + " · 1 KB = 1024 B",
        area.x + 4, area.y + area.height - 6);
  }
}
