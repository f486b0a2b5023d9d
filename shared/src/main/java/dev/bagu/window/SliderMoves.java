package dev.bagu.window;

import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import java.util.Objects;
import java.util.Optional;

/**
 * Parameter changes as a user makes them in the window: the first slider moved to a neighbouring
 * value. {@code bagu bench} times these to report what a change costs in the window; no Swing.
 */
public final class SliderMoves {
  private SliderMoves() {}

  /**
   * {@code p} with its first numeric parameter moved {@code by} distinct slider values from where
   * it is (up for positive {@code by}, down for negative; stopping at an end of the range), or
   * empty when the demo has no numeric parameter. Positions that give the same value (a log
   * slider over few integers) are skipped, so each move is a real change.
   */
  public static Optional<Params> move(Params p, int by) {
    for (Param<?> param : p.declared()) {
      if (param instanceof Param.IntParam || param instanceof Param.RealParam) {
        SliderScale scale = SliderScale.of(param);
        int position = scale.position(p.get(param.name()));
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
        return Optional.of(p.with(param.name(), value));
      }
    }
    return Optional.empty();
  }
}
