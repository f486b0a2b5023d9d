package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {
  private static final String GOOD = "# Title\n\n## Interview answer\nVar is {var_qk}, "
      + "{share:%} of rows, {var_qk:3} exactly, paper {var_qk:ref}, at d_k = {param:dk}.\n\n"
      + "## What it is\na\n\n## Formula\nb ℝ^{d_k}\n\n"
      + "## Reading the figure\nc\n\n## What to try\nd\n\n## Limits\ne\n\n## See also\nf\n";

  private static final List<Param<?>> PARAMS = List.of(Param.integer("dk", 64, 1, 4096, "d_k"));

  private static Result result() {
    return Result.of(Figure.single("t", XyPlot.titled("p")))
        .finding(Finding.of("var_qk", "Var", 63.8712, "").withReference(64, "Vaswani"))
        .finding(Finding.of("share", "share", 0.1823, "fraction"))
        .finding(Finding.of("time", "time", 12, "ms"));
  }

  @Test
  void splitsTitleAndSectionsInOrder() {
    Explanation e = Explanation.parse(GOOD);
    assertThat(e.title()).isEqualTo("Title");
    assertThat(e.sections().keySet()).containsExactlyElementsOf(Explanation.SECTIONS);
    assertThat(e.sections().get("Formula")).isEqualTo("b ℝ^{d_k}");
    assertThat(e.problems()).isEmpty();
    assertThat(e.placeholders()).containsExactly("var_qk", "share", "var_qk", "var_qk",
        "param:dk");
  }

  @Test
  void fillsTheInterviewAnswerWithTheRunsNumbersAndLeavesTheRestAlone() {
    Params p = Params.defaults(PARAMS).with("dk", 256);
    Explanation e = Explanation.parse(GOOD).filled(result(), p);
    assertThat(e.answer()).isEqualTo(
        "Var is 63.87, 18.2% of rows, 63.871 exactly, paper 64, at d_k = 256.");
    assertThat(e.sections().get("Formula")).as("braces outside the answer stay")
        .isEqualTo("b ℝ^{d_k}");
    assertThat(Explanation.fill("{time}", result(), p)).isEqualTo("12 ms");
  }

  @Test
  void aTimeMeasuredOnThisMachineIsLeftOutWithoutTimes() {
    Result r = Result.of(Figure.single("t", XyPlot.titled("p")))
        .finding(Finding.of("startup", "start-up", 431.4, "ms").asMeasured());
    Params p = Params.defaults(PARAMS);
    assertThat(Explanation.fill("took {startup}", r, p)).isEqualTo("took 431.4 ms");
    assertThat(Explanation.fill("took {startup}", r, p.withoutTimes()))
        .isEqualTo("took (measured on this machine; left out)");
    assertThat(Explanation.fill("用时 {startup}", r, p.withoutTimes().withLang(Lang.ZH)))
        .isEqualTo("用时 （本机实测，略去）");
  }

  @Test
  void anUnknownPlaceholderIsAnErrorThatNamesIt() {
    Params p = Params.defaults(PARAMS);
    assertThatThrownBy(() -> Explanation.fill("{nope}", result(), p))
        .hasMessageContaining("{nope}").hasMessageContaining("no finding");
    assertThatThrownBy(() -> Explanation.fill("{param:k}", result(), p))
        .hasMessageContaining("{param:k}");
    assertThatThrownBy(() -> Explanation.fill("{share:ref}", result(), p))
        .hasMessageContaining("no reference");
  }

  @Test
  void chineseSectionsAndLineJoiningBetweenChineseCharactersOnly() {
    String zh = "# 标题\n\n## 面试怎么答\n方差\n是 {var_qk}，在\nd_k = 64 时。\n\n## 是什么\na\n\n## 公式\nb\n\n"
        + "## 怎么看这张图\nc\n\n## 试一试\nd\n\n## 局限\ne\n\n## 相关演示\nf\n";
    Explanation e = Explanation.parse(Explanation.joinCjkLines(zh));
    assertThat(e.problems(Lang.ZH)).isEmpty();
    assertThat(e.problems(Lang.EN)).isNotEmpty();
    assertThat(e.answer()).isEqualTo("方差是 {var_qk}，在\nd_k = 64 时。");
    assertThat(Explanation.joinCjkLines("- 一\n- 二\n")).isEqualTo("- 一\n- 二\n");
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
