package dev.bagu.i18n;

import java.util.Locale;
import java.util.Objects;

/**
 * The two languages of every text a user sees: figures, findings, explanations, the window and the
 * gallery. A demo states each text once, with both languages, where it is used:
 *
 * <pre>{@code
 * Lang l = params.lang();
 * XyPlot.titled(l.t("Variance of the scores", "分数的方差"))
 * l.f("%d keys", "%d 个键", keys)
 * }</pre>
 *
 * Symbols, numbers, units and ids stay as they are in both ({@code d_k}, {@code Q·Kᵀ}, {@code ms}).
 */
public enum Lang {
  EN("en"),
  ZH("zh");

  /** Environment variable that sets the default language ({@code BAGU_LANG=zh}). */
  public static final String ENVIRONMENT_VARIABLE = "BAGU_LANG";

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  /** "en" or "zh", as the CLI and file names use it. */
  public String code() {
    return code;
  }

  /** The text in this language. Both are required: a missing Chinese text is a bug, not a fallback. */
  public String t(String en, String zh) {
    Objects.requireNonNull(en, "en");
    Objects.requireNonNull(zh, "zh");
    return this == ZH ? zh : en;
  }

  /** {@link String#format} of the text in this language, numbers always with '.' as the point. */
  public String f(String en, String zh, Object... args) {
    return String.format(Locale.US, t(en, zh), args);
  }

  /**
   * A count for a text of this language: in English n and the noun in the number n needs
   * ("1 box", "3 boxes"); in Chinese the number alone, the measure word being in the text
   * ("%s 个框").
   */
  public String count(long n, String one, String many) {
    return this == ZH ? Long.toString(n) : n + " " + (n == 1 ? one : many);
  }

  /**
   * "en" or "zh" (case-insensitive); anything else is an {@link IllegalArgumentException} whose
   * message names the value and what is allowed.
   */
  public static Lang parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Lang l : values()) {
      if (l.code.equals(t)) {
        return l;
      }
    }
    throw new IllegalArgumentException("language '" + text + "' is not known: allowed en, zh");
  }

  /** The language {@value #ENVIRONMENT_VARIABLE} names, or English when it is unset or empty. */
  public static Lang fromEnvironment() {
    String v = System.getenv(ENVIRONMENT_VARIABLE);
    return v == null || v.isBlank() ? EN : parse(v);
  }
}
