package dev.bagu.plot;

import java.awt.Graphics2D;
import java.util.List;

/**
 * One cell of a {@link Figure}: anything that paints itself into a width × height box whose top
 * left corner is the origin of {@code g}. Panels are immutable once built, so painting from any
 * thread (a file export, the Swing event thread) is safe.
 */
@FunctionalInterface
public interface Panel {
  void paint(Graphics2D g, int width, int height);

  /**
   * Every text this panel draws that a demo gave it (title, axis titles, legend entries, category
   * labels), in no particular order: the figure chooses its font from them, and tests check that a
   * Chinese figure has no English left. Numbers the panel formats itself need not be listed.
   */
  default List<String> texts() {
    return List.of();
  }
}
