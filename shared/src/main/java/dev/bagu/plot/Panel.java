package dev.bagu.plot;

import java.awt.Graphics2D;

/**
 * One cell of a {@link Figure}: anything that paints itself into a width × height box whose top
 * left corner is the origin of {@code g}. Panels are immutable once built, so painting from any
 * thread (a file export, the Swing event thread) is safe.
 */
@FunctionalInterface
public interface Panel {
  void paint(Graphics2D g, int width, int height);
}
