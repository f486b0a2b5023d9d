package dev.bagu.serve;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A student's hand on the demo's sliders: one numeric parameter at a time, small steps. */
final class StudentSlider {
  private final List<Param<?>> numeric = new ArrayList<>();
  private final double[] position; // 0 … 1 along each slider
  private final Random random;

  StudentSlider(Demo demo, Random random) {
    this.random = random;
    for (Param<?> p : demo.params()) {
      if (p instanceof Param.IntParam || p instanceof Param.RealParam) {
        numeric.add(p);
      }
    }
    position = new double[numeric.size()];
    for (int i = 0; i < numeric.size(); i++) {
      position[i] = start(numeric.get(i));
    }
  }

  /** Moves one slider by up to a tenth of its length; returns the view's query. */
  String move() {
    if (numeric.isEmpty()) {
      return "seed=" + random.nextInt(1000);
    }
    int i = random.nextInt(numeric.size());
    position[i] = Math.min(1, Math.max(0, position[i] + (random.nextDouble() - 0.5) * 0.2));
    StringBuilder q = new StringBuilder();
    for (int j = 0; j < numeric.size(); j++) {
      q.append(j == 0 ? "" : "&").append(numeric.get(j).name()).append('=')
          .append(value(numeric.get(j), position[j]));
    }
    return q.toString();
  }

  private static double start(Param<?> p) {
    if (p instanceof Param.IntParam i && i.isPowersOfTwo()) {
      return (double) Controls.doublings(i.min(), i.defaultValue())
          / Math.max(1, Controls.doublings(i.min(), i.max()));
    }
    if (p instanceof Param.IntParam i) {
      return Controls.fraction(i.defaultValue(), i.min(), i.max(), i.isLogScale());
    }
    Param.RealParam r = (Param.RealParam) p;
    return Controls.fraction(r.defaultValue(), r.min(), r.max(), r.isLogScale());
  }

  private static String value(Param<?> p, double f) {
    if (p instanceof Param.IntParam i) { // a doubling slider is a log one: min·2^(f·doublings)
      return Integer.toString(i.nearest(at(f, i.min(), i.max(),
          i.isLogScale() || i.isPowersOfTwo())));
    }
    Param.RealParam r = (Param.RealParam) p;
    double v = at(f, r.min(), r.max(), r.isLogScale());
    double rounded = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", v));
    return Double.toString(Math.min(r.max(), Math.max(r.min(), rounded)));
  }

  private static double at(double f, double min, double max, boolean log) {
    return log ? Math.exp(Math.log(min) + f * (Math.log(max) - Math.log(min)))
        : min + f * (max - min);
  }
}
