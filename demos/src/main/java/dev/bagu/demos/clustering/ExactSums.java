package dev.bagu.demos.clustering;

import java.math.BigInteger;

/**
 * Sums of one column of numbers that do not depend on the order they are added in: each value is
 * held as a 128-bit integer multiple of 2^−q, with q chosen from the column so that every value,
 * and every sum of up to all of them, is exact. A sum rounds to a double once, at the end, to the
 * nearest (ties to even) — the exactly rounded sum, whatever the order or grouping.
 *
 * <p>Why: Lloyd's update on a k-d tree ({@link FilteringAssignment}) adds whole nodes' sums at
 * once, a different grouping at every step. With plain doubles a cluster's mean would depend on
 * that grouping; with these it depends on the cluster's points only.
 *
 * <p>q: the smallest that makes every value an integer (from each value's lowest set bit), unless
 * the column's range of magnitudes is too wide for 128 bits (about 2^100 between the largest
 * value and the finest bit); then values are rounded to the nearest multiple of 2^−q, about
 * 2^−100 of the largest — far below a double's precision, and still order-free.
 *
 * <p>Storage: value i is {@code hi[i]·2^64 + lo[i]} (lo unsigned), two's complement, times 2^−q.
 */
final class ExactSums {
  /** Headroom: a 128-bit two's complement integer holds magnitudes below 2^127. */
  private static final int BITS = 126;
  private static final double TWO_64 = 0x1p64;
  private static final double TWO_63 = 0x1p63;

  final int q;
  final long[] hi;
  final long[] lo;

  ExactSums(double[] values) {
    q = scale(values);
    hi = new long[values.length];
    lo = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      fixed(values[i], i);
    }
  }

  /** The exponent q of 2^−q: exact for every value and sum of all, within 128 bits. */
  static int scale(double[] values) {
    int finest = Integer.MAX_VALUE; // lowest set bit over the column, as a power of 2
    int top = Integer.MIN_VALUE; // every |value| < 2^(top + 1)
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("not a finite number: " + v);
      }
      if (v == 0) {
        continue;
      }
      long bits = Double.doubleToRawLongBits(v);
      int exp = (int) ((bits >>> 52) & 0x7ff);
      long mantissa = bits & ((1L << 52) - 1);
      long significand = exp == 0 ? mantissa : mantissa | 1L << 52;
      int unit = exp == 0 ? -1074 : exp - 1075; // value = significand · 2^unit
      finest = Math.min(finest, unit + Long.numberOfTrailingZeros(significand));
      top = Math.max(top, unit + 63 - Long.numberOfLeadingZeros(significand));
    }
    if (top == Integer.MIN_VALUE) {
      return 0; // all zeros
    }
    int headroom = 64 - Long.numberOfLeadingZeros(Math.max(1, values.length - 1)); // ⌈log2 n⌉
    return Math.min(-finest, BITS - 1 - top - headroom);
  }

  /** value i ← round(v · 2^q) as 128 bits. */
  private void fixed(double v, int i) {
    double w = Math.rint(Math.scalb(v, q)); // exact unless q had to be capped
    double a = Math.abs(w);
    long h;
    long l;
    if (a < TWO_63) {
      h = 0;
      l = (long) a;
    } else {
      // a < 2^126 has at most 53 significant bits, so both parts are exact
      double high = Math.floor(a / TWO_64);
      double rest = a - high * TWO_64; // in [0, 2^64)
      h = (long) high;
      l = rest >= TWO_63 ? (long) (rest - TWO_63) | Long.MIN_VALUE : (long) rest;
    }
    if (w < 0) { // two's complement negation of (h, l)
      l = -l;
      h = ~h + (l == 0 ? 1 : 0);
    }
    hi[i] = h;
    lo[i] = l;
  }

  /**
   * Adds (bh, bl) to the running sum at {@code sum[2 at]} (high) and {@code sum[2 at + 1]} (low):
   * the carry out of the low half is whether its unsigned sum wrapped.
   */
  static void add(long[] sum, int at, long bh, long bl) {
    long l = sum[2 * at + 1];
    long s = l + bl;
    sum[2 * at] += bh + (Long.compareUnsigned(s, l) < 0 ? 1 : 0);
    sum[2 * at + 1] = s;
  }

  /** The sum at {@code sum[2 at]}, {@code sum[2 at + 1]} rounded once to the nearest double. */
  double toDouble(long[] sum, int at) {
    long h = sum[2 * at];
    long l = sum[2 * at + 1];
    double d;
    if (h == l >> 63) {
      d = l; // fits in a long: the conversion rounds to nearest, ties to even
    } else {
      BigInteger big = BigInteger.valueOf(h).shiftLeft(64)
          .add(BigInteger.valueOf(l >>> 1).shiftLeft(1).or(BigInteger.valueOf(l & 1)));
      d = big.doubleValue(); // also rounds to nearest, ties to even
    }
    return Math.scalb(d, -q); // a power of two: exact (results far above the subnormals)
  }
}
