package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README.zh.md's demo table and topic index are made from the catalogue (Chinese titles and
 * summaries) and from README.md's topic index, so the two READMEs never disagree. When they
 * differ this test fails; {@code BAGU_WRITE_README=1} makes it write the tables instead.
 */
class ChineseReadmeTest {
  private static final Path README = Path.of("..", "README.md");
  private static final Path README_ZH = Path.of("..", "README.zh.md");
  private static final Pattern TOPIC_ROW = Pattern.compile(
      "^\\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE);

  @Test
  void chineseTablesFollowTheCatalogueAndTheEnglishTopicIndex() throws IOException {
    String zh = Files.readString(README_ZH, StandardCharsets.UTF_8);
    String expected = replace(replace(zh, "demos", demoTable()), "topics", topicIndex());
    if ("1".equals(System.getenv("BAGU_WRITE_README"))) {
      Files.writeString(README_ZH, expected, StandardCharsets.UTF_8);
      zh = expected;
    }
    assertThat(zh).as("README.zh.md (BAGU_WRITE_README=1 rewrites its tables)")
        .isEqualTo(expected);
  }

  static String demoTable() {
    StringBuilder b = new StringBuilder("| id | 章节 | 演示什么 | 八股题目 |\n|---|---|---|---|\n");
    for (Demo d : Catalogue.demos()) {
      var i = d.info();
      b.append("| `").append(i.id()).append("` | ").append(i.section().heading(Lang.ZH))
          .append(" | ").append(i.summary(Lang.ZH).replace("|", "\\|")).append(" | ")
          .append(i.seedTopic()).append(" |\n");
    }
    return b.toString();
  }

  static String topicIndex() throws IOException {
    String en = Files.readString(README, StandardCharsets.UTF_8);
    String index = en.substring(en.indexOf("## Topic index"), en.indexOf("## Layout"));
    StringBuilder b = new StringBuilder("| 章节 | 八股题目 | 演示 | 状态 |\n|---|---|---|---|\n");
    Matcher m = TOPIC_ROW.matcher(index);
    while (m.find()) {
      String section = m.group(1).strip();
      if (section.equals("section") || section.startsWith("---")) {
        continue;
      }
      String status = m.group(4).strip();
      String zhStatus = switch (status) {
        case "runnable" -> "可运行";
        case "planned" -> "计划中";
        default -> "只有文字：没有可计算的图";
      };
      String topic = m.group(2).strip().replace("(seed 003 Q3, prompt design)",
          "（seed 003 Q3，提示词设计）");
      b.append("| ").append(sectionZh(section)).append(" | ").append(topic).append(" | ")
          .append(m.group(3).strip()).append(" | ").append(zhStatus).append(" |\n");
    }
    return b.toString();
  }

  private static String sectionZh(String heading) {
    for (Section s : Section.values()) {
      if (s.heading(Lang.EN).equals(heading)) {
        return s.heading(Lang.ZH);
      }
    }
    return heading;
  }

  /** The text between {@code <!-- name -->} and {@code <!-- /name -->}, replaced. */
  private static String replace(String text, String name, String table) {
    String open = "<!-- " + name + " -->\n";
    String close = "<!-- /" + name + " -->";
    int a = text.indexOf(open);
    int z = text.indexOf(close);
    assertThat(a).as("README.zh.md has " + open.strip()).isGreaterThanOrEqualTo(0);
    assertThat(z).as("README.zh.md has " + close).isGreaterThan(a);
    return text.substring(0, a + open.length()) + table + text.substring(z);
  }
}
