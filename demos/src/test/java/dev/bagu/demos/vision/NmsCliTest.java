package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bagu.cli.Bagu;
import dev.bagu.demos.Catalogue;
import dev.bagu.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bagu run nms --input}: a bad file exits 2 with one line and writes nothing. */
class NmsCliTest {
  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    return Bagu.execute(Catalogue.registry(), args, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
  }

  @Test
  void aBadFileExitsTwoWithOneLineAndWritesNothing() throws IOException {
    Path f = dir.resolve("boxes.csv");
    Files.writeString(f, "x1,y1,x2,y2,score\n0,0,1,1,0.5\n0,0,1,1,1.5\n");
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "nms", "--input", f.toString(), "--out", out.toString()))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("bagu: boxes.csv line 3, column score: 1.5 is outside [0, 1]");
    assertThat(Files.exists(out) && Files.list(out).findAny().isPresent()).isFalse();
  }

  @Test
  void aGoodFileWritesKeptBoxesInSelectionOrder() throws IOException {
    Path f = dir.resolve("boxes.csv");
    Files.writeString(f, "x1,y1,x2,y2,score\n0,0,4,1,0.8\n1,0,5,1,0.9\n10,10,12,12,0.85\n");
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "nms", "--input", f.toString(), "--out", out.toString(),
        "-p", "method=soft-gaussian", "--format", "png,gif")).isZero();
    assertThat(err.toString()).isEmpty();
    JsonNode kept = Json.mapper().readTree(out.resolve("nms.json").toFile()).get("data")
        .get("kept");
    assertThat(kept.findValuesAsText("index")).containsExactly("1", "2", "0");
    assertThat(kept.get(2).get("score").asDouble())
        .isCloseTo(0.8 * Math.exp(-0.36 / 0.5), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(out.resolve("nms.gif")).exists();
  }
}
