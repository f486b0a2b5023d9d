package dev.bagu.plot;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which font family draws a figure. Figures whose texts are all Latin, Greek and maths symbols use
 * the theme's {@link Theme#FONT_FAMILY}, as before. A figure with Chinese text uses the first
 * installed family, in the order of {@link #PREFERRED_CJK}, that can display every one of its
 * strings ({@link Font#canDisplayUpTo}); then Java's logical sans-serif, which falls back face by
 * face; then any installed family that can. With none, painting
 * stops with a {@link MissingFontException} instead of drawing boxes ("tofu").
 */
public final class Fonts {
  private Fonts() {}

  /** Chinese families tried first, in order: Debian's Noto, Adobe's Source Han, Windows, macOS. */
  public static final List<String> PREFERRED_CJK = List.of("Noto Sans CJK SC",
      "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei");

  /** How to get a font, said once for the CLI, the window and the tests. */
  public static final String HOW_TO_INSTALL = "no installed font can draw Chinese text: install "
      + "one (Debian/Ubuntu: apt-get install fonts-noto-cjk; Windows and macOS ship one)";

  private static final Map<String, Boolean> INSTALLED = new ConcurrentHashMap<>();
  private static volatile List<String> allFamilies;

  /** Thrown when a figure has Chinese text and no installed font can draw all of it. */
  public static final class MissingFontException extends RuntimeException {
    MissingFontException(String message) {
      super(message);
    }
  }

  /** True when s has a character of a CJK script or CJK punctuation ("，", "（"). */
  public static boolean hasCjk(String s) {
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
          || script == Character.UnicodeScript.KATAKANA
          || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
          || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
        return true;
      }
      i += Character.charCount(c);
    }
    return false;
  }

  /** The family a figure with these texts is drawn in (see the class comment). */
  public static String familyFor(Collection<String> texts) {
    if (texts.stream().noneMatch(Fonts::hasCjk)) {
      return Theme.FONT_FAMILY;
    }
    return cjkFamily(texts).orElseThrow(() -> new MissingFontException(HOW_TO_INSTALL));
  }

  /** The first installed family that can draw every string, preferred families first. */
  public static Optional<String> cjkFamily(Collection<String> texts) {
    for (String family : PREFERRED_CJK) {
      if (installed(family) && displaysAll(family, texts)) {
        return Optional.of(family);
      }
    }
    // A symbol the preferred faces lack (ᵀ, say): Java's logical sans-serif, which draws each
    // character from the first of the system's fallback faces that has it, Chinese included.
    if (displaysAll(Theme.FONT_FAMILY, texts)) {
      return Optional.of(Theme.FONT_FAMILY);
    }
    for (String family : allFamilies()) {
      if (displaysAll(family, texts)) {
        return Optional.of(family);
      }
    }
    return Optional.empty();
  }

  /** True when some installed font can draw a typical Chinese figure text. */
  public static boolean cjkAvailable() {
    return cjkFamily(List.of("注意力的方差，（中文）")).isPresent();
  }

  private static boolean displaysAll(String family, Collection<String> texts) {
    Font f = new Font(family, Font.PLAIN, 12);
    return texts.stream().allMatch(t -> f.canDisplayUpTo(t) == -1);
  }

  private static boolean installed(String family) {
    return INSTALLED.computeIfAbsent(family, name -> new Font(name, Font.PLAIN, 12)
        .getFamily(Locale.ROOT).equalsIgnoreCase(name));
  }

  /** Every installed family (asked of the system once: it takes a moment). */
  private static List<String> allFamilies() {
    if (allFamilies == null) {
      allFamilies = List.of(GraphicsEnvironment.getLocalGraphicsEnvironment()
          .getAvailableFontFamilyNames(Locale.ROOT));
    }
    return allFamilies;
  }
}
