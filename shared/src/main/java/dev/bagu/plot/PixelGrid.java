package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/**
 * The device pixel grid seen from a graphics' user space: {@link #x} and {@link #y} move a
 * coordinate to the nearest pixel edge, so shapes that meet there are not anti-aliased into each
 * other. A figure painted smaller than its layout is scaled, so whole user units are not whole
 * pixels. Under a rotation or shear (never used) coordinates are left as they are.
 */
record PixelGrid(double scaleX, double translateX, double scaleY, double translateY) {
  static PixelGrid of(Graphics2D g) {
    AffineTransform t = g.getTransform();
    boolean axisAligned = t.getShearX() == 0 && t.getShearY() == 0 && t.getScaleX() != 0
        && t.getScaleY() != 0;
    return axisAligned ? new PixelGrid(t.getScaleX(), t.getTranslateX(), t.getScaleY(),
        t.getTranslateY()) : new PixelGrid(1, 0, 1, 0);
  }

  double x(double x) {
    return (Math.round(x * scaleX + translateX) - translateX) / scaleX;
  }

  double y(double y) {
    return (Math.round(y * scaleY + translateY) - translateY) / scaleY;
  }
}
