package dev.bagu.gallery;

import dev.bagu.demo.Explanation;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import java.util.Map;
import java.awt.Dimension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The gallery's {@code index.html}: one self-contained page (styles inline, no scripts, nothing
 * fetched from the network), sections in catalogue order, one card per demo.
 */
final class GalleryPage {
  private GalleryPage() {}

  static String html(List<GalleryEntry> entries, boolean showTimes) {
    return html(entries, showTimes, Lang.EN, Map.of());
  }

  /**
   * The page in one language.
   *
   * @param otherPages the same gallery's pages in other languages, linked from the header
   */
  static String html(List<GalleryEntry> entries, boolean showTimes, Lang l,
      Map<Lang, String> otherPages) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"").append(l.code()).append("\">\n<head>\n")
        .append("<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>").append(l.t("Bagu gallery", "Bagu 演示集")).append("</title>\n<style>\n")
        .append(css()).append("</style>\n</head>\n<body>\n");
    header(b, entries, showTimes, l, otherPages);
    b.append("<main>\n");
    Set<String> ids = entries.stream().map(GalleryEntry::id).collect(Collectors.toSet());
    for (Section section : Section.values()) {
      List<GalleryEntry> in = entries.stream()
          .filter(e -> e.demo().info().section() == section).toList();
      if (in.isEmpty()) {
        continue;
      }
      b.append("<section id=\"section-").append(section.letter().toLowerCase()).append("\">\n")
          .append("<h2>").append(Html.escape(section.heading(l))).append("</h2>\n");
      for (GalleryEntry e : in) {
        GalleryCard.append(b, e, ids, showTimes);
      }
      b.append("</section>\n");
    }
    b.append("</main>\n<footer><p>").append(l.t("Made by <code>bagu gallery</code>. Every "
        + "number on this page was computed by the demo that drew the figure beside it.",
        "由 <code>bagu gallery</code> 生成。本页每个数字都由画出旁边那张图的演示亲自算出。"))
        .append("</p></footer>\n</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, List<GalleryEntry> entries, boolean showTimes,
      Lang l, Map<Lang, String> otherPages) {
    long failed = entries.stream().filter(GalleryEntry::failed).count();
    // Without times, the count leaves out values measured on this machine (they vary by run).
    List<Finding> referenced = entries.stream().flatMap(e -> e.result().stream())
        .flatMap(r -> r.findings().stream()).filter(f -> f.reference().isPresent())
        .filter(f -> showTimes || !f.measured()).toList();
    long agree = referenced.stream().filter(Finding::agrees).count();
    b.append("<header>\n<h1>").append(l.t("Bagu gallery", "Bagu 演示集")).append("</h1>\n");
    if (!otherPages.isEmpty()) {
      b.append("<p class=\"langs\">");
      otherPages.forEach((other, page) -> b.append("<a href=\"").append(page)
          .append("\" hreflang=\"").append(other.code()).append("\">")
          .append(other == Lang.ZH ? "中文版" : "English").append("</a> "));
      b.append("</p>\n");
    }
    b.append("<p>").append(l.t("Every demo at its default parameters and seed 0: the figure, the "
            + "numbers it proves beside the values the papers give, the interview answer, and the "
            + "command that draws it again.", "每个演示都取默认参数、种子 0：图、它证明的数字与论文"
            + "给出的值并排、面试怎么答，以及重画它的命令。"))
        .append("</p>\n<p class=\"totals\">").append(entries.size())
        .append(l.t(" demos · ", " 个演示 · ")).append(agree).append(l.t(" of ", " / "))
        .append(referenced.size())
        .append(l.t(" reference values agree within their tolerance", " 个参考值在容差内一致"))
        .append(showTimes ? "" : l.t(" (values measured on this machine left out)",
            "（本机实测的值不计）"));
    if (failed > 0) {
      b.append(" · <strong class=\"bad\">").append(failed).append(l.t(" failed", " 个失败"))
          .append("</strong>");
    }
    b.append("</p>\n<nav>\n");
    for (Section section : Section.values()) {
      List<GalleryEntry> in = entries.stream()
          .filter(e -> e.demo().info().section() == section).toList();
      if (in.isEmpty()) {
        continue;
      }
      b.append("<p><a href=\"#section-").append(section.letter().toLowerCase()).append("\">")
          .append(Html.escape(section.heading(l))).append("</a>: ");
      b.append(in.stream().map(e -> "<a href=\"#" + e.id() + "\">" + e.id() + "</a>")
          .collect(Collectors.joining(", ")));
      b.append("</p>\n");
    }
    b.append("</nav>\n</header>\n");
  }

  /** The width and height of a demo's PNG, for the img tag (so the page does not jump). */
  static Dimension pngSize(Result result) {
    return result.figure().preferredSize();
  }

  /**
   * The explanation as HTML after the interview answer (the card shows that under the findings),
   * its title line dropped (the card has one), ids linked.
   */
  static String explanation(GalleryEntry e, Set<String> ids) {
    String markdown;
    try {
      markdown = Explanation.of(e.demo(), e.lang()).markdownAfterAnswer();
    } catch (RuntimeException missing) { // a packaging bug, but the card is still worth showing
      markdown = "*No explanation: " + missing.getMessage() + "*";
    }
    return linkIds(Explanation.toHtml(markdown), ids);
  }

  /** The interview answer with this run's numbers, as HTML ("" when it cannot be had). */
  static String answer(GalleryEntry e, Set<String> ids) {
    try {
      Explanation x = Explanation.of(e.demo(), e.lang());
      String answer = e.result().map(r -> x.filled(r, e.params()).answer()).orElse("");
      return answer.isEmpty() ? "" : linkIds(Explanation.toHtml(answer), ids);
    } catch (RuntimeException missing) {
      return "";
    }
  }

  private static String linkIds(String html, Set<String> ids) {
    for (String id : ids) {
      html = html.replace("<code>" + id + "</code>",
          "<a href=\"#" + id + "\"><code>" + id + "</code></a>");
    }
    return html;
  }

  private static String css() {
    try (InputStream in = GalleryPage.class.getResourceAsStream("gallery.css")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
