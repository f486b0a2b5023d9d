package dev.bagu.demos.training;

/**
 * A binary floating-point format with e exponent bits and m stored mantissa bits (IEEE 754
 * layout: sign, biased exponent, fraction; subnormals when the exponent field is 0), and the one
 * conversion every demo number goes through: round to nearest, ties to even.
 *
 * <p>IEEE-like formats (fp32, fp16, bf16, fp8 E5M2) keep the all-ones exponent for ±∞ and NaN;
 * fp8 E4M3 (OCP "E4M3FN", as in NVIDIA's FP8) has no infinities and uses only S.1111.111 for NaN,
 * so its largest value is 1.75·2⁸ = 448, and a value that rounds beyond it becomes NaN (the OCP
 * specification's non-saturating conversion).
 */
public record FloatFormat(String name, int exponentBits, int mantissaBits, boolean hasInfinity) {
  public static final FloatFormat FP32 = new FloatFormat("fp32", 8, 23, true);
  public static final FloatFormat FP16 = new FloatFormat("fp16", 5, 10, true);
  public static final FloatFormat BF16 = new FloatFormat("bf16", 8, 7, true);
  public static final FloatFormat E5M2 = new FloatFormat("fp8 E5M2", 5, 2, true);
  public static final FloatFormat E4M3 = new FloatFormat("fp8 E4M3", 4, 3, false);

  public FloatFormat {
    if (exponentBits < 2 || exponentBits > 11 || mantissaBits < 1 || mantissaBits > 52) {
      throw new IllegalArgumentException("unsupported format: e" + exponentBits + "m"
          + mantissaBits);
    }
  }

  /** 2^(e−1) − 1: 15 for fp16, 127 for fp32 and bf16. */
  public int bias() {
    return (1 << (exponentBits - 1)) - 1;
  }

  /** The exponent of the smallest normal number, 1 − bias. */
  public int minExponent() {
    return 1 - bias();
  }

  /** The exponent of the largest finite number. */
  public int maxExponent() {
    int field = (1 << exponentBits) - 1;
    return (hasInfinity ? field - 1 : field) - bias();
  }

  /** The largest finite value: (2 − 2^−m)·2^emax, or (2 − 2^(1−m))·2^emax without infinities. */
  public double max() {
    double mantissa = hasInfinity ? 2 - Math.scalb(1.0, -mantissaBits)
        : 2 - Math.scalb(1.0, 1 - mantissaBits); // S.1111.111 is NaN
    return Math.scalb(mantissa, maxExponent());
  }

  /** The smallest positive normal value, 2^(1 − bias). */
  public double minNormal() {
    return Math.scalb(1.0, minExponent());
  }

  /** The smallest positive subnormal value, 2^(1 − bias − m). */
  public double minSubnormal() {
    return Math.scalb(1.0, minExponent() - mantissaBits);
  }

  /** Machine epsilon: the gap between 1 and the next value, 2^−m. */
  public double epsilon() {
    return Math.scalb(1.0, -mantissaBits);
  }

  /** Total bits: 1 + e + m. */
  public int bits() {
    return 1 + exponentBits + mantissaBits;
  }

  /**
   * x rounded to this format, to nearest, ties to even, returned as a double (exact, since every
   * value of these formats is a double). Overflow gives ±∞ (NaN without infinities); values
   * below half the smallest subnormal give ±0.
   */
  public double round(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      return hasInfinity || Double.isNaN(x) ? x : Double.NaN;
    }
    if (x == 0) {
      return x;
    }
    // The quantum (distance between neighbours) at x's binade, never below the subnormal one.
    int e = Math.max(Math.getExponent(x), minExponent());
    double quantum = Math.scalb(1.0, e - mantissaBits);
    double r = Math.rint(x / quantum) * quantum; // x / quantum is exact; rint ties to even
    if (Math.getExponent(r) >= maxExponent() && Math.abs(r) > max()) { // cheap test first
      return hasInfinity ? Math.copySign(Double.POSITIVE_INFINITY, x) : Double.NaN;
    }
    return r == 0 ? Math.copySign(0.0, x) : r;
  }

  /** The bit pattern of round(x) in the low {@link #bits()} bits (NaN: the canonical quiet NaN). */
  public long encode(double x) {
    double r = round(x);
    long sign = (Double.doubleToRawLongBits(r) < 0 ? 1L : 0L) << (exponentBits + mantissaBits);
    long expAllOnes = (1L << exponentBits) - 1;
    long mantAllOnes = (1L << mantissaBits) - 1;
    if (Double.isNaN(r)) {
      return hasInfinity ? (expAllOnes << mantissaBits) | (1L << (mantissaBits - 1))
          : (expAllOnes << mantissaBits) | mantAllOnes;
    }
    if (Double.isInfinite(r)) {
      return sign | (expAllOnes << mantissaBits);
    }
    double a = Math.abs(r);
    if (a == 0) {
      return sign;
    }
    int e = Math.getExponent(a);
    if (e < minExponent()) { // subnormal: exponent field 0, a = fraction · 2^(emin − m)
      return sign | (long) Math.scalb(a, mantissaBits - minExponent());
    }
    long fraction = (long) ((Math.scalb(a, -e) - 1) * (1L << mantissaBits));
    return sign | ((long) (e + bias()) << mantissaBits) | fraction;
  }

  /** The value of a bit pattern (the low {@link #bits()} bits). */
  public double decode(long bits) {
    long mantAllOnes = (1L << mantissaBits) - 1;
    long expAllOnes = (1L << exponentBits) - 1;
    boolean negative = ((bits >>> (exponentBits + mantissaBits)) & 1) == 1;
    long field = (bits >>> mantissaBits) & expAllOnes;
    long fraction = bits & mantAllOnes;
    double value;
    if (field == expAllOnes && (hasInfinity || fraction == mantAllOnes)) {
      value = hasInfinity && fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (field == 0) {
      value = Math.scalb((double) fraction, minExponent() - mantissaBits);
    } else {
      value = Math.scalb(1 + (double) fraction / (1L << mantissaBits), (int) field - bias());
    }
    return negative ? -value : value;
  }

  /** The gap from |x| to the next larger value of the format (x finite, within range). */
  public double ulp(double x) {
    int e = Math.max(Math.getExponent(Math.abs(x)), minExponent());
    return Math.scalb(1.0, e - mantissaBits);
  }
}
