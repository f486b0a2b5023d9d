package dev.bagu.demo;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One number a demo proves, printed beside the value a paper or theory gives for it.
 *
 * @param key stable snake_case key, used in JSON and tests ("var_qk_unscaled")
 * @param label what it is, for people ("Var(q·k), unscaled")
 * @param value the value computed by the demo
 * @param unit unit, or "" for a pure number
 * @param reference the value it should match and where that comes from, if any
 * @param measured true when the value is a time or size measured on this machine, so it differs
 *     from run to run and is left out of determinism checks
 */
public record Finding(
    String key, String label, double value, String unit, Optional<Reference> reference,
    boolean measured) {
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  /**
   * A value from a paper or from theory, with its source ("Vaswani et al. 2017, §3.2.1") and how
   * far off a measured value may be and still agree with it.
   *
   * @param tolerance the largest |measured − value| that counts as agreeing (absolute, ≥ 0)
   * @param upperBound true when the value is a bound the measured value must not exceed (by
   *     more than the tolerance), not a value to match
   */
  public record Reference(double value, String source, double tolerance, boolean upperBound) {
    /** Relative tolerance used when a demo states none: 5% of the reference value. */
    public static final double DEFAULT_RELATIVE_TOLERANCE = 0.05;
    /** Absolute tolerance used for a reference of exactly 0 when a demo states none. */
    public static final double DEFAULT_ZERO_TOLERANCE = 1e-9;

    public Reference {
      Objects.requireNonNull(source, "source");
      if (!(tolerance >= 0)) {
        throw new IllegalArgumentException("tolerance must be ≥ 0: " + tolerance);
      }
    }

    /** A value to match within an absolute tolerance. */
    public Reference(double value, String source, double tolerance) {
      this(value, source, tolerance, false);
    }

    /** A value to match with the default tolerance: 5% of |value|, or 1e-9 when value is 0. */
    public Reference(double value, String source) {
      this(value, source, value == 0 ? DEFAULT_ZERO_TOLERANCE
          : DEFAULT_RELATIVE_TOLERANCE * Math.abs(value));
    }

    /**
     * True when the measured value lies within the tolerance of this reference, or for an upper
     * bound, at most the bound plus the tolerance.
     */
    public boolean agrees(double measured) {
      if (upperBound) {
        return measured <= value + tolerance;
      }
      return Math.abs(measured - value) <= tolerance;
    }

    /** "28.88", or "≤ 28.88" for an upper bound, with the number as {@code format} gives it. */
    public String describe(java.util.function.DoubleFunction<String> format) {
      return (upperBound ? "≤ " : "") + format.apply(value);
    }
  }

  public Finding {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(reference, "reference");
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("finding key must be snake_case: " + key);
    }
  }

  /** A finding with no reference value. */
  public static Finding of(String key, String label, double value, String unit) {
    return new Finding(key, label, value, unit, Optional.empty(), false);
  }

  /** The same finding, with the value it should match. */
  public Finding withReference(double referenceValue, String source) {
    return new Finding(key, label, value, unit,
        Optional.of(new Reference(referenceValue, source)), measured);
  }

  /**
   * The same finding, with the value it should match and the largest absolute difference that
   * still counts as agreeing (for a noisy estimate, a few standard errors, say).
   */
  public Finding withReference(double referenceValue, String source, double tolerance) {
    return new Finding(key, label, value, unit,
        Optional.of(new Reference(referenceValue, source, tolerance)), measured);
  }

  /** The same finding, with a bound from theory it must not exceed ("E[φ] ≤ 8(ln k + 2)φ_OPT"). */
  public Finding withUpperBound(double bound, String source) {
    return new Finding(key, label, value, unit,
        Optional.of(new Reference(bound, source, 0, true)), measured);
  }

  /** True when there is a reference and the value agrees with it (see {@link Reference}). */
  public boolean agrees() {
    return reference.map(r -> r.agrees(value)).orElse(false);
  }

  /** The same finding, marked as measured on this machine (a time, say). */
  public Finding asMeasured() {
    return new Finding(key, label, value, unit, reference, true);
  }
}
