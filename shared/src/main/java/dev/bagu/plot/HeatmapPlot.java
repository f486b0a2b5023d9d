package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A matrix as coloured cells, with row and column labels, a colour bar, and optionally each cell's
 * value written in it (in black or white, whichever reads on that cell; left out when the cells
 * are too small for the text). Row 0 is drawn at the top, as matrices are written.
 *
 * <pre>{@code
 * HeatmapPlot.titled("softmax(QKᵀ/√d_k)").matrix(weights).rowLabels(tokens).columnLabels(tokens)
 *     .axes("key", "query").cellFormat("%.2f").colourBarLabel("weight")
 * }</pre>
 */
public final class HeatmapPlot implements Panel {
  private final String title;
  private double[][] matrix = new double[0][0];
  private List<String> rowLabels = List.of();
  private List<String> columnLabels = List.of();
  private String xLabel = "";
  private String yLabel = "";
  private String colourBarLabel = "";
  private String cellFormat;
  private ColorScale scale = ColorScale.VIRIDIS;
  private Double lo;
  private Double hi;

  private HeatmapPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static HeatmapPlot titled(String title) {
    return new HeatmapPlot(title);
  }

  /** The values, matrix[row][column]; rows must be equally long. */
  public HeatmapPlot matrix(double[][] values) {
    int cols = values.length == 0 ? 0 : values[0].length;
    double[][] copy = new double[values.length][];
    for (int r = 0; r < values.length; r++) {
      if (values[r].length != cols) {
        throw new IllegalArgumentException("row " + r + " has " + values[r].length
            + " values, row 0 has " + cols);
      }
      copy[r] = values[r].clone();
    }
    this.matrix = copy;
    return this;
  }

  public HeatmapPlot rowLabels(List<String> labels) {
    this.rowLabels = List.copyOf(labels);
    return this;
  }

  public HeatmapPlot columnLabels(List<String> labels) {
    this.columnLabels = List.copyOf(labels);
    return this;
  }

  public HeatmapPlot axes(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  public HeatmapPlot colourBarLabel(String label) {
    this.colourBarLabel = label;
    return this;
  }

  /** Writes each value in its cell with this format ("%.2f"). */
  public HeatmapPlot cellFormat(String format) {
    String.format(Locale.US, format, 1.0); // fail now, not at paint time, on a bad format
    this.cellFormat = format;
    return this;
  }

  /** The diverging scale, symmetric around 0 unless a range is given. */
  public HeatmapPlot diverging() {
    this.scale = ColorScale.DIVERGING;
    return this;
  }

  /** Fixes the values mapped to the two ends of the colour scale. */
  public HeatmapPlot range(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("colour range needs min < max: " + min + ", " + max);
    }
    this.lo = min;
    this.hi = max;
    return this;
  }

  private double[] valueRange() {
    if (lo != null) {
      return new double[] {lo, hi};
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] row : matrix) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    if (!Double.isFinite(min)) {
      return new double[] {0, 1};
    }
    if (scale == ColorScale.DIVERGING) {
      double m = Math.max(Math.abs(min), Math.abs(max));
      return m == 0 ? new double[] {-1, 1} : new double[] {-m, m};
    }
    return min == max ? new double[] {min - 0.5, max + 0.5} : new double[] {min, max};
  }

  @Override
  public List<String> texts() {
    List<String> t = new java.util.ArrayList<>(List.of(title, xLabel, yLabel, colourBarLabel));
    t.addAll(rowLabels);
    t.addAll(columnLabels);
    return t;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    int rows = matrix.length;
    int cols = rows == 0 ? 0 : matrix[0].length;
    double[] range = valueRange();

    g.setColor(Theme.TEXT);
    int top = Text.drawTitle(g, Theme.panelTitle(), title, width / 2.0, 8, width - 8) + 10;

    g.setFont(Theme.tickLabel());
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight();
    double rowLabelW = 0;
    for (String s : rowLabels) {
      rowLabelW = Math.max(rowLabelW, Text.width(g, s));
    }
    double colLabelW = 0;
    for (String s : columnLabels) {
      colLabelW = Math.max(colLabelW, Text.width(g, s));
    }
    int yTitleW = yLabel.isEmpty() ? 0 : lineH + 6;
    int left = 6 + yTitleW + (int) Math.ceil(rowLabelW) + (rowLabels.isEmpty() ? 0 : 8);
    int barW = 22;
    String[] barTicks = tickLabels(range);
    double tickW = 0;
    for (String s : barTicks) {
      tickW = Math.max(tickW, Text.width(g, s));
    }
    int right = 14 + barW + 6 + (int) Math.ceil(tickW) + (colourBarLabel.isEmpty() ? 0 : lineH + 6)
        + 6;
    int plotW = Math.max(10, width - left - right);
    double cellW = cols == 0 ? 0 : (double) plotW / cols;
    boolean rotateCols = colLabelW + 6 > cellW;
    int colLabelH = columnLabels.isEmpty() ? 0
        : (rotateCols ? (int) Math.ceil(Math.min(colLabelW, 140)) : lineH) + 8;
    int xTitleH = xLabel.isEmpty() ? 0 : lineH + 6;
    int plotH = Math.max(10, height - top - colLabelH - xTitleH - 6);
    double cellH = rows == 0 ? 0 : (double) plotH / rows;

    // Cells, with values where they fit.
    g.setFont(Theme.cellText());
    FontMetrics cellFm = g.getFontMetrics();
    boolean writeValues = cellFormat != null && cellH >= cellFm.getAscent() + 4;
    PixelGrid pixels = PixelGrid.of(g);
    for (int r = 0; r < rows; r++) {
      Color[] fills = new Color[cols];
      for (int c = 0; c < cols; c++) {
        fills[c] = scale.at((matrix[r][c] - range[0]) / (range[1] - range[0]));
      }
      // A run of equal colours is one rectangle: a masked half or a sparse pattern of thousands
      // of cells stays a few shapes in SVG and PDF (sparse-attention's went from 10 MB to 1).
      // Edges on whole device pixels, each rectangle half a pixel longer, under the next one: at
      // fractional edges two anti-aliased neighbours left the background showing through as a
      // light line between rows of a uniform heatmap.
      double y0 = pixels.y(top + r * cellH);
      double y1 = pixels.y(top + (r + 1) * cellH);
      for (int c = 0; c < cols; ) {
        int end = c + 1;
        while (end < cols && fills[end].equals(fills[c])) {
          end++;
        }
        double x0 = pixels.x(left + c * cellW);
        double x1 = pixels.x(left + end * cellW);
        g.setColor(fills[c]);
        g.fill(new Rectangle2D.Double(x0, y0, x1 - x0 + 0.5, y1 - y0 + 0.5));
        c = end;
      }
      for (int c = 0; c < cols; c++) {
        double v = matrix[r][c];
        Color fill = fills[c];
        double x = left + c * cellW;
        double y = top + r * cellH;
        if (writeValues) {
          String text = Double.isNaN(v) ? "—"
              : Numbers.unsignedZero(String.format(Locale.US, cellFormat, v));
          if (Text.width(g, text) + 4 <= cellW) {
            g.setColor(ColorScale.textOn(fill));
            Text.drawCentered(g, text, x + cellW / 2,
                y + cellH / 2 + (cellFm.getAscent() - cellFm.getDescent()) / 2.0);
          }
        }
      }
    }
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1f));
    double frameX = pixels.x(left);
    double frameY = pixels.y(top);
    g.draw(new Rectangle2D.Double(frameX, frameY, pixels.x(left + cols * cellW) - frameX,
        pixels.y(top + rows * cellH) - frameY));

    // Row labels (every k-th when rows are too thin for all of them).
    g.setFont(Theme.tickLabel());
    g.setColor(Theme.TEXT);
    int rowStep = Math.max(1, (int) Math.ceil(lineH / Math.max(cellH, 1e-9)));
    for (int r = 0; r < Math.min(rows, rowLabels.size()); r += rowStep) {
      double baseline = top + (r + 0.5) * cellH + (fm.getAscent() - fm.getDescent()) / 2.0;
      Text.drawRight(g, rowLabels.get(r), left - 8, baseline);
    }
    // Column labels, rotated when they do not fit across a cell.
    double needed = rotateCols ? lineH : colLabelW + 6;
    int colStep = Math.max(1, (int) Math.ceil(needed / Math.max(cellW, 1e-9)));
    int labelTop = top + plotH + 6;
    for (int c = 0; c < Math.min(cols, columnLabels.size()); c += colStep) {
      double cx = left + (c + 0.5) * cellW;
      String s = columnLabels.get(c);
      if (rotateCols) {
        String fitted = Text.fit(g, s, 140);
        double w = Text.width(g, fitted);
        Text.drawVertical(g, fitted, cx, labelTop + w / 2);
      } else {
        Text.drawCentered(g, s, cx, labelTop + fm.getAscent());
      }
    }
    g.setFont(Theme.axisTitle());
    if (!xLabel.isEmpty()) {
      Text.drawCentered(g, xLabel, left + plotW / 2.0,
          labelTop + colLabelH + g.getFontMetrics().getAscent() - 4);
    }
    if (!yLabel.isEmpty()) {
      Text.drawVertical(g, yLabel, 6 + lineH / 2.0, top + plotH / 2.0);
    }
    paintColourBar(g, left + plotW + 14, top, barW, plotH, range, barTicks);
  }

  private void paintColourBar(Graphics2D g, int x, int y, int w, int h, double[] range,
      String[] ignored) {
    if (ImageTarget.is(g) || h < 2) { // a rectangle per pixel row, each exactly its colour
      for (int i = 0; i < h; i++) {
        g.setColor(scale.at(1 - (double) i / Math.max(1, h - 1)));
        g.fillRect(x, y + i, w, 1);
      }
    } else { // SVG, PDF: one rectangle with the same scale as a gradient, from row centre to row
      // centre (h rectangles were most of a heatmap figure's SVG, and stair-stepped when zoomed)
      Paint saved = g.getPaint();
      g.setPaint(scale.gradient(x, y + h - 0.5f, x, y + 0.5f));
      g.fillRect(x, y, w, h);
      g.setPaint(saved);
    }
    g.setColor(Theme.AXIS);
    g.drawRect(x, y, w, h);
    g.setFont(Theme.tickLabel());
    FontMetrics fm = g.getFontMetrics();
    double[] values = colourBarTicks(range);
    String[] labels = Ticks.labels(values);
    double tickW = 0;
    for (int i = 0; i < values.length; i++) {
      double share = range[1] > range[0] ? (values[i] - range[0]) / (range[1] - range[0]) : 0.5;
      double ty = y + h - share * h;
      g.setColor(Theme.AXIS);
      g.drawLine(x + w, (int) ty, x + w + 4, (int) ty);
      g.setColor(Theme.TEXT);
      g.drawString(labels[i], x + w + 6, (float) (ty + (fm.getAscent() - fm.getDescent()) / 2.0));
      tickW = Math.max(tickW, Text.width(g, labels[i]));
    }
    if (!colourBarLabel.isEmpty()) {
      g.setFont(Theme.axisTitle());
      Text.drawVertical(g, colourBarLabel, x + w + 6 + tickW + 6 + fm.getHeight() / 2.0,
          y + h / 2.0);
    }
  }

  /** Round values on the colour bar, about five, at their true place on it. */
  static double[] colourBarTicks(double[] range) {
    return Ticks.nice(range[0], range[1], 4);
  }

  /** The colour bar's labels, as wide as they will be drawn (for the layout). */
  private static String[] tickLabels(double[] range) {
    return Ticks.labels(colourBarTicks(range));
  }
}
