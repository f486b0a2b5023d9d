package dev.bagu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Demo;
import dev.bagu.demos.Catalogue;
import org.junit.jupiter.api.Test;

class FirstDragsTest {
  private final Demo alibi = Catalogue.registry().require("alibi");

  @Test
  void timesTenDragsOfTheSliderWithAndWithoutTheWarmUp() throws Exception {
    for (boolean warmUp : new boolean[] {false, true}) {
      double[] millis = FirstDrags.measure(alibi, "heads", warmUp, 0);
      assertThat(millis).hasSize(FirstDrags.DRAGS);
      assertThat(java.util.Arrays.stream(millis).min().orElseThrow()).isPositive();
    }
  }

  @Test
  void refusesASliderTheDemoDoesNotHaveNamingThoseItHas() {
    assertThatThrownBy(() -> FirstDrags.measure(alibi, "depth", true, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no slider 'depth' in alibi").hasMessageContaining("heads");
  }
}
