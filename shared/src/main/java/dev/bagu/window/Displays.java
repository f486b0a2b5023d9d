package dev.bagu.window;

import dev.bagu.demo.UserException;
import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import javax.swing.SwingUtilities;

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

  /**
   * Runs r on the Swing event thread and waits for it (at once when already there). Swing
   * components may only be touched there; waiting lets the caller rely on what r did.
   */
  static void onEventThread(Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
      return;
    }
    try {
      SwingUtilities.invokeAndWait(r);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re; // a UserException from building the window keeps its one-line message
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
