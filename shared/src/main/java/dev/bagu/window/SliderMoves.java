package dev.bagu.window;

import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import java.util.List;
import java.util.Objects;

/**
 * Parameter changes as a user makes them in the window: a slider moved to a neighbouring value.
 * {@code bagu bench} times these to report what a change costs in the window; no Swing.
 */
public final class SliderMoves {
  private SliderMoves() {}

  /** The names of the parameters the window shows as sliders (numeric ones), in their order. */
  public static List<String> sliders(Params p) {
    return p.declared().stream()
        .filter(param -> param instanceof Param.IntParam || param instanceof Param.RealParam)
        .map(Param::name).toList();
  }

  /**
   * {@code p} with the slider {@code name} moved {@code by} distinct slider values from where it
   * is (up for positive {@code by}, down for negative; stopping at an end of the range).
   * Positions that give the same value (a log slider over few integers) are skipped, so each move
   * is a real change.
   *
   * @throws IllegalArgumentException if {@code name} is not one of {@link #sliders}
   */
  public static Params move(Params p, String name, int by) {
    Param<?> param = p.declared().stream().filter(d -> d.name().equals(name)).findFirst()
        .filter(d -> d instanceof Param.IntParam || d instanceof Param.RealParam)
        .orElseThrow(() -> new IllegalArgumentException("no slider '" + name + "'"));
    SliderScale scale = SliderScale.of(param);
    int position = scale.position(p.get(name));
    Object value = scale.value(position);
    int direction = Integer.signum(by);
    for (int moved = 0; moved < Math.abs(by); ) {
      int next = position + direction;
      if (next < 0 || next > scale.steps()) {
        break;
      }
      position = next;
      Object v = scale.value(position);
      if (!Objects.equals(v, value)) {
        value = v;
        moved++;
      }
    }
    return p.with(name, value);
  }
}
