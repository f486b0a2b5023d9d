package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import dev.bagu.plot.FigureExport;
import dev.bagu.plot.XyPlot;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreviewTest {
  private static final List<Param<?>> DECLARED =
      List.of(Param.integer("samples", 1000, 10, 100_000, "Draws"));

  /** Draws p.preview() ? 10 : samples points, if it has a preview at all. */
  private record Sampler(boolean hasPreview) implements Demo {
    @Override
    public DemoInfo info() {
      return new DemoInfo("sampler", "Sampler", Section.TRAINING, "采样", "Samples.");
    }

    @Override
    public List<Param<?>> params() {
      return DECLARED;
    }

    @Override
    public Result run(Params p) {
      int n = hasPreview && p.preview() ? 10 : p.integer("samples");
      double[] x = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i;
      }
      return Result.of(Figure.single("t", XyPlot.titled("p").axes("i", "i").line("i", x, x)))
          .data("n", n);
    }
  }

  @Test
  void theFlagIsOffByDefaultAndKeptByEveryCopy() {
    Params p = Params.defaults(DECLARED);
    assertThat(p.preview()).isFalse();
    assertThat(Params.parse("sampler", DECLARED, Map.of("samples", "500")).preview()).isFalse();
    Params q = p.withPreview(true);
    assertThat(q.preview()).isTrue();
    assertThat(q.with("samples", 20).preview()).isTrue();
    assertThat(q.withSeed(3).withLang(Lang.ZH).withoutTimes().preview()).isTrue();
    assertThat(q.withPreview(false).preview()).isFalse();
    assertThat(q.values()).isEqualTo(p.values()); // not a parameter: JSON and summaries ignore it
    assertThat(q.summary()).isEqualTo(p.summary());
  }

  @Test
  void theCommandLineCannotAskForAPreview() {
    assertThatThrownBy(() -> Params.parse("sampler", DECLARED, Map.of("preview", "true")))
        .isInstanceOf(UserException.class).hasMessageContaining("unknown parameter 'preview'");
  }

  @Test
  void aReducedPreviewIsStampedInItsLanguageAndTheFullRunIsNot() {
    Demo demo = new Sampler(true);
    Params full = Params.defaults(DECLARED);
    Result preview = Preview.run(demo, full.withPreview(true));
    assertThat(preview.data().get("n")).isEqualTo(10);
    assertThat(preview.figure().stamp()).isEqualTo("preview");
    assertThat(Preview.run(demo, full.withPreview(true).withLang(Lang.ZH)).figure().stamp())
        .isEqualTo("预览");
    Result whole = Preview.run(demo, full);
    assertThat(whole.data().get("n")).isEqualTo(1000);
    assertThat(whole.figure().stamp()).isEmpty();
  }

  @Test
  void aDemoWithoutAPreviewRunsFullyAndUnstamped() {
    Result r = Preview.run(new Sampler(false), Params.defaults(DECLARED).withPreview(true));
    assertThat(r.data().get("n")).isEqualTo(1000);
    assertThat(r.figure().stamp()).isEmpty();
  }

  @Test
  void theStampIsPaintedInTheTopRightCornerAndNowhereElse() {
    double[] x = {0, 1};
    Figure plain = Figure.single("A title", XyPlot.titled("p").axes("x", "y").line("l", x, x));
    Figure stamped = Figure.single("A title", XyPlot.titled("p").axes("x", "y").line("l", x, x))
        .stamp("preview");
    BufferedImage a = FigureExport.image(plain, 1600, 1000, 96);
    BufferedImage b = FigureExport.image(stamped, 1600, 1000, 96);
    int changedInCorner = 0;
    for (int y = 0; y < b.getHeight(); y++) {
      for (int x0 = 0; x0 < b.getWidth(); x0++) {
        if (a.getRGB(x0, y) != b.getRGB(x0, y)) {
          assertThat(x0).as("changed pixel column").isGreaterThan(1600 - 300);
          assertThat(y).as("changed pixel row").isLessThan(80);
          changedInCorner++;
        }
      }
    }
    assertThat(changedInCorner).isGreaterThan(2000); // a filled badge, not a speck
  }
}
