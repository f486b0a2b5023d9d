package dev.bagu.serve;

import static dev.bagu.gallery.GalleryFragments.escape;

import dev.bagu.i18n.Lang;

/**
 * The head and foot every page of the server shares: the gallery's style sheet plus a few rules
 * of its own, and the one script, all served by bagu itself (nothing from the network).
 */
final class PageFrame {
  private PageFrame() {}

  static void open(StringBuilder b, Lang l, String title, boolean script) {
    b.append("<!DOCTYPE html>\n<html lang=\"").append(l.code()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(escape(title)).append("</title>\n")
        .append("<link rel=\"stylesheet\" href=\"/static/gallery.css\">\n")
        .append("<link rel=\"stylesheet\" href=\"/static/serve.css\">\n");
    if (script) {
      b.append("<script src=\"/static/serve.js\" defer></script>\n");
    }
    b.append("</head>\n<body>\n");
  }

  static void close(StringBuilder b, Lang l) {
    b.append("<footer><p>").append(l.t("Served by <code>bagu serve</code>. Every number on "
        + "this page was computed by the demo that drew the figure beside it.",
        "由 <code>bagu serve</code> 提供。本页每个数字都由画出旁边那张图的演示亲自算出。"))
        .append("</p></footer>\n</body>\n</html>\n");
  }

  /** "" in the server's language, else "?lang=zh": what links to the index add. */
  static String langQuery(Lang l, Lang serverLang) {
    return l == serverLang ? "" : "?lang=" + l.code();
  }

  /** The other language: the switch on every page. */
  static Lang other(Lang l) {
    return l == Lang.ZH ? Lang.EN : Lang.ZH;
  }

  /** "中文" on an English page, "English" on a Chinese one. */
  static String otherName(Lang l) {
    return l == Lang.ZH ? "English" : "中文";
  }
}
