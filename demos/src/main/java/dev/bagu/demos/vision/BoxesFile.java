package dev.bagu.demos.vision;

import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user's boxes for {@code bagu run nms --input boxes.csv}: header
 * {@code x1,y1,x2,y2,score} in any order, optionally {@code class} (any word; boxes of different
 * classes never suppress each other) and optionally all four of {@code std_x1,std_y1,std_x2,
 * std_y2} (the per-coordinate standard deviations Softer-NMS votes with). Every error names the
 * file, line and column.
 */
public final class BoxesFile {
  private BoxesFile() {}

  static final List<String> STD = List.of("std_x1", "std_y1", "std_x2", "std_y2");

  /** The boxes and, when the file has a class column, the class names by class number. */
  public record Boxes(Detections detections, List<String> classNames) {}

  public static Boxes read(Path file) {
    List<Column> columns = List.of(Column.number("x1"), Column.number("y1"), Column.number("x2"),
        Column.number("y2"), Column.number("score").range(0, 1), Column.text("class").optional(),
        std(0), std(1), std(2), std(3));
    CsvTable t = CsvTable.read(file, columns);
    int n = t.size();
    long stds = STD.stream().filter(t::has).count();
    if (stds != 0 && stds != 4) {
      String missing = STD.stream().filter(s -> !t.has(s)).findFirst().orElseThrow();
      throw t.headerError("missing column " + missing + "; the std_ columns come as a set of "
          + "four (" + String.join(",", STD) + ")");
    }
    double[][] c = new double[4][n];
    double[][] std = stds == 4 ? new double[4][n] : null;
    double[] score = new double[n];
    int[] cls = t.has("class") ? new int[n] : null;
    Map<String, Integer> classes = new LinkedHashMap<>();
    String[] names = {"x1", "y1", "x2", "y2"};
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < 4; k++) {
        c[k][i] = t.number(i, names[k]);
        if (std != null) {
          std[k][i] = t.number(i, STD.get(k));
        }
      }
      if (c[2][i] <= c[0][i]) {
        throw t.error(i, "x2", t.text(i, "x2") + " is not greater than x1 = " + t.text(i, "x1"));
      }
      if (c[3][i] <= c[1][i]) {
        throw t.error(i, "y2", t.text(i, "y2") + " is not greater than y1 = " + t.text(i, "y1"));
      }
      score[i] = t.number(i, "score");
      if (cls != null) {
        cls[i] = classes.computeIfAbsent(t.text(i, "class"), k -> classes.size());
      }
    }
    return new Boxes(new Detections(c[0], c[1], c[2], c[3], score, cls, std),
        List.copyOf(classes.keySet()));
  }

  private static Column std(int k) {
    return Column.number(STD.get(k)).range(0, Double.POSITIVE_INFINITY).optional();
  }
}
