package dev.bagu.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.UserException;
import dev.bagu.io.CsvTable.Column;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every way a user's CSV can be wrong gets a message naming file, line, column and why. */
class CsvTableTest {
  @TempDir Path dir;

  private static final List<Column> POINTS = List.of(Column.number("x"), Column.number("y"),
      Column.number("w").range(0, 1).optional(), Column.text("label").optional());

  private CsvTable read(String content) throws IOException {
    Path f = dir.resolve("points.csv");
    Files.writeString(f, content);
    return CsvTable.read(f, POINTS);
  }

  @Test
  void readsColumnsInAnyOrderSkippingBlankAndCommentLines() throws IOException {
    CsvTable t = read("\uFEFF# my points\nY, X ,label\n\n1.5,2,a\n# skip\n-3e2,4,b\n");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.number(0, "x")).isEqualTo(2);
    assertThat(t.number(1, "y")).isEqualTo(-300);
    assertThat(t.text(1, "label")).isEqualTo("b");
    assertThat(t.line(1)).isEqualTo(6);
    assertThat(t.has("w")).isFalse();
    assertThat(t.error(1, "x", "too far").getMessage())
        .isEqualTo("points.csv line 6, column x: too far");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|points.csv: the file is empty; expected a header line x,y[,w][,label]",
      "# only a comment\\n|points.csv: the file is empty; expected a header line x,y[,w][,label]",
      "x,y\\n|points.csv: no rows after the header line",
      "x\\n1\\n|points.csv line 1, header: missing column y; expected x,y[,w][,label]",
      "x,y,z\\n1,2,3\\n|points.csv line 1, header: unknown column 'z'; expected x,y[,w][,label]",
      "x,y,x\\n1,2,3\\n|points.csv line 1, header: column x appears twice",
      "x,y\\n1,2\\n3\\n|points.csv line 3, column y: missing value (1 values, the header has 2)",
      "x,y\\n1,2,3\\n|points.csv line 2: 3 values, the header has 2 columns",
      "x,y\\n1,\\n|points.csv line 2, column y: missing value",
      "x,y\\n1,abc\\n|points.csv line 2, column y: 'abc' is not a number",
      "x,y\\nNaN,1\\n|points.csv line 2, column x: NaN is not a finite number (no NaN or infinity)",
      "x,y\\n1,-Infinity\\n|points.csv line 2, column y: -Infinity is not a finite number (no NaN "
          + "or infinity)",
      "x,y,w\\n1,2,1.5\\n|points.csv line 2, column w: 1.5 is outside [0, 1]",
  })
  void everyErrorNamesFileLineAndColumn(String content, String message) {
    assertThatThrownBy(() -> read(content.replace("\\n", "\n")))
        .isInstanceOf(UserException.class).hasMessage(message);
  }

  @Test
  void headerErrorsNameTheHeaderLine() throws IOException {
    CsvTable t = read("\n# c\nx,y\n1,2\n");
    assertThat(t.headerError("needs z").getMessage())
        .isEqualTo("points.csv line 3, header: needs z");
  }

  @Test
  void aFileThatIsNotUtf8IsRefused() throws IOException {
    Path f = dir.resolve("bin.csv");
    Files.write(f, new byte[] {'x', ',', 'y', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
    assertThatThrownBy(() -> CsvTable.read(f, POINTS)).isInstanceOf(UserException.class)
        .hasMessage("bin.csv: not a UTF-8 text file");
  }
}
