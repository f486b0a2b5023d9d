package dev.bagu.plot;

import java.awt.Color;
import java.awt.LinearGradientPaint;

/**
 * A continuous colour scale for heatmaps, mapping [0, 1] to a colour by linear interpolation
 * between stops.
 */
public enum ColorScale {
  /**
   * Perceptually uniform and colour-blind safe (van der Walt & Smith, matplotlib's default): the
   * map sampled at eleven evenly spaced points, from dark purple (low) to yellow (high).
   */
  VIRIDIS(0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C, 0x22A884, 0x43BF71,
      0x7AD151, 0xBBDF27, 0xFDE725),
  /**
   * Diverging blue–white–red (ColorBrewer RdBu, reversed) for signed values centred on zero: blue
   * negative, white zero, red positive.
   */
  DIVERGING(0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D,
      0xB2182B);

  private final int[] stops;

  ColorScale(int... stops) {
    this.stops = stops;
  }

  /** The colour at t in [0, 1]; values outside are clamped, NaN gives light grey. */
  public Color at(double t) {
    if (Double.isNaN(t)) {
      return new Color(0xDD, 0xDD, 0xDD);
    }
    double clamped = Math.max(0, Math.min(1, t));
    double pos = clamped * (stops.length - 1);
    int i = Math.min((int) Math.floor(pos), stops.length - 2);
    double f = pos - i;
    return mix(stops[i], stops[i + 1], f);
  }

  /**
   * The scale as a gradient paint along the line from (x0, y0), where it is at(0), to (x1, y1),
   * where it is at(1), its end colours beyond: the same linear interpolation between the same
   * stops, written by SVG and PDF as a few stops rather than one shape per colour.
   */
  public LinearGradientPaint gradient(float x0, float y0, float x1, float y1) {
    float[] fractions = new float[stops.length];
    Color[] colours = new Color[stops.length];
    for (int i = 0; i < stops.length; i++) {
      fractions[i] = (float) i / (stops.length - 1);
      colours[i] = new Color(stops[i]);
    }
    return new LinearGradientPaint(x0, y0, x1, y1, fractions, colours);
  }

  private static Color mix(int a, int b, double f) {
    int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
    int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
    int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
    return new Color(r, g, bl);
  }

  /** Black or white, whichever reads better on the given colour (by relative luminance). */
  public static Color textOn(Color background) {
    double lum = 0.2126 * linear(background.getRed()) + 0.7152 * linear(background.getGreen())
        + 0.0722 * linear(background.getBlue());
    return lum > 0.22 ? Theme.TEXT : Color.WHITE;
  }

  private static double linear(int channel) {
    double c = channel / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }
}
