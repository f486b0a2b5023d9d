package dev.bagu.gallery;

import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.DemoNote;
import dev.bagu.demo.Explanation;
import dev.bagu.i18n.Lang;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Result;
import dev.bagu.plot.Numbers;
import java.awt.Dimension;
import java.util.List;
import java.util.Set;

/** One demo's card on the gallery page. */
final class GalleryCard {
  private static final List<String> LINKED = List.of("png", "svg", "pdf", "gif", "md", "json");

  private GalleryCard() {}

  static void append(StringBuilder b, GalleryEntry e, Set<String> ids, boolean showTimes) {
    DemoInfo info = e.demo().info();
    Lang l = e.lang();
    b.append("<article class=\"card").append(e.failed() ? " failed" : "").append("\" id=\"")
        .append(e.id()).append("\">\n");
    if (e.result().isPresent() && e.file("png").isPresent()) {
      Dimension size = GalleryPage.pngSize(e.result().get());
      String png = e.file("png").get();
      b.append("<a class=\"thumb\" href=\"").append(png).append("\"><img src=\"").append(png)
          .append("\" width=\"").append(size.width).append("\" height=\"").append(size.height)
          .append("\" alt=\"").append(Html.escape(info.title(l))).append("\"></a>\n");
    }
    b.append("<div class=\"text\">\n<h3>").append(Html.escape(info.title(l))).append("</h3>\n")
        .append("<p class=\"meta\"><code>").append(e.id()).append("</code> · <span lang=\"zh\">")
        .append(Html.escape(info.seedTopic())).append("</span></p>\n")
        .append("<p>").append(Html.escape(info.summary(l))).append("</p>\n");
    String again = DemoNote.command(e.demo(), e.params());
    if (e.failed()) {
      b.append("<p class=\"bad\">").append(l.t("Failed: ", "失败：")).append(Html.escape(e.failure().get()))
          .append("</p>\n<pre><code>").append(Html.escape(again))
          .append(" --debug</code></pre>\n");
    } else {
      links(b, e);
      b.append("<pre><code>").append(Html.escape(again)).append("</code></pre>\n");
      if (showTimes) {
        b.append("<p class=\"time\">").append(l.t("Computed in ", "计算用时 "))
            .append(e.computeMillis()).append(l.t(" ms, files written in ", " ms，写文件用时 "))
            .append(e.renderMillis()).append(" ms").append(l.t(".", "。")).append("</p>\n");
      }
    }
    b.append("</div>\n");
    if (e.result().isPresent()) {
      findings(b, e.result().get(), showTimes, l);
    }
    String answer = GalleryPage.answer(e, ids);
    if (!answer.isEmpty()) {
      b.append("<div class=\"answer\">\n<h4>").append(Explanation.answerHeading(l))
          .append("</h4>\n").append(answer).append("</div>\n");
    }
    b.append("<details>\n<summary>").append(l.t("Explanation", "讲解")).append("</summary>\n")
        .append(GalleryPage.explanation(e, ids)).append("</details>\n</article>\n");
  }

  static void findings(StringBuilder b, Result result, boolean showTimes, Lang l) {
    b.append("<table class=\"findings\">\n<thead><tr>").append(l.t("<th>finding</th><th>value"
        + "</th><th>reference</th><th>agrees</th><th>source</th>", "<th>结果</th><th>数值</th>"
        + "<th>参考值</th><th>一致</th><th>出处</th>")).append("</tr></thead>\n<tbody>\n");
    for (Finding f : result.findings()) {
      String unit = f.unit().isEmpty() ? "" : " " + f.unit();
      String value = f.measured() && !showTimes ? l.t("measured; left out", "实测，略去")
          : Numbers.readable(f.value()) + unit + (f.measured() ? l.t(" (measured here)",
          "（本机实测）") : "");
      b.append("<tr><td>").append(Html.escape(f.label())).append("</td><td class=\"num\">")
          .append(Html.escape(value)).append("</td>");
      if (f.reference().isPresent()) {
        Finding.Reference r = f.reference().get();
        boolean hidden = f.measured() && !showTimes;
        String mark = hidden ? "" : f.agrees() ? "<span class=\"ok\">✓ " + l.t("yes", "是")
            + "</span>" : "<span class=\"bad\">✗ " + l.t("no", "否") + "</span>";
        b.append("<td class=\"num\">").append(Html.escape(r.describe(Numbers::readable)))
            .append("</td><td title=\"").append(l.t("within ± ", "容差 ± ")).append(Html.escape(
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
