package dev.bagu.serve;

import static dev.bagu.gallery.GalleryFragments.escape;

import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Explanation;
import dev.bagu.i18n.Lang;
import java.util.Map;

/**
 * {@code /demo/ID?…}: one demo, live. The gallery's card (figure, findings, interview answer,
 * explanation) with a control for every parameter; the script reruns the demo on the server when
 * a control moves and swaps in the new figure, findings and answer without reloading the page.
 */
final class DemoPage {
  private DemoPage() {}

  static String html(ViewParts parts, Site site) {
    ViewRequest v = parts.view();
    Lang l = v.lang();
    DemoInfo info = v.demo().info();
    StringBuilder b = new StringBuilder();
    PageFrame.open(b, l, info.title(l) + " · Bagu", true);
    Lang other = PageFrame.other(l);
    String otherSearch = new ViewRequest(v.demo(), v.params().withLang(other).withPreview(false),
        v.inputHash(), v.serverLang(), false).search();
    b.append("<header>\n<p class=\"crumbs\"><a href=\"/").append(PageFrame.langQuery(l,
            v.serverLang())).append("\">").append(l.t("← all demos", "← 全部演示"))
        .append("</a> · <a id=\"lang-switch\" hreflang=\"").append(other.code())
        .append("\" data-lang=\"").append(other.code()).append("\" href=\"/demo/")
        .append(v.id()).append(escape(otherSearch)).append("\">")
        .append(PageFrame.otherName(l)).append("</a></p>\n<h1>")
        .append(escape(info.title(l))).append("</h1>\n<p class=\"meta\"><code>").append(v.id())
        .append("</code> · <span lang=\"zh\">").append(escape(info.seedTopic()))
        .append("</span></p>\n<p>").append(escape(info.summary(l))).append("</p>\n</header>\n");
    b.append("<main>\n<article class=\"card live\" id=\"view\" data-demo=\"").append(v.id())
        .append("\" data-lang=\"").append(l.code()).append("\" data-server-lang=\"")
        .append(v.serverLang().code()).append("\" data-input=\"")
        .append(v.inputHash() == null ? "" : v.inputHash()).append("\" data-upload-limit=\"")
        .append(site.uploadLimitBytes()).append("\"");
    texts(b, l, site);
    b.append(">\n<div class=\"figure\">\n<img id=\"figure\" src=\"").append(escape(parts.figure()))
        .append("\" width=\"").append(parts.size().width).append("\" height=\"")
        .append(parts.size().height).append("\" alt=\"").append(escape(info.title(l)))
        .append("\">\n<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">"
            + "</p>\n</div>\n");
    b.append("<form id=\"controls\" class=\"controls\" autocomplete=\"off\">\n")
        .append(Controls.html(v.params(), l));
    if (v.demo().acceptsInput()) {
      upload(b, v, l, site);
    }
    b.append("</form>\n<p id=\"error\" class=\"bad error\" role=\"alert\" hidden></p>\n")
        .append("<div id=\"findings\" class=\"findings-box\">").append(parts.findings())
        .append("</div>\n<div class=\"answer\">\n<h4>").append(Explanation.answerHeading(l))
        .append("</h4>\n<div id=\"answer\">").append(parts.answer()).append("</div>\n</div>\n");
    downloads(b, parts.downloads(), l);
    b.append("<pre><code id=\"command\">").append(escape(parts.command()))
        .append("</code></pre>\n<details>\n<summary>").append(l.t("Explanation", "讲解"))
        .append("</summary>\n").append(explanation(v, site)).append("</details>\n")
        .append("</article>\n</main>\n");
    PageFrame.close(b, l);
    return b.toString();
  }

  /** Texts the script shows, in the page's language. */
  private static void texts(StringBuilder b, Lang l, Site site) {
    attribute(b, "data-t-computing", l.t("computing…", "计算中…"));
    attribute(b, "data-t-busy", l.t("The server is busy; trying again in %s s…",
        "服务器正忙，%s 秒后重试…"));
    attribute(b, "data-t-too-large", l.f("The file is larger than %s.", "文件超过 %s。",
        site.uploadLimitText()));
    attribute(b, "data-t-failed", l.t("The server did not answer: ", "服务器没有响应："));
    attribute(b, "data-t-preview", l.t("preview · full result on release",
        "预览 · 松开滑块后显示完整结果"));
  }

  private static void attribute(StringBuilder b, String name, String value) {
    b.append(' ').append(name).append("=\"").append(escape(value)).append('"');
  }

  private static void upload(StringBuilder b, ViewRequest v, Lang l, Site site) {
    b.append("<div class=\"control upload\">\n<label for=\"upload\">")
        .append(l.t("Your own data (CSV)", "你自己的数据（CSV）")).append("</label>\n")
        .append("<input type=\"file\" id=\"upload\" accept=\".csv,text/csv,text/plain\">\n")
        .append("<span id=\"upload-name\">").append(escape(v.params().input()
            .map(f -> f.getFileName().toString()).orElse(""))).append("</span>\n")
        .append("<button type=\"button\" id=\"clear-upload\"")
        .append(v.inputHash() == null ? " hidden" : "").append(">")
        .append(l.t("Use the built-in data", "改用内置数据")).append("</button>\n<small>")
        .append(l.f("At most %s. Read in memory, checked by the same parser as "
            + "<code>bagu run --input</code>, never saved to disk.", "最大 %s。只在内存中读取，"
            + "用与 <code>bagu run --input</code> 相同的解析器检查，从不写入磁盘。",
            site.uploadLimitText())).append("</small>\n</div>\n");
  }

  private static void downloads(StringBuilder b, Map<String, String> downloads, Lang l) {
    b.append("<p class=\"files\" id=\"downloads\">").append(l.t("Download: ", "下载："));
    boolean first = true;
    for (Map.Entry<String, String> e : downloads.entrySet()) {
      String label = e.getKey().equals("md") ? "Markdown" : e.getKey().toUpperCase();
      b.append(first ? "" : " · ").append("<a id=\"dl-").append(e.getKey())
          .append("\" download href=\"").append(escape(e.getValue())).append("\">")
          .append(label).append("</a>");
      first = false;
    }
    b.append("</p>\n");
  }

  private static String explanation(ViewRequest v, Site site) {
    String markdown;
    try {
      markdown = Explanation.of(v.demo(), v.lang()).markdownAfterAnswer();
    } catch (RuntimeException missing) {
      markdown = "*No explanation: " + missing.getMessage() + "*";
    }
    return ViewParts.linkIds(Explanation.toHtml(markdown), site.ids(), v);
  }
}
