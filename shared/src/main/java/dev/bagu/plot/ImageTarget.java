package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.GraphicsDevice;

/**
 * Whether a Graphics2D draws through Java2D's own renderer into an image in memory (PNG, GIF
 * frames, the bench, the window's off-screen image), not into SVG, PDF or onto the screen: where
 * pixels may be produced by other means than the drawing calls themselves ({@link PanelPainting}
 * paints panels at the same time, {@link DotStamps} copies pre-drawn dots).
 */
final class ImageTarget {
  private ImageTarget() {}

  static boolean is(Graphics2D g) {
    return g.getClass().getName().equals("sun.java2d.SunGraphics2D")
        && g.getDeviceConfiguration().getDevice().getType() == GraphicsDevice.TYPE_IMAGE_BUFFER;
  }
}
