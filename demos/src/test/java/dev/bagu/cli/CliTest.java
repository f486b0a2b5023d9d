package dev.bagu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.Catalogue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line, in-process: output, exit codes and every error message. */
class CliTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  static Run bagu(Registry registry, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Bagu.execute(registry, args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  static Run bagu(String... args) {
    return bagu(Catalogue.registry(), args);
  }

  private long filesIn(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }

  @Test
  void listShowsSectionsIdsTitlesAndTopics() {
    Run r = bagu("list");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("A. Attention").contains("softmax-scaling")
        .contains("Why attention divides by √d_k").contains("除以根号 d_k");
  }

  @Test
  void listJsonIsAnArrayOfDemos() throws IOException {
    Run r = bagu("list", "--json");
    assertThat(r.code()).isZero();
    var json = dev.bagu.io.Json.mapper().readTree(r.out());
    assertThat(json.isArray()).isTrue();
    // Look the demo up by id: its place in the list follows the catalogue and may move.
    var demo = java.util.stream.StreamSupport.stream(json.spliterator(), false)
        .filter(d -> d.get("id").asText().equals("softmax-scaling")).findFirst().orElseThrow();
    assertThat(demo.get("seedTopic").asText()).isEqualTo("除以根号 d_k");
    assertThat(demo.get("section").asText()).isEqualTo("A. Attention");
  }

  @Test
  void describeShowsExplanationParametersAndFindings() {
    Run r = bagu("describe", "softmax-scaling");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("## Formula").contains("## Parameters")
        .contains("integers 1 to 4096").contains("var_qk_unscaled")
        .contains("Vaswani et al. 2017");
  }

  @Test
  void runPrintsTheFindingsTableAndWritesFilesAndJson() throws IOException {
    Path out = dir.resolve("figs");
    Run r = bagu("run", "softmax-scaling", "--out", out.toString(), "-p", "samples=2000",
        "-p", "trials=100", "--seed", "3", "--format", "png,pdf", "--size", "900x600");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("Var(q·k), unscaled").contains("reference")
        .contains("wrote " + out.resolve("softmax-scaling.png"))
        .contains("dk=64, keys=64, samples=2000, trials=100, seed=3");
    assertThat(out.resolve("softmax-scaling.png")).exists();
    assertThat(out.resolve("softmax-scaling.pdf")).exists();
    var json = dev.bagu.io.Json.mapper().readTree(out.resolve("softmax-scaling.json").toFile());
    assertThat(json.get("seed").asLong()).isEqualTo(3);
    assertThat(json.get("params").get("samples").asInt()).isEqualTo(2000);
    assertThat(json.get("findings").get(0).get("reference").get("value").asDouble())
        .isEqualTo(64);
    var img = javax.imageio.ImageIO.read(out.resolve("softmax-scaling.png").toFile());
    assertThat(img.getWidth()).isEqualTo(900);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "run softmax-scalng|unknown demo 'softmax-scalng'; did you mean softmax-scaling?",
    "describe nope|unknown demo 'nope'",
    "run softmax-scaling -p dk=0|parameter dk = 0 is out of range: allowed integers 1 to 4096",
    "run softmax-scaling -p dk=abc|parameter dk = abc is not an integer",
    "run softmax-scaling -p d=4|unknown parameter 'd' for softmax-scaling: did you mean dk?",
    "run softmax-scaling -p dk|should be in KEY=VALUE format",
    "run softmax-scaling --seed x|Invalid value for option '--seed'",
    "run softmax-scaling --format bmp|--format: format bmp is not one of png, svg, pdf, gif",
    "run softmax-scaling --format gif|--format gif: softmax-scaling draws no animation frames",
    "run softmax-scaling --size 12x12|--size 12x12 is out of range: allowed widths and heights "
        + "200 to 10000",
    "run softmax-scaling --size big|--size big is not WIDTHxHEIGHT",
    "run softmax-scaling --dpi 5|--dpi 5 is out of range: allowed 36 to 1200",
    "run softmax-scaling --input nothing.csv|softmax-scaling takes no --input file",
    "run softmax-scaling --window|--window needs a display",
    "browse|bagu browse needs a display",
    "run|Missing required parameter: 'ID'",
    "frobnicate|Unmatched argument at index 0: 'frobnicate'",
  })
  void userErrorsExitTwoWithOneLineAndWriteNothing(String args, String message)
      throws IOException {
    Path out = dir.resolve("out");
    String[] words = (args + (args.startsWith("run") ? " --out " + out : "")).split(" ");
    Run r = bagu(words);
    assertThat(r.code()).as(args).isEqualTo(2);
    assertThat(r.err()).contains(message).startsWith("bagu: ");
    assertThat(r.err().strip().lines()).as("one line").hasSize(1);
    assertThat(filesIn(out)).as("nothing written").isZero();
  }

  @Test
  void anOutputFolderThatIsAFileIsAUserError() throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "x");
    Run r = bagu("run", "softmax-scaling", "--out", file.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("bagu: cannot write to output folder " + file
        + ": it is a file\n");
  }

  /** A demo that fails inside: an internal error, exit 1, stack trace only with --debug. */
  private static Registry broken() {
    return new Registry(List.of(new Demo() {
      @Override
      public DemoInfo info() {
        return new DemoInfo("broken", "Broken", Section.TRAINING, "坏", "fails");
      }

      @Override
      public List<Param<?>> params() {
        return List.of();
      }

      @Override
      public Result run(Params p) {
        throw new IllegalStateException("bug in the demo");
      }
    }));
  }

  @Test
  void internalFailuresExitOneAndShowTheStackOnlyWithDebug() {
    Path out = dir.resolve("o");
    Run r = bagu(broken(), "run", "broken", "--out", out.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("bagu: internal error: java.lang.IllegalStateException: bug in "
        + "the demo (run again with --debug for the stack trace)\n");
    Run debug = bagu(broken(), "run", "broken", "--out", out.toString(), "--debug");
    assertThat(debug.code()).isEqualTo(1);
    assertThat(debug.err()).contains("\tat ").contains("bug in the demo");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(bagu("--help").code()).isZero();
    assertThat(bagu("run", "--help").out()).contains("--format").contains("--seed");
    assertThat(bagu("--version").out()).startsWith("bagu ");
  }

  @Test
  void findingsTableShowsHowFarOffTheReferenceIs() {
    assertThat(FindingsTable.offBy(63.71, 64)).isEqualTo("-0.5%");
    assertThat(FindingsTable.offBy(1.02, 1)).isEqualTo("+2.0%");
    assertThat(FindingsTable.offBy(0.5, 0)).isEqualTo("+0.5");
    assertThat(Table.displayWidth("除以根号 d_k")).isEqualTo(12);
  }
}
