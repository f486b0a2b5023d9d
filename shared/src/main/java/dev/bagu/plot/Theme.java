package dev.bagu.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;

/**
 * The house look, decided once for every figure: fonts big enough to read from the back of a room
 * with a projector (sizes are in logical pixels of a figure about 1600 wide), the Okabe–Ito
 * colour-blind-safe palette for categories, and quiet greys for axes and reference lines.
 */
public final class Theme {
  private Theme() {}

  /** Logical font family; Java maps it to the machine's sans-serif face (DejaVu Sans on Debian). */
  public static final String FONT_FAMILY = Font.SANS_SERIF;

  /**
   * The family the fonts below are drawn in on this thread: {@link #FONT_FAMILY}, or a CJK font
   * while a figure with Chinese text paints (see {@link Figure#paint} and {@link Fonts}).
   */
  private static final ThreadLocal<String> FAMILY = ThreadLocal.withInitial(() -> FONT_FAMILY);
  private static final java.util.Map<String, Font> FONTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static Font figureTitle() {
    return font(Font.BOLD, 28);
  }

  public static Font figureSubtitle() {
    return font(Font.PLAIN, 18);
  }

  public static Font panelTitle() {
    return font(Font.BOLD, 20);
  }

  public static Font axisTitle() {
    return font(Font.PLAIN, 18);
  }

  public static Font tickLabel() {
    return font(Font.PLAIN, 15);
  }

  public static Font legend() {
    return font(Font.PLAIN, 16);
  }

  public static Font cellText() {
    return font(Font.PLAIN, 15);
  }

  /** A font of the current family in the given style and size (logical pixels). */
  public static Font font(int style, int size) {
    String family = FAMILY.get();
    return FONTS.computeIfAbsent(family + "/" + style + "/" + size,
        k -> new Font(family, style, size));
  }

  /** The family the theme's fonts use on this thread now. */
  public static String fontFamily() {
    return FAMILY.get();
  }

  /** Runs {@code paint} with the theme's fonts in {@code family} on this thread. */
  public static void withFontFamily(String family, Runnable paint) {
    String saved = FAMILY.get();
    FAMILY.set(family);
    try {
      paint.run();
    } finally {
      FAMILY.set(saved);
    }
  }

  public static final Color BACKGROUND = Color.WHITE;
  public static final Color TEXT = new Color(0x22, 0x22, 0x22);
  public static final Color MUTED_TEXT = new Color(0x55, 0x55, 0x55);
  public static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
  /**
   * The plots' grid lines: solid, so a little lighter than {@link #GRID} to keep the same weight
   * behind the data as the dashed lines they replaced (dashes cost Java2D a stroke per dash: a
   * log axis's minor grid was 40% of painting a log plot; solid lines halve that plot's paint).
   */
  public static final Color PLOT_GRID = new Color(0xEE, 0xEE, 0xEE);
  public static final Color AXIS = new Color(0x88, 0x88, 0x88);
  /** Theory and reference curves that belong to no category. */
  public static final Color REFERENCE = new Color(0x44, 0x44, 0x44);

  /**
   * Okabe & Ito (2008) palette, distinguishable with every common colour-vision deficiency. The
   * yellow (#F0E442) is left out: it vanishes on white, especially on a projector.
   */
  private static final Color[] CATEGORY = {
    new Color(0x00, 0x72, 0xB2), // blue
    new Color(0xE6, 0x9F, 0x00), // orange
    new Color(0x00, 0x9E, 0x73), // bluish green
    // Okabe–Ito's vermillion (#D55E00) darkened: beside the orange it differed mostly in hue
    // (lightness L* 54 against 71), and on a projector tanh and "ReLU + residual" read as one
    // colour; at L* 40 the pair differs in lightness too, for every kind of colour vision.
    new Color(0xA6, 0x3D, 0x00), // dark vermillion
    new Color(0xCC, 0x79, 0xA7), // reddish purple
    new Color(0x56, 0xB4, 0xE9), // sky blue
    new Color(0x00, 0x00, 0x00), // black
    // Beyond seven categories (12 clusters, 40 people), Paul Tol's muted set, chosen to differ in
    // hue and lightness from the seven above, instead of repeating them on neighbours.
    new Color(0x33, 0x22, 0x88), // indigo
    new Color(0x11, 0x77, 0x33), // dark green
    new Color(0x88, 0x22, 0x55), // wine
    new Color(0x99, 0x99, 0x33), // olive
    new Color(0x44, 0xAA, 0x99), // teal
  };

  /** The i-th category colour, cycling after twelve. */
  public static Color category(int i) {
    return CATEGORY[Math.floorMod(i, CATEGORY.length)];
  }

  public static int categoryCount() {
    return CATEGORY.length;
  }

  /** The same colour with an alpha in [0, 1]. */
  public static Color withAlpha(Color c, double alpha) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
  }

  public static final Stroke LINE = new BasicStroke(2.6f, BasicStroke.CAP_ROUND,
      BasicStroke.JOIN_ROUND);
  public static final Stroke DASHED = new BasicStroke(2.2f, BasicStroke.CAP_BUTT,
      BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 6f}, 0f);
  public static final int MARKER_SIZE = 9;

  /** Quality hints used for every target (PNG, window, vector formats ignore what they can't use). */
  public static void applyHints(Graphics2D g) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
        RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS,
        RenderingHints.VALUE_FRACTIONALMETRICS_ON);
  }
}
