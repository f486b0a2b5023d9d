package dev.bagu.math;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Small dense-matrix helpers on {@code double[rows][cols]}, the shape every demo uses: a thin
 * adapter over Commons Math for the products, plain loops for the slicing that Commons Math has
 * no short form for. Arguments are never modified; every method returns a new array.
 */
public final class Matrices {
  private Matrices() {}

  /** a (n, m) · b (m, p) → (n, p). */
  public static double[][] multiply(double[][] a, double[][] b) {
    requireInner(a, b.length, "multiply");
    return wrap(a).multiply(wrap(b)).getData();
  }

  /** a (n, m) · bᵀ, b (p, m) → (n, p): every row of a against every row of b. */
  public static double[][] multiplyTransposed(double[][] a, double[][] b) {
    requireInner(a, b[0].length, "multiplyTransposed");
    return wrap(a).multiply(wrap(b).transpose()).getData();
  }

  /** aᵀ: (n, m) → (m, n). */
  public static double[][] transpose(double[][] a) {
    return new Array2DRowRealMatrix(a, false).transpose().getData();
  }

  /** c · a. */
  public static double[][] scale(double[][] a, double c) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = c * a[i][j];
      }
    }
    return out;
  }

  /** a + b, same shape. */
  public static double[][] add(double[][] a, double[][] b) {
    requireSameShape(a, b);
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = new double[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        out[i][j] = a[i][j] + b[i][j];
      }
    }
    return out;
  }

  /** Columns [from, to) of a (n, m) → (n, to − from). */
  public static double[][] columns(double[][] a, int from, int to) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = Arrays.copyOfRange(a[i], from, to);
    }
    return out;
  }

  /** Side by side: (n, m₁), (n, m₂), … → (n, m₁ + m₂ + …). */
  public static double[][] concatColumns(List<double[][]> parts) {
    int rows = parts.get(0).length;
    int cols = parts.stream().mapToInt(p -> p[0].length).sum();
    double[][] out = new double[rows][cols];
    int at = 0;
    for (double[][] p : parts) {
      if (p.length != rows) {
        throw new IllegalArgumentException("concatColumns: " + p.length + " rows, expected "
            + rows);
      }
      for (int i = 0; i < rows; i++) {
        System.arraycopy(p[i], 0, out[i], at, p[i].length);
      }
      at += p[0].length;
    }
    return out;
  }

  /** A (rows, cols) matrix of independent N(0, std²) entries. */
  public static double[][] gaussian(int rows, int cols, double std, Rng rng) {
    double[][] out = new double[rows][cols];
    for (double[] row : out) {
      rng.fillGaussian(row);
      for (int j = 0; j < cols; j++) {
        row[j] *= std;
      }
    }
    return out;
  }

  /** The n × n identity. */
  public static double[][] identity(int n) {
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      out[i][i] = 1;
    }
    return out;
  }

  /** max |a_ij − b_ij|. */
  public static double maxAbsDifference(double[][] a, double[][] b) {
    requireSameShape(a, b);
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return max;
  }

  /** Frobenius norm √Σ a_ij². */
  public static double frobenius(double[][] a) {
    return wrap(a).getFrobeniusNorm();
  }

  private static RealMatrix wrap(double[][] a) {
    // BlockRealMatrix multiplies cache-friendly in blocks; it copies once, which is cheap here.
    return new BlockRealMatrix(a);
  }

  private static void requireInner(double[][] a, int inner, String op) {
    if (a.length == 0) {
      throw new IllegalArgumentException(op + ": empty matrix");
    }
    if (a[0].length != inner) {
      throw new IllegalArgumentException(op + ": inner sizes differ (" + a[0].length + " vs "
          + inner + ")");
    }
  }

  private static void requireSameShape(double[][] a, double[][] b) {
    if (a.length != b.length || a.length > 0 && a[0].length != b[0].length) {
      throw new IllegalArgumentException("shapes differ: (" + a.length + ", "
          + (a.length > 0 ? a[0].length : 0) + ") vs (" + b.length + ", "
          + (b.length > 0 ? b[0].length : 0) + ")");
    }
  }
}
