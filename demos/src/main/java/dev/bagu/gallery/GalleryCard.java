package dev.bagu.gallery;

import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Result;
import dev.bagu.plot.Numbers;
import java.awt.Dimension;
import java.util.List;
import java.util.Set;

/** One demo's card on the gallery page. */
final class GalleryCard {
  private static final List<String> LINKED = List.of("png", "svg", "pdf", "gif", "json");

  private GalleryCard() {}

  static void append(StringBuilder b, GalleryEntry e, Set<String> ids, boolean showTimes) {
    DemoInfo info = e.demo().info();
    b.append("<article class=\"card").append(e.failed() ? " failed" : "").append("\" id=\"")
        .append(e.id()).append("\">\n");
    if (e.result().isPresent() && e.file("png").isPresent()) {
      Dimension size = GalleryPage.pngSize(e.result().get());
      String png = e.file("png").get();
      b.append("<a class=\"thumb\" href=\"").append(png).append("\"><img src=\"").append(png)
          .append("\" width=\"").append(size.width).append("\" height=\"").append(size.height)
          .append("\" alt=\"").append(Html.escape(info.title())).append("\"></a>\n");
    }
    b.append("<div class=\"text\">\n<h3>").append(Html.escape(info.title())).append("</h3>\n")
        .append("<p class=\"meta\"><code>").append(e.id()).append("</code> · <span lang=\"zh\">")
        .append(Html.escape(info.seedTopic())).append("</span></p>\n")
        .append("<p>").append(Html.escape(info.summary())).append("</p>\n");
    if (e.failed()) {
      b.append("<p class=\"bad\">Failed: ").append(Html.escape(e.failure().get()))
          .append("</p>\n<pre><code>./bagu run ").append(e.id()).append(" --debug</code></pre>\n");
    } else {
      links(b, e);
      b.append("<pre><code>./bagu run ").append(e.id()).append("</code></pre>\n");
      if (showTimes) {
        b.append("<p class=\"time\">Computed in ").append(e.computeMillis())
            .append(" ms, files written in ").append(e.renderMillis()).append(" ms.</p>\n");
      }
    }
    b.append("</div>\n");
    if (e.result().isPresent()) {
      findings(b, e.result().get(), showTimes);
    }
    b.append("<details>\n<summary>Explanation</summary>\n")
        .append(GalleryPage.explanation(e, ids)).append("</details>\n</article>\n");
  }

  private static void findings(StringBuilder b, Result result, boolean showTimes) {
    b.append("<table class=\"findings\">\n<thead><tr><th>finding</th><th>value</th>"
        + "<th>reference</th><th>agrees</th><th>source</th></tr></thead>\n<tbody>\n");
    for (Finding f : result.findings()) {
      String unit = f.unit().isEmpty() ? "" : " " + f.unit();
      String value = f.measured() && !showTimes ? "measured; left out"
          : Numbers.readable(f.value()) + unit + (f.measured() ? " (measured here)" : "");
      b.append("<tr><td>").append(Html.escape(f.label())).append("</td><td class=\"num\">")
          .append(Html.escape(value)).append("</td>");
      if (f.reference().isPresent()) {
        Finding.Reference r = f.reference().get();
        boolean hidden = f.measured() && !showTimes;
        String mark = hidden ? "" : f.agrees() ? "<span class=\"ok\">✓ yes</span>"
            : "<span class=\"bad\">✗ no</span>";
        b.append("<td class=\"num\">").append(Html.escape(r.describe(Numbers::readable)))
            .append("</td><td title=\"within ± ").append(Html.escape(
                Numbers.readable(r.tolerance()))).append("\">").append(mark).append("</td><td>")
            .append(Html.escape(r.source())).append("</td>");
      } else {
        b.append("<td></td><td></td><td></td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n");
  }

  private static void links(StringBuilder b, GalleryEntry e) {
    b.append("<p class=\"files\">");
    boolean first = true;
    for (String ext : LINKED) {
      if (e.file(ext).isEmpty()) {
        continue;
      }
      b.append(first ? "" : " · ").append("<a href=\"").append(e.file(ext).get()).append("\">")
          .append(ext.toUpperCase()).append("</a>");
      first = false;
    }
    b.append("</p>\n");
  }
}
