package dev.bagu.plot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** Number formats for people: tables, cell text, tick labels. Always '.' as decimal point. */
public final class Numbers {
  private Numbers() {}

  /**
   * x with this many digits after the point, as {@code String.format("%.nf")} writes it (Java
   * rounds the shortest decimal that reads back as x, half up), without Formatter's parsing of
   * the pattern: tick labels call this hundreds of times a paint, and it was a few percent of
   * painting a figure. BigDecimal.valueOf starts from that same shortest decimal; it drops the
   * sign of a zero, as {@link #unsignedZero} does anyway. (Checked against String.format on
   * millions of values, tick-like and random, 0 to 12 digits: NumbersTest.)
   */
  public static String fixed(double x, int digits) {
    if (!Double.isFinite(x) || digits < 0) {
      return unsignedZero(String.format(Locale.US, "%." + digits + "f", x));
    }
    return unsignedZero(BigDecimal.valueOf(x).setScale(digits, RoundingMode.HALF_UP)
        .toPlainString());
  }

  /**
   * s without the sign of a zero that kept it ("-0", "-0.", "-0.000" → "0"…: it says nothing the
   * plain zero doesn't); any other text as it is. No regex: tick labels call this a lot.
   */
  static String unsignedZero(String s) {
    if (!s.startsWith("-0")) {
      return s;
    }
    for (int i = 2; i < s.length(); i++) {
      if (s.charAt(i) != '0' && !(i == 2 && s.charAt(i) == '.')) {
        return s;
      }
    }
    return s.substring(1);
  }

  /**
   * x to about four significant digits, without exponent between 1e-4 and 1e7 ("63.92",
   * "0.1072", "100000"), with one outside ("1.234e-06"); integers stay integers.
   */
  public static String readable(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "−∞";
    }
    if (x == Math.rint(x) && Math.abs(x) < 1e7) {
      return String.format(Locale.US, "%d", (long) x);
    }
    double a = Math.abs(x);
    if (a >= 1e-4 && a < 1e7) {
      BigDecimal rounded = new BigDecimal(x).round(new MathContext(4));
      return rounded.stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.US, "%.3e", x).replaceAll("\\.?0+e", "e");
  }
}
