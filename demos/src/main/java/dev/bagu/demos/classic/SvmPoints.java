package dev.bagu.demos.classic;

import dev.bagu.demo.Params;
import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The points the {@code svm} demo classifies: the user's {@code --input points.csv} (header
 * {@code x,y,label} in any order, exactly two label values), or a seeded toy set. Labels become 0
 * and 1 in sorted order (numerically when every label is a number), so class 1, the positive side
 * of f, is the label that sorts second, as in scikit-learn.
 *
 * @param x the points (n, 2), in input order
 * @param y 0 or 1 per point
 * @param classNames the two label words, class 0 first
 * @param name what the points are, for titles
 */
record SvmPoints(double[][] x, int[] y, List<String> classNames, String name) {
  static SvmPoints of(Params p, String data, int n) {
    if (p.input().isPresent()) {
      return read(p.input().get());
    }
    Rng rng = Rng.stream(p.seed(), 1);
    ToyData.Labelled d = switch (data) {
      case "moons" -> ToyData.moons(n, 0.15, rng);
      case "separable" -> ClusterData.blobs(n, new double[][] {{-2, -1.5}, {2, 1.5}},
          new double[] {0.7, 0.7}, rng);
      default -> ClusterData.blobs(n, new double[][] {{-1.2, -0.8}, {1.2, 0.8}},
          new double[] {1, 1}, rng);
    };
    return new SvmPoints(d.x(), d.y(), List.of("0", "1"), data);
  }

  static SvmPoints read(Path file) {
    CsvTable t = CsvTable.read(file, List.of(Column.number("x"), Column.number("y"),
        Column.text("label")));
    int n = t.size();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      String label = t.text(i, "label");
      if (label.isEmpty()) {
        throw t.error(i, "label", "empty label");
      }
      if (seen.add(label) && seen.size() > 2) {
        List<String> first = new ArrayList<>(seen).subList(0, 2);
        throw t.error(i, "label", "a third class '" + label + "' (after '" + first.get(0)
            + "' and '" + first.get(1) + "'): svm needs exactly two");
      }
    }
    if (seen.size() < 2) {
      throw t.error(n - 1, "label", "only one class ('" + seen.iterator().next()
          + "'): svm needs two");
    }
    List<String> names = new ArrayList<>(seen);
    names.sort(SvmPoints::compareLabels);
    double[][] x = new double[n][2];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = t.number(i, "x");
      x[i][1] = t.number(i, "y");
      y[i] = names.indexOf(t.text(i, "label"));
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return new SvmPoints(x, y, List.copyOf(names), name);
  }

  /** Numbers by value when both are numbers, else as text. */
  static int compareLabels(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  int size() {
    return x.length;
  }
}
