package dev.bagu.demos.attention;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * What h heads cost, in two layouts: the paper's d_head = d/h (every head narrower) and the
 * alternative d_head = d (every head full width). Parameters are counted from real
 * {@link MultiHeadAttention} objects; FLOPs come from the shapes (one multiply-add = 2 FLOPs):
 *
 * <pre>
 *   projections  X W_Q, X W_K, X W_V  3 · 2 n d (h d_head),   concat · W_O  2 n (h d_head) d
 *   scores       Q Kᵀ per head         2 n² d_head,            A V per head   2 n² d_head
 * </pre>
 *
 * The softmax (O(h n²), no d) is left out.
 */
final class HeadCosts {
  private HeadCosts() {}

  /** One head count h: parameters counted from both models, FLOPs of both from the shapes. */
  record Row(int heads, int dHead, long flatParams, long grownParams, double flatProjFlops,
      double flatScoreFlops, double grownProjFlops, double grownScoreFlops) {
    double flatFlops() {
      return flatProjFlops + flatScoreFlops;
    }

    double grownFlops() {
      return grownProjFlops + grownScoreFlops;
    }
  }

  /** h = 1, 2, 4, … up to maxHeads (a power of two dividing dModel). */
  static List<Integer> headCounts(int maxHeads) {
    List<Integer> hs = new ArrayList<>();
    for (int h = 1; h <= maxHeads; h *= 2) {
      hs.add(h);
    }
    return hs;
  }

  /** h heads of full width d_head = d, concatenated (h·d wide) and projected back by W_O. */
  static MultiHeadAttention fullWidth(int dModel, int h, Rng rng) {
    List<AttentionHead> heads = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      heads.add(AttentionHead.random(dModel, dModel, dModel, false, rng));
    }
    return new MultiHeadAttention(heads, Matrices.gaussian(h * dModel, dModel,
        1 / Math.sqrt(h * dModel), rng));
  }

  static Row row(MultiHeadAttention flat, MultiHeadAttention grown, int tokens) {
    int h = flat.heads().size();
    int d = flat.heads().get(0).dModel();
    int dHead = flat.heads().get(0).dK();
    return new Row(h, dHead, flat.parameters(), grown.parameters(),
        projectionFlops(tokens, d, h, dHead), scoreFlops(tokens, h, dHead),
        projectionFlops(tokens, d, h, d), scoreFlops(tokens, h, d));
  }

  static double projectionFlops(int n, int d, int h, int dHead) {
    return 4.0 * 2 * n * d * ((double) h * dHead);
  }

  static double scoreFlops(int n, int h, int dHead) {
    return 2.0 * 2 * n * (double) n * h * dHead;
  }

  /** Singular values of one head's score matrix S = (X W_Q)(X W_K)ᵀ, largest first. */
  static double[] scoreSingularValues(AttentionHead head, double[][] x) {
    double[][] s = Matrices.multiplyTransposed(Matrices.multiply(x, head.wq()),
        Matrices.multiply(x, head.wk()));
    return new SingularValueDecomposition(new Array2DRowRealMatrix(s, false)).getSingularValues();
  }

  /**
   * Numerical rank: singular values above σ_1 · n · ε (ε = 2⁻⁵², the convention of LAPACK-based
   * rank routines such as NumPy's matrix_rank).
   */
  static int numericalRank(double[] sigma) {
    double tol = sigma[0] * sigma.length * Math.ulp(1.0);
    int r = 0;
    for (double v : sigma) {
      if (v > tol) {
        r++;
      }
    }
    return r;
  }
}
