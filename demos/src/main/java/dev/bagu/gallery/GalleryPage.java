package dev.bagu.gallery;

import dev.bagu.demo.Explanation;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
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
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Bagu gallery</title>\n<style>\n").append(css()).append("</style>\n")
        .append("</head>\n<body>\n");
    header(b, entries);
    b.append("<main>\n");
    Set<String> ids = entries.stream().map(GalleryEntry::id).collect(Collectors.toSet());
    for (Section section : Section.values()) {
      List<GalleryEntry> in = entries.stream()
          .filter(e -> e.demo().info().section() == section).toList();
      if (in.isEmpty()) {
        continue;
      }
      b.append("<section id=\"section-").append(section.letter().toLowerCase()).append("\">\n")
          .append("<h2>").append(Html.escape(section.heading())).append("</h2>\n");
      for (GalleryEntry e : in) {
        GalleryCard.append(b, e, ids, showTimes);
      }
      b.append("</section>\n");
    }
    b.append("</main>\n<footer><p>Made by <code>bagu gallery</code>. Every number on this page "
        + "was computed by the demo that drew the figure beside it.</p></footer>\n")
        .append("</body>\n</html>\n");
    return b.toString();
  }

  private static void header(StringBuilder b, List<GalleryEntry> entries) {
    long failed = entries.stream().filter(GalleryEntry::failed).count();
    List<Finding> referenced = entries.stream().flatMap(e -> e.result().stream())
        .flatMap(r -> r.findings().stream()).filter(f -> f.reference().isPresent()).toList();
    long agree = referenced.stream().filter(Finding::agrees).count();
    b.append("<header>\n<h1>Bagu gallery</h1>\n")
        .append("<p>Every demo at its default parameters and seed 0: the figure, the numbers it "
            + "proves beside the values the papers give, and the command that draws it again."
            + "</p>\n")
        .append("<p class=\"totals\">").append(entries.size()).append(" demos · ")
        .append(agree).append(" of ").append(referenced.size())
        .append(" reference values agree within their tolerance");
    if (failed > 0) {
      b.append(" · <strong class=\"bad\">").append(failed).append(" failed</strong>");
    }
    b.append("</p>\n<nav>\n");
    for (Section section : Section.values()) {
      List<GalleryEntry> in = entries.stream()
          .filter(e -> e.demo().info().section() == section).toList();
      if (in.isEmpty()) {
        continue;
      }
      b.append("<p><a href=\"#section-").append(section.letter().toLowerCase()).append("\">")
          .append(Html.escape(section.heading())).append("</a>: ");
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

  /** The explanation as HTML, its title line dropped (the card has one), ids linked. */
  static String explanation(GalleryEntry e, Set<String> ids) {
    String markdown;
    try {
      markdown = Explanation.of(e.demo()).markdown().replaceFirst("\\A# [^\n]*\n", "");
    } catch (RuntimeException missing) { // a packaging bug, but the card is still worth showing
      markdown = "*No explanation: " + missing.getMessage() + "*";
    }
    String html = Explanation.toHtml(markdown);
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
