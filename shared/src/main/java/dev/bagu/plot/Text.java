package dev.bagu.plot;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;

/** Small text-drawing helpers shared by the hand-drawn panels. */
final class Text {
  private Text() {}

  static void drawCentered(Graphics2D g, String s, double cx, double baseline) {
    double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
    g.drawString(s, (float) (cx - w / 2), (float) baseline);
  }

  static void drawRight(Graphics2D g, String s, double right, double baseline) {
    double w = g.getFontMetrics().getStringBounds(s, g).getWidth();
    g.drawString(s, (float) (right - w), (float) baseline);
  }

  /** Draws s rotated 90° counter-clockwise, centred on (cx, cy). */
  static void drawVertical(Graphics2D g, String s, double cx, double cy) {
    FontMetrics fm = g.getFontMetrics();
    double w = fm.getStringBounds(s, g).getWidth();
    AffineTransform saved = g.getTransform();
    g.translate(cx, cy);
    g.rotate(-Math.PI / 2);
    g.drawString(s, (float) (-w / 2), (float) (fm.getAscent() / 2.0 - fm.getDescent() / 2.0));
    g.setTransform(saved);
  }

  static double width(Graphics2D g, String s) {
    return g.getFontMetrics().getStringBounds(s, g).getWidth();
  }

  /** s, shortened with an ellipsis when wider than maxWidth. */
  static String fit(Graphics2D g, String s, double maxWidth) {
    if (width(g, s) <= maxWidth) {
      return s;
    }
    String t = s;
    while (t.length() > 1 && width(g, t + "…") > maxWidth) {
      t = t.substring(0, t.length() - 1);
    }
    return t + "…";
  }

  /**
   * s broken into lines no wider than maxWidth: at spaces, or between Chinese characters; a word
   * wider than a line alone is broken between its letters. Never drops a character.
   */
  static java.util.List<String> wrap(Graphics2D g, String s, double maxWidth) {
    java.util.List<String> lines = new java.util.ArrayList<>();
    if (width(g, s) <= maxWidth) {
      lines.add(s);
      return lines;
    }
    StringBuilder line = new StringBuilder();
    for (String unit : units(s)) {
      if (line.length() > 0 && width(g, (line + unit).stripTrailing()) > maxWidth) {
        lines.add(line.toString().stripTrailing());
        line.setLength(0);
        unit = unit.stripLeading();
      }
      line.append(unit);
      if (width(g, line.toString().stripTrailing()) > maxWidth) {
        // One word wider than a whole line: break it between letters.
        String word = line.toString();
        line.setLength(0);
        for (int i = 0; i < word.length(); i++) {
          char c = word.charAt(i);
          if (line.length() > 0 && width(g, (line.toString() + c).stripTrailing()) > maxWidth) {
            lines.add(line.toString());
            line.setLength(0);
          }
          line.append(c);
        }
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** Punctuation that must not start a line (Chinese line-breaking rules, and Latin alike). */
  private static final String NO_BREAK_BEFORE = "，。、；：！？）」』】》〉,.;:!?)%";
  /** Punctuation that must not end a line. */
  private static final String NO_BREAK_AFTER = "（「『【《〈(";

  /**
   * Where a line may break: after a run of spaces, and around each CJK character, but never
   * before closing punctuation ("，", "）") nor after opening punctuation ("（").
   */
  static java.util.List<String> units(String s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    StringBuilder u = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (u.length() == 0 && !out.isEmpty() && NO_BREAK_BEFORE.indexOf(c) >= 0) {
        out.set(out.size() - 1, out.get(out.size() - 1) + c); // stays with what it closes
        continue;
      }
      boolean cjk = Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
      boolean afterSpace = u.length() > 0 && u.charAt(u.length() - 1) == ' ' && c != ' ';
      boolean afterOpening = u.length() > 0
          && NO_BREAK_AFTER.indexOf(u.charAt(u.length() - 1)) >= 0;
      if ((cjk || afterSpace) && u.length() > 0 && !afterOpening) {
        out.add(u.toString());
        u.setLength(0);
      }
      u.append(c);
      if (cjk) {
        out.add(u.toString());
        u.setLength(0);
      }
    }
    if (u.length() > 0) {
      out.add(u.toString());
    }
    return out;
  }

  /** A title's lines and the font they fit in (see {@link #fitTitle}). */
  record Fitted(java.awt.Font font, java.util.List<String> lines) {}

  /**
   * A title that fits maxWidth without losing a word: in its own font on one line if it can;
   * else a point or two smaller; else wrapped onto two lines; else smaller still and onto more
   * lines, down to two thirds of its size.
   */
  static Fitted fitTitle(Graphics2D g, java.awt.Font font, String s, double maxWidth) {
    int size = font.getSize();
    for (int shrink = 0; shrink <= 2; shrink++) {
      java.awt.Font f = font.deriveFont((float) (size - shrink));
      g.setFont(f);
      if (width(g, s) <= maxWidth) {
        return new Fitted(shrink == 0 ? font : f, java.util.List.of(s));
      }
    }
    java.util.List<String> lines = null;
    java.awt.Font f = font;
    for (int sz = size; sz >= Math.max(8, size * 2 / 3); sz--) {
      f = sz == size ? font : font.deriveFont((float) sz);
      g.setFont(f);
      lines = wrap(g, s, maxWidth);
      if (lines.size() <= 2) {
        break;
      }
    }
    g.setFont(font);
    return new Fitted(f, lines);
  }

  /**
   * Draws a title centred on cx, its first line's top at {@code top}, fitted to maxWidth; returns
   * the y under its last line (the top plus the lines' heights).
   */
  static int drawTitle(Graphics2D g, java.awt.Font font, String s, double cx, int top,
      double maxWidth) {
    Fitted fitted = fitTitle(g, font, s, maxWidth);
    g.setFont(fitted.font());
    FontMetrics fm = g.getFontMetrics();
    int y = top;
    for (String line : fitted.lines()) {
      y += fm.getAscent();
      drawCentered(g, line, cx, y);
      y += fm.getDescent();
    }
    g.setFont(font);
    return y;
  }
}
