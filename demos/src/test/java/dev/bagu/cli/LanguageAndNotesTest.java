package dev.bagu.cli;

import static dev.bagu.cli.CliTest.bagu;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bagu.io.Json;
import dev.bagu.plot.Fonts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --lang}, the Markdown note ({@code --format md}), the two-language gallery and the
 * handout, through the command line, on the demo that was first made bilingual.
 */
class LanguageAndNotesTest {
  private static final String ID = "softmax-scaling";
  private static final String[] FAST = {"-p", "samples=1000", "-p", "trials=100"};

  @TempDir Path dir;

  private static String[] args(String... head) {
    String[] all = new String[head.length + FAST.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(FAST, 0, all, head.length, FAST.length);
    return all;
  }

  @Test
  void anUnknownLanguageIsAUserErrorThatSaysWhatIsAllowed() {
    CliTest.Run r = bagu("run", ID, "--lang", "fr", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("bagu: --lang: language 'fr' is not known: allowed en, zh\n");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void chineseRunWritesChineseTitleAndLabelsWithTheSameKeys() throws IOException {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font installed here");
    CliTest.Run r = bagu(args("run", ID, "--lang", "zh", "--out", dir.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("注意力为什么要除以 √d_k").contains("结果").contains("参考值");
    JsonNode json = Json.mapper().readTree(dir.resolve(ID + ".json").toFile());
    assertThat(json.get("lang").asText()).isEqualTo("zh");
    assertThat(json.get("title").asText()).isEqualTo("注意力为什么要除以 √d_k");
    assertThat(json.get("findings").get(0).get("key").asText()).isEqualTo("var_qk_unscaled");
    assertThat(json.get("findings").get(0).get("label").asText()).contains("未缩放");
  }

  @Test
  void theMarkdownNoteLinksItsPngTabulatesFindingsAndSaysHowToDrawItAgain() throws IOException {
    CliTest.Run r = bagu(args("run", ID, "--format", "md", "--seed", "3", "--out",
        dir.toString()));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve(ID + ".png")).as("the PNG the note links").exists();
    String note = Files.readString(dir.resolve(ID + ".md"), StandardCharsets.UTF_8);
    assertThat(note).startsWith("# Why attention divides by √d_k\n")
        .contains("![Why attention divides by √d_k](softmax-scaling.png)")
        .contains("| finding | value | reference | agrees | source |")
        .contains("| Var(q·k), unscaled | ")
        .contains("## Interview answer\n\nAttention divides q·k by √d_k")
        .contains("### Formula")
        .contains("./bagu run softmax-scaling -p samples=1000 -p trials=100 --seed 3");
    assertThat(note).doesNotContain("{var_qk_unscaled}");
    Path again = dir.resolve("again");
    assertThat(bagu(args("run", ID, "--format", "md", "--seed", "3", "--out", again.toString()))
        .code()).isZero();
    assertThat(Files.readString(again.resolve(ID + ".md"))).isEqualTo(note);
  }

  @Test
  void describeInChineseShowsTheInterviewAnswerFirstWithNumbers() {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font installed here");
    CliTest.Run r = bagu("describe", ID, "--lang", "zh");
    assertThat(r.code()).as(r.err()).isZero();
    String out = r.out();
    assertThat(out.indexOf("## 面试怎么答")).isPositive().isLessThan(out.indexOf("## 是什么"));
    assertThat(out).containsPattern("测得未缩放的方差为 6\\d\\.\\d+").doesNotContain("{var_qk_unscaled}")
        .contains("## 参数");
  }

  @Test
  void aTwoLanguageGalleryWritesTwoPagesThatLinkEachOther() throws IOException {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font installed here");
    CliTest.Run r = bagu("gallery", ID, "--lang", "en,zh", "--format", "png,md", "--out",
        dir.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(dir.resolve(ID + ".png")).exists();
    assertThat(dir.resolve(ID + ".zh.png")).exists();
    assertThat(dir.resolve(ID + ".zh.md")).exists();
    String en = Files.readString(dir.resolve("index.html"));
    String zh = Files.readString(dir.resolve("index.zh.html"));
    assertThat(en).contains("<html lang=\"en\">").contains("href=\"index.zh.html\"")
        .contains("src=\"" + ID + ".png\"").contains("Interview answer")
        .contains("href=\"" + ID + ".md\"");
    assertThat(zh).contains("<html lang=\"zh\">").contains("href=\"index.html\"")
        .contains("src=\"" + ID + ".zh.png\"").contains("面试怎么答").contains("Bagu 演示集");
  }

  @Test
  void theHandoutHasACoverOutlineRealTextAndTheSameBytesTwice() throws IOException {
    Path pdf = dir.resolve("handout.pdf");
    CliTest.Run r = bagu("handout", ID, "self-attention", "--out", pdf.toString());
    assertThat(r.code()).as(r.err()).isZero();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      assertThat(doc.getNumberOfPages()).as("a cover and at least a page per demo")
          .isGreaterThanOrEqualTo(3);
      PDOutlineItem section = doc.getDocumentCatalog().getDocumentOutline().getFirstChild();
      assertThat(section.getTitle()).isEqualTo("A. Attention");
      assertThat(section.getFirstChild().getTitle()).isEqualTo("Self-attention, step by step");
      assertThat(section.getLastChild().getTitle()).isEqualTo("Why attention divides by √d_k");
      String text = new PDFTextStripper().getText(doc);
      assertThat(text).contains("Contents").contains("Why attention divides by √d_k")
          .contains("Interview answer").contains("Var(q·k), unscaled")
          .contains("1 / " + doc.getNumberOfPages());
    }
    Path again = dir.resolve("again.pdf");
    assertThat(bagu("handout", ID, "self-attention", "--out", again.toString()).code()).isZero();
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(pdf));
  }

  @Test
  void aHandoutMustBeAPdf() {
    CliTest.Run r = bagu("handout", ID, "--out", dir.resolve("h.txt").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("name it FILE.pdf");
  }
}
