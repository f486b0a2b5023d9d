package dev.bagu.demos.attention;

import java.util.Arrays;

/**
 * FlashAttention's forward pass (Dao et al. 2022, Algorithm 1), simulated on a two-level memory:
 * Q, K, V, O and the running statistics ℓ, m live in "HBM", and every block that Algorithm 1 loads
 * into "SRAM" (about M floats) or writes back is counted, in floats (the arithmetic reads the
 * arrays in place; only the scores of one block, S_ij, get their own SRAM array). The output
 * equals softmax(QKᵀ/√d) V without ever holding the (N, N) score matrix:
 *
 * <pre>
 *   B_c = ⌈M/4d⌉, B_r = min(⌈M/4d⌉, d); Q split in T_r row blocks Q_i (B_r, d), K and V in T_c
 *   column blocks K_j, V_j (B_c, d). O = 0, ℓ = 0, m = −∞ (N) in HBM.
 *   for j: load K_j, V_j
 *     for i: load Q_i, O_i, ℓ_i, m_i
 *       S_ij = τ Q_i K_jᵀ                      (B_r, B_c), τ = 1/√d
 *       m̃ = rowmax(S_ij), P̃ = exp(S_ij − m̃), ℓ̃ = rowsum(P̃)
 *       m_new = max(m_i, m̃), ℓ_new = e^{m_i − m_new} ℓ_i + e^{m̃ − m_new} ℓ̃
 *       O_i ← diag(ℓ_new)⁻¹ (diag(ℓ_i) e^{m_i − m_new} O_i + e^{m̃ − m_new} P̃ V_j)
 *       write O_i, ℓ_i ← ℓ_new, m_i ← m_new
 * </pre>
 *
 * Causal: keys after the query get weight 0, and blocks lying wholly above the diagonal are
 * skipped (no loads, no writes), as the paper's block-sparse variant does.
 */
public final class FlashAttention {
  private FlashAttention() {}

  /** Block sizes from SRAM size M (floats) and head dimension d: B_c = ⌈M/4d⌉, B_r = min(B_c, d). */
  public record Blocks(int rows, int cols) {
    public static Blocks of(int sram, int d) {
      int bc = (sram + 4 * d - 1) / (4 * d);
      return new Blocks(Math.min(bc, d), bc);
    }
  }

  /** Floats moved between HBM and SRAM. */
  public record Traffic(long reads, long writes) {
    public long total() {
      return reads + writes;
    }
  }

  /** Called after block (i, j) is processed, with the HBM state: O (N, d), ℓ and m (N). */
  public interface Listener {
    void afterBlock(int i, int j, Blocks blocks, double[][] o, double[] l, double[] m);
  }

  /**
   * @param output O (N, d)
   * @param hbm floats read and written between HBM and SRAM
   * @param sramPeak most floats held in SRAM at once (K_j, V_j, Q_i, O_i, S_ij, row statistics)
   */
  public record Output(double[][] output, Blocks blocks, Traffic hbm, long sramPeak) {}

  public static Output attend(double[][] q, double[][] k, double[][] v, boolean causal, int sram) {
    return attend(q, k, v, causal, sram, null);
  }

  /** Q (N, d), K (N, d), V (N, d); the listener may be null. */
  public static Output attend(double[][] q, double[][] k, double[][] v, boolean causal, int sram,
      Listener listener) {
    int n = q.length;
    int d = q[0].length;
    if (k.length != n || v.length != n || k[0].length != d || v[0].length != d) {
      throw new IllegalArgumentException("Q, K, V must all be (N, d)");
    }
    Blocks b = Blocks.of(sram, d);
    double tau = 1 / Math.sqrt(d);
    // HBM: O, ℓ, m initialised and written once (step 2 of Algorithm 1).
    double[][] o = new double[n][d];
    double[] l = new double[n];
    double[] m = new double[n];
    Arrays.fill(m, Double.NEGATIVE_INFINITY);
    long reads = 0;
    long writes = (long) n * d + 2L * n;
    // SRAM: one K/V block, one Q/O block, the block of scores and four row statistics.
    double[][] s = new double[b.rows()][b.cols()];
    double[] mi = new double[b.rows()];
    double[] li = new double[b.rows()];
    double[] pv = new double[d];
    for (int j0 = 0; j0 < n; j0 += b.cols()) {
      int j1 = Math.min(n, j0 + b.cols());
      reads += 2L * (j1 - j0) * d; // K_j, V_j
      for (int i0 = 0; i0 < n; i0 += b.rows()) {
        int i1 = Math.min(n, i0 + b.rows());
        if (causal && j0 > i1 - 1) {
          continue; // every key of this block comes after every query: nothing to do
        }
        int rows = i1 - i0;
        reads += 2L * rows * d + 2L * rows; // Q_i, O_i, ℓ_i, m_i
        for (int r = 0; r < rows; r++) {
          int row = i0 + r;
          int last = causal ? Math.min(j1, row + 1) : j1; // keys [j0, last) are visible
          if (last <= j0) {
            continue; // this query sees no key of the block: O_i, ℓ_i, m_i unchanged
          }
          double mTilde = Double.NEGATIVE_INFINITY;
          for (int c = j0; c < last; c++) {
            double dot = 0;
            for (int t = 0; t < d; t++) {
              dot += q[row][t] * k[c][t];
            }
            s[r][c - j0] = tau * dot;
            mTilde = Math.max(mTilde, s[r][c - j0]);
          }
          double lTilde = 0;
          for (int c = j0; c < last; c++) {
            s[r][c - j0] = Math.exp(s[r][c - j0] - mTilde); // P̃_ij in place of S_ij
            lTilde += s[r][c - j0];
          }
          double mNew = Math.max(m[row], mTilde);
          double oldScale = Math.exp(m[row] - mNew) * l[row]; // 0 on the first visit (m = −∞)
          double newScale = Math.exp(mTilde - mNew);
          double lNew = oldScale + newScale * lTilde;
          Arrays.fill(pv, 0); // P̃ V_j for this row, summed key by key along V's rows
          for (int c = j0; c < last; c++) {
            double pc = s[r][c - j0];
            double[] vc = v[c];
            for (int t = 0; t < d; t++) {
              pv[t] += pc * vc[t];
            }
          }
          for (int t = 0; t < d; t++) {
            o[row][t] = (oldScale * o[row][t] + newScale * pv[t]) / lNew;
          }
          mi[r] = mNew;
          li[r] = lNew;
        }
        for (int r = 0; r < rows; r++) { // write ℓ_i, m_i back (rows left unchanged keep theirs)
          int row = i0 + r;
          boolean visited = !causal || Math.min(j1, row + 1) > j0;
          if (visited) {
            l[row] = li[r];
            m[row] = mi[r];
          }
        }
        writes += (long) rows * d + 2L * rows; // O_i, ℓ_i, m_i
        if (listener != null) {
          listener.afterBlock(i0 / b.rows(), j0 / b.cols(), b, o, l, m);
        }
      }
    }
    long sramPeak = 2L * b.cols() * d + 2L * b.rows() * d + (long) b.rows() * b.cols()
        + 4L * b.rows();
    return new Output(o, b, new Traffic(reads, writes), sramPeak);
  }
}
