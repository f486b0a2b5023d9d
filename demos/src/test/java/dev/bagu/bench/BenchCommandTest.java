package dev.bagu.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.io.Json;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Sleeps a known time in run(), so the compute median has a floor the test can check. */
  static final class SleepyDemo implements Demo {
    @Override
    public DemoInfo info() {
      return new DemoInfo("sleepy", "Sleeps", Section.TRAINING, "睡", "Sleeps 30 ms.");
    }

    @Override
    public List<Param<?>> params() {
      return List.of();
    }

    @Override
    public Result run(Params p) {
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return Result.of(Figure.single("t", XyPlot.titled("x").line("y", new double[] {0, 1},
          new double[] {0, 1})).preferredSize(300, 200)).finding(Finding.of("one", "1", 1, ""));
    }
  }

  /** Two sliders: moving "slow" off its default costs 100 ms more, moving "fast" nothing. */
  static final class TwoSlidersDemo implements Demo {
    @Override
    public DemoInfo info() {
      return new DemoInfo("two-sliders", "Two sliders", Section.TRAINING, "两个滑块",
          "One slider is slow.");
    }

    @Override
    public List<Param<?>> params() {
      return List.of(Param.integer("fast", 10, 1, 20, "costs nothing"),
          Param.integer("slow", 10, 1, 20, "costs 100 ms off its default"));
    }

    @Override
    public Result run(Params p) {
      if (p.integer("slow") != 10) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Result.of(Figure.single("t", XyPlot.titled("x").line("y", new double[] {0, 1},
          new double[] {0, 1})).preferredSize(300, 200));
    }
  }

  private int bench(String... args) {
    return Bagu.execute(new Registry(List.of(new SleepyDemo(), new TwoSlidersDemo())), args,
        new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void printsATableAndWritesJsonWithTheGalleryTime() throws IOException {
    Path json = dir.resolve("sub/bench.json");
    assertThat(bench("bench", "sleepy", "--runs", "3", "--out", json.toString())).isZero();
    assertThat(out.toString()).contains("demo", "first run", "compute", "render", "repaint",
        "preview", "= repaint", "peak heap", "sleepy", "gallery of 1 demos", "wrote " + json);
    JsonNode root = Json.mapper().readTree(json.toFile());
    assertThat(root.get("warmRuns").asInt()).isEqualTo(3);
    JsonNode demo = root.get("demos").get(0);
    assertThat(demo.get("id").asText()).isEqualTo("sleepy");
    assertThat(demo.get("computeMillis").asDouble()).isBetween(29.0, 1000.0);
    assertThat(demo.get("coldMillis").asDouble()).isGreaterThanOrEqualTo(29.0);
    assertThat(demo.get("renderMillis").asDouble()).isPositive();
    // A change in the window: the 30 ms run on the background runner, then the painting.
    assertThat(demo.get("repaintMillis").asDouble()).isBetween(29.0, 1000.0);
    assertThat(demo.get("hasPreview").asBoolean()).isFalse();
    assertThat(demo.get("previewMillis").asDouble()).isEqualTo(demo.get("repaintMillis")
        .asDouble());
    assertThat(demo.get("peakHeapMb").asDouble()).isPositive();
    assertThat(root.get("gallery").get("wallMillis").asLong()).isGreaterThanOrEqualTo(30);
  }

  @Test
  void everySliderIsDraggedAndTheSlowestIsNamed() throws IOException {
    Path json = dir.resolve("bench.json");
    assertThat(bench("bench", "two-sliders", "--runs", "3", "--no-gallery", "--out",
        json.toString())).isZero();
    JsonNode demo = Json.mapper().readTree(json.toFile()).get("demos").get(0);
    assertThat(demo.get("previewSlider").asText()).isEqualTo("slow");
    assertThat(demo.get("previewMillis").asDouble()).isGreaterThanOrEqualTo(100.0);
    assertThat(demo.get("previewBySlider").get("slow").asDouble()).isGreaterThanOrEqualTo(100.0);
    assertThat(demo.get("previewBySlider").has("fast")).isTrue();
    // The first slider released: "fast", which costs nothing, so the repaint is under the drag.
    assertThat(demo.get("repaintMillis").asDouble())
        .isLessThan(demo.get("previewMillis").asDouble());
    assertThat(out.toString()).containsPattern("\\d+ ms slow");
  }

  @Test
  void runsOutOfRangeIsAUserError() {
    assertThat(bench("bench", "--runs", "0", "--out", dir.resolve("b.json").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--runs 0 is out of range: allowed 1 to 100");
    assertThat(dir.resolve("b.json")).doesNotExist();
  }
}
