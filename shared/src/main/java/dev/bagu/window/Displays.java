package dev.bagu.window;

import dev.bagu.demo.UserException;
import java.awt.GraphicsEnvironment;

/**
 * Whether windows can be shown. Asked before any frame is built, so a headless machine (a server,
 * CI, tests run with {@code -Djava.awt.headless=true}) gets a one-line {@link UserException}
 * instead of a {@link java.awt.HeadlessException} stack trace.
 */
public final class Displays {
  private Displays() {}

  /** True when this Java can open windows. */
  public static boolean displayAvailable() {
    return !GraphicsEnvironment.isHeadless();
  }

  /**
   * Throws unless a display is available.
   *
   * @param what what wanted the display, for the message ("the demo window")
   */
  static void require(String what) {
    if (!displayAvailable()) {
      throw new UserException(what + " needs a display, but this Java runs headless (no DISPLAY"
          + " set, or -Djava.awt.headless=true); write the figure to a file instead");
    }
  }
}
