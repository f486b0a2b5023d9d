package dev.bagu.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = dir.resolve("fig.png");
    AtomicFiles.writeString(target, "old");
    assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
      out.write("half".getBytes());
      throw new IOException("disk full");
    })).hasMessage("disk full");
    assertThat(Files.readString(target)).isEqualTo("old");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void createsFoldersAndReplaces() throws IOException {
    Path target = dir.resolve("a/b/c.json");
    AtomicFiles.writeString(target, "1");
    AtomicFiles.writeString(target, "2");
    assertThat(Files.readString(target)).isEqualTo("2");
  }

  @Test
  void jsonKeepsInsertionOrder() {
    assertThat(Json.write(Map.of("k", List.of(1.5, 2)))).isEqualTo("{\n  \"k\" : [ 1.5, 2 ]\n}\n");
    java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("z", 1);
    m.put("a", 2);
    assertThat(Json.write(m)).startsWith("{\n  \"z\" : 1,\n  \"a\" : 2");
  }
}
