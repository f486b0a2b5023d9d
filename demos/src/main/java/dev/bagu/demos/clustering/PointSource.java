package dev.bagu.demos.clustering;

import dev.bagu.demo.Params;
import dev.bagu.math.ToyData.Labelled;
import java.util.function.Supplier;

/**
 * The points a clustering demo works on: the user's file when {@code --input} is given, else the
 * demo's seeded toy set.
 *
 * @param x the points (n, 2)
 * @param truth the true groups (the toy set's, or the file's label column), or null
 * @param name what the points are, for titles: "points.csv" or "5 blobs"
 * @param fromFile whether they came from --input
 */
record PointSource(double[][] x, int[] truth, String name, boolean fromFile) {
  static PointSource of(Params p, String toyName, Supplier<Labelled> toy) {
    if (p.input().isPresent()) {
      PointsFile.Points f = PointsFile.read(p.input().get());
      return new PointSource(f.x(), f.labels(), f.name(), true);
    }
    Labelled d = toy.get();
    return new PointSource(d.x(), d.y(), toyName, false);
  }

  int size() {
    return x.length;
  }
}
