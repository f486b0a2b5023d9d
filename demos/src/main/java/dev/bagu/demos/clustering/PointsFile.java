package dev.bagu.demos.clustering;

import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the user's points for {@code bagu run kmeans|dbscan|mean-shift|clustering-comparison
 * --input points.csv}: header {@code x,y} in any order and optionally {@code label} (any word, the
 * true group of the point, used only to score the clustering with the adjusted Rand index). Every
 * error names the file, line and column (see {@link CsvTable}).
 */
public final class PointsFile {
  private PointsFile() {}

  /**
   * @param x the points (n, 2) in file order
   * @param labels the label column as numbers by first appearance, or null without one
   * @param labelNames the label words by number (empty without a label column)
   * @param name the file name, for titles
   */
  public record Points(double[][] x, int[] labels, List<String> labelNames, String name) {
    public int size() {
      return x.length;
    }
  }

  public static Points read(Path file) {
    Points fast = FastPointsReader.read(file);
    return fast != null ? fast : readChecked(file);
  }

  /** Through {@link CsvTable}: every problem reported with file, line and column. */
  static Points readChecked(Path file) {
    CsvTable t = CsvTable.read(file, List.of(Column.number("x"), Column.number("y"),
        Column.text("label").optional()));
    int n = t.size();
    double[][] x = new double[n][2];
    int[] labels = t.has("label") ? new int[n] : null;
    Map<String, Integer> names = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      x[i][0] = t.number(i, "x");
      x[i][1] = t.number(i, "y");
      if (labels != null) {
        labels[i] = names.computeIfAbsent(t.text(i, "label"), k -> names.size());
      }
    }
    return new Points(x, labels, List.copyOf(names.keySet()), name(file));
  }

  private static String name(Path file) {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }
}
