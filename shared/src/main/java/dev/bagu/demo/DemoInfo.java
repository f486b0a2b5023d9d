package dev.bagu.demo;

import dev.bagu.i18n.Lang;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a demo is, for lists and headers, in both languages.
 *
 * <pre>{@code
 * new DemoInfo("softmax-scaling", "Why attention divides by √d_k", Section.ATTENTION,
 *     "除以根号 d_k", "Var(q·k) = d_k makes softmax saturate …")
 *     .zh("注意力为什么要除以 √d_k", "Var(q·k) = d_k 使 softmax 饱和 …");
 * }</pre>
 *
 * @param id the CLI name and file stem of its figures, lower-case words joined by '-'
 * @param title what the figure shows, in English
 * @param section the catalogue section
 * @param seedTopic the heading in the seed notes it illustrates, in Chinese ("除以根号 d_k")
 * @param summary one line on what the demo proves, in English
 * @param titleZh the title in Chinese ("" until {@link #zh} gives it; a test fails on "")
 * @param summaryZh the summary in Chinese
 */
public record DemoInfo(String id, String title, Section section, String seedTopic, String summary,
    String titleZh, String summaryZh) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public DemoInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(seedTopic, "seedTopic");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(titleZh, "titleZh");
    Objects.requireNonNull(summaryZh, "summaryZh");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("demo id must be lower-case words joined by '-': " + id);
    }
  }

  /** English only, for now: {@link #zh} adds the Chinese title and summary. */
  public DemoInfo(String id, String title, Section section, String seedTopic, String summary) {
    this(id, title, section, seedTopic, summary, "", "");
  }

  /** The same info with its Chinese title and summary. */
  public DemoInfo zh(String chineseTitle, String chineseSummary) {
    return new DemoInfo(id, title, section, seedTopic, summary, chineseTitle, chineseSummary);
  }

  public String title(Lang lang) {
    return lang.t(title, titleZh);
  }

  public String summary(Lang lang) {
    return lang.t(summary, summaryZh);
  }
}
