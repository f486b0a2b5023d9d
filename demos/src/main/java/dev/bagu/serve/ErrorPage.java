package dev.bagu.serve;

import static dev.bagu.gallery.GalleryFragments.escape;

import dev.bagu.i18n.Lang;

/** An error as a page (for addresses a person typed): the one-line message and a way back. */
final class ErrorPage {
  private ErrorPage() {}

  static String html(int status, String message, Lang l, Lang serverLang) {
    StringBuilder b = new StringBuilder();
    PageFrame.open(b, l, status + " · Bagu", false);
    b.append("<header>\n<p class=\"crumbs\"><a href=\"/").append(PageFrame.langQuery(l,
            serverLang)).append("\">").append(l.t("← all demos", "← 全部演示"))
        .append("</a></p>\n<h1>").append(status).append("</h1>\n</header>\n<main>\n")
        .append("<p class=\"bad error\">").append(linkIds(escape(message))).append("</p>\n")
        .append("</main>\n");
    PageFrame.close(b, l);
    return b.toString();
  }

  /** "did you mean kmeans?" links the suggestion ('…' ids in the message stay as text). */
  private static String linkIds(String escaped) {
    int at = escaped.indexOf("did you mean ");
    if (at < 0) {
      return escaped;
    }
    int end = escaped.indexOf('?', at);
    if (end < 0) {
      return escaped;
    }
    String list = escaped.substring(at + "did you mean ".length(), end);
    StringBuilder linked = new StringBuilder();
    for (String id : list.split(" or ")) {
      if (linked.length() > 0) {
        linked.append(" or ");
      }
      linked.append(id.matches("[a-z0-9-]+") ? "<a href=\"/demo/" + id + "\">" + id + "</a>"
          : id);
    }
    return escaped.substring(0, at) + "did you mean " + linked + escaped.substring(end);
  }
}
