package dev.bagu.plot;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import javax.swing.JComponent;

/**
 * A Swing component showing a {@link Figure} at the component's size. {@link #show} must be called
 * on the event thread; the figure itself is immutable, so it may be built on any thread.
 */
public final class FigurePanel extends JComponent {
  private Figure figure;

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
      if (figure != null) {
        figure.paint(g2, getWidth(), getHeight());
      }
    } finally {
      g2.dispose();
    }
  }
}
