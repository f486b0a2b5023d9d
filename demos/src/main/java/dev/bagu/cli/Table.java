package dev.bagu.cli;

import java.util.List;

/** Aligned plain-text tables for the terminal. */
final class Table {
  private Table() {}

  /** Pads to a display width; CJK characters take two columns in a terminal. */
  static String pad(String s, int width) {
    int w = displayWidth(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }

  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return w;
  }

  private static boolean isWide(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFF60);
  }

  /** Rows of cells, each column padded to its widest cell, joined by two spaces. */
  static String format(List<List<String>> rows, String indent) {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < r.size(); c++) {
        widths[c] = Math.max(widths[c], displayWidth(r.get(c)));
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> r : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < r.size(); c++) {
        line.append(c == r.size() - 1 ? r.get(c) : pad(r.get(c), widths[c]) + "  ");
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
