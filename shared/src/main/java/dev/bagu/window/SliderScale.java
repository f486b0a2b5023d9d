package dev.bagu.window;

import dev.bagu.demo.Param;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Maps integer slider positions {@code 0..steps()} to parameter values and back, linearly or
 * logarithmically. Pure arithmetic, no Swing, so it is tested headless.
 *
 * <p>Both endpoints map exactly to the declared min and max (no {@code exp(log(x))} drift), integer
 * values are rounded and clamped into range, and real values between the endpoints are rounded to
 * the slider's resolution there, so the figure subtitle says "0.0123" rather than
 * "0.012302687708123818".
 */
final class SliderScale {
  /** Positions of a real or log slider: fine enough to drag smoothly, coarse enough to read. */
  static final int STEPS = 1000;

  private final double min;
  private final double max;
  private final boolean log;
  /** Which integers a position may give (null: a real slider). */
  private final Param.IntParam.Steps allowed;
  private final int steps;

  private SliderScale(double min, double max, boolean log, Param.IntParam.Steps allowed,
      int steps) {
    this.min = min;
    this.max = max;
    this.log = log;
    this.allowed = allowed;
    this.steps = steps;
  }

  /** The scale of a numeric parameter. */
  static SliderScale of(Param<?> param) {
    if (param instanceof Param.IntParam p) {
      return switch (p.steps()) {
        case POWERS_OF_TWO -> powersOfTwo(p.min(), p.max());
        case EVEN -> even(p.min(), p.max(), p.isLogScale());
        case EVERY -> integer(p.min(), p.max(), p.isLogScale());
      };
    }
    if (param instanceof Param.RealParam p) {
      return real(p.min(), p.max(), p.isLogScale());
    }
    throw new IllegalArgumentException("no slider for " + param.name() + ": " + param.allowed());
  }

  /**
   * Integers: a linear range of up to {@link #STEPS} values gets one position per integer, so
   * every value is reachable and each tick moves by exactly one.
   */
  static SliderScale integer(int min, int max, boolean log) {
    checkRange(min, max, log);
    long span = (long) max - min;
    int steps = !log && span <= STEPS ? (int) span : STEPS;
    return new SliderScale(min, max, log, Param.IntParam.Steps.EVERY, steps);
  }

  /** Powers of two from min to max (both powers of two): position k is min·2^k. */
  static SliderScale powersOfTwo(int min, int max) {
    checkRange(min, max, true);
    int steps = Integer.numberOfTrailingZeros(max) - Integer.numberOfTrailingZeros(min);
    return new SliderScale(min, max, true, Param.IntParam.Steps.POWERS_OF_TWO, steps);
  }

  /**
   * Even integers from min to max (both even): as {@link #integer}, each value rounded to the
   * nearest even one, so no position is a value the parameter refuses.
   */
  static SliderScale even(int min, int max, boolean log) {
    checkRange(min, max, log);
    long span = (long) max - min;
    int steps = !log && span / 2 <= STEPS ? (int) (span / 2) : STEPS;
    return new SliderScale(min, max, log, Param.IntParam.Steps.EVEN, steps);
  }

  static SliderScale real(double min, double max, boolean log) {
    checkRange(min, max, log);
    return new SliderScale(min, max, log, null, min == max ? 0 : STEPS);
  }

  private static void checkRange(double min, double max, boolean log) {
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("need finite min <= max: " + min + ", " + max);
    }
    if (log && min <= 0) {
      throw new IllegalArgumentException("a log scale needs min > 0: " + min);
    }
  }

  /** The largest position; the slider runs from 0 to this. */
  int steps() {
    return steps;
  }

  boolean isInteger() {
    return allowed != null;
  }

  /** The value at a position: an {@link Integer} or a {@link Double}, always within range. */
  Object value(int position) {
    if (allowed == Param.IntParam.Steps.POWERS_OF_TWO) {
      return (int) min << Math.max(0, Math.min(steps, position)); // exact: no rounding needed
    }
    double v = raw(position);
    if (allowed == null) {
      return v;
    }
    return Param.IntParam.nearest(v, (int) min, (int) max, allowed); // an Integer, not a Double
  }

  private double raw(int position) {
    if (steps == 0 || position <= 0) {
      return min;
    }
    if (position >= steps) {
      return max;
    }
    double t = (double) position / steps;
    if (allowed != null) {
      return log ? Math.exp(Math.log(min) + t * (Math.log(max) - Math.log(min)))
          : min + t * (max - min);
    }
    double v;
    double localStep;
    if (log) {
      double logStep = (Math.log(max) - Math.log(min)) / steps;
      v = Math.exp(Math.log(min) + position * logStep);
      localStep = v * logStep;
    } else {
      v = min + t * (max - min);
      localStep = (max - min) / steps;
    }
    return Math.max(min, Math.min(max, roundToResolution(v, localStep)));
  }

  /** Rounds v to the power of ten at or below the distance between neighbouring positions. */
  static double roundToResolution(double v, double step) {
    if (!(step > 0) || v == 0) {
      return v;
    }
    int scale = -(int) Math.floor(Math.log10(step));
    return new BigDecimal(v).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** The position nearest to a value (values outside the range go to an end). */
  int position(Object value) {
    double v = ((Number) value).doubleValue();
    if (steps == 0 || v <= min) {
      return 0;
    }
    if (v >= max) {
      return steps;
    }
    double t = log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
        : (v - min) / (max - min);
    return (int) Math.max(0, Math.min(steps, Math.round(t * steps))); // doubling: log2(v/min)
  }
}
