package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A function of two variables drawn as contour lines (marching squares on a grid), optionally over
 * banded colour, with paths and points on top: optimiser trajectories over a loss surface, an SVM
 * decision function with its boundary and margins. XChart has no contour chart; this draws one in
 * the house style, the legend to the right of the plot so it never covers data.
 *
 * <pre>{@code
 * ContourPlot.titled("Rosenbrock").axes("x", "y")
 *     .field(-2, 2, -1, 3, z).levels(levels)          // z[j][i] at (x_i, y_j), j = 0 at yMin
 *     .path("Adam", xs, ys, Theme.category(0)).marker("minimum", 1, 1, Color.BLACK)
 * }</pre>
 */
public final class ContourPlot implements Panel {
  private enum Kind { PATH, DASHED_PATH, POINTS, RINGS, MARKER }

  private record Overlay(String name, Kind kind, double[] x, double[] y, Color colour,
      boolean inLegend) {}

  /** A bold contour of the plot's field (other == null) or of another field on the same grid. */
  private record Level(String name, double value, Color colour, boolean dashed, double[][] other) {}

  private final String title;
  private String xLabel = "";
  private String yLabel = "";
  private double xMin;
  private double xMax = 1;
  private double yMin;
  private double yMax = 1;
  private double[][] z = new double[0][0];
  private double[] levels = new double[0];
  private ColorScale fillScale;
  private double fillLo;
  private double fillHi;
  private int fillBands;
  private double fillAlpha;
  private final List<Level> highlighted = new ArrayList<>();
  private final List<Overlay> overlays = new ArrayList<>();

  private ContourPlot(String title) {
    this.title = Objects.requireNonNull(title);
  }

  public static ContourPlot titled(String title) {
    return new ContourPlot(title);
  }

  public ContourPlot axes(String xLabel, String yLabel) {
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    return this;
  }

  /**
   * The function on a regular grid over [xMin, xMax] × [yMin, yMax]: z[j][i] is its value at
   * x_i = xMin + i·(xMax − xMin)/(nx − 1), y_j likewise (row 0 at the bottom, yMin).
   */
  public ContourPlot field(double xMin, double xMax, double yMin, double yMax, double[][] z) {
    if (!(xMin < xMax) || !(yMin < yMax)) {
      throw new IllegalArgumentException("empty range: x " + xMin + ".." + xMax + ", y " + yMin
          + ".." + yMax);
    }
    if (z.length < 2 || z[0].length < 2) {
      throw new IllegalArgumentException("a grid needs at least 2 × 2 values");
    }
    double[][] copy = new double[z.length][];
    for (int j = 0; j < z.length; j++) {
      if (z[j].length != z[0].length) {
        throw new IllegalArgumentException("row " + j + " has " + z[j].length + " values");
      }
      copy[j] = z[j].clone();
    }
    this.xMin = xMin;
    this.xMax = xMax;
    this.yMin = yMin;
    this.yMax = yMax;
    this.z = copy;
    return this;
  }

  /** Thin grey contour lines at these values. */
  public ContourPlot levels(double... values) {
    this.levels = values.clone();
    return this;
  }

  /**
   * Colours the plot behind the lines: the value mapped through {@code scale} from lo to hi, in
   * {@code bands} flat bands (filled contours), at the given opacity.
   */
  public ContourPlot fill(ColorScale scale, double lo, double hi, int bands, double alpha) {
    if (!(lo < hi) || bands < 2 || !(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("fill needs lo < hi, bands ≥ 2, alpha in (0, 1]");
    }
    this.fillScale = scale;
    this.fillLo = lo;
    this.fillHi = hi;
    this.fillBands = bands;
    this.fillAlpha = alpha;
    return this;
  }

  /**
   * One contour drawn bold, with a legend entry (an SVM's boundary f = 0, its margins); an empty
   * name leaves it out of the legend.
   */
  public ContourPlot contour(String name, double value, Color colour, boolean dashed) {
    highlighted.add(new Level(name, value, colour, dashed, null));
    return this;
  }

  /**
   * One contour of another function sampled on the same grid as {@link #field}, drawn bold with a
   * legend entry: several decision boundaries (one per γ, say) over one set of points.
   */
  public ContourPlot contourOf(String name, double[][] other, double value, Color colour,
      boolean dashed) {
    if (other.length != z.length || other[0].length != z[0].length) {
      throw new IllegalArgumentException(name + ": grid " + other.length + " × "
          + other[0].length + " differs from the field's " + z.length + " × " + z[0].length);
    }
    double[][] copy = new double[other.length][];
    for (int j = 0; j < other.length; j++) {
      copy[j] = other[j].clone();
    }
    highlighted.add(new Level(name, value, colour, dashed, copy));
    return this;
  }

  /** A polyline (a trajectory), with a small dot at each point when there are few. */
  public ContourPlot path(String name, double[] x, double[] y, Color colour) {
    return add(name, Kind.PATH, x, y, colour);
  }

  /** A dashed polyline. */
  public ContourPlot dashedPath(String name, double[] x, double[] y, Color colour) {
    return add(name, Kind.DASHED_PATH, x, y, colour);
  }

  /** Filled round markers. */
  public ContourPlot points(String name, double[] x, double[] y, Color colour) {
    return add(name, Kind.POINTS, x, y, colour);
  }

  /** Large open circles around points (support vectors). */
  public ContourPlot rings(String name, double[] x, double[] y, Color colour) {
    return add(name, Kind.RINGS, x, y, colour);
  }

  /** A large diamond at one point (a start, a minimum). */
  public ContourPlot marker(String name, double x, double y, Color colour) {
    return add(name, Kind.MARKER, new double[] {x}, new double[] {y}, colour);
  }

  /** Leaves the last overlay out of the legend. */
  public ContourPlot notInLegend() {
    Overlay o = overlays.remove(overlays.size() - 1);
    overlays.add(new Overlay(o.name, o.kind, o.x, o.y, o.colour, false));
    return this;
  }

  private ContourPlot add(String name, Kind kind, double[] x, double[] y, Color colour) {
    if (x.length != y.length) {
      throw new IllegalArgumentException(name + ": x has " + x.length + " values, y has "
          + y.length);
    }
    overlays.add(new Overlay(name, kind, x.clone(), y.clone(), colour, true));
    return this;
  }

  @Override
  public List<String> texts() {
    List<String> t = new ArrayList<>(List.of(title, xLabel, yLabel));
    highlighted.forEach(l -> t.add(l.name));
    overlays.forEach(o -> t.add(o.name));
    return t;
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setColor(Theme.BACKGROUND);
    g.fillRect(0, 0, width, height);
    g.setColor(Theme.TEXT);
    int top = Text.drawTitle(g, Theme.panelTitle(), title, width / 2.0, 8, width - 8) + 12;

    g.setFont(Theme.tickLabel());
    FontMetrics fm = g.getFontMetrics();
    double[] xTicks = ticks(xMin, xMax);
    double[] yTicks = ticks(yMin, yMax);
    double yTickW = 0;
    for (double v : yTicks) {
      yTickW = Math.max(yTickW, Text.width(g, label(v, yTicks)));
    }
    int left = 8 + (yLabel.isEmpty() ? 0 : fm.getHeight() + 8) + (int) Math.ceil(yTickW) + 8;
    int legendW = legendWidth(g);
    int right = width - 10 - legendW;
    int bottom = height - 8 - fm.getHeight() - (xLabel.isEmpty() ? 0 : fm.getHeight() + 10);
    if (right - left < 20 || bottom - top < 20) {
      return;
    }
    Rectangle2D plot = new Rectangle2D.Double(left, top, right - left, bottom - top);

    Shape savedClip = g.getClip();
    g.clip(plot);
    paintFill(g, plot);
    paintLevels(g, plot);
    paintOverlays(g, plot);
    g.setClip(savedClip);

    paintAxes(g, plot, xTicks, yTicks, fm);
    paintLegend(g, right + 14, top);
  }

  private double px(Rectangle2D p, double x) {
    return p.getX() + (x - xMin) / (xMax - xMin) * p.getWidth();
  }

  private double py(Rectangle2D p, double y) {
    return p.getMaxY() - (y - yMin) / (yMax - yMin) * p.getHeight();
  }

  /** Banded colour, one rectangle per run of equal band along each grid row (few shapes in SVG). */
  private void paintFill(Graphics2D g, Rectangle2D p) {
    if (fillScale == null) {
      return;
    }
    int ny = z.length;
    int nx = z[0].length;
    double cw = p.getWidth() / (nx - 1);
    double ch = p.getHeight() / (ny - 1);
    for (int j = 0; j < ny; j++) {
      int runStart = 0;
      for (int i = 1; i <= nx; i++) {
        if (i < nx && band(z[j][i]) == band(z[j][runStart])) {
          continue;
        }
        int b = band(z[j][runStart]);
        Color c = fillScale.at((b + 0.5) / fillBands);
        g.setColor(overWhite(c, fillAlpha)); // opaque: overlapping run edges show no seams
        double x0 = p.getX() + (runStart - 0.5) * cw;
        double y0 = p.getMaxY() - (j + 0.5) * ch;
        g.fill(new Rectangle2D.Double(x0, y0, (i - runStart) * cw + 0.5, ch + 0.5));
        runStart = i;
      }
    }
  }

  /** The colour c at opacity alpha over white, as one opaque colour. */
  private static Color overWhite(Color c, double alpha) {
    return new Color((int) Math.round(255 - alpha * (255 - c.getRed())),
        (int) Math.round(255 - alpha * (255 - c.getGreen())),
        (int) Math.round(255 - alpha * (255 - c.getBlue())));
  }

  private int band(double v) {
    if (Double.isNaN(v)) {
      return 0;
    }
    int b = (int) Math.floor((v - fillLo) / (fillHi - fillLo) * fillBands);
    return Math.max(0, Math.min(fillBands - 1, b));
  }

  private void paintLevels(Graphics2D g, Rectangle2D p) {
    g.setStroke(new BasicStroke(1.1f));
    g.setColor(new Color(0x9A, 0x9A, 0x9A));
    for (double level : levels) {
      g.draw(contourPath(p, z, level));
    }
    for (Level l : highlighted) {
      g.setColor(l.colour);
      g.setStroke(l.dashed ? Theme.DASHED : Theme.LINE);
      g.draw(contourPath(p, l.other == null ? z : l.other, l.value));
    }
  }

  /**
   * Marching squares: in each grid cell, the level crosses each edge whose two corners lie on
   * either side of it, at the linearly interpolated point; a cell with two crossings gets one
   * segment, a saddle cell (four) two segments, paired by the value at the cell's centre. The
   * segments are then joined end to end through the grid edges they share, so a dashed contour
   * is dashed along its whole length rather than restarting its pattern in every cell.
   */
  private Path2D contourPath(Rectangle2D p, double[][] z, double level) {
    return PATHS.get(new PathKey(new Grid(z), level, xMin, xMax, yMin, yMax, p.getX(),
        p.getY(), p.getWidth(), p.getHeight()), () -> march(p, z, level));
  }

  /**
   * Contour paths already traced, by grid values, level, data range and plot area. An
   * animation draws the same contours under every frame (optimizers: 40 frames); tracing them was
   * over half of each frame's cost. The paths are only read (drawn), never changed.
   */
  private static final dev.bagu.demo.Memo<PathKey, Path2D> PATHS = new dev.bagu.demo.Memo<>(256);

  private record PathKey(Grid z, double level, double xMin, double xMax, double yMin,
      double yMax, double left, double top, double width, double height) {}

  /** A grid compared by its values (each plot keeps its own copy of the same numbers). */
  private static final class Grid {
    private final double[][] z;
    private final int hash;

    Grid(double[][] z) {
      this.z = z;
      this.hash = java.util.Arrays.deepHashCode(z);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Grid g && g.hash == hash
          && (g.z == z || java.util.Arrays.deepEquals(g.z, z));
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private Path2D march(Rectangle2D p, double[][] z, double level) {
    int ny = z.length;
    int nx = z[0].length;
    double dx = (xMax - xMin) / (nx - 1);
    double dy = (yMax - yMin) / (ny - 1);
    List<double[]> segs = new ArrayList<>(); // {x1, y1, x2, y2, edge1, edge2}
    double[] ex = new double[4];
    double[] ey = new double[4];
    long[] edge = new long[4];
    for (int j = 0; j + 1 < ny; j++) {
      for (int i = 0; i + 1 < nx; i++) {
        // corners counter-clockwise from bottom left: a (i, j), b (i+1, j), c (i+1, j+1), d (i, j+1)
        double a = z[j][i];
        double b = z[j][i + 1];
        double c = z[j + 1][i + 1];
        double d = z[j + 1][i];
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
          continue;
        }
        double x0 = xMin + i * dx;
        double y0 = yMin + j * dy;
        int n = 0;
        if ((a < level) != (b < level)) { // bottom edge: horizontal edge (i, j)
          ex[n] = x0 + dx * (level - a) / (b - a);
          ey[n] = y0;
          edge[n++] = 2L * ((long) j * nx + i);
        }
        if ((b < level) != (c < level)) { // right edge: vertical edge (i + 1, j)
          ex[n] = x0 + dx;
          ey[n] = y0 + dy * (level - b) / (c - b);
          edge[n++] = 2L * ((long) j * nx + i + 1) + 1;
        }
        if ((c < level) != (d < level)) { // top edge: horizontal edge (i, j + 1)
          ex[n] = x0 + dx * (level - d) / (c - d);
          ey[n] = y0 + dy;
          edge[n++] = 2L * ((long) (j + 1) * nx + i);
        }
        if ((d < level) != (a < level)) { // left edge: vertical edge (i, j)
          ex[n] = x0;
          ey[n] = y0 + dy * (level - a) / (d - a);
          edge[n++] = 2L * ((long) j * nx + i) + 1;
        }
        if (n == 2) {
          segs.add(new double[] {ex[0], ey[0], ex[1], ey[1], edge[0], edge[1]});
        } else if (n == 4) {
          boolean centreAbove = (a + b + c + d) / 4 >= level;
          boolean aAbove = a >= level;
          // Pair the crossings so the segments separate the corners unlike the centre.
          int[][] pairs = centreAbove == aAbove ? new int[][] {{0, 1}, {2, 3}}
              : new int[][] {{0, 3}, {1, 2}};
          for (int[] q : pairs) {
            segs.add(new double[] {ex[q[0]], ey[q[0]], ex[q[1]], ey[q[1]], edge[q[0]],
                edge[q[1]]});
          }
        }
      }
    }
    return chain(p, segs);
  }

  /** Joins segments sharing a grid edge into polylines (each edge is shared by at most two). */
  private Path2D chain(Rectangle2D p, List<double[]> segs) {
    java.util.Map<Long, int[]> byEdge = new java.util.HashMap<>();
    for (int k = 0; k < segs.size(); k++) {
      for (int end = 4; end <= 5; end++) {
        long e = (long) segs.get(k)[end];
        int[] at = byEdge.computeIfAbsent(e, key -> new int[] {-1, -1});
        at[at[0] < 0 ? 0 : 1] = k;
      }
    }
    boolean[] used = new boolean[segs.size()];
    Path2D.Double path = new Path2D.Double();
    for (int start = 0; start < segs.size(); start++) {
      if (used[start]) {
        continue;
      }
      // Walk back from the start's first end to the beginning of its chain.
      int k = start;
      int enter = 4; // the end of k we arrived through
      for (int guard = 0; guard < segs.size(); guard++) {
        int next = neighbour(byEdge, segs, k, enter);
        if (next < 0 || next == start) {
          break;
        }
        int nextEnter = (long) segs.get(next)[4] == (long) segs.get(k)[enter] ? 5 : 4;
        k = next;
        enter = nextEnter;
      }
      // Now walk forward from k, leaving through the end opposite to `enter`.
      int leave = enter;
      double[] s0 = segs.get(k);
      path.moveTo(px(p, s0[leave == 4 ? 0 : 2]), py(p, s0[leave == 4 ? 1 : 3]));
      while (k >= 0 && !used[k]) {
        used[k] = true;
        double[] s = segs.get(k);
        int out = leave == 4 ? 5 : 4;
        path.lineTo(px(p, s[out == 4 ? 0 : 2]), py(p, s[out == 4 ? 1 : 3]));
        int next = neighbour(byEdge, segs, k, out);
        if (next < 0) {
          break;
        }
        leave = (long) segs.get(next)[4] == (long) s[out] ? 4 : 5;
        k = next;
      }
    }
    return path;
  }

  /** The other segment through the grid edge at end {@code end} (4 or 5) of segment k, or −1. */
  private static int neighbour(java.util.Map<Long, int[]> byEdge, List<double[]> segs, int k,
      int end) {
    int[] at = byEdge.get((long) segs.get(k)[end]);
    return at[0] == k ? at[1] : at[0];
  }

  private void paintOverlays(Graphics2D g, Rectangle2D p) {
    for (Overlay o : overlays) {
      g.setColor(o.colour);
      switch (o.kind) {
        case PATH, DASHED_PATH -> {
          g.setStroke(o.kind == Kind.PATH ? Theme.LINE : Theme.DASHED);
          Path2D.Double path = new Path2D.Double();
          boolean started = false;
          for (int k = 0; k < o.x.length; k++) {
            if (!Double.isFinite(o.x[k]) || !Double.isFinite(o.y[k])) {
              started = false;
              continue;
            }
            double sx = clampPx(px(p, o.x[k]));
            double sy = clampPx(py(p, o.y[k]));
            if (started) {
              path.lineTo(sx, sy);
            } else {
              path.moveTo(sx, sy);
              started = true;
            }
          }
          g.draw(path);
          if (o.x.length <= 60) {
            for (int k = 0; k < o.x.length; k++) {
              dot(g, p, o.x[k], o.y[k], 6);
            }
          }
        }
        case POINTS -> {
          for (int k = 0; k < o.x.length; k++) {
            dot(g, p, o.x[k], o.y[k], Theme.MARKER_SIZE);
          }
        }
        case RINGS -> {
          g.setStroke(new BasicStroke(2f));
          for (int k = 0; k < o.x.length; k++) {
            double r = Theme.MARKER_SIZE * 1.1;
            g.draw(new Ellipse2D.Double(px(p, o.x[k]) - r, py(p, o.y[k]) - r, 2 * r, 2 * r));
          }
        }
        case MARKER -> {
          diamond(g, px(p, o.x[0]), py(p, o.y[0]), 9);
        }
        default -> throw new IllegalStateException(o.kind.name());
      }
    }
  }

  /** Keeps far-off points (a diverging optimiser) at a drawable distance. */
  private static double clampPx(double v) {
    return Math.max(-1e5, Math.min(1e5, v));
  }

  private void dot(Graphics2D g, Rectangle2D p, double x, double y, double d) {
    if (Double.isFinite(x) && Double.isFinite(y)) {
      g.fill(new Ellipse2D.Double(px(p, x) - d / 2, py(p, y) - d / 2, d, d));
    }
  }

  private static void diamond(Graphics2D g, double cx, double cy, double r) {
    Path2D.Double d = new Path2D.Double();
    d.moveTo(cx, cy - r);
    d.lineTo(cx + r, cy);
    d.lineTo(cx, cy + r);
    d.lineTo(cx - r, cy);
    d.closePath();
    g.fill(d);
    g.setColor(Color.WHITE);
    g.setStroke(new BasicStroke(1.2f));
    g.draw(d);
  }

  private void paintAxes(Graphics2D g, Rectangle2D p, double[] xTicks, double[] yTicks,
      FontMetrics fm) {
    g.setColor(Theme.AXIS);
    g.setStroke(new BasicStroke(1f));
    g.draw(p);
    for (double v : xTicks) {
      double x = px(p, v);
      g.setColor(Theme.AXIS);
      g.draw(new Line2D.Double(x, p.getMaxY(), x, p.getMaxY() + 5));
      g.setColor(Theme.TEXT);
      Text.drawCentered(g, label(v, xTicks), x, p.getMaxY() + 7 + fm.getAscent());
    }
    for (double v : yTicks) {
      double y = py(p, v);
      g.setColor(Theme.AXIS);
      g.draw(new Line2D.Double(p.getX() - 5, y, p.getX(), y));
      g.setColor(Theme.TEXT);
      Text.drawRight(g, label(v, yTicks), p.getX() - 8,
          y + (fm.getAscent() - fm.getDescent()) / 2.0);
    }
    g.setFont(Theme.axisTitle());
    FontMetrics afm = g.getFontMetrics();
    if (!xLabel.isEmpty()) {
      Text.drawCentered(g, xLabel, p.getCenterX(),
          p.getMaxY() + 10 + fm.getHeight() + afm.getAscent());
    }
    if (!yLabel.isEmpty()) {
      Text.drawVertical(g, yLabel, 8 + afm.getHeight() / 2.0, p.getCenterY());
    }
    g.setFont(Theme.tickLabel());
  }

  private List<Object> legendEntries() {
    List<Object> entries = new ArrayList<>();
    highlighted.stream().filter(h -> !h.name.isEmpty()).forEach(entries::add);
    overlays.stream().filter(Overlay::inLegend).forEach(entries::add);
    return entries;
  }

  private static final int SWATCH = 30;

  private int legendWidth(Graphics2D g) {
    g.setFont(Theme.legend());
    double w = 0;
    for (Object e : legendEntries()) {
      String name = e instanceof Level l ? l.name : ((Overlay) e).name;
      w = Math.max(w, Text.width(g, name));
    }
    g.setFont(Theme.tickLabel());
    return w == 0 ? 0 : (int) Math.ceil(w) + SWATCH + 18;
  }

  private void paintLegend(Graphics2D g, int x, int y) {
    g.setFont(Theme.legend());
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight() + 6;
    int row = 0;
    for (Object e : legendEntries()) {
      double cy = y + row * lineH + lineH / 2.0;
      String name;
      if (e instanceof Level l) {
        name = l.name;
        g.setColor(l.colour);
        g.setStroke(l.dashed ? Theme.DASHED : Theme.LINE);
        g.draw(new Line2D.Double(x, cy, x + SWATCH, cy));
      } else {
        Overlay o = (Overlay) e;
        name = o.name;
        g.setColor(o.colour);
        switch (o.kind) {
          case PATH, DASHED_PATH -> {
            g.setStroke(o.kind == Kind.PATH ? Theme.LINE : Theme.DASHED);
            g.draw(new Line2D.Double(x, cy, x + SWATCH, cy));
          }
          case POINTS -> g.fill(new Ellipse2D.Double(x + SWATCH / 2.0 - 5, cy - 5, 10, 10));
          case RINGS -> {
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(x + SWATCH / 2.0 - 9, cy - 9, 18, 18));
          }
          case MARKER -> diamond(g, x + SWATCH / 2.0, cy, 8);
          default -> throw new IllegalStateException(o.kind.name());
        }
      }
      g.setColor(Theme.TEXT);
      g.drawString(name, x + SWATCH + 8, (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
      row++;
    }
    g.setFont(Theme.tickLabel());
  }

  /** Round tick values inside [lo, hi], about five of them (1, 2 or 5 times a power of ten). */
  static double[] ticks(double lo, double hi) {
    double raw = (hi - lo) / 5;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag
        : 10 * mag;
    List<Double> t = new ArrayList<>();
    for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
      t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
    }
    return t.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** The tick value with as many decimals as the step between ticks needs. */
  private static String label(double v, double[] ticks) {
    double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
    int digits = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
    return Numbers.fixed(v, digits);
  }
}
