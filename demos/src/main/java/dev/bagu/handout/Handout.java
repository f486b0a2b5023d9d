package dev.bagu.handout;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import dev.bagu.demo.Demo;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.io.AtomicFiles;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Numbers;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

/**
 * {@code bagu handout}: a printable booklet for a study group. A cover with the contents (section,
 * demo, page), then each demo from a new page: title, seed topic, the figure as vector graphics,
 * the findings table, the interview answer and the explanation; page numbers in the footer and an
 * outline (bookmarks) by section and demo. Text is real text in embedded font subsets, so it can be
 * selected, searched and extracted. Same demos and language → same bytes (fixed dates and id).
 */
public final class Handout {
  private Handout() {}

  /** One demo's run at its defaults, and the page its part starts on (0-based, cover excluded). */
  private record Part(Demo demo, Params params, Result result) {}

  /** Writes the handout atomically; returns its page count. */
  public static int write(List<Demo> demos, Lang lang, Path file, int threads)
      throws IOException, InterruptedException {
    List<Part> parts = runAll(demos, lang, threads);
    int[] pageCount = new int[1];
    AtomicFiles.write(file, out -> {
      try (PDDocument doc = new PDDocument()) {
        HandoutFonts fonts = HandoutFonts.load(doc, lang == Lang.ZH);
        Map<Part, Integer> firstPage = new LinkedHashMap<>();
        try (PageFlow flow = new PageFlow(doc, fonts)) {
          for (Part part : parts) {
            flow.newPage();
            firstPage.put(part, flow.pages().size() - 1);
            demoPages(flow, fonts, part, doc);
          }
        }
        PDPage cover = new PDPage(PageFlow.SIZE);
        if (doc.getNumberOfPages() > 0) {
          doc.getPages().insertBefore(cover, doc.getPage(0));
        } else {
          doc.addPage(cover);
        }
        try (PageFlow flow = new PageFlow(doc, fonts)) {
          cover(flow, fonts, cover, parts, firstPage, lang);
          footers(flow, fonts, doc);
        }
        outline(doc, parts, firstPage, lang);
        Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        fixed.setTimeInMillis(0);
        doc.getDocumentInformation().setCreator("Bagu");
        doc.getDocumentInformation().setTitle(title(lang));
        doc.getDocumentInformation().setCreationDate(fixed);
        doc.setDocumentId(0L);
        pageCount[0] = doc.getNumberOfPages();
        doc.save(out);
      }
    });
    return pageCount[0];
  }

  static String title(Lang lang) {
    return lang.t("Bagu: the interview notes, computed and drawn",
        "Bagu 讲义：把八股文算出来、画出来");
  }

  /** Runs the demos at their defaults, several at once; results in the order given. */
  private static List<Part> runAll(List<Demo> demos, Lang lang, int threads)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try {
      List<Future<Part>> futures = new ArrayList<>();
      for (Demo d : demos) {
        futures.add(pool.submit(() -> {
          Params p = Params.defaults(d.params()).withLang(lang).withoutTimes();
          return new Part(d, p, d.run(p));
        }));
      }
      List<Part> parts = new ArrayList<>();
      for (Future<Part> f : futures) {
        try {
          parts.add(f.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
      return parts;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void demoPages(PageFlow flow, HandoutFonts fonts, Part part, PDDocument doc)
      throws IOException {
    Lang l = part.params().lang();
    var info = part.demo().info();
    flow.paragraph(info.title(l), fonts.bold, 18, PageFlow.ACCENT, 0);
    String topic = fonts.canShow(info.seedTopic()) ? info.seedTopic() + " · " : "";
    flow.paragraph(topic + info.section().heading(l) + " · " + info.id(), fonts.regular, 10,
        PageFlow.MUTED, 0);
    flow.space(6);
    Figure figure = part.result().figure();
    Dimension size = figure.preferredSize();
    PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, size.width, size.height);
    figure.paint(g, size.width, size.height);
    g.dispose();
    flow.figure(g.getXFormObject(), size.width, size.height);

    List<List<String>> rows = new ArrayList<>();
    rows.add(l == Lang.ZH ? List.of("结果", "数值", "参考值", "一致", "出处")
        : List.of("finding", "value", "reference", "agrees", "source"));
    for (Finding f : part.result().findings()) {
      String unit = f.unit().isEmpty() ? "" : " " + f.unit();
      String value = f.measured() ? l.t("measured; left out", "实测，略去")
          : Numbers.readable(f.value()) + unit;
      String ref = f.reference().map(r -> r.describe(Numbers::readable)).orElse("");
      String agrees = f.reference().isEmpty() || f.measured() ? "" : f.agrees()
          ? l.t("yes", "是") : l.t("no", "否");
      rows.add(List.of(f.label(), value, ref, agrees, f.reference()
          .map(Finding.Reference::source).orElse("")));
    }
    flow.table(rows, new float[] {0.34f, 0.15f, 0.12f, 0.07f, 0.32f}, 8.5f);

    Explanation e = Explanation.of(part.demo(), l).filled(part.result(), part.params());
    flow.heading(Explanation.answerHeading(l), 13, true);
    flow.paragraph(e.answer().replace("\n", " "), fonts.regular, 10, PageFlow.TEXT, 0);
    for (MarkdownBlocks.Block b : MarkdownBlocks.of(e.markdownAfterAnswer())) {
      switch (b.kind()) {
        case HEADING -> flow.heading(b.text(), 12, true);
        case PARAGRAPH -> flow.paragraph(b.text(), fonts.regular, 9.5f, PageFlow.TEXT, 0);
        case ITEM -> flow.bullet(b.text(), fonts.regular, 9.5f);
        case CODE -> flow.code(b.text(), 8);
        default -> throw new IllegalStateException(b.kind().name());
      }
    }
    flow.space(6);
    flow.paragraph("$ " + dev.bagu.demo.DemoNote.command(part.demo(), part.params()),
        fonts.mono, 9, PageFlow.MUTED, 0);
  }

  /** Title, how to use it, and the contents: section, then each demo with its page number. */
  private static void cover(PageFlow flow, HandoutFonts fonts, PDPage cover, List<Part> parts,
      Map<Part, Integer> firstPage, Lang l) throws IOException {
    float top = PageFlow.SIZE.getHeight() - PageFlow.MARGIN;
    float x = PageFlow.MARGIN;
    float right = PageFlow.MARGIN + PageFlow.WIDTH;
    flow.showOn(cover, title(l), fonts.bold, 20, PageFlow.ACCENT, x, top - 20, false);
    flow.showOn(cover, l.t("Every figure computed by its demo at the default parameters and "
        + "seed 0; every number beside the paper's value.", "每张图都由演示在默认参数、种子 0 下"
        + "算出；每个数字都与论文给出的值并排。"), fonts.regular, 9.5f, PageFlow.MUTED, x,
        top - 40, false);
    flow.showOn(cover, l.t("Contents", "目录"), fonts.bold, 14, PageFlow.TEXT, x, top - 70, false);
    float y = top - 92;
    float leading = parts.size() > 40 ? 12.5f : 14f;
    Section shown = null;
    for (Part part : parts) {
      var info = part.demo().info();
      if (info.section() != shown) {
        shown = info.section();
        y -= 3;
        flow.showOn(cover, shown.heading(l), fonts.bold, 10.5f, PageFlow.ACCENT, x, y, false);
        y -= leading;
      }
      flow.showOn(cover, info.title(l) + "  (" + info.id() + ")", fonts.regular, 9.5f,
          PageFlow.TEXT, x + 14, y, false);
      flow.showOn(cover, Integer.toString(firstPage.get(part) + 2), fonts.regular, 9.5f,
          PageFlow.TEXT, right, y, true);
      y -= leading;
    }
  }

  /** "3 / 57" centred at the foot of every page. */
  private static void footers(PageFlow flow, HandoutFonts fonts, PDDocument doc)
      throws IOException {
    int n = doc.getNumberOfPages();
    float centre = PageFlow.SIZE.getWidth() / 2;
    for (int i = 0; i < n; i++) {
      String text = (i + 1) + " / " + n;
      float w = flow.width(text, fonts.regular, 9);
      flow.showOn(doc.getPage(i), text, fonts.regular, 9, PageFlow.MUTED, centre - w / 2,
          PageFlow.MARGIN - 10, false);
    }
  }

  /** Bookmarks: one per section, and under it one per demo, opening at its first page. */
  private static void outline(PDDocument doc, List<Part> parts, Map<Part, Integer> firstPage,
      Lang l) {
    PDDocumentOutline outline = new PDDocumentOutline();
    doc.getDocumentCatalog().setDocumentOutline(outline);
    PDOutlineItem section = null;
    Section current = null;
    for (Part part : parts) {
      var info = part.demo().info();
      PDPage page = doc.getPage(firstPage.get(part) + 1); // after the cover
      if (info.section() != current) {
        current = info.section();
        section = new PDOutlineItem();
        section.setTitle(current.heading(l));
        section.setDestination(destination(page));
        outline.addLast(section);
      }
      PDOutlineItem item = new PDOutlineItem();
      item.setTitle(info.title(l));
      item.setDestination(destination(page));
      section.addLast(item);
    }
    outline.openNode();
  }

  private static PDPageFitWidthDestination destination(PDPage page) {
    PDPageFitWidthDestination d = new PDPageFitWidthDestination();
    d.setPage(page);
    return d;
  }
}
