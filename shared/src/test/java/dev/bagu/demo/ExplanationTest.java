package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final String GOOD = "# Title\n\n## What it is\na\n\n## Formula\nb\n\n"
      + "## Reading the figure\nc\n\n## What to try\nd\n\n## Limits\ne\n\n## See also\nf\n";

  @Test
  void splitsTitleAndSectionsInOrder() {
    Explanation e = Explanation.parse(GOOD);
    assertThat(e.title()).isEqualTo("Title");
    assertThat(e.sections().keySet()).containsExactlyElementsOf(Explanation.SECTIONS);
    assertThat(e.sections().get("Formula")).isEqualTo("b");
    assertThat(e.problems()).isEmpty();
  }

  @Test
  void reportsMissingEmptyOrMisorderedSections() {
    assertThat(Explanation.parse(GOOD.replace("## Limits\ne\n", "")).problems())
        .anyMatch(p -> p.startsWith("sections are"));
    assertThat(Explanation.parse(GOOD.replace("## Limits\ne\n", "## Limits\n")).problems())
        .contains("section 'Limits' is empty");
    assertThat(Explanation.parse(GOOD.replace("# Title\n", "")).problems())
        .contains("no '# title' line");
  }
}
