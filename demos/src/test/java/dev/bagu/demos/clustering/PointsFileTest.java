package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's points: what is read, and every error with its message. */
class PointsFileTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path f = dir.resolve("points.csv");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsPointsInFileOrderAndLabelsByFirstAppearance() throws IOException {
    PointsFile.Points p = PointsFile.read(file("y,x,label\n# a comment\n2,1,b\n4,3,a\n\n6,5,b\n"));
    assertThat(p.x()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    assertThat(p.labels()).containsExactly(0, 1, 0);
    assertThat(p.labelNames()).containsExactly("b", "a");
    assertThat(p.name()).isEqualTo("points.csv");
    PointsFile.Points bare = PointsFile.read(file("x,y\n1e3,-2.5\n"));
    assertThat(bare.labels()).isNull();
    assertThat(bare.size()).isOne();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|points.csv: the file is empty; expected a header line x,y[,label]",
      "x\\n1\\n|points.csv line 1, header: missing column y; expected x,y[,label]",
      "x,y,z\\n1,2,3\\n|points.csv line 1, header: unknown column 'z'; expected x,y[,label]",
      "x,y\\n1,2\\n1,two\\n|points.csv line 3, column y: 'two' is not a number",
      "x,y\\nNaN,2\\n|points.csv line 2, column x: NaN is not a finite number (no NaN or infinity)",
      "x,y\\n1,-Infinity\\n|points.csv line 2, column y: -Infinity is not a finite number (no NaN "
          + "or infinity)",
      "x,y,label\\n1,2,\\n|points.csv line 2, column label: missing value",
      "x,y\\n1\\n|points.csv line 2, column y: missing value (1 values, the header has 2)",
      "x,y\\n|points.csv: no rows after the header line",
  })
  void everyErrorSaysWhereAndWhy(String content, String message) {
    assertThatThrownBy(() -> PointsFile.read(file(content.replace("\\n", "\n"))))
        .isInstanceOf(UserException.class).hasMessage(message);
  }

  @Test
  void theStreamingReaderReadsWhatTheCheckedReaderReads() throws IOException {
    for (String content : new String[] {"\uFEFFx,y\r\n1,2\r\n3,4\r\n",
        "  Label , X,Y\n# c\n a ,1e3, -2.5 \n\n b,0x1p3,7\n", "x,y\n1,2\n"}) {
      Path f = file(content);
      PointsFile.Points fast = FastPointsReader.read(f);
      PointsFile.Points checked = PointsFile.readChecked(f);
      assertThat(fast).as(content).isNotNull();
      assertThat(fast.x()).isDeepEqualTo(checked.x());
      assertThat(fast.labels()).isEqualTo(checked.labels());
      assertThat(fast.labelNames()).isEqualTo(checked.labelNames());
    }
    assertThat(FastPointsReader.read(file("x,y\n1,two\n"))).isNull(); // left to readChecked
  }

  @Test
  void theFastReaderSplitsBigFilesAcrossCoresWithoutChangingAnything() throws IOException {
    // over 64K characters: read in chunks; labels first seen late in the file keep their order
    StringBuilder csv = new StringBuilder("x,y,label\r\n");
    for (int i = 0; i < 20_000; i++) {
      csv.append(i * 0.001).append(", ").append(-i).append(',')
          .append(i < 15_000 ? "a" + i % 3 : "late" + i % 5).append("\r\n");
      if (i % 997 == 0) {
        csv.append("# a comment\r\n\r\n");
      }
    }
    Path f = file(csv.toString());
    PointsFile.Points fast = FastPointsReader.read(f);
    PointsFile.Points checked = PointsFile.readChecked(f);
    assertThat(fast.x()).isDeepEqualTo(checked.x());
    assertThat(fast.labels()).isEqualTo(checked.labels());
    assertThat(fast.labelNames()).isEqualTo(checked.labelNames());
    // not UTF-8: left to the checked reader, which says so
    Path latin = dir.resolve("latin1.csv");
    Files.write(latin, new byte[] {'x', ',', 'y', ',', 'l', 'a', 'b', 'e', 'l', '\n', '1', ',', '2',
        ',', (byte) 0xE9, '\n'});
    assertThat(FastPointsReader.read(latin)).isNull();
  }
}
