package dev.bagu.plot;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import javax.swing.JComponent;

/**
 * A Swing component showing a {@link Figure} at the component's size. {@link #show} must be called
 * on the event thread; the figure itself is immutable, so it may be built on any thread.
 *
 * <p>The figure is painted into an image at the screen's pixel size and the image copied to the
 * screen: painted into an image, a figure's panels are painted at the same time, one per core
 * ({@link PanelPainting}), which straight onto the screen they cannot be; and a repaint of the same
 * figure at the same size (a window uncovered, a dialog closed) copies the image again instead of
 * painting the figure again (15–40 ms at the window's size).
 */
public final class FigurePanel extends JComponent {
  private Figure figure;
  /** The last figure painted, the size it was painted at, and its pixels. */
  private Figure paintedFigure;
  private int paintedWidth;
  private int paintedHeight;
  private double paintedScaleX;
  private double paintedScaleY;
  private BufferedImage painted;

  public FigurePanel(Figure figure) {
    this.figure = figure;
    setPreferredSize(new Dimension(1200, 750));
    setOpaque(true);
  }

  /** Swaps in a new figure and repaints. */
  public void show(Figure next) {
    this.figure = next;
    repaint();
  }

  public Figure figure() {
    return figure;
  }

  @Override
  protected void paintComponent(Graphics g) {
    Graphics2D g2 = (Graphics2D) g.create();
    try {
      g2.setColor(Theme.BACKGROUND);
      g2.fillRect(0, 0, getWidth(), getHeight());
      if (figure == null) {
        return;
      }
      AffineTransform t = g2.getTransform();
      int scaleOrMove = AffineTransform.TYPE_TRANSLATION | AffineTransform.TYPE_UNIFORM_SCALE
          | AffineTransform.TYPE_GENERAL_SCALE;
      if ((t.getType() & ~scaleOrMove) != 0 || !(t.getScaleX() > 0) || !(t.getScaleY() > 0)) {
        figure.paint(g2, getWidth(), getHeight()); // rotated or flipped: paint as it comes
        return;
      }
      BufferedImage image = image(t.getScaleX(), t.getScaleY());
      // One image pixel on one screen pixel (the screen's scale is in the image already).
      g2.setTransform(AffineTransform.getTranslateInstance(Math.rint(t.getTranslateX()),
          Math.rint(t.getTranslateY())));
      g2.drawImage(image, 0, 0, null);
    } finally {
      g2.dispose();
    }
  }

  /** The figure painted at this component's size on a screen of this scale (HiDPI: 1.25, 2). */
  private BufferedImage image(double scaleX, double scaleY) {
    int w = getWidth();
    int h = getHeight();
    if (painted != null && paintedFigure == figure && paintedWidth == w && paintedHeight == h
        && paintedScaleX == scaleX && paintedScaleY == scaleY) {
      return painted;
    }
    BufferedImage image = new BufferedImage(Math.max(1, (int) Math.ceil(w * scaleX)),
        Math.max(1, (int) Math.ceil(h * scaleY)), BufferedImage.TYPE_INT_RGB);
    Graphics2D ig = image.createGraphics();
    try {
      ig.setColor(Theme.BACKGROUND);
      ig.fillRect(0, 0, image.getWidth(), image.getHeight());
      ig.scale(scaleX, scaleY);
      figure.paint(ig, w, h);
    } finally {
      ig.dispose();
    }
    paintedFigure = figure;
    paintedWidth = w;
    paintedHeight = h;
    paintedScaleX = scaleX;
    paintedScaleY = scaleY;
    painted = image;
    return image;
  }
}
