package dev.bagu.serve;

import static dev.bagu.gallery.GalleryFragments.escape;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import java.util.List;
import java.util.Map;

/** {@code /}: every demo by section, in the chosen language, each linking to its live page. */
final class IndexPage {
  private IndexPage() {}

  static String html(Site site, Lang l) {
    StringBuilder b = new StringBuilder();
    PageFrame.open(b, l, l.t("Bagu, live", "Bagu 在线演示"), false);
    Lang other = PageFrame.other(l);
    String lang = l == site.lang() ? "" : "?lang=" + l.code();
    b.append("<header>\n<p class=\"crumbs\"><a id=\"lang-switch\" hreflang=\"")
        .append(other.code()).append("\" href=\"/").append(PageFrame.langQuery(other,
            site.lang())).append("\">").append(PageFrame.otherName(l)).append("</a></p>\n")
        .append("<h1>").append(l.t("Bagu, live", "Bagu 在线演示")).append("</h1>\n<p>")
        .append(l.t("Every demo computes its concept for real on this server. Open one, move "
            + "its sliders, and the figure, the numbers and the interview answer follow; the "
            + "address always names what you see, so a link reproduces it.",
            "每个演示都在这台服务器上真实计算。打开一个，拖动滑块，图、数字和面试答案随之更新；"
            + "地址栏始终记录当前画面，把链接发给别人就能复现。"))
        .append("</p>\n");
    if (!site.lanAddresses().isEmpty()) {
      b.append("<p class=\"share\">").append(l.t("Open on your own device: ", "在自己的设备上打开："));
      for (int i = 0; i < site.lanAddresses().size(); i++) {
        String url = site.lanAddresses().get(i);
        b.append(i == 0 ? "" : " · ").append("<a href=\"").append(escape(url)).append("\">")
            .append(escape(url)).append("</a>");
      }
      b.append("</p>\n");
    }
    b.append("</header>\n<main>\n");
    for (Map.Entry<Section, List<Demo>> e : site.registry().bySection().entrySet()) {
      Section section = e.getKey();
      b.append("<section id=\"section-").append(section.letter().toLowerCase())
          .append("\">\n<h2>").append(escape(section.heading(l))).append("</h2>\n")
          .append("<ul class=\"demos\">\n");
      for (Demo d : e.getValue()) {
        DemoInfo info = d.info();
        b.append("<li><a href=\"/demo/").append(info.id()).append(lang).append("\">")
            .append(escape(info.title(l))).append("</a> <code>").append(info.id())
            .append("</code><br><span class=\"summary\">").append(escape(info.summary(l)))
            .append("</span></li>\n");
      }
      b.append("</ul>\n</section>\n");
    }
    b.append("</main>\n");
    PageFrame.close(b, l);
    return b.toString();
  }
}
