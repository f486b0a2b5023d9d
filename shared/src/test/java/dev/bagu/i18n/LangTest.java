package dev.bagu.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LangTest {
  @Test
  void countsTakeTheNounInTheirNumber() {
    assertThat(Lang.EN.count(1, "box", "boxes")).isEqualTo("1 box");
    assertThat(Lang.EN.count(0, "box", "boxes")).isEqualTo("0 boxes");
    assertThat(Lang.EN.count(12, "person", "people")).isEqualTo("12 people");
    assertThat(Lang.ZH.f("%s boxes", "%s 个框", Lang.ZH.count(3, "box", "boxes")))
        .isEqualTo("3 个框");
  }

  @Test
  void textsAndFormatsFollowTheLanguage() {
    assertThat(Lang.ZH.t("seed", "种子")).isEqualTo("种子");
    assertThat(Lang.EN.f("%.1f ms", "%.1f 毫秒", 2.5)).isEqualTo("2.5 ms");
    assertThat(Lang.parse("ZH")).isEqualTo(Lang.ZH);
    assertThatThrownBy(() -> Lang.parse("fr")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fr");
  }
}
