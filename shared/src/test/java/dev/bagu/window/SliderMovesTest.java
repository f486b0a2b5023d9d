package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import java.util.List;
import org.junit.jupiter.api.Test;

class SliderMovesTest {
  private final Params fake = Params.defaults(new FakeDemo().params()); // n = 10, log 1 … 1000

  @Test
  void movesASliderByDistinctValuesUpOrDown() {
    int up1 = SliderMoves.move(fake, "n", 1).integer("n");
    int up2 = SliderMoves.move(fake, "n", 2).integer("n");
    int down1 = SliderMoves.move(fake, "n", -1).integer("n");
    assertThat(up1).isEqualTo(11); // a log slider over integers: the next integer, not 10 again
    assertThat(up2).isEqualTo(12);
    assertThat(down1).isEqualTo(9);
    assertThat(SliderMoves.move(fake, "n", 1).real("scale")).isEqualTo(1.0);
  }

  @Test
  void stopsAtTheEndsAndKeepsTheFlags() {
    Params top = fake.with("n", 1000).withPreview(true);
    Params moved = SliderMoves.move(top, "n", 3);
    assertThat(moved.integer("n")).isEqualTo(1000);
    assertThat(moved.preview()).isTrue();
  }

  @Test
  void movesAnyNamedSliderAndNothingElse() {
    assertThat(SliderMoves.sliders(fake)).containsExactly("n", "scale");
    Params moved = SliderMoves.move(fake, "scale", 1);
    assertThat(moved.real("scale")).isGreaterThan(1.0);
    assertThat(moved.integer("n")).isEqualTo(10);
    assertThatThrownBy(() -> SliderMoves.move(fake, "nope", 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }

  @Test
  void aDemoWithoutSlidersHasNoMove() {
    Params choices = Params.defaults(List.of(Param.choice("mode", "a", List.of("a", "b"), "")));
    assertThat(SliderMoves.sliders(choices)).isEmpty();
    assertThatThrownBy(() -> SliderMoves.move(choices, "mode", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
