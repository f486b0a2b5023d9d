package dev.bagu.plot;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scatter dots, stamped: a filled circle drawn once into a small image (per colour, size and
 * quarter-pixel offset) and then copied for every point that has that look.
 *
 * <p>Why: filling each dot as a shape sends its four Bézier curves through Java2D's anti-aliasing
 * rasteriser, a few microseconds a dot. Profiled at the window's size, that was the largest cost of
 * painting a figure of scatter panels (clustering-comparison's 18: a quarter of its painting). A
 * stamp is one small image copy.
 *
 * <p>The same pixels, near enough: each stamp is the same shape filled by the same rasteriser with
 * the same hints; its position is rounded to a quarter pixel (the dot moves by at most an eighth
 * of a pixel), and a translucent colour is blended from the stamp's own alpha, which can differ
 * from the rasteriser's blend by one level in 255. Only into an image in memory (PNG, GIF, the
 * window's off-screen image), never into SVG or PDF, which get the circle itself; only for a plain
 * colour drawn source-over and a transform that only scales and shifts.
 */
final class DotStamps {
  private DotStamps() {}

  /** Offsets per pixel a stamp is drawn at: positions round to 1/STEPS of a pixel. */
  private static final int STEPS = 4;
  /** Stamps kept at most; past it the cache starts again (a figure needs a few dozen). */
  private static final int MAX_STAMPS = 4096;

  private record Look(int rgb, long diameterBits, int offsetX, int offsetY) {}

  private static final Map<Look, BufferedImage> STAMPS = new ConcurrentHashMap<>();

  /** A filled circle of diameter d centred on (x, y), in the user space of g. */
  static void fill(Graphics2D g, double x, double y, double d) {
    AffineTransform at = g.getTransform();
    if (!stampable(g, at)) {
      g.fill(new Ellipse2D.Double(x - d / 2, y - d / 2, d, d));
      return;
    }
    double scale = at.getScaleX();
    double diameter = d * scale;
    double left = at.getTranslateX() + scale * x - diameter / 2;
    double top = at.getTranslateY() + scale * y - diameter / 2;
    long stepsX = Math.round(left * STEPS);
    long stepsY = Math.round(top * STEPS);
    int pixelX = (int) Math.floorDiv(stepsX, STEPS);
    int pixelY = (int) Math.floorDiv(stepsY, STEPS);
    Look look = new Look(((Color) g.getPaint()).getRGB(), Double.doubleToLongBits(diameter),
        (int) Math.floorMod(stepsX, STEPS), (int) Math.floorMod(stepsY, STEPS));
    if (STAMPS.size() > MAX_STAMPS) {
      STAMPS.clear();
    }
    BufferedImage stamp = STAMPS.computeIfAbsent(look, DotStamps::draw);
    g.setTransform(new AffineTransform());
    try {
      g.drawImage(stamp, pixelX, pixelY, null);
    } finally {
      g.setTransform(at);
    }
  }

  /**
   * Whether a dot drawn into g may be stamped: Java2D's own renderer into an image in memory,
   * anti-aliased, a colour drawn source-over, a transform of scale (same in x and y) and
   * shift only.
   */
  private static boolean stampable(Graphics2D g, AffineTransform at) {
    return ImageTarget.is(g)
        && g.getPaint() instanceof Color
        && g.getComposite() == AlphaComposite.SrcOver
        && RenderingHints.VALUE_ANTIALIAS_ON.equals(
            g.getRenderingHint(RenderingHints.KEY_ANTIALIASING))
        && (at.getType() & ~(AffineTransform.TYPE_TRANSLATION
            | AffineTransform.TYPE_UNIFORM_SCALE)) == 0
        && at.getScaleX() > 0;
  }

  /** The stamp of a look: the circle filled at its offset inside a transparent square. */
  private static BufferedImage draw(Look look) {
    double diameter = Double.longBitsToDouble(look.diameterBits());
    int size = (int) Math.ceil(diameter) + 2;
    BufferedImage stamp = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB_PRE);
    Graphics2D g = stamp.createGraphics();
    try {
      Theme.applyHints(g);
      g.setColor(new Color(look.rgb(), true));
      g.fill(new Ellipse2D.Double((double) look.offsetX() / STEPS,
          (double) look.offsetY() / STEPS, diameter, diameter));
    } finally {
      g.dispose();
    }
    return stamp;
  }
}
