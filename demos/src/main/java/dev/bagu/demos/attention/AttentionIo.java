package dev.bagu.demos.attention;

/**
 * HBM accesses (floats read plus written) of exact attention, the quantity of Dao et al. 2022,
 * Theorem 2: standard attention needs Θ(Nd + N²), FlashAttention Θ(N²d²/M) for SRAM size M with
 * d ≤ M ≤ Nd. These are the closed forms of the two algorithms' loads and stores; {@link
 * FlashAttention} counts the tiled one while it runs, and the tests hold the two together.
 */
public final class AttentionIo {
  private AttentionIo() {}

  /**
   * Standard attention (Dao et al., Algorithm 0), counted step by step:
   *
   * <pre>
   *   1. read Q, K (2Nd);   S = QKᵀ;       write S (N²)
   *   2. read S (N²);       P = softmax(S); write P (N²)
   *   3. read P, V (N² + Nd); O = PV;      write O (Nd)
   * </pre>
   *
   * in all 4Nd + 4N².
   */
  public static long standard(long n, long d) {
    return 4 * n * d + 4 * n * n;
  }

  /**
   * Algorithm 1 without a mask, T_c = ⌈N/B_c⌉ outer steps: initialise O, ℓ, m (write Nd + 2N);
   * per outer step load K_j, V_j (2B_c·d, so 2Nd over all steps) and, for every row block, load
   * Q_i, O_i, ℓ_i, m_i and write O_i, ℓ_i, m_i back (3Nd + 4N per outer step):
   * 2Nd + (Nd + 2N) + T_c(3Nd + 4N). With T_c ≈ 4Nd/M the leading term is 12N²d²/M.
   */
  public static long tiledClosedForm(long n, long d, int sram) {
    long bc = FlashAttention.Blocks.of(sram, (int) d).cols();
    long tc = (n + bc - 1) / bc;
    return 2 * n * d + (n * d + 2 * n) + tc * (3 * n * d + 4 * n);
  }

  /**
   * Algorithm 1's accesses walked block by block without the arithmetic (what {@link
   * FlashAttention} counts while it computes), with or without the causal skip of blocks above the
   * diagonal.
   */
  public static long tiled(int n, int d, boolean causal, int sram) {
    FlashAttention.Blocks b = FlashAttention.Blocks.of(sram, d);
    long total = (long) n * d + 2L * n; // initialise O, ℓ, m
    for (int j0 = 0; j0 < n; j0 += b.cols()) {
      total += 2L * Math.min(b.cols(), n - j0) * d; // K_j, V_j
      for (int i0 = 0; i0 < n; i0 += b.rows()) {
        int i1 = Math.min(n, i0 + b.rows());
        if (!(causal && j0 > i1 - 1)) {
          total += (3L * d + 4) * (i1 - i0); // read Q_i, O_i, ℓ_i, m_i; write O_i, ℓ_i, m_i
        }
      }
    }
    return total;
  }

  /** The leading term of {@link #tiledClosedForm}, 12N²d²/M: Theorem 2's Θ(N²d²/M) with our constant. */
  public static double tiledLeading(long n, long d, int sram) {
    return 12.0 * n * n * d * d / sram;
  }

  /**
   * Extra floats beyond Q, K, V and O: standard attention keeps S and P (2N²) in HBM, FlashAttention
   * only ℓ and m (2N), plus its SRAM working set, which does not grow with N.
   */
  public static long standardExtra(long n) {
    return 2 * n * n;
  }

  public static long tiledExtra(long n) {
    return 2 * n;
  }
}
