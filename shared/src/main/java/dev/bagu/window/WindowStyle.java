package dev.bagu.window;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import javax.swing.ToolTipManager;
import javax.swing.UIDefaults;
import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;

/**
 * Fonts and colours of the window's own controls. Swing's Metal defaults (12 pt, bold labels) are
 * unreadable on a projector, so every control font is raised to {@link #SIZE} pt and made plain.
 */
final class WindowStyle {
  /** Control text size, in points: the figure's smallest text (tick labels) is 15. */
  static final int SIZE = 16;

  /** Logical "Dialog" keeps Java's font fallback, so Chinese shows when a CJK font exists. */
  static final Font TEXT = new Font(Font.DIALOG, Font.PLAIN, SIZE);
  static final Font BOLD = TEXT.deriveFont(Font.BOLD);
  static final Font SMALL = TEXT.deriveFont(Font.PLAIN, SIZE - 1f);

  static final Color MUTED = new Color(0x55, 0x55, 0x55);
  /** Dark red: readable on white, distinct from every figure colour. */
  static final Color ERROR = new Color(0xB0, 0x00, 0x20);

  private static boolean installed;

  /**
   * Multiplies the font size of c and every component inside it by {@code scale}; tables get
   * rows tall enough for the new font.
   */
  static void scaleFonts(java.awt.Component c, double scale) {
    Font f = c.getFont();
    if (f != null) {
      c.setFont(f.deriveFont((float) (f.getSize2D() * scale)));
    }
    if (c instanceof javax.swing.JTable t) {
      t.setRowHeight(t.getFontMetrics(t.getFont()).getHeight() + 8);
      scaleFonts(t.getTableHeader(), scale);
    }
    if (c instanceof java.awt.Container box) {
      for (java.awt.Component child : box.getComponents()) {
        scaleFonts(child, scale);
      }
    }
  }

  private WindowStyle() {}

  /**
   * Raises every look-and-feel font (labels, buttons, tables, trees, tooltips, combo pop-ups) to
   * {@link #SIZE}. Call on the event thread before building the first window; later calls do
   * nothing.
   */
  static void install() {
    if (installed) {
      return;
    }
    installed = true;
    UIDefaults defaults = UIManager.getLookAndFeelDefaults();
    List<Object> keys = new ArrayList<>(defaults.keySet()); // copied: put() changes the map
    for (Object key : keys) {
      if (defaults.get(key) instanceof FontUIResource f) {
        // deriveFont keeps the logical family (and its CJK fallback); monospaced stays monospaced.
        float size = Math.max(SIZE, f.getSize2D());
        UIManager.put(key, new FontUIResource(f.deriveFont(Font.PLAIN, size)));
      }
    }
    // Long help texts need more than the default 4 seconds to read.
    ToolTipManager.sharedInstance().setDismissDelay(30_000);
    ToolTipManager.sharedInstance().setInitialDelay(400);
  }
}
