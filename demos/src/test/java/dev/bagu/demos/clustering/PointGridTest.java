package dev.bagu.demos.clustering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.math.Rng;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The grid finds exactly what a scan of every point finds. */
class PointGridTest {
  private static int[] bruteForce(double[][] x, double qx, double qy, double r) {
    return IntStream.range(0, x.length)
        .filter(i -> (x[i][0] - qx) * (x[i][0] - qx) + (x[i][1] - qy) * (x[i][1] - qy) <= r * r)
        .toArray();
  }

  private static void agrees(double[][] x, double r) {
    PointGrid g = new PointGrid(x, r);
    for (double[] q : x) {
      int[] expected = bruteForce(x, q[0], q[1], r);
      assertThat(g.within(q[0], q[1])).isEqualTo(expected);
      assertThat(g.countWithin(q[0], q[1])).isEqualTo(expected.length);
    }
  }

  @Test
  void agreesWithBruteForceOnRandomPointsAtManyRadii() {
    Rng rng = Rng.seeded(5);
    double[][] x = new double[400][2];
    for (double[] p : x) {
      p[0] = rng.uniform(-3, 7);
      p[1] = rng.gaussian() * 2;
    }
    for (double r : new double[] {1e-3, 0.05, 0.3, 1, 25}) {
      agrees(x, r);
    }
  }

  @Test
  void pointsExactlyOnCellEdgesAndAtExactlyTheRadius() {
    // A lattice of spacing 1 with radius 1: every neighbour is at distance exactly 1 (counted) or
    // √2 (not), and the points sit on what would be cell boundaries for a cell of width 1.
    double[][] x = new double[36][];
    for (int i = 0; i < 36; i++) {
      x[i] = new double[] {i % 6, i / 6};
    }
    agrees(x, 1.0);
    PointGrid g = new PointGrid(x, 1.0);
    assertThat(g.countWithin(2, 2)).isEqualTo(5); // itself and four at distance 1
    assertThat(g.countWithin(0, 0)).isEqualTo(3);
    agrees(new double[][] {{0.1, 0.2}, {0.3, 0.2}, {0.5, 0.2}, {0.7, 0.2}}, 0.2);
  }

  @Test
  void duplicatesAreSeparatePointsAndOneOrNoPointWorks() {
    double[][] x = {{1, 1}, {1, 1}, {1, 1}, {4, 4}};
    PointGrid g = new PointGrid(x, 0.5);
    assertThat(g.within(1, 1)).containsExactly(0, 1, 2);
    agrees(x, 0.5);
    assertThat(new PointGrid(new double[][] {{2, 3}}, 1).within(2, 3)).containsExactly(0);
    assertThat(new PointGrid(new double[0][], 1).countWithin(0, 0)).isZero();
  }

  @Test
  void aTinyRadiusOverAHugeExtentStillWorks() {
    double[][] x = {{0, 0}, {1e9, 1e9}, {1e9 + 5e-4, 1e9}, {5e8, -7}};
    agrees(x, 1e-3);
    assertThat(new PointGrid(x, 1e-3).within(1e9, 1e9)).containsExactly(1, 2);
  }
}
