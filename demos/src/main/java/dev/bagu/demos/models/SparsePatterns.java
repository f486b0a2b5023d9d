package dev.bagu.demos.models;

import java.util.BitSet;

/**
 * The causal attention patterns of Child et al. 2019 ("Generating Long Sequences with Sparse
 * Transformers", §4.2): which keys j a query i may attend to. Every pattern is causal (j ≤ i) and
 * includes i itself. With stride l and c summary columns per block:
 *
 * <pre>
 *   dense    j ≤ i                                                  i + 1 keys
 *   local    i − j &lt; l  (the l most recent positions)               min(i + 1, l)
 *   strided  local ∪ {j : (i − j) mod l = 0}                          min(i + 1, l) + ⌊i/l⌋
 *   fixed    {j : ⌊j/l⌋ = ⌊i/l⌋} ∪ {j : j mod l ≥ l − c}              (i mod l) + 1 + ⌊i/l⌋·min(c, l)
 * </pre>
 *
 * The paper's strided A⁽¹⁾ starts at max(0, i − l), one position earlier than "local"; that
 * position is also in A⁽²⁾, so the union is the same. The row counts on the right are closed forms
 * (the multiples of l behind i lie beyond the window, so the two parts are disjoint; likewise the
 * summary columns of earlier blocks lie outside i's block), tested against the masks.
 */
enum SparsePatterns {
  DENSE("dense"),
  LOCAL("local"),
  STRIDED("strided"),
  FIXED("fixed");

  private final String key;

  SparsePatterns(String key) {
    this.key = key;
  }

  /** The pattern's name in the JSON and the CLI: "dense", "local", "strided", "fixed". */
  String key() {
    return key;
  }

  /** True when query i may attend to key j. */
  boolean attends(int i, int j, int l, int c) {
    if (j > i || j < 0) {
      return false;
    }
    return switch (this) {
      case DENSE -> true;
      case LOCAL -> i - j < l;
      case STRIDED -> i - j < l || (i - j) % l == 0;
      case FIXED -> j / l == i / l || j % l >= l - c;
    };
  }

  /** |A(i)|, the keys query i attends to, by the closed forms above. */
  long rowCount(int i, int l, int c) {
    return switch (this) {
      case DENSE -> i + 1L;
      case LOCAL -> Math.min(i + 1L, l);
      case STRIDED -> Math.min(i + 1L, l) + i / l;
      case FIXED -> i % l + 1L + (long) (i / l) * Math.min(c, l);
    };
  }

  /** Σ_i |A(i)| for a sequence of n positions: the (query, key) pairs the pattern keeps. */
  long pairs(int n, int l, int c) {
    long total = 0;
    for (int i = 0; i < n; i++) {
      total += rowCount(i, l, c);
    }
    return total;
  }

  /** The mask as one bit set per query: row i holds the keys i attends to. O(n²) bits. */
  BitSet[] mask(int n, int l, int c) {
    BitSet[] rows = new BitSet[n];
    for (int i = 0; i < n; i++) {
      BitSet row = new BitSet(i + 1);
      switch (this) {
        case DENSE -> row.set(0, i + 1);
        case LOCAL -> row.set(Math.max(0, i - l + 1), i + 1);
        case STRIDED -> {
          row.set(Math.max(0, i - l + 1), i + 1);
          for (int j = i - l; j >= 0; j -= l) {
            row.set(j);
          }
        }
        case FIXED -> {
          row.set(i / l * l, i + 1);
          for (int block = 0; block < i / l; block++) {
            row.set(block * l + Math.max(0, l - c), block * l + l); // summary columns
          }
        }
      }
      rows[i] = row;
    }
    return rows;
  }

  /**
   * The keys reachable from each query in at most two hops, i → k → j, with k ∈ A(i) and
   * j ∈ A(k): row i is the union of the rows A(k) over k ∈ A(i). (A(i) contains i, so one hop is
   * included.) Cost at most Σ_i |A(i)| · n/64 word operations; a row stops once it covers [0, i].
   */
  static BitSet[] twoHops(BitSet[] mask) {
    BitSet[] reach = new BitSet[mask.length];
    for (int i = 0; i < mask.length; i++) {
      BitSet r = new BitSet(i + 1);
      int merged = 0;
      for (int k = mask[i].nextSetBit(0); k >= 0; k = mask[i].nextSetBit(k + 1)) {
        r.or(mask[k]);
        // Dense-ish rows (small l, large c) fill [0, i] after a few keys: stop there.
        if (++merged % 16 == 0 && r.nextClearBit(0) > i) {
          break;
        }
      }
      reach[i] = r;
    }
    return reach;
  }

  /** Pairs (i, j ≤ i) not reachable within two hops: 0 when the pattern connects everything. */
  static long unreachedInTwoHops(BitSet[] mask) {
    BitSet[] reach = twoHops(mask);
    long missing = 0;
    for (int i = 0; i < reach.length; i++) {
      missing += i + 1 - reach[i].get(0, i + 1).cardinality();
    }
    return missing;
  }

  /**
   * A middle key k with k ∈ A(i) and j ∈ A(k), the smallest such k, or −1 when j is not reached
   * in two hops: the path drawn in the figure.
   */
  static int middle(BitSet[] mask, int i, int j) {
    for (int k = mask[i].nextSetBit(0); k >= 0; k = mask[i].nextSetBit(k + 1)) {
      if (mask[k].get(j)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Hops needed from query i to key j by breadth-first search over the mask (1 when i attends to
   * j), for every j ≤ i, or 0 where j is not reachable at all. Used for the local pattern, which
   * needs about (i − j)/(l − 1) hops.
   */
  static int[] hopsFrom(BitSet[] mask, int i) {
    int[] hops = new int[i + 1];
    BitSet frontier = new BitSet();
    frontier.set(i);
    BitSet seen = (BitSet) frontier.clone();
    for (int h = 1; !frontier.isEmpty(); h++) {
      BitSet next = new BitSet();
      for (int k = frontier.nextSetBit(0); k >= 0; k = frontier.nextSetBit(k + 1)) {
        next.or(mask[k]);
      }
      next.andNot(seen);
      if (h == 1) {
        next.set(i); // i attends to itself: one hop
      }
      for (int j = next.nextSetBit(0); j >= 0; j = next.nextSetBit(j + 1)) {
        hops[j] = h;
      }
      seen.or(next);
      frontier = next;
    }
    return hops;
  }
}
