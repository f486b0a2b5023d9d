package dev.bagu.demos.positions;

/**
 * T5's relative position buckets (Raffel et al. 2020, §2.1; the reference implementation's
 * {@code _relative_position_bucket}). Each head learns one scalar bias per bucket and adds it to
 * the score of every query–key pair whose relative position falls in that bucket.
 *
 * <p>Relative position r = key position − query position. Bidirectional (encoder): half the
 * buckets for keys at or before the query, half (offset by buckets/2) for keys after it.
 * Causal (decoder): keys after the query do not exist, so r > 0 counts as 0 and all buckets go to
 * the past. Within a half of size B: distances n &lt; B/2 get a bucket each (exact); larger ones
 * share logarithmically wider buckets, B/2 + ⌊ln(n/(B/2)) / ln(maxDistance/(B/2)) · B/2⌋, up to
 * the last bucket B − 1, which holds everything from about maxDistance on.
 */
public final class T5Buckets {
  private T5Buckets() {}

  /** The bucket of relative position r = key − query. */
  public static int bucket(int relativePosition, boolean bidirectional, int buckets,
      int maxDistance) {
    int offset = 0;
    int half = buckets;
    int n;
    if (bidirectional) {
      half = buckets / 2;
      offset = relativePosition > 0 ? half : 0; // keys after the query use the upper half
      n = Math.abs(relativePosition);
    } else {
      n = Math.max(-relativePosition, 0); // keys after the query: treated as distance 0
    }
    int exact = half / 2;
    if (n < exact) {
      return offset + n; // small distances: one bucket each
    }
    int wider = exact + (int) Math.floor(Math.log((double) n / exact)
        / Math.log((double) maxDistance / exact) * (half - exact));
    return offset + Math.min(wider, half - 1);
  }

  /** Buckets of every r from −range to range, in that order. */
  public static int[] buckets(int range, boolean bidirectional, int buckets, int maxDistance) {
    int[] out = new int[2 * range + 1];
    for (int r = -range; r <= range; r++) {
      out[r + range] = bucket(r, bidirectional, buckets, maxDistance);
    }
    return out;
  }

  /** How many of the given relative positions fall in each bucket. */
  public static int[] widths(int[] bucketOfEach, int buckets) {
    int[] count = new int[buckets];
    for (int b : bucketOfEach) {
      count[b]++;
    }
    return count;
  }

  /** The largest distance that still gets its own (exact) bucket is exact − 1, exact = this. */
  public static int exactLimit(boolean bidirectional, int buckets) {
    return (bidirectional ? buckets / 2 : buckets) / 2;
  }
}
