package dev.bagu.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One way to label every axis and colour bar: ticks at round values (1, 2, 2.5 or 5 times a power
 * of ten), each axis with one number of decimals chosen from its step, a leading zero ("0.05", not
 * ".05"), "0" never "-0", and on a log axis one notation for all its decades ("0.001 … 1000", or
 * "10⁻⁶ … 10⁰" when they reach past those).
 */
public final class Ticks {
  private Ticks() {}

  /** A round step near span / count: 1, 2, 2.5 or 5 times a power of ten. */
  public static double niceStep(double span, int count) {
    double raw = Math.abs(span) / Math.max(1, count);
    if (!(raw > 0) || !Double.isFinite(raw)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return nice * p;
  }

  /** Round values in [min, max], about {@code count} of them (at least two when min < max). */
  public static double[] nice(double min, double max, int count) {
    if (!(max > min)) {
      return new double[] {min};
    }
    double step = niceStep(max - min, count);
    List<Double> ticks = new ArrayList<>();
    double first = Math.ceil(min / step - 1e-9) * step;
    for (double t = first; t <= max + step * 1e-9; t += step) {
      ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
    }
    if (ticks.size() < 2) { // a narrow range between two round values: label its ends
      return new double[] {min, max};
    }
    return ticks.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Decimals that show a step exactly: 0 for 5, 1 for 0.5, 2 for 0.25. */
  public static int decimals(double step) {
    for (int d = 0; d <= 12; d++) {
      double scaled = step * Math.pow(10, d);
      if (Math.abs(scaled - Math.rint(scaled)) < 1e-6 * Math.max(1, Math.abs(scaled))) {
        return d;
      }
    }
    return 12;
  }

  /** The labels of these ticks, all with the decimals their spacing needs. */
  public static String[] labels(double[] ticks) {
    double step = ticks.length > 1 ? Math.abs(ticks[1] - ticks[0]) : 0;
    int d = ticks.length > 1 ? decimals(step) : 0;
    if (ticks.length > 1 && d > 6) { // a tiny step: fall back to significant digits
      String[] out = new String[ticks.length];
      for (int i = 0; i < ticks.length; i++) {
        out[i] = Numbers.readable(ticks[i]);
      }
      return out;
    }
    if (ticks.length == 1) {
      return new String[] {Numbers.readable(ticks[0])};
    }
    String[] out = new String[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      out[i] = Numbers.fixed(ticks[i], d); // fixed() prints "-0.0" as "0.0"
    }
    return out;
  }

  /** From here up, a linear axis's ticks are written as powers of ten. */
  private static final double MILLION = 1e6;

  /**
   * A formatter for XChart's linear axis over [min, max]: the decimals of the step XChart will
   * about choose; on an axis of integers (layers, steps) a fractional tick gets no label.
   */
  public static Function<Double, String> linear(double min, double max, boolean integers) {
    double step = niceStep(max - min, 6);
    int d = integers ? 0 : Math.min(decimals(step) + 1, 8);
    // Powers of ten for every tick of an axis that reaches a million (with the step a tick may
    // lie past the data), as matplotlib's default does: "2×10⁶", never "2000000" or a mix.
    boolean powers = Math.max(Math.abs(min), Math.abs(max)) + step >= MILLION;
    // XChart formats the same candidate ticks many times while it fits their labels: once each.
    java.util.Map<Double, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    return v -> {
      if (integers && Math.abs(v - Math.rint(v)) > 1e-9) {
        return "";
      }
      if (v != 0 && (powers || Math.abs(v) >= MILLION || Math.abs(v) < Math.pow(10, -d))) {
        return scientific(v); // not kept: it depends on the font of the figure being drawn
      }
      return seen.computeIfAbsent(v, value -> fixedLabel(value, d));
    };
  }

  /** v with d decimals, trailing zeros dropped. */
  private static String fixedLabel(double v, int d) {
    String s = Numbers.fixed(v, d);
    // One more decimal than the step needs, so a tick between steps still reads right; the
    // trailing zeros it leaves are dropped, then a bare point.
    if (s.contains(".")) {
      int end = s.length();
      while (s.charAt(end - 1) == '0') {
        end--;
      }
      if (s.charAt(end - 1) == '.') {
        end--;
      }
      s = s.substring(0, end);
    }
    return s.equals("-0") ? "0" : s;
  }

  /**
   * A formatter for a log axis spanning [min, max] (positive values): plain decimals, or powers
   * of ten with superscript exponents where the axis font can draw them (CJK faces often lack
   * "⁰"), else "1e-06".
   */
  public static Function<Double, String> log(double min, double max) {
    return log(min, max, Double.POSITIVE_INFINITY);
  }

  /**
   * The same, for an axis with about {@code pixelsPerDecade} between decades: where the widest
   * decade label (with a little space) is wider than that, only even decades are labelled, so a
   * narrow panel (the window) shows "1e-8 1e-6 1e-4" instead of labels run together.
   */
  public static Function<Double, String> log(double min, double max, double pixelsPerDecade) {
    boolean plain = min >= 1e-3 && max <= 1e5;
    boolean everyOther = !plain && Double.isFinite(pixelsPerDecade)
        && widestDecadeLabel(min, max) + 8 > pixelsPerDecade;
    return v -> {
      boolean superscripts = Theme.tickLabel().canDisplayUpTo("⁰¹²³⁴⁵⁶⁷⁸⁹⁻") == -1;
      if (!(v > 0)) {
        return "";
      }
      double e = Math.log10(v);
      if (Math.abs(e - Math.rint(e)) > 1e-9) {
        return plain ? Numbers.readable(v) : "";
      }
      int k = (int) Math.rint(e);
      if (plain) {
        return Numbers.readable(Math.pow(10, k));
      }
      if (everyOther && k % 2 != 0) {
        return "";
      }
      // One notation for every decade: "10⁻⁵", or "1e-5" in a font without superscripts (never
      // "0.0001" beside "1e-05").
      return superscripts ? "10" + superscript(k) : "1e" + k;
    };
  }

  /** Width in pixels of the widest decade label between min and max, in the tick label font. */
  private static double widestDecadeLabel(double min, double max) {
    if (!(min > 0) || !(max >= min)) {
      return 0;
    }
    Function<Double, String> label = log(min, max);
    java.awt.Font font = Theme.tickLabel();
    java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, true);
    double widest = 0;
    for (int k = (int) Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
      widest = Math.max(widest, font.getStringBounds(label.apply(Math.pow(10, k)), frc)
          .getWidth());
    }
    return widest;
  }

  /**
   * v as "8×10⁷" or "2.5×10⁻⁶" (three significant digits at most), or "8e7" where the axis font
   * lacks superscripts: what a student reads, not Java's "8e+07".
   */
  static String scientific(double v) {
    int k = (int) Math.floor(Math.log10(Math.abs(v)));
    double m = v / Math.pow(10, k);
    if (Math.abs(Math.abs(m) - 10) < 1e-9) { // 9.9999… rounded up
      m /= 10;
      k++;
    }
    String mantissa = new java.math.BigDecimal(m).round(new java.math.MathContext(3))
        .stripTrailingZeros().toPlainString();
    boolean superscripts = Theme.tickLabel().canDisplayUpTo("⁰¹²³⁴⁵⁶⁷⁸⁹⁻×") == -1;
    return superscripts ? mantissa + "×10" + superscript(k) : mantissa + "e" + k;
  }

  static String superscript(int k) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    StringBuilder b = new StringBuilder(k < 0 ? "⁻" : "");
    for (char c : Integer.toString(Math.abs(k)).toCharArray()) {
      b.append(digits.charAt(c - '0'));
    }
    return b.toString();
  }
}
