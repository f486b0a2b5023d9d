package dev.bagu.demo;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a demo is, for lists and headers.
 *
 * @param id the CLI name and file stem of its figures, lower-case words joined by '-'
 * @param title what the figure shows, in English (figures stay English without a CJK font)
 * @param section the catalogue section
 * @param seedTopic the heading in the seed notes it illustrates, in Chinese ("除以根号 d_k")
 * @param summary one line on what the demo proves
 */
public record DemoInfo(String id, String title, Section section, String seedTopic, String summary) {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  public DemoInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(seedTopic, "seedTopic");
    Objects.requireNonNull(summary, "summary");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("demo id must be lower-case words joined by '-': " + id);
    }
  }
}
