package dev.bagu.demos.clustering;

import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
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
    Points fast = readPlain(file);
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

  /**
   * The same reading in one streaming pass, for big files ({@link CsvTable} keeps every line and
   * every field as a string: a million points would take hundreds of MB). The same rules: blank
   * and '#' lines skipped, a UTF-8 byte-order mark dropped, fields stripped, numbers finite,
   * labels not empty. At the first thing it does not expect it gives up (null), and
   * {@link #readChecked} reads the file again to report the problem in the usual words.
   */
  static Points readPlain(Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int[] column = null; // header position of x, y, label (−1: no label)
      int fields = 0;
      double[] xs = new double[1024];
      double[] ys = new double[1024];
      int[] labels = new int[1024];
      Map<String, Integer> names = new LinkedHashMap<>();
      int n = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String s = (column == null && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
        if (s.isEmpty() || s.startsWith("#")) {
          continue;
        }
        String[] parts = s.split(",", -1);
        if (column == null) {
          column = header(parts);
          if (column == null) {
            return null;
          }
          fields = parts.length;
          continue;
        }
        if (parts.length != fields) {
          return null;
        }
        if (n == xs.length) {
          xs = Arrays.copyOf(xs, 2 * n);
          ys = Arrays.copyOf(ys, 2 * n);
          labels = Arrays.copyOf(labels, 2 * n);
        }
        double x = Double.parseDouble(parts[column[0]].strip());
        double y = Double.parseDouble(parts[column[1]].strip());
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
          return null;
        }
        xs[n] = x;
        ys[n] = y;
        if (column[2] >= 0) {
          String label = parts[column[2]].strip();
          if (label.isEmpty()) {
            return null;
          }
          labels[n] = names.computeIfAbsent(label, k -> names.size());
        }
        n++;
      }
      if (column == null || n == 0) {
        return null;
      }
      double[][] x = new double[n][];
      for (int i = 0; i < n; i++) {
        x[i] = new double[] {xs[i], ys[i]};
      }
      return new Points(x, column[2] >= 0 ? Arrays.copyOf(labels, n) : null,
          List.copyOf(names.keySet()), name(file));
    } catch (IOException | RuntimeException e) { // not UTF-8, not a number, ...: say it properly
      return null;
    }
  }

  /** Positions of x, y and label (−1 if absent) in the header, or null if it is not x,y[,label]. */
  private static int[] header(String[] parts) {
    int[] at = {-1, -1, -1};
    List<String> names = List.of("x", "y", "label");
    for (int i = 0; i < parts.length; i++) {
      int c = names.indexOf(parts[i].strip().toLowerCase(Locale.ROOT));
      if (c < 0 || at[c] >= 0) {
        return null;
      }
      at[c] = i;
    }
    return at[0] >= 0 && at[1] >= 0 ? at : null;
  }
}
