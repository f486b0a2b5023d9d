package dev.bagu.demo;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * A demo's run as a Markdown note to paste into one's own notes (Obsidian, Typora, a Git repo):
 * the title and seed topic, the figure as a relative image link, the findings as a GitHub table,
 * the interview answer with this run's numbers, the explanation, and the command that draws it
 * again. Pure text from the run: the same parameters and seed give the same bytes.
 */
public final class DemoNote {
  private DemoNote() {}

  /**
   * The note.
   *
   * @param png the figure's file name beside the note ("softmax-scaling.png")
   */
  public static String markdown(Demo demo, Params p, Result result, String png) {
    Lang l = p.lang();
    DemoInfo info = demo.info();
    Explanation e = Explanation.of(demo, l).filled(result, p);
    StringBuilder b = new StringBuilder();
    b.append("# ").append(info.title(l)).append("\n\n");
    b.append(l.t("Seed topic: ", "八股题目：")).append(info.seedTopic()).append(" · ")
        .append(info.section().heading(l)).append(" · `").append(info.id()).append("`\n\n");
    b.append("![").append(escapeAlt(info.title(l))).append("](").append(png).append(")\n\n");
    b.append("## ").append(l.t("Findings", "结果")).append("\n\n");
    b.append(findingsTable(result.findings(), l, p.showTimes())).append('\n');
    b.append("## ").append(Explanation.answerHeading(l)).append("\n\n")
        .append(e.answer()).append("\n\n");
    // The rest of the explanation, its headings one level down under "Explanation".
    b.append("## ").append(l.t("Explanation", "讲解")).append("\n\n");
    b.append(e.markdownAfterAnswer().replaceAll("(?m)^## ", "### ")).append("\n\n");
    b.append("## ").append(l.t("Draw it again", "重新绘制")).append("\n\n```sh\n")
        .append(command(demo, p)).append("\n```\n");
    return b.toString();
  }

  /** The findings as a GitHub-flavoured Markdown table: value, reference, agrees, source. */
  static String findingsTable(List<Finding> findings, Lang l, boolean showTimes) {
    StringBuilder b = new StringBuilder();
    b.append(l.t("| finding | value | reference | agrees | source |\n",
        "| 结果 | 数值 | 参考值 | 一致 | 出处 |\n"));
    b.append("|---|---:|---:|:---:|---|\n");
    for (Finding f : findings) {
      String unit = f.unit().isEmpty() ? "" : " " + f.unit();
      String value = f.measured() && !showTimes ? l.t("measured; left out", "实测，略去")
          : Numbers.readable(f.value()) + unit + (f.measured() ? l.t(" (measured)", "（实测）")
          : "");
      String ref = f.reference().map(r -> r.describe(Numbers::readable)).orElse("");
      String agrees = f.reference().isEmpty() || (f.measured() && !showTimes) ? ""
          : f.agrees() ? "✓" : "✗";
      String source = f.reference().map(Finding.Reference::source).orElse("");
      b.append("| ").append(cell(f.label())).append(" | ").append(cell(value)).append(" | ")
          .append(cell(ref)).append(" | ").append(agrees).append(" | ").append(cell(source))
          .append(" |\n");
    }
    return b.toString();
  }

  /** {@code ./bagu run ID -p name=value … --seed N --lang zh}: only what differs from defaults. */
  public static String command(Demo demo, Params p) {
    List<String> parts = new ArrayList<>(List.of("./bagu", "run", demo.info().id()));
    for (Param<?> param : demo.params()) {
      Object v = p.values().get(param.name());
      if (!v.equals(param.defaultValue())) {
        parts.add("-p");
        parts.add(param.name() + "=" + param.formatAny(v));
      }
    }
    if (p.seed() != Params.DEFAULT_SEED) {
      parts.add("--seed");
      parts.add(Long.toString(p.seed()));
    }
    p.input().ifPresent(f -> {
      parts.add("--input");
      parts.add(f.getFileName().toString());
    });
    if (p.lang() != Lang.EN) {
      parts.add("--lang");
      parts.add(p.lang().code());
    }
    return String.join(" ", parts);
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String escapeAlt(String s) {
    return s.replace("[", "\\[").replace("]", "\\]");
  }
}
