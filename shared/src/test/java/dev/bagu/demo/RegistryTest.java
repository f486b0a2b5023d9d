package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryTest {
  static Demo fake(String id, Section section) {
    return new Demo() {
      @Override
      public DemoInfo info() {
        return new DemoInfo(id, "Title " + id, section, "主题", "summary");
      }

      @Override
      public List<Param<?>> params() {
        return List.of();
      }

      @Override
      public Result run(Params p) {
        return Result.of(Figure.single("t", XyPlot.titled("p")));
      }
    };
  }

  @Test
  void looksUpAndGroupsBySectionInCatalogueOrder() {
    Registry r = new Registry(List.of(fake("nms", Section.VISION),
        fake("softmax-scaling", Section.ATTENTION), fake("self-attention", Section.ATTENTION)));
    assertThat(r.require("nms").info().id()).isEqualTo("nms");
    assertThat(r.bySection().keySet()).containsExactly(Section.ATTENTION, Section.VISION);
    assertThat(r.bySection().get(Section.ATTENTION)).extracting(d -> d.info().id())
        .containsExactly("softmax-scaling", "self-attention");
  }

  @Test
  void unknownIdSuggestsClosest() {
    Registry r = new Registry(List.of(fake("softmax-scaling", Section.ATTENTION),
        fake("self-attention", Section.ATTENTION)));
    assertThatThrownBy(() -> r.require("softmax-scalng")).isInstanceOf(UserException.class)
        .hasMessage("unknown demo 'softmax-scalng'; did you mean softmax-scaling? "
            + "('bagu list' shows all 2)");
    assertThatThrownBy(() -> r.require("softmax"))
        .hasMessageContaining("did you mean softmax-scaling?");
    assertThatThrownBy(() -> r.require("qqqq"))
        .hasMessage("unknown demo 'qqqq' ('bagu list' shows all 2)");
  }

  @Test
  void duplicateIdsAndBadIdsAreRejected() {
    assertThatThrownBy(() -> new Registry(List.of(fake("a", Section.VISION),
        fake("a", Section.VISION)))).hasMessageContaining("two demos share the id a");
    assertThatThrownBy(() -> fake("Bad Id", Section.VISION).info())
        .hasMessageContaining("lower-case words");
  }

  @Test
  void resultRejectsDuplicateFindingKeysAndBadKeys() {
    Result r = Result.of(Figure.single("t", XyPlot.titled("p")))
        .finding(Finding.of("var_qk", "Var", 1, ""));
    assertThatThrownBy(() -> r.finding(Finding.of("var_qk", "again", 2, "")))
        .hasMessageContaining("duplicate finding key");
    assertThatThrownBy(() -> Finding.of("VarQk", "x", 1, ""))
        .hasMessageContaining("snake_case");
    assertThat(r.finding("var_qk").withReference(1, "theory").reference()).isPresent();
  }

  @Test
  void selectOrAllKeepsTheGivenOrderOrGivesEveryDemo() {
    Registry r = new Registry(List.of(fake("a-one", Section.ATTENTION),
        fake("b-two", Section.VISION)));
    assertThat(r.selectOrAll(List.of("b-two", "a-one"))).extracting(d -> d.info().id())
        .containsExactly("b-two", "a-one");
    assertThat(r.selectOrAll(List.of())).hasSize(2);
    assertThatThrownBy(() -> r.selectOrAll(List.of("a-on"))).isInstanceOf(UserException.class)
        .hasMessageContaining("a-one");
  }
}
