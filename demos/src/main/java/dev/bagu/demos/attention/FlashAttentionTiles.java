package dev.bagu.demos.attention;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * The tiled pass as pictures: which block (i, j) of the (N, N) score matrix Algorithm 1 is on,
 * which blocks are done, and for every query row the share of its softmax sum seen so far,
 * ℓ e^{m} / (ℓ_final e^{m_final}), which climbs to 1 as the rows are rescaled block after block.
 */
final class FlashAttentionTiles {
  /** One recorded moment: the block just processed, its number, and each row's share seen. */
  record Snapshot(int step, int i, int j, double[] seen) {}

  private final int n;
  private final FlashAttention.Blocks blocks;
  private final boolean causal;
  private final int steps;
  private final List<Snapshot> snapshots = new ArrayList<>();
  private FlashAttention.Output output;

  private FlashAttentionTiles(int n, FlashAttention.Blocks blocks, boolean causal) {
    this.n = n;
    this.blocks = blocks;
    this.causal = causal;
    this.steps = countSteps(n, blocks, causal);
  }

  /** Blocks Algorithm 1 processes: T_r·T_c, less those wholly above the diagonal if causal. */
  static int countSteps(int n, FlashAttention.Blocks b, boolean causal) {
    int count = 0;
    for (int j0 = 0; j0 < n; j0 += b.cols()) {
      for (int i0 = 0; i0 < n; i0 += b.rows()) {
        count += causal && j0 > Math.min(n, i0 + b.rows()) - 1 ? 0 : 1;
      }
    }
    return count;
  }

  /**
   * Runs the tiled pass on Q, K, V, recording at most {@code maxFrames} evenly spaced blocks (the
   * first and the last always), plus the state after the middle key block for the still figure.
   */
  static FlashAttentionTiles record(double[][] q, double[][] k, double[][] v, boolean causal,
      int sram, int maxFrames) {
    return record(q, k, v, causal, sram, (t, s) -> t.keep(s, maxFrames));
  }

  /**
   * The tiled pass recording only what the still figure needs: the first block, the last one
   * of the middle key block (what {@link #middle} shows when every block is a frame) and the
   * last block. For a preview, where no animation is shown.
   */
  static FlashAttentionTiles recordStill(double[][] q, double[][] k, double[][] v,
      boolean causal, int sram) {
    return record(q, k, v, causal, sram,
        (t, s) -> s == 0 || s == t.middleStep() || s == t.steps - 1);
  }

  private interface Keep {
    boolean at(FlashAttentionTiles t, int step);
  }

  private static FlashAttentionTiles record(double[][] q, double[][] k, double[][] v,
      boolean causal, int sram, Keep keep) {
    FlashAttention.Blocks b = FlashAttention.Blocks.of(sram, q[0].length);
    FlashAttentionTiles t = new FlashAttentionTiles(q.length, b, causal);
    int[] step = {0};
    t.output = FlashAttention.attend(q, k, v, causal, sram, (i, j, bl, o, l, m) -> {
      int s = step[0]++;
      if (keep.at(t, s)) {
        double[] logMass = new double[l.length];
        for (int r = 0; r < l.length; r++) {
          logMass[r] = l[r] > 0 ? Math.log(l[r]) + m[r] : Double.NEGATIVE_INFINITY;
        }
        t.snapshots.add(new Snapshot(s, i, j, logMass));
      }
    });
    double[] last = t.snapshots.get(t.snapshots.size() - 1).seen().clone();
    for (Snapshot s : t.snapshots) {
      for (int r = 0; r < last.length; r++) {
        s.seen()[r] = Math.exp(s.seen()[r] - last[r]); // log-mass → share of the final sum
      }
    }
    return t;
  }

  /** Step s is a frame when it starts a new one of maxFrames equal slices of the steps. */
  private boolean keep(int s, int maxFrames) {
    if (steps <= maxFrames || s == 0) {
      return true;
    }
    long slices = maxFrames - 1;
    return s * slices / (steps - 1) != (s - 1) * slices / (steps - 1);
  }

  /** The tiled pass's own result, output and counts. */
  FlashAttention.Output output() {
    return output;
  }

  List<Snapshot> snapshots() {
    return snapshots;
  }

  int steps() {
    return steps;
  }

  /** T_c, the key blocks. */
  int keyBlocks() {
    return (n + blocks.cols() - 1) / blocks.cols();
  }

  /** T_r, the query blocks. */
  int queryBlocks() {
    return (n + blocks.rows() - 1) / blocks.rows();
  }

  /** The key block the still figure shows finished: the middle one (counting from 0). */
  private int middleKeyBlock() {
    return Math.max(0, keyBlocks() / 2 - 1);
  }

  /** The step that finishes the middle key block: the blocks of key blocks 0…middle, less 1. */
  private int middleStep() {
    int count = 0;
    for (int j0 = 0; j0 < n && j0 / blocks.cols() <= middleKeyBlock(); j0 += blocks.cols()) {
      for (int i0 = 0; i0 < n; i0 += blocks.rows()) {
        count += causal && j0 > Math.min(n, i0 + blocks.rows()) - 1 ? 0 : 1;
      }
    }
    return count - 1;
  }

  /** The snapshot nearest the end of the middle key block, for the still figure. */
  Snapshot middle() {
    int target = middleKeyBlock();
    Snapshot best = snapshots.get(0);
    for (Snapshot s : snapshots) {
      if (s.j() <= target) {
        best = s;
      }
    }
    return best;
  }

  private static final Color DONE = new Color(0x9E, 0xC9, 0xE2);
  private static final Color CURRENT = Theme.category(1);
  private static final Color SEEN = Theme.category(0);

  /** Left: the score matrix in tiles; right: each query row's share of its softmax sum seen. */
  DrawingPanel panel(String title, Snapshot s, Lang l) {
    return DrawingPanel.titled(title, (g, area) -> draw(g, area, s, l));
  }

  private void draw(Graphics2D g, Rectangle area, Snapshot s, Lang l) {
    int label = g.getFontMetrics().getHeight();
    int side = Math.max(10, Math.min(area.height - label - 4, (area.width - 3 * label) * 2 / 3));
    int x0 = area.x + label + 4;
    int y0 = area.y + label;
    double cell = (double) side / n;
    int tc = (n + blocks.cols() - 1) / blocks.cols();
    for (int j0 = 0, j = 0; j0 < n; j0 += blocks.cols(), j++) {
      for (int i0 = 0, i = 0; i0 < n; i0 += blocks.rows(), i++) {
        boolean skipped = causal && j0 > Math.min(n, i0 + blocks.rows()) - 1;
        boolean done = j < s.j() || j == s.j() && i <= s.i();
        if (skipped || !done) {
          continue;
        }
        g.setColor(j == s.j() && i == s.i() ? CURRENT : DONE);
        int bx = x0 + (int) Math.round(j0 * cell);
        int by = y0 + (int) Math.round(i0 * cell);
        g.fillRect(bx, by, x0 + (int) Math.round(Math.min(n, j0 + blocks.cols()) * cell) - bx,
            y0 + (int) Math.round(Math.min(n, i0 + blocks.rows()) * cell) - by);
      }
    }
    g.setColor(Theme.BACKGROUND); // block edges, while there are few enough to see
    if (tc <= 64 && (n + blocks.rows() - 1) / blocks.rows() <= 64) {
      for (int j0 = blocks.cols(); j0 < n; j0 += blocks.cols()) {
        int x = x0 + (int) Math.round(j0 * cell);
        g.drawLine(x, y0, x, y0 + side);
      }
      for (int i0 = blocks.rows(); i0 < n; i0 += blocks.rows()) {
        int y = y0 + (int) Math.round(i0 * cell);
        g.drawLine(x0, y, x0 + side, y);
      }
    }
    if (causal) { // the diagonal: keys to its right are masked
      g.setColor(Theme.MUTED_TEXT);
      g.drawLine(x0, y0, x0 + side, y0 + side);
    }
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.drawRect(x0, y0, side, side);
    g.setColor(Theme.TEXT);
    g.drawString(l.f("keys 0…%d  (%d blocks of B_c = %d)", "键 0…%d（%d 块，每块 B_c = %d）",
        n - 1, tc, blocks.cols()), x0, y0 - 4);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2, x0 - 6, y0 + side);
    rotated.drawString(l.f("queries (B_r = %d)", "查询（B_r = %d）", blocks.rows()), x0 - 6,
        y0 + side);
    rotated.dispose();
    // Right: one bar per query row, its length the share of the row's softmax sum seen so far.
    int bx = x0 + side + label + 4;
    int bw = Math.max(10, area.x + area.width - bx - 4);
    g.setColor(Theme.GRID);
    g.fillRect(bx, y0, bw, side);
    g.setColor(SEEN);
    for (int r = 0; r < n; r++) {
      int top = y0 + (int) Math.round(r * cell);
      int h = Math.max(1, y0 + (int) Math.round((r + 1) * cell) - top);
      g.fillRect(bx, top, (int) Math.round(bw * Math.min(1, s.seen()[r])), h);
    }
    // The rows just rescaled: a strip in the current block's colour left of their bars, not a
    // tint over them (a tint mixed the two colours into a third that the text did not name).
    int rowBlock = s.i() * blocks.rows();
    g.setColor(CURRENT);
    g.fillRect(bx - label / 2 - 3, y0 + (int) Math.round(rowBlock * cell), label / 2,
        Math.max(1, (int) Math.round(Math.min(blocks.rows(), n - rowBlock) * cell)));
    g.setColor(Theme.TEXT);
    g.drawString(l.t("softmax sum seen", "已累计的 softmax 和"), bx, y0 - 4);
  }
}
