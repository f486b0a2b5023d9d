package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The user's boxes: what is read, and every error with its message. */
class BoxesFileTest {
  @TempDir Path dir;

  private Path file(String content) throws IOException {
    Path f = dir.resolve("boxes.csv");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsClassesAndStandardDeviations() throws IOException {
    BoxesFile.Boxes b = BoxesFile.read(file("x1,y1,x2,y2,score,class,std_x1,std_y1,std_x2,std_y2\n"
        + "0,0,10,10,0.9,person,1,1,1,1\n0,0,10,10,0.8,dog,1,1,1,1\n1,1,11,11,0.7,person,2,2,2,2\n"));
    assertThat(b.classNames()).containsExactly("person", "dog");
    assertThat(b.detections().cls()).containsExactly(0, 1, 0);
    assertThat(b.detections().std()[3][2]).isEqualTo(2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "''|boxes.csv: the file is empty; expected a header line x1,y1,x2,y2,score[,class]"
          + "[,std_x1][,std_y1][,std_x2][,std_y2]",
      "x1,y1,x2,score\\n0,0,1,0.5\\n|boxes.csv line 1, header: missing column y2; expected "
          + "x1,y1,x2,y2,score[,class][,std_x1][,std_y1][,std_x2][,std_y2]",
      "x1,y1,x2,y2,score\\n0,0,1,1,high\\n|boxes.csv line 2, column score: 'high' is not a number",
      "x1,y1,x2,y2,score\\n0,0,1,1,0.5\\n0,0,1,NaN,0.5\\n|boxes.csv line 3, column y2: NaN is not "
          + "a finite number (no NaN or infinity)",
      "x1,y1,x2,y2,score\\n0,0,1,Infinity,0.5\\n|boxes.csv line 2, column y2: Infinity is not a "
          + "finite number (no NaN or infinity)",
      "x1,y1,x2,y2,score\\n5,0,3,1,0.5\\n|boxes.csv line 2, column x2: 3 is not greater than x1 = 5",
      "x1,y1,x2,y2,score\\n0,2,1,2,0.5\\n|boxes.csv line 2, column y2: 2 is not greater than y1 = 2",
      "x1,y1,x2,y2,score\\n0,0,1,1,1.5\\n|boxes.csv line 2, column score: 1.5 is outside [0, 1]",
      "x1,y1,x2,y2,score\\n0,0,1,1,-0.1\\n|boxes.csv line 2, column score: -0.1 is outside [0, 1]",
      "x1,y1,x2,y2,score,std_x1\\n0,0,1,1,0.5,1\\n|boxes.csv line 1, header: missing column "
          + "std_y1; the std_ columns come as a set of four (std_x1,std_y1,std_x2,std_y2)",
      "x1,y1,x2,y2,score,std_x1,std_y1,std_x2,std_y2\\n0,0,1,1,0.5,1,1,-1,1\\n|boxes.csv line 2, "
          + "column std_x2: -1 is outside the allowed range (at least 0)",
      "x1,y1,x2,y2,score\\n|boxes.csv: no rows after the header line",
  })
  void everyErrorSaysWhereAndWhy(String content, String message) {
    assertThatThrownBy(() -> BoxesFile.read(file(content.replace("\\n", "\n"))))
        .isInstanceOf(UserException.class).hasMessage(message);
  }

  @Test
  void softerWithoutStandardDeviationsIsRefused() throws IOException {
    Path f = file("x1,y1,x2,y2,score\n0,0,1,1,0.5\n");
    NmsDemo demo = new NmsDemo();
    Params p = Params.parse("nms", demo.params(), Map.of("method", "softer")).withInput(f);
    assertThatThrownBy(() -> demo.run(p)).isInstanceOf(UserException.class)
        .hasMessage("boxes.csv: method softer needs the columns std_x1,std_y1,std_x2,std_y2 "
            + "(each box's standard deviations); choose another method or add them");
  }

  @Test
  void theDemoRunsTheChosenMethodOnTheFileAndListsKeptInSelectionOrder() throws IOException {
    Path f = file("x1,y1,x2,y2,score,class\n0,0,4,1,0.8,a\n1,0,5,1,0.9,a\n1,0,5,1,0.7,b\n");
    NmsDemo demo = new NmsDemo();
    Params greedy = Params.parse("nms", demo.params(), Map.of("method", "greedy")).withInput(f);
    Result r = demo.run(greedy);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> kept = (List<Map<String, Object>>) r.data().get("kept");
    assertThat(kept).extracting(m -> m.get("index")).containsExactly(1, 2);
    assertThat(r.frames()).hasSize(2);
    Params soft = Params.parse("nms", demo.params(), Map.of("method", "soft-linear"))
        .withInput(f);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> softKept = (List<Map<String, Object>>) demo.run(soft).data()
        .get("kept");
    assertThat(softKept).extracting(m -> m.get("index")).containsExactly(1, 2, 0);
    assertThat((double) softKept.get(2).get("score")).isEqualTo(0.8 * (1 - 0.6), 
        org.assertj.core.api.Assertions.within(1e-12));
  }
}
