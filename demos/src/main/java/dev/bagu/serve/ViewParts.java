package dev.bagu.serve;

import dev.bagu.demo.DemoNote;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Result;
import dev.bagu.gallery.GalleryFragments;
import dev.bagu.i18n.Lang;
import java.awt.Dimension;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a demo's page that change with its controls: the figure's address, the findings
 * table and the interview answer (both as the gallery draws them), the download addresses and
 * the command that draws the same view. The page is built from them once; the script swaps them
 * in after each change.
 */
record ViewParts(ViewRequest view, Result result, String figure, Dimension size,
    String findings, String answer, String command, Map<String, String> downloads) {

  static ViewParts of(ViewRequest v, Result result, Artifact display, Site site) {
    Lang l = v.lang();
    String figure = "/figure/" + v.id() + "." + display.extension() + v.search();
    // Downloads and the command are the full run's, also under a preview.
    String fullSearch = v.full().search();
    Map<String, String> downloads = new LinkedHashMap<>();
    for (Artifact a : new Artifact[] {Artifact.PNG, Artifact.SVG, Artifact.JSON, Artifact.MD}) {
      downloads.put(a.extension(), "/download/" + v.id() + "." + a.extension() + fullSearch);
    }
    String answer = "";
    try {
      answer = Explanation.of(v.demo(), l).filled(result, v.params()).answer();
    } catch (RuntimeException missing) { // a packaging bug: the page is still worth showing
      answer = "";
    }
    return new ViewParts(v, result, figure, Artifacts.figureSize(result),
        GalleryFragments.findingsTable(result, v.params().showTimes(), l),
        linkIds(Explanation.toHtml(answer), site.ids(), v), DemoNote.command(v.demo(),
            v.full().params()), downloads);
  }

  /** What the page's script reads after a change ({@code /api/run/ID}). */
  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", view.id());
    m.put("query", view.full().query());
    m.put("preview", view.preview());
    m.put("figure", figure);
    m.put("width", size.width);
    m.put("height", size.height);
    m.put("findings", findings);
    m.put("answer", answer);
    m.put("command", command);
    m.put("downloads", downloads);
    m.put("input", view.inputHash());
    m.put("inputName", view.params().input().map(f -> f.getFileName().toString()).orElse(null));
    return m;
  }

  /** {@code <code>kmeans</code>} in explanations becomes a link to that demo's page. */
  static String linkIds(String html, Set<String> ids, ViewRequest v) {
    String lang = v.lang() == v.serverLang() ? "" : "?lang=" + v.lang().code();
    for (String id : ids) {
      html = html.replace("<code>" + id + "</code>",
          "<a href=\"/demo/" + id + lang + "\"><code>" + id + "</code></a>");
    }
    return html;
  }
}
