package dev.bagu.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Registry;
import dev.bagu.demo.Section;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryTest {
  private static final Pattern URL = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int gallery(Registry registry, String... args) {
    List<String> all = new ArrayList<>(List.of("gallery"));
    all.addAll(List.of(args));
    return Bagu.execute(registry, all.toArray(String[]::new), new PrintWriter(out),
        new PrintWriter(err));
  }

  private static Registry tiny() {
    return new Registry(List.of(new TinyDemo("tiny-a", Section.ATTENTION),
        new TinyDemo("tiny-g", Section.VISION)));
  }

  @Test
  void everyLinkAndImageOnThePageIsAFileOrAnAnchorThere() throws IOException {
    assertThat(gallery(tiny(), "--out", dir.toString())).isZero();
    String page = Files.readString(dir.resolve("index.html"));
    Matcher m = URL.matcher(page);
    int checked = 0;
    while (m.find()) {
      String url = m.group(1);
      if (url.startsWith("#")) {
        assertThat(page).as("anchor " + url).contains("id=\"" + url.substring(1) + "\"");
      } else {
        assertThat(dir.resolve(url)).as(url).isRegularFile();
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(10);
    for (String f : List.of("tiny-a.png", "tiny-a.svg", "tiny-a.gif", "tiny-a.json")) {
      assertThat(page).contains("href=\"" + f + "\"");
    }
    assertThat(page).contains("<h2>A. Attention</h2>", "<h2>G. Vision and classic ML</h2>",
        "小演示", "Tiny &lt;tiny-a&gt;", "A line &amp; two frames.", "./bagu run tiny-a",
        "Computed in").doesNotContain("B. Positions", "<script", "http://", "https://");
    assertThat(out.toString()).contains("wrote " + dir.resolve("index.html"), "2 demos");
  }

  @Test
  void findingsAreMarkedByAgreementWithTheirReference() throws IOException {
    assertThat(gallery(tiny(), "--out", dir.toString(), "tiny-a")).isZero();
    String page = Files.readString(dir.resolve("index.html"));
    assertThat(page).contains("✓ yes", "✗ no", "by construction", "(measured here)",
        "1 of 2 reference values agree").doesNotContain("tiny-g");
  }

  @Test
  void aFailingDemoIsShownAndTheOthersGoOnWithExitCodeOne() throws IOException {
    Registry r = new Registry(List.of(new TinyDemo("failing-one", Section.ATTENTION),
        new TinyDemo("tiny-b", Section.ATTENTION)));
    assertThat(gallery(r, "--out", dir.toString(), "--format", "png")).isEqualTo(1);
    String page = Files.readString(dir.resolve("index.html"));
    assertThat(page).contains("class=\"card failed\" id=\"failing-one\"",
        "Failed: IllegalStateException: boom", "1 failed");
    assertThat(dir.resolve("tiny-b.png")).isRegularFile();
    assertThat(err.toString()).contains("failed: failing-one: IllegalStateException: boom",
        "1 of 2 demos failed");
  }

  @Test
  void withoutTimesEveryFigureAndThePageAreTheSameBytesTwice() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(gallery(tiny(), "--out", a.toString(), "--no-times", "--threads", "2")).isZero();
    assertThat(gallery(tiny(), "--out", b.toString(), "--no-times", "--threads", "1")).isZero();
    List<Path> files;
    try (Stream<Path> s = Files.list(a)) {
      files = s.filter(f -> !f.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).hasSize(1 + 2 * 3); // index.html, then png, svg, gif per demo
    for (Path f : files) {
      assertThat(Files.readAllBytes(b.resolve(f.getFileName())))
          .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
    }
    assertThat(Files.readString(a.resolve("index.html"))).doesNotContain("Computed in")
        .contains("measured; left out");
  }

  @Test
  void badArgumentsAreUserErrors() {
    assertThat(gallery(tiny(), "--out", dir.toString(), "tiny-x")).isEqualTo(2);
    assertThat(err.toString()).contains("tiny-a");
    assertThat(gallery(tiny(), "--out", dir.toString(), "--threads", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--threads 0 is out of range: allowed 1 to 256");
    assertThat(gallery(tiny(), "--out", dir.toString(), "--format", "bmp")).isEqualTo(2);
    assertThat(dir.resolve("index.html")).doesNotExist();
  }
}
