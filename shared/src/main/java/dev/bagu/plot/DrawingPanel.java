package dev.bagu.plot;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * A panel drawn by hand in plain Java2D, for pictures that are not charts (a memory map, a
 * timeline, boxes on an image): the helper draws the title in the house style and hands the body
 * the rectangle below it, with the theme's fonts and hints already set.
 */
public final class DrawingPanel implements Panel {
  /** Draws the body into {@code area} (in the coordinates of {@code g}). */
  @FunctionalInterface
  public interface Body {
    void draw(Graphics2D g, Rectangle area);
  }

  private final String title;
  private final Body body;

  private DrawingPanel(String title, Body body) {
    this.title = Objects.requireNonNull(title);
    this.body = Objects.requireNonNull(body);
  }

  public static DrawingPanel titled(String title, Body body) {
    return new DrawingPanel(title, body);
  }

  /** The title only: the body's own strings are drawn by the demo's code. */
  @Override
  public java.util.List<String> texts() {
    return java.util.List.of(title);
  }

  @Override
  public void paint(Graphics2D g, int width, int height) {
    g.setColor(Theme.BACKGROUND);
    g.fillRect(0, 0, width, height);
    g.setColor(Theme.TEXT);
    int top = Text.drawTitle(g, Theme.panelTitle(), title, width / 2.0, 8, width - 8) + 10;
    g.setFont(Theme.tickLabel());
    body.draw(g, new Rectangle(6, top, Math.max(0, width - 12), Math.max(0, height - top - 6)));
  }
}
