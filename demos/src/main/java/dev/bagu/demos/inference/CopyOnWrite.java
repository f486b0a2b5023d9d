package dev.bagu.demos.inference;

/**
 * Parallel sampling with PagedAttention (Kwon et al. 2023, §4.4): n samples of one prompt share
 * the prompt's full blocks through their block tables (reference count n); the prompt's last,
 * partly filled block is copied the first time a sample writes to it (copy-on-write), and every
 * generated token goes to the sample's own blocks.
 */
public final class CopyOnWrite {
  private CopyOnWrite() {}

  /** Blocks when each of n samples keeps its own copy of everything: n · ⌈(P + L)/B⌉. */
  public static long blocksWithoutSharing(int samples, int prompt, int output, int block) {
    return (long) samples * ceilDiv(prompt + output, block);
  }

  /** Blocks with sharing: ⌊P/B⌋ shared, plus each sample's ⌈(P + L)/B⌉ − ⌊P/B⌋ own blocks. */
  public static long blocksWithSharing(int samples, int prompt, int output, int block) {
    int shared = prompt / block;
    return shared + (long) samples * (ceilDiv(prompt + output, block) - shared);
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }
}
