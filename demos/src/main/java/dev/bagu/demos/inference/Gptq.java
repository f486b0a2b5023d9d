package dev.bagu.demos.inference;

import dev.bagu.demos.inference.RoundToNearest.Granularity;
import dev.bagu.demos.inference.RoundToNearest.Grid;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

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

  /** XXᵀ (cols, cols) from inputs X (cols, n). */
  public static double[][] gram(double[][] x) {
    RealMatrix m = new org.apache.commons.math3.linear.BlockRealMatrix(x);
    return m.multiply(m.transpose()).getData();
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

  /** U with H⁻¹ = Uᵀ U. */
  public static double[][] inverseCholeskyUpper(double[][] h) {
    RealMatrix inverse = new CholeskyDecomposition(new Array2DRowRealMatrix(h))
        .getSolver().getInverse();
    // Symmetrise rounding noise away before the second factorisation.
    RealMatrix sym = inverse.add(inverse.transpose()).scalarMultiply(0.5);
    return new CholeskyDecomposition(sym).getLT().getData();
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

  /** ‖(W − Ŵ)X‖²_F = Σ_rows δ (XXᵀ) δᵀ, δ = w_row − ŵ_row, from the Gram matrix XXᵀ. */
  public static double outputError(double[][] w, double[][] quantized, double[][] xxt) {
    double total = 0;
    int cols = w[0].length;
    double[] delta = new double[cols];
    for (int r = 0; r < w.length; r++) {
      for (int c = 0; c < cols; c++) {
        delta[c] = w[r][c] - quantized[r][c];
      }
      for (int a = 0; a < cols; a++) {
        if (delta[a] == 0) {
          continue;
        }
        double s = 0;
        double[] row = xxt[a];
        for (int b = 0; b < cols; b++) {
          s += row[b] * delta[b];
        }
        total += delta[a] * s;
      }
    }
    return total;
  }
}
