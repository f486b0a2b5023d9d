package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Explanation;
import dev.bagu.plot.Theme;
import java.awt.Desktop;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import javax.swing.JEditorPane;
import javax.swing.event.HyperlinkEvent;
import javax.swing.text.BadLocationException;
import javax.swing.text.html.HTMLDocument;
import javax.swing.text.html.HTMLEditorKit;
import javax.swing.text.html.StyleSheet;

/**
 * A demo's Markdown explanation, rendered by commonmark to HTML and shown in a read-only
 * {@link JEditorPane}. Swing's HTML view understands only HTML 3.2 and a little CSS, which is
 * enough for what the explanations use: headings, paragraphs, lists, emphasis, code and links.
 */
final class ExplanationPane {
  // Sizes in Swing's CSS "pt", which it draws as pixels: 16 reads well on a projector. The
  // logical SansSerif family falls back to a CJK font for the seed topics when one is installed.
  private static final String CSS = String.join("\n",
      "body { font-family: " + Theme.FONT_FAMILY + "; font-size: 16pt; color: #222222;"
          + " margin-left: 12px; margin-right: 12px; margin-top: 6px; margin-bottom: 12px; }",
      "h1 { font-size: 21pt; margin-top: 4px; margin-bottom: 6px; }",
      "h2 { font-size: 18pt; margin-top: 14px; margin-bottom: 4px; color: #0072B2; }",
      "h3 { font-size: 16pt; margin-top: 10px; margin-bottom: 2px; }",
      "p { margin-top: 3px; margin-bottom: 6px; }",
      "li { margin-bottom: 3px; }",
      "code { font-family: Monospaced; font-size: 15pt; background-color: #F0F0F0; }",
      "pre { font-family: Monospaced; font-size: 15pt; background-color: #F4F4F4;"
          + " margin-top: 4px; margin-bottom: 8px; }",
      "a { color: #0072B2; }");

  private ExplanationPane() {}

  /** The whole HTML document for a Markdown text. */
  static String html(String markdown) {
    return "<html><body>" + Explanation.toHtml(markdown) + "</body></html>";
  }

  /** The explanation of a demo, or a short note saying why there is none. */
  static String htmlFor(Demo demo) {
    return htmlFor(demo, dev.bagu.i18n.Lang.EN, null, null);
  }

  /**
   * The explanation in a language, its interview answer (the first section) filled with the
   * numbers of this result when there is one.
   */
  static String htmlFor(Demo demo, dev.bagu.i18n.Lang lang, dev.bagu.demo.Result result,
      dev.bagu.demo.Params params) {
    try {
      Explanation e = Explanation.of(demo, lang);
      return html((result == null ? e : e.filled(result, params)).markdown());
    } catch (RuntimeException e) {
      // A missing resource is a packaging bug, but the figure is still worth showing.
      return html("*No explanation: " + e.getMessage() + "*");
    }
  }

  /** A read-only pane showing the HTML, scrolled to the top, with links opening in a browser. */
  static JEditorPane create(String html) {
    return create(html, 1.0);
  }

  /** The same with every font size multiplied by {@code scale} (the presenter's large text). */
  static JEditorPane create(String html, double scale) {
    HTMLEditorKit kit = new HTMLEditorKit();
    JEditorPane pane = new JEditorPane();
    pane.setEditable(false);
    pane.setEditorKit(kit);
    // Rules go into this document's own sheet: kit.getStyleSheet() is shared by every HTML pane
    // of the application, and changing it would restyle them all.
    HTMLDocument doc = (HTMLDocument) kit.createDefaultDocument();
    StyleSheet sheet = doc.getStyleSheet();
    for (String rule : CSS.split("\n")) {
      sheet.addRule(scaled(rule, scale));
    }
    try {
      kit.read(new StringReader(html), doc, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (BadLocationException e) {
      throw new IllegalStateException(e);
    }
    pane.setDocument(doc);
    pane.setCaretPosition(0);
    pane.addHyperlinkListener(e -> {
      if (e.getEventType() == HyperlinkEvent.EventType.ACTIVATED && e.getURL() != null) {
        browse(e);
      }
    });
    return pane;
  }

  /** "font-size: 16pt" → "font-size: 24pt" at scale 1.5. */
  static String scaled(String rule, double scale) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("font-size: (\\d+)pt")
        .matcher(rule);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(b, "font-size: " + Math.round(Integer.parseInt(m.group(1)) * scale)
          + "pt");
    }
    return m.appendTail(b).toString();
  }

  private static void browse(HyperlinkEvent e) {
    if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
      return; // nothing to open it with; the address is visible in the text
    }
    try {
      Desktop.getDesktop().browse(e.getURL().toURI());
    } catch (IOException | URISyntaxException ex) {
      // A link that does not open is not worth a dialog.
    }
  }
}
