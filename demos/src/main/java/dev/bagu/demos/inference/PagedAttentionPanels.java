package dev.bagu.demos.inference;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.List;
import java.util.Locale;

/** The panels of {@link PagedAttentionDemo}. */
final class PagedAttentionPanels {
  private static final Color WASTED = new Color(0x9A, 0x9A, 0x9A);

  private final Lang l;

  PagedAttentionPanels(Lang l) {
    this.l = l;
  }

  String name(KvAllocation.Scheme s) {
    return s == KvAllocation.Scheme.CONTIGUOUS
        ? l.t("contiguous, max length reserved", "连续分配，按最大长度预留")
        : l.t("paged", "分页");
  }

  /**
   * A memory map: time to the right, KV slots upwards; each request in its colour where its
   * tokens are, faint where slots are reserved for its future tokens, grey where they will
   * never be used. Drawn as a raster, one column per step.
   */
  DrawingPanel memoryMap(KvAllocation a, String title, int commonSteps) {
    BufferedImage image = raster(a);
    String xLabel = l.t("decoding step →", "解码步 →");
    String yLabel = l.f("KV memory: %,d token slots ↑", "KV 显存：%,d 个 token 槽位 ↑", a.memory());
    String legend = l.t("colour: a request's token states · faint: reserved for later tokens · "
        + "grey: never used · white: free", "彩色：请求的 token 状态 · 浅色：为以后的 token 预留 · "
        + "灰色：永远用不上 · 白色：空闲");
    return DrawingPanel.titled(title, (g, area) -> {
      FontMetrics fm = g.getFontMetrics();
      int line = fm.getHeight();
      int legendLines = wrap(fm, legend, area.width - 8).size();
      Rectangle plot = new Rectangle(area.x + line + 4, area.y, area.width - line - 8,
          area.height - (1 + legendLines) * line - 8);
      int drawnWidth = (int) Math.round((double) plot.width * image.getWidth() / commonSteps);
      Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
          RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
      g.drawImage(image, plot.x, plot.y, drawnWidth, plot.height, null);
      if (hint != null) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint);
      }
      g.setColor(Theme.AXIS);
      g.drawRect(plot.x, plot.y, plot.width, plot.height);
      g.setColor(Theme.TEXT);
      g.drawString(xLabel, plot.x, plot.y + plot.height + line);
      String steps = String.format(Locale.US, "%d", image.getWidth());
      int labelX = Math.min(plot.x + drawnWidth - fm.stringWidth(steps) / 2,
          area.x + area.width - fm.stringWidth(steps));
      g.drawString(steps, labelX, plot.y + plot.height + line);
      g.setColor(Theme.AXIS);
      g.drawLine(plot.x + drawnWidth, plot.y + plot.height, plot.x + drawnWidth,
          plot.y + plot.height + 4);
      g.setColor(Theme.TEXT);
      var saved = g.getTransform();
      g.translate(area.x + fm.getAscent(), plot.y + plot.height);
      g.rotate(-Math.PI / 2);
      g.drawString(yLabel, 0, 0);
      g.setTransform(saved);
      g.setColor(Theme.MUTED_TEXT);
      drawWrappedUp(g, legend, area.x, area.y + area.height - 4, area.width - 8);
    });
  }

  /** Lines of at most {@code width} pixels: breaks at spaces, or anywhere in Chinese text. */
  static List<String> wrap(FontMetrics fm, String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    String rest = text;
    while (fm.stringWidth(rest) > width && rest.length() > 1) {
      int cut = rest.length();
      while (cut > 1 && fm.stringWidth(rest.substring(0, cut)) > width) {
        cut--;
      }
      int space = rest.lastIndexOf(' ', cut);
      if (space > cut / 2) {
        cut = space;
      }
      lines.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    lines.add(rest);
    return lines;
  }

  /** Draws wrapped text so that its last line sits on {@code bottom}; returns the lines used. */
  static int drawWrappedUp(Graphics2D g, String text, int x, int bottom, int width) {
    FontMetrics fm = g.getFontMetrics();
    List<String> lines = wrap(fm, text, width);
    for (int i = 0; i < lines.size(); i++) {
      g.drawString(lines.get(i), x, bottom - (lines.size() - 1 - i) * fm.getHeight());
    }
    return lines.size();
  }

  /** One pixel per step (x) and map row (y, slot 0 at the bottom). */
  private static BufferedImage raster(KvAllocation a) {
    List<KvAllocation.Step> steps = a.steps();
    int rows = a.mapRows();
    int width = steps.size();
    // Colours looked up once: [request colour][state], state FREE, USED, RESERVED, WASTED.
    int[][] palette = new int[6][4];
    for (int c = 0; c < 6; c++) { // six colours: black stays for text
      Color colour = Theme.category(c);
      palette[c] = new int[] {Theme.BACKGROUND.getRGB(), colour.getRGB(), tint(colour).getRGB(),
          WASTED.getRGB()};
    }
    BufferedImage img = new BufferedImage(width, rows, BufferedImage.TYPE_INT_RGB);
    // The image's own pixels (row-major, one int per pixel): no per-pixel colour-model calls.
    int[] pixels = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int t = 0; t < width; t++) {
      byte[] state = a.states(t);
      short[] owner = a.owners(t);
      for (int y = 0; y < rows; y++) {
        int colour = state[y] == KvAllocation.FREE ? 0 : owner[y] % 6;
        pixels[(rows - 1 - y) * width + t] = palette[colour][state[y]];
      }
    }
    return img;
  }

  private static Color tint(Color c) {
    return new Color(255 - (255 - c.getRed()) / 4, 255 - (255 - c.getGreen()) / 4,
        255 - (255 - c.getBlue()) / 4);
  }

  /** Where the memory goes, each scheme as one bar of fractions of the KV memory. */
  DrawingPanel breakdown(KvAllocation.Breakdown contiguous, KvAllocation.Breakdown paged) {
    String[] parts = {l.t("token states", "token 状态"), l.t("reserved", "预留"),
        l.t("internal fragmentation", "内部碎片"), l.t("external fragmentation", "外部碎片"),
        l.t("free", "空闲")};
    Color[] colours = {Theme.category(0), tint(Theme.category(0)), WASTED, Theme.category(3),
        new Color(0xF2, 0xF2, 0xF2)};
    String[] names = {name(KvAllocation.Scheme.CONTIGUOUS), name(KvAllocation.Scheme.PAGED)};
    KvAllocation.Breakdown[] b = {contiguous, paged};
    String over = contiguous.memoryBound()
        ? l.t("averaged over the steps when a request waited for memory",
            "对有请求在等显存的步取平均")
        : l.t("averaged over all steps (no request ever waited for memory)",
            "对所有步取平均（没有请求等过显存）");
    String note = over + l.t("; Kwon et al. 2023: 20.4–38.2% token states before vLLM",
        "；Kwon 等 2023：vLLM 之前 token 状态占 20.4–38.2%");
    return DrawingPanel.titled(l.t("Where the KV memory goes", "KV 显存用在了哪里"), (g, area) -> {
      FontMetrics fm = g.getFontMetrics();
      int line = fm.getHeight();
      g.setFont(Theme.tickLabel());
      int noteLines = wrap(g.getFontMetrics(), note, area.width - 8).size();
      int legendRows = 2;
      int legendTop = area.y + area.height - (legendRows + noteLines) * line - 8;
      int barArea = legendTop - area.y - 6;
      for (int i = 0; i < 2; i++) {
        int top = area.y + i * barArea / 2;
        g.setColor(Theme.TEXT);
        g.setFont(Theme.axisTitle());
        g.drawString(names[i], area.x + 4, top + g.getFontMetrics().getAscent());
        int barTop = top + g.getFontMetrics().getHeight() + 4;
        int barHeight = barArea / 2 - g.getFontMetrics().getHeight() - 16;
        double[] f = {b[i].tokenStates(), b[i].reserved(), b[i].internal(), b[i].external(),
            b[i].free()};
        double x = area.x + 4;
        double width = area.width - 8;
        for (int k = 0; k < f.length; k++) {
          int w = (int) Math.round(width * Math.max(0, f[k]));
          g.setColor(colours[k]);
          g.fillRect((int) Math.round(x), barTop, w, barHeight);
          String pct = String.format(Locale.US, "%.1f%%", 100 * f[k]);
          g.setFont(Theme.tickLabel());
          if (w > g.getFontMetrics().stringWidth(pct) + 6) {
            g.setColor(k == 0 || k == 3 ? Color.WHITE : Theme.TEXT);
            g.drawString(pct, (int) Math.round(x) + 4, barTop + barHeight / 2
                + g.getFontMetrics().getAscent() / 2 - 2);
          }
          x += width * Math.max(0, f[k]);
        }
        g.setColor(Theme.AXIS);
        g.drawRect(area.x + 4, barTop, (int) width, barHeight);
      }
      g.setFont(Theme.tickLabel());
      fm = g.getFontMetrics();
      int x = area.x + 4;
      int y = legendTop + 4;
      for (int k = 0; k < parts.length; k++) {
        int w = 20 + fm.stringWidth(parts[k]) + 18;
        if (x + w > area.x + area.width && x > area.x + 4) { // next legend row
          x = area.x + 4;
          y += line;
        }
        g.setColor(colours[k]);
        g.fillRect(x, y, 14, 14);
        g.setColor(Theme.AXIS);
        g.drawRect(x, y, 14, 14);
        g.setColor(Theme.TEXT);
        g.drawString(parts[k], x + 20, y + fm.getAscent() - 2);
        x += w;
      }
      g.setColor(Theme.MUTED_TEXT);
      drawWrappedUp(g, note, area.x + 4, area.y + area.height - 4, area.width - 8);
    });
  }

  /** Running requests per step, both schemes. */
  XyPlot batch(KvAllocation contiguous, KvAllocation paged) {
    XyPlot plot = XyPlot.titled(l.t("Batch size in the same memory", "同样显存下的批大小"))
        .axes(l.t("decoding step", "解码步"), l.t("running requests", "正在运行的请求数"));
    for (KvAllocation a : List.of(contiguous, paged)) {
      double[] x = new double[a.steps().size()];
      double[] y = new double[x.length];
      for (int t = 0; t < x.length; t++) {
        x[t] = t;
        y[t] = a.steps().get(t).running();
      }
      plot.curve(name(a.scheme()), x, y);
    }
    return plot;
  }

  /** Blocks for n parallel samples of one prompt, with and without sharing the prompt. */
  XyPlot sharing(int prompt, int output, int block, int maxSamples) {
    double[] n = new double[maxSamples];
    double[] without = new double[maxSamples];
    double[] with = new double[maxSamples];
    for (int i = 0; i < maxSamples; i++) {
      n[i] = i + 1;
      without[i] = CopyOnWrite.blocksWithoutSharing(i + 1, prompt, output, block);
      with[i] = CopyOnWrite.blocksWithSharing(i + 1, prompt, output, block);
    }
    return XyPlot.titled(l.t("Parallel sampling from one prompt", "同一提示的并行采样"))
        .axes(l.f("samples n (prompt %d tokens, %d generated each)",
            "样本数 n（提示 %d 个 token，每个样本生成 %d 个）", prompt, output),
            l.f("KV blocks of %d tokens", "KV 块数（每块 %d 个 token）", block))
        .line(l.t("own copy each", "各存一份"), n, without)
        .line(l.t("shared, copy-on-write", "共享，写时复制"), n, with);
  }

  /** Block tables of a few samples: shared prompt blocks, the copied partial block, own blocks. */
  DrawingPanel blockTables(int prompt, int output, int block, int samples) {
    int shared = prompt / block;
    int total = CopyOnWrite.ceilDiv(prompt + output, block);
    boolean partial = prompt % block != 0;
    String[] key = {l.f("shared prompt block (reference count %d)", "共享的提示块（引用计数 %d）",
        samples), l.t("partial prompt block, copied on first write", "不满的提示块，第一次写时复制"),
        l.t("the sample's own generated tokens", "样本自己生成的 token")};
    String rowLabel = l.t("sample", "样本");
    return DrawingPanel.titled(l.t("Block tables with copy-on-write", "写时复制的块表"),
        (g, area) -> {
          g.setFont(Theme.tickLabel());
          FontMetrics fm = g.getFontMetrics();
          int line = fm.getHeight();
          int labelWidth = fm.stringWidth(rowLabel + " 8") + 10;
          int keyHeight = 3 * (line + 4);
          int rows = samples;
          int rowHeight = Math.min(44, (area.height - keyHeight - 10) / rows);
          int cellHeight = Math.max(4, rowHeight - 8);
          // Square cells while the blocks fit; narrower (and without gaps below 6 px) otherwise.
          double cell = Math.min(cellHeight, (area.width - labelWidth - 10.0) / Math.max(1, total));
          int gap = cell >= 6 ? 2 : 0;
          Color[] colours = {Theme.category(0), Theme.category(1), Theme.category(2)};
          for (int r = 0; r < rows; r++) {
            int y = area.y + r * rowHeight;
            g.setColor(Theme.TEXT);
            g.drawString(rowLabel + " " + (r + 1), area.x, y + cellHeight / 2 + fm.getAscent() / 2);
            for (int b = 0; b < total; b++) {
              int kind = b < shared ? 0 : b == shared && partial ? 1 : 2;
              g.setColor(colours[kind]);
              int x0 = (int) Math.round(area.x + labelWidth + b * cell);
              int x1 = (int) Math.round(area.x + labelWidth + (b + 1) * cell);
              g.fillRect(x0, y, Math.max(1, x1 - x0 - gap), cellHeight);
            }
          }
          int ky = area.y + area.height - keyHeight + 4;
          for (int k = 0; k < 3; k++) {
            g.setColor(colours[k]);
            g.fillRect(area.x, ky + k * (line + 4), 16, line - 4);
            g.setColor(Theme.TEXT);
            g.drawString(key[k], area.x + 24, ky + k * (line + 4) + fm.getAscent() - 3);
          }
        });
  }
}
