package dev.bagu.plot;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A titled grid of panels, painted onto any {@link Graphics2D}: the same figure goes to PNG, SVG,
 * PDF, a GIF frame and the window. Panels fill the grid row by row.
 *
 * <pre>{@code
 * Figure fig = Figure.grid("Why attention divides by √d_k", 2, 2)
 *     .subtitle("d_k = 64, 64 keys, seed 0")
 *     .add(variancePanel).add(maxProbPanel).add(gradientPanel).add(examplePanel);
 * }</pre>
 */
public final class Figure {
  private static final int MARGIN = 16;
  private static final int GAP = 14;

  private final String title;
  private final int rows;
  private final int cols;
  private String subtitle = "";
  private String stamp = "";
  private Dimension preferredSize = new Dimension(1600, 1000);
  private final List<Panel> panels = new ArrayList<>();

  private Figure(String title, int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("grid needs at least one row and column: " + rows + "x"
          + cols);
    }
    this.title = Objects.requireNonNull(title, "title");
    this.rows = rows;
    this.cols = cols;
  }

  public static Figure grid(String title, int rows, int cols) {
    return new Figure(title, rows, cols);
  }

  /** A figure of one panel. */
  public static Figure single(String title, Panel panel) {
    return grid(title, 1, 1).add(panel);
  }

  /** A second line under the title: the parameters, say. */
  public Figure subtitle(String text) {
    this.subtitle = Objects.requireNonNull(text);
    return this;
  }

  /** A word in a badge in the top-right corner, over everything: the window's "preview". */
  public Figure stamp(String text) {
    this.stamp = Objects.requireNonNull(text);
    return this;
  }

  /** The corner stamp, "" for none. */
  public String stamp() {
    return stamp;
  }

  /** The size to render at when the user gives none, in logical pixels (96 DPI). */
  public Figure preferredSize(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("figure size too small: " + width + "x" + height);
    }
    this.preferredSize = new Dimension(width, height);
    return this;
  }

  public Figure add(Panel panel) {
    if (panels.size() == rows * cols) {
      throw new IllegalStateException("grid " + rows + "x" + cols + " is full");
    }
    panels.add(Objects.requireNonNull(panel));
    return this;
  }

  public String title() {
    return title;
  }

  public String subtitle() {
    return subtitle;
  }

  public Dimension preferredSize() {
    return new Dimension(preferredSize);
  }

  public List<Panel> panels() {
    return Collections.unmodifiableList(panels);
  }

  /**
   * The smallest box a figure is laid out in, in logical pixels. The theme's fonts are sized for a
   * figure about 1600 wide; laid out much smaller, titles and legends would not fit their panels.
   */
  public static final int MIN_LAYOUT_WIDTH = 1280;
  public static final int MIN_LAYOUT_HEIGHT = 800;

  /**
   * Paints the whole figure into a width × height box at the origin of {@code g}. A box smaller
   * than the minimum layout gets the figure laid out at the minimum and scaled down to fit, like
   * a picture, so a small window or {@code --size 800x500} shows the same layout, only smaller.
   */
  public void paint(Graphics2D g, int width, int height) {
    String family = Fonts.familyFor(texts());
    Theme.withFontFamily(family, () -> paintInFamily(g, width, height));
  }

  /** The title, subtitle and every panel's texts: what the font must be able to draw. */
  public List<String> texts() {
    List<String> all = new ArrayList<>();
    all.add(title);
    all.add(subtitle);
    if (!stamp.isEmpty()) {
      all.add(stamp);
    }
    for (Panel p : panels) {
      all.addAll(p.texts());
    }
    return all;
  }

  private void paintInFamily(Graphics2D g, int width, int height) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      double scale = Math.min(1, Math.min((double) width / MIN_LAYOUT_WIDTH,
          (double) height / MIN_LAYOUT_HEIGHT));
      if (scale < 1) {
        g2.scale(scale, scale);
        width = (int) Math.round(width / scale);
        height = (int) Math.round(height / scale);
      }
      Theme.applyHints(g2);
      g2.setColor(Theme.BACKGROUND);
      g2.fillRect(0, 0, width, height);
      int top = MARGIN + paintHeader(g2, width);
      if (!stamp.isEmpty()) {
        Stamp.paint(g2, stamp, width, MARGIN); // in the header's margin: no panel covers it
      }
      int cellW = (width - 2 * MARGIN - (cols - 1) * GAP) / cols;
      int cellH = (height - top - MARGIN - (rows - 1) * GAP) / rows;
      if (cellW < 10 || cellH < 10) {
        return; // too small to draw anything readable; the header alone is shown
      }
      // Each panel paints inside its own cell, so into an image they may paint at once.
      String family = Theme.fontFamily();
      boolean parallel = PanelPainting.parallelFor(g2);
      List<Runnable> cells = new ArrayList<>();
      for (int i = 0; i < panels.size(); i++) {
        int x = MARGIN + (i % cols) * (cellW + GAP);
        int y = top + (i / cols) * (cellH + GAP);
        Panel panel = panels.get(i);
        int w = cellW;
        int h = cellH;
        Supplier<Graphics2D> newCell = () -> {
          Graphics2D cell = (Graphics2D) g2.create(x, y, w, h);
          Theme.applyHints(cell);
          return cell;
        };
        // At once: every cell made here, on this thread. One after another: each made just
        // before it paints and disposed after, as PDF's writer needs (it nests them in its
        // stream: cells made ahead left every panel of a PDF clipped away).
        Graphics2D early = parallel ? newCell.get() : null;
        cells.add(() -> {
          Graphics2D cell = early != null ? early : newCell.get();
          try {
            Theme.withFontFamily(family, () -> panel.paint(cell, w, h));
          } finally {
            cell.dispose();
          }
        });
      }
      ForkAll.run(cells, parallel);
    } finally {
      g2.dispose();
    }
  }

  /** Draws title and subtitle centred; returns the height used. */
  private int paintHeader(Graphics2D g, int width) {
    int y = MARGIN;
    g.setColor(Theme.TEXT);
    // A stamped figure's title, centred, keeps clear of the badge in the top-right corner.
    double titleWidth = stamp.isEmpty() ? width - 2 * MARGIN
        : width - 2 * (Stamp.reach(g, stamp, MARGIN) + 8);
    y = Text.drawTitle(g, Theme.figureTitle(), title, width / 2.0, y, titleWidth);
    if (!subtitle.isEmpty()) {
      g.setColor(Theme.MUTED_TEXT);
      y = Text.drawTitle(g, Theme.figureSubtitle(), subtitle, width / 2.0, y + 4,
          width - 2 * MARGIN);
    }
    return y;
  }
}
