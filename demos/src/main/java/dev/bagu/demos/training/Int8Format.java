package dev.bagu.demos.training;

/**
 * Symmetric int8 quantisation with one scale per tensor: q = clamp(round(x / s), −127, 127),
 * x̂ = q·s, s = absmax / 127 (round half to even, as torch.round). Unlike a float, the spacing s
 * is the same at every magnitude, so the relative error grows as |x| shrinks.
 */
public record Int8Format(double scale) {
  public static final int LEVELS = 127;

  public Int8Format {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("scale must be positive: " + scale);
    }
  }

  /** The scale that maps ±absmax to ±127. */
  public static Int8Format forAbsMax(double absMax) {
    return new Int8Format(absMax / LEVELS);
  }

  public double round(double x) {
    double q = Math.max(-LEVELS, Math.min(LEVELS, Math.rint(x / scale)));
    return q * scale;
  }

  public double max() {
    return LEVELS * scale;
  }
}
