package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Boxes drawn over an image's coordinate frame: rectangles in data coordinates with axes, y
 * pointing down as in images (0 at the top), one scale for both axes so boxes keep their shape.
 * A box's colour says its category (class, method); its strength in [0, 1] (a score) sets its
 * opacity and line width, so a rescored box fades. Dashed boxes are ground truth. The legend is
 * a row above the plot, never over the data.
 *
 * <pre>{@code
 * BoxPlot.titled("Greedy NMS: 11 kept").axes("x (px)", "y (px)").range(0, 640, 0, 400)
 *     .dashedBox(10, 20, 60, 140, Theme.REFERENCE)
 *     .box(12, 18, 63, 139, Theme.category(0), 0.9)
 *     .legend("kept box", Theme.category(0), false).legend("ground truth", Theme.REFERENCE, true)
 * }</pre>
 */
public final class BoxPlot implements Panel {
  private enum Style { SOLID, DASHED, HIGHLIGHT }

  private record Item(double x1, double y1, double x2, double y2, Color colour, double strength,
      Style style) {}

  private record Label(double x, double y, String text, Color colour) {}

  private record Key(String name, Color colour, boolean dashed) {}

  private final String title;
  private String xLabel = "";
  private String yLabel = "";
  private double xMin = 0;
  private double xMax = 1;
  private double yMin = 0;
  private double yMax = 1;
  private final List<Item> items = new ArrayList<>();
  private final List<Label> labels = new ArrayList<>();
  private final List<Key> keys = new ArrayList<>();

  private BoxPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static BoxPlot titled(String title) {
    return new BoxPlot(title);
  }

  public BoxPlot axes(String xLabel, String yLabel) {
    this.xLabel = Objects.requireNonNull(xLabel);
    this.yLabel = Objects.requireNonNull(yLabel);
    return this;
  }

  /** The data window shown: x from xMin to xMax, y from yMin (top) to yMax (bottom). */
  public BoxPlot range(double xMin, double xMax, double yMin, double yMax) {
    if (!(xMax > xMin && yMax > yMin) || !Double.isFinite(xMax - xMin)
        || !Double.isFinite(yMax - yMin)) {
      throw new IllegalArgumentException("empty or infinite range");
    }
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
    return this;
  }

  /** A box; strength in [0, 1] (1: opaque and thick; near 0: faint and thin). */
  public BoxPlot box(double x1, double y1, double x2, double y2, Color colour, double strength) {
    double s = Math.max(0, Math.min(1, strength));
    items.add(new Item(x1, y1, x2, y2, Objects.requireNonNull(colour), s, Style.SOLID));
    return this;
  }

  /** A dashed outline: ground truth, or a box that was removed. */
  public BoxPlot dashedBox(double x1, double y1, double x2, double y2, Color colour) {
    items.add(new Item(x1, y1, x2, y2, Objects.requireNonNull(colour), 1, Style.DASHED));
    return this;
  }

  /** A thick outline drawing the eye (the box just picked, in a step-by-step view). */
  public BoxPlot highlight(double x1, double y1, double x2, double y2, Color colour) {
    items.add(new Item(x1, y1, x2, y2, Objects.requireNonNull(colour), 1, Style.HIGHLIGHT));
    return this;
  }

  /** Small text on a white card at a data point (left end, baseline), an IoU beside a box. */
  public BoxPlot label(double x, double y, String text, Color colour) {
    labels.add(new Label(x, y, Objects.requireNonNull(text), Objects.requireNonNull(colour)));
    return this;
  }

  /** An entry of the legend row above the plot. */
  public BoxPlot legend(String name, Color colour, boolean dashed) {
    keys.add(new Key(Objects.requireNonNull(name), Objects.requireNonNull(colour), dashed));
    return this;
  }

  @Override
  public List<String> texts() {
    List<String> t = new ArrayList<>(List.of(title, xLabel, yLabel));
    labels.forEach(l -> t.add(l.text()));
    keys.forEach(k -> t.add(k.name()));
    return t;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    DrawingPanel.titled(title, this::body).paint(g, width, height);
  }

  private void body(Graphics2D g, Rectangle area) {
    g.setFont(Theme.legend());
    int legendH = keys.isEmpty() ? 0 : g.getFontMetrics().getHeight() + 6;
    if (!keys.isEmpty() && rowWidth(g) <= area.width) {
      drawLegend(g, area.x, area.y + g.getFontMetrics().getAscent(), area.width);
    } else if (!keys.isEmpty()) {
      // Too long for one row: measured rows that wrap, as under the chart panels.
      List<Legend.Entry> entries = new ArrayList<>();
      for (Key k : keys) {
        entries.add(new Legend.Entry(k.name, k.dashed ? Legend.Sample.DASHED_OUTLINE
            : Legend.Sample.OUTLINE, k.colour));
      }
      Legend.Layout layout = Legend.layout(g, entries, area.width);
      Graphics2D shifted = (Graphics2D) g.create();
      try {
        shifted.translate(area.x, 0);
        Legend.paint(shifted, layout, area.y - Legend.PAD);
      } finally {
        shifted.dispose();
      }
      legendH = layout.height() - Legend.PAD;
    }
    g.setFont(Theme.tickLabel());
    FontMetrics fm = g.getFontMetrics();
    int left = (int) Math.ceil(Text.width(g, Numbers.readable(-yMax)) + fm.getHeight() + 14);
    int bottom = 2 * fm.getHeight() + 8;
    double availW = area.width - left - 8;
    double availH = area.height - legendH - bottom - 4;
    if (availW < 20 || availH < 20) {
      return;
    }
    double scale = Math.min(availW / (xMax - xMin), availH / (yMax - yMin)); // px per unit
    double plotW = scale * (xMax - xMin);
    double plotH = scale * (yMax - yMin);
    double ox = area.x + left + (availW - plotW) / 2;
    double oy = area.y + legendH + 4 + (availH - plotH) / 2;
    Rectangle2D frame = new Rectangle2D.Double(ox, oy, plotW, plotH);
    drawAxes(g, frame, scale);

    Graphics2D clip = (Graphics2D) g.create();
    try {
      clip.clip(frame);
      List<Item> drawOrder = new ArrayList<>(items);
      // Dashed truth at the back, then boxes faint to strong, highlights on top.
      drawOrder.sort(Comparator.comparingInt((Item it) -> it.style == Style.DASHED ? 0
          : it.style == Style.SOLID ? 1 : 2).thenComparingDouble(it -> it.strength));
      for (Item it : drawOrder) {
        Rectangle2D r = new Rectangle2D.Double(ox + (it.x1 - xMin) * scale,
            oy + (it.y1 - yMin) * scale, (it.x2 - it.x1) * scale, (it.y2 - it.y1) * scale);
        switch (it.style) {
          case DASHED -> {
            clip.setColor(it.colour);
            clip.setStroke(Theme.DASHED);
          }
          case HIGHLIGHT -> {
            clip.setColor(it.colour);
            clip.setStroke(new BasicStroke(5f));
          }
          default -> {
            clip.setColor(Theme.withAlpha(it.colour, 0.15 + 0.85 * it.strength));
            clip.setStroke(new BasicStroke((float) (0.8 + 2.6 * it.strength)));
          }
        }
        clip.draw(r);
      }
      clip.setFont(Theme.tickLabel());
      FontMetrics lm = clip.getFontMetrics();
      for (Label l : labels) {
        // On a white card, so the text reads over the boxes under it.
        float lx = (float) (ox + (l.x - xMin) * scale);
        float ly = (float) (oy + (l.y - yMin) * scale);
        clip.setColor(Theme.withAlpha(Theme.BACKGROUND, 0.85));
        clip.fill(new Rectangle2D.Double(lx - 2, ly - lm.getAscent(), Text.width(clip, l.text)
            + 4, lm.getAscent() + lm.getDescent()));
        clip.setColor(l.colour);
        clip.drawString(l.text, lx, ly);
      }
    } finally {
      clip.dispose();
    }
  }

  private void drawAxes(Graphics2D g, Rectangle2D f, double scale) {
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(f);
    double xStep = step((xMax - xMin) / Math.max(2, f.getWidth() / 90));
    for (double v = Math.ceil(xMin / xStep) * xStep; v <= xMax + 1e-9; v += xStep) {
      double px = f.getX() + (v - xMin) * scale;
      g.setColor(Theme.AXIS);
      g.drawLine((int) px, (int) f.getMaxY(), (int) px, (int) f.getMaxY() + 5);
      g.setColor(Theme.TEXT);
      Text.drawCentered(g, Numbers.readable(v), px, f.getMaxY() + 6 + fm.getAscent());
    }
    double yStep = step((yMax - yMin) / Math.max(2, f.getHeight() / 60));
    for (double v = Math.ceil(yMin / yStep) * yStep; v <= yMax + 1e-9; v += yStep) {
      double py = f.getY() + (v - yMin) * scale;
      g.setColor(Theme.AXIS);
      g.drawLine((int) f.getX() - 5, (int) py, (int) f.getX(), (int) py);
      g.setColor(Theme.TEXT);
      Text.drawRight(g, Numbers.readable(v), f.getX() - 7, py + fm.getAscent() / 2.0 - 2);
    }
    g.setFont(Theme.axisTitle());
    g.setColor(Theme.TEXT);
    FontMetrics afm = g.getFontMetrics();
    Text.drawCentered(g, xLabel, f.getCenterX(),
        f.getMaxY() + 8 + fm.getHeight() + afm.getAscent());
    double yTickW = Text.width(g, Numbers.readable(-yMax));
    Text.drawVertical(g, yLabel, f.getX() - 10 - yTickW - afm.getHeight() / 2.0,
        f.getCenterY());
    g.setFont(Theme.tickLabel());
  }

  /** The width of the one-row legend {@link #drawLegend} draws, in the legend font. */
  private double rowWidth(Graphics2D g) {
    double total = 0;
    for (Key k : keys) {
      total += 34 + Text.width(g, k.name) + 18;
    }
    return total - 18;
  }

  /** Legend entries left to right: a short solid or dashed rectangle, then the name. */
  private void drawLegend(Graphics2D g, int x, int baseline, int width) {
    FontMetrics fm = g.getFontMetrics();
    double total = 0;
    for (Key k : keys) {
      total += 34 + Text.width(g, k.name) + 18;
    }
    double cx = x + Math.max(0, (width - total) / 2);
    for (Key k : keys) {
      Stroke stroke = k.dashed ? Theme.DASHED : new BasicStroke(3f);
      g.setStroke(stroke);
      g.setColor(k.colour);
      g.draw(new Rectangle2D.Double(cx, baseline - fm.getAscent() + 3, 26, fm.getAscent() - 4));
      g.setColor(Theme.TEXT);
      g.drawString(k.name, (float) (cx + 34), (float) baseline);
      cx += 34 + Text.width(g, k.name) + 18;
    }
  }

  private static double step(double rough) {
    double p = Math.pow(10, Math.floor(Math.log10(rough)));
    double m = rough / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }
}
