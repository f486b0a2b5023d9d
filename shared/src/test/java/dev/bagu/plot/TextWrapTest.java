package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextWrapTest {
  /** The mean-shift sweep's title, which broke before "，" at the window's size. */
  private static final String TITLE = "众数个数随带宽的变化（平坦核，60 个起点，取自本次的 200 个）";

  @Test
  void closingPunctuationNeverStartsALineNorOpeningEndsOne() {
    Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    g.setFont(new java.awt.Font(Fonts.cjkFamily(List.of(TITLE)).orElse(Theme.FONT_FAMILY),
        java.awt.Font.PLAIN, 12));
    double full = Text.width(g, TITLE);
    for (double width = full / 6; width < full; width += 3) {
      List<String> lines = Text.wrap(g, TITLE, width);
      assertThat(String.join("", lines).replace(" ", "")).as("width %.0f", width)
          .isEqualTo(TITLE.replace(" ", ""));
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        assertThat(line).as("width %.0f, line %d", width, i).isNotEmpty();
        if (i > 0) {
          assertThat("，。、；：！？）").as("starts line %d at width %.0f: %s", i, width, lines)
              .doesNotContain(line.substring(0, 1));
        }
        if (i < lines.size() - 1) {
          assertThat("（").as("ends line %d at width %.0f: %s", i, width, lines)
              .doesNotContain(line.substring(line.length() - 1));
        }
      }
    }
    g.dispose();
  }

  @Test
  void unitsKeepPunctuationWithItsNeighbour() {
    assertThat(Text.units("变化（平坦核，60")).containsExactly("变", "化", "（平", "坦", "核，",
        "60");
    assertThat(Text.units("a, b (c)")).containsExactly("a, ", "b ", "(c)");
  }
}
