package dev.bagu.demos.clustering;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --input points.csv} for every clustering demo: labels in input order, or exit 2. */
class ClusteringCliTest {
  @TempDir Path dir;

  private static final List<String> IDS = List.of("kmeans", "dbscan", "mean-shift");

  private int run(StringWriter err, String... args) {
    return Bagu.execute(Catalogue.registry(), args, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
  }

  @Test
  void aBadFileExitsTwoWithOneLineAndWritesNothing() throws IOException {
    Path f = dir.resolve("points.csv");
    Files.writeString(f, "x,y\n0,0\n1,oops\n");
    for (String id : IDS) {
      Path out = dir.resolve("out-" + id);
      StringWriter err = new StringWriter();
      assertThat(run(err, "run", id, "--input", f.toString(), "--out", out.toString()))
          .isEqualTo(2);
      assertThat(err.toString().strip())
          .isEqualTo("bagu: points.csv line 3, column y: 'oops' is not a number");
      assertThat(Files.exists(out) && Files.list(out).findAny().isPresent()).isFalse();
    }
  }

  @Test
  void twoGroupsGetOneLabelPerPointInInputOrder() throws IOException {
    Path f = dir.resolve("points.csv");
    StringBuilder csv = new StringBuilder("x,y,label\n");
    for (int i = 0; i < 40; i++) { // alternating: a tight group near (0, 0) and one near (50, 50)
      int g = i % 2;
      csv.append(50 * g + 0.1 * (i % 7)).append(',').append(50 * g + 0.1 * (i % 5))
          .append(',').append(g == 0 ? "left" : "right").append('\n');
    }
    Files.writeString(f, csv.toString());
    for (String id : IDS) {
      Path out = dir.resolve("out-" + id);
      StringWriter err = new StringWriter();
      assertThat(run(err, "run", id, "--input", f.toString(), "--out", out.toString(),
          "-p", id.equals("kmeans") ? "k=2" : id.equals("dbscan") ? "min-samples=3"
              : "bandwidth=5")).as(err.toString()).isZero();
      JsonNode json = Json.mapper().readTree(out.resolve(id + ".json").toFile());
      JsonNode labels = json.get("data").get("labels");
      assertThat(labels).hasSize(40);
      for (int i = 0; i < 40; i++) {
        assertThat(labels.get(i).asInt()).as(id + " point " + i).isEqualTo(labels.get(i % 2)
            .asInt());
      }
      assertThat(labels.get(0).asInt()).isNotEqualTo(labels.get(1).asInt());
      for (JsonNode finding : json.get("findings")) {
        if (finding.get("key").asText().startsWith("ari")) {
          assertThat(finding.get("value").asDouble()).isEqualTo(1.0);
        }
      }
    }
  }

  @Test
  void onePointIsEnough() throws IOException {
    Path f = dir.resolve("one.csv");
    Files.writeString(f, "x,y\n3,4\n");
    for (String id : IDS) {
      StringWriter err = new StringWriter();
      assertThat(run(err, "run", id, "--input", f.toString(), "--out",
          dir.resolve("one-" + id).toString())).as(id + ": " + err).isZero();
    }
  }
}
