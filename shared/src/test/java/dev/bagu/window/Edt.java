package dev.bagu.window;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/** For the window tests: Swing objects are made and read on the event thread. */
final class Edt {
  private Edt() {}

  /** {@code s.get()} on the event thread, waited for. */
  static <T> T call(Supplier<T> s) throws Exception {
    AtomicReference<T> out = new AtomicReference<>();
    SwingUtilities.invokeAndWait(() -> out.set(s.get()));
    return out.get();
  }
}
