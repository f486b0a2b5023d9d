package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class FontsTest {
  @Test
  void findsChineseCharactersAndPunctuation() {
    assertThat(Fonts.hasCjk("Var(q·k) d_k √ ‖J‖ ≤ θ")).isFalse();
    assertThat(Fonts.hasCjk("方差")).isTrue();
    assertThat(Fonts.hasCjk("a，b")).isTrue(); // full-width comma
  }

  @Test
  void aFigureWithoutChineseKeepsTheThemeFont() {
    assertThat(Fonts.familyFor(List.of("Variance of the scores", "d_k", "√"))).isEqualTo(
        Theme.FONT_FAMILY);
  }

  @Test
  void aChineseFigureGetsAFontThatDrawsEveryString() {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font installed here");
    List<String> texts = List.of("分数的方差", "Var(q·k)，未缩放", "d_k（理论）");
    String family = Fonts.familyFor(texts);
    assertThat(family).isNotEqualTo(Theme.FONT_FAMILY);
    Font f = new Font(family, Font.PLAIN, 12);
    assertThat(texts).allMatch(t -> f.canDisplayUpTo(t) == -1);
  }

  @Test
  void themeFontsFollowTheFamilyWhilePaintingAndComeBackAfter() {
    String before = Theme.panelTitle().getFamily();
    Theme.withFontFamily(Font.SERIF, () ->
        assertThat(Theme.panelTitle().getName()).isEqualTo(Font.SERIF));
    assertThat(Theme.panelTitle().getFamily()).isEqualTo(before);
  }
}
