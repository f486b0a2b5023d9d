package dev.bagu.demos.inference;

import dev.bagu.demos.inference.RoundToNearest.Granularity;
import dev.bagu.demos.inference.RoundToNearest.Grid;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;

/**
 * GPTQ (Frantar et al. 2022, Algorithm 1, without the lazy batching that only speeds it up).
 * It minimises ‖WX − ŴX‖²_F for a layer W (rows, cols) and calibration inputs X (cols, n) by
 * quantizing one input column at a time and moving the rounding error onto the columns not yet
 * quantized, weighted by the inverse Hessian of that loss, H = 2XXᵀ:
 *
 * <pre>
 *   H⁻¹ = Uᵀ U                   U upper triangular (Cholesky of the inverse, §4 "Step 3")
 *   for j = 0 … cols−1:
 *     ŵ_j = quant(w_j)                       column j of every row
 *     e   = (w_j − ŵ_j) / U_jj
 *     w_k −= e · U_jk   for k > j            the remaining columns absorb the error
 * </pre>
 *
 * Groups get their grid when the loop reaches their first column, from the already updated
 * weights, as the reference code does; per-channel grids come from the original rows.
 */
public final class Gptq {
  /** Dampening added to H's diagonal, as a fraction of its mean (the paper's 1%). */
  public static final double DAMPENING = 0.01;

  private Gptq() {}

  /**
   * XXᵀ (cols, cols) from inputs X (cols, n): one dot product of two rows per entry, the upper
   * triangle only (the matrix is symmetric, and exactly so: each entry is computed once).
   */
  public static double[][] gram(double[][] x) {
    int cols = x.length;
    double[][] g = new double[cols][cols];
    // Rows side by side on the cores: each entry is one dot product, whichever thread takes it.
    java.util.stream.IntStream.range(0, cols).parallel().forEach(a -> {
      for (int b = a; b < cols; b++) {
        double s = dot(x[a], x[b]);
        g[a][b] = s;
        g[b][a] = s;
      }
    });
    return g;
  }

  /** a · b with four running sums, so the additions do not wait on each other. */
  private static double dot(double[] a, double[] b) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < a.length; i += 4) {
      s0 += a[i] * b[i];
      s1 += a[i + 1] * b[i + 1];
      s2 += a[i + 2] * b[i + 2];
      s3 += a[i + 3] * b[i + 3];
    }
    for (; i < a.length; i++) {
      s0 += a[i] * b[i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** H = 2XXᵀ + λI from the Gram matrix XXᵀ, λ = 1% of the mean diagonal of 2XXᵀ. */
  public static double[][] hessian(double[][] gram) {
    double[][] h = new double[gram.length][];
    for (int i = 0; i < h.length; i++) {
      h[i] = new double[gram.length];
      for (int j = 0; j < h.length; j++) {
        h[i][j] = 2 * gram[i][j];
      }
    }
    double mean = 0;
    for (int i = 0; i < h.length; i++) {
      mean += h[i][i] / h.length;
    }
    for (int i = 0; i < h.length; i++) {
      h[i][i] += DAMPENING * mean;
    }
    return h;
  }

  /**
   * U with H⁻¹ = Uᵀ U, from one Cholesky factorisation and one triangular inverse instead of an
   * inverse and a second factorisation. With P the order-reversing permutation and PHP = L Lᵀ:
   * H⁻¹ = P L⁻ᵀ L⁻¹ P = (P L⁻¹ P)ᵀ (P L⁻¹ P), and P L⁻¹ P is upper triangular (the upper Cholesky
   * factor of H⁻¹ is unique, so this is the same U).
   */
  public static double[][] inverseCholeskyUpper(double[][] h) {
    int n = h.length;
    double[][] reversed = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        reversed[i][j] = h[n - 1 - i][n - 1 - j];
      }
    }
    double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(reversed, false)).getL()
        .getData();
    // L⁻¹ (lower) by forward substitution, one column j at a time. The columns are independent,
    // so they run side by side on the cores; each is built in a contiguous array (reading
    // L⁻¹ down a column of the 2-D array missed the cache at every step) and the sums run in the
    // same order as before, so the bits are the same.
    double[][] inverse = new double[n][n];
    java.util.stream.IntStream.range(0, n).parallel().forEach(j -> {
      double[] column = new double[n];
      column[j] = 1 / l[j][j];
      inverse[j][j] = column[j];
      for (int i = j + 1; i < n; i++) {
        double s = 0;
        double[] li = l[i];
        for (int k = j; k < i; k++) {
          s += li[k] * column[k];
        }
        column[i] = -s / li[i];
        inverse[i][j] = column[i];
      }
    });
    double[][] upper = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        upper[i][j] = inverse[n - 1 - i][n - 1 - j];
      }
    }
    return upper;
  }

  /** Ŵ by GPTQ; w is not modified. */
  public static double[][] quantize(double[][] w, double[][] upper, int bits,
      Granularity granularity, int groupSize) {
    int rows = w.length;
    int cols = w[0].length;
    double[][] work = new double[rows][];
    for (int r = 0; r < rows; r++) {
      work[r] = w[r].clone();
    }
    double[][] out = new double[rows][cols];
    Grid[] grids = new Grid[rows];
    Grid tensor = RoundToNearest.grid(w, 0, rows, 0, cols, bits);
    for (int r = 0; r < rows; r++) {
      grids[r] = switch (granularity) {
        case PER_TENSOR -> tensor;
        case PER_CHANNEL -> RoundToNearest.grid(w, r, r + 1, 0, cols, bits);
        case GROUPED -> null; // set at each group's first column
      };
    }
    for (int j = 0; j < cols; j++) {
      if (granularity == Granularity.GROUPED && j % groupSize == 0) {
        for (int r = 0; r < rows; r++) {
          grids[r] = RoundToNearest.grid(work, r, r + 1, j, Math.min(cols, j + groupSize), bits);
        }
      }
      double[] u = upper[j];
      for (int r = 0; r < rows; r++) {
        double q = grids[r].quantize(work[r][j]);
        out[r][j] = q;
        double e = (work[r][j] - q) / u[j];
        double[] row = work[r];
        for (int k = j + 1; k < cols; k++) {
          row[k] -= e * u[k];
        }
      }
    }
    return out;
  }

  /**
   * ‖(W − Ŵ)X‖²_F = Σ_rows δ (XXᵀ) δᵀ, δ = w_row − ŵ_row, from the (symmetric) Gram matrix G =
   * XXᵀ: δGδᵀ = Σ_a G_aa δ_a² + 2 Σ_a<b δ_a G_ab δ_b, the upper triangle gathered as
   * y_b = Σ_a<b δ_a G_ab one row of G at a time (a loop the JIT vectorises).
   */
  public static double outputError(double[][] w, double[][] quantized, double[][] xxt) {
    double total = 0;
    int cols = w[0].length;
    double[] delta = new double[cols];
    double[] y = new double[cols];
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < cols; c++) {
        delta[c] = w[r][c] - quantized[r][c];
      }
      Arrays.fill(y, 0);
      double diagonal = 0;
      for (int a = 0; a < cols; a++) {
        double da = delta[a];
        if (da == 0) {
          continue;
        }
        double[] row = xxt[a];
        diagonal += da * da * row[a];
        for (int b = a + 1; b < cols; b++) {
          y[b] += da * row[b];
        }
      }
      double cross = 0;
      for (int b = 0; b < cols; b++) {
        cross += delta[b] * y[b];
      }
      total += diagonal + 2 * cross;
    }
    return total;
  }
}
