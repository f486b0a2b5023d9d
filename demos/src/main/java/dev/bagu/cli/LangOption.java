package dev.bagu.cli;

import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Fonts;
import picocli.CommandLine.Option;

/**
 * {@code --lang en|zh}, shared by the subcommands that show demo texts. The default comes from
 * {@code BAGU_LANG}, else English. Chinese needs a font that can draw it; {@link #lang()} checks
 * that before anything is computed or written.
 */
final class LangOption {
  @Option(names = "--lang", paramLabel = "LANG",
      description = "Language of figures, findings and explanations: en or zh (default: "
          + "$BAGU_LANG, else en).")
  String lang;

  /** The chosen language; Chinese only when some installed font can draw it. */
  Lang lang() {
    Lang l;
    try {
      l = lang == null ? Lang.fromEnvironment() : Lang.parse(lang);
    } catch (IllegalArgumentException e) {
      throw new UserException((lang == null ? Lang.ENVIRONMENT_VARIABLE + ": " : "--lang: ")
          + e.getMessage());
    }
    requireFontFor(l);
    return l;
  }

  static void requireFontFor(Lang l) {
    if (l == Lang.ZH && !Fonts.cjkAvailable()) {
      throw new UserException("--lang zh: " + Fonts.HOW_TO_INSTALL);
    }
  }
}
