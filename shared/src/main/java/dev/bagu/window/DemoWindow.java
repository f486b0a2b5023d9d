package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Params;
import java.awt.Dimension;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;
import java.util.Objects;
import javax.swing.JFrame;
import javax.swing.WindowConstants;

/**
 * A window for one demo. {@link #open} returns once the window is on screen; the JVM then stays
 * alive (Swing's event thread) until the user closes it, so the caller must not call
 * {@code System.exit} after opening.
 */
public final class DemoWindow {
  /** The size the layout is designed for: a laptop screen or a 1440-wide projector. */
  static final Dimension DESIGN_SIZE = new Dimension(1400, 900);

  private DemoWindow() {}

  /**
   * Opens the demo with these parameters.
   *
   * @throws dev.bagu.demo.UserException when there is no display (headless Java)
   */
  public static void open(Demo demo, Params initial) {
    Objects.requireNonNull(demo, "demo");
    Objects.requireNonNull(initial, "initial");
    Displays.require("the demo window");
    Displays.onEventThread(() -> {
      WindowStyle.install();
      DemoView view = new DemoView(demo, initial);
      view.onPresent(() -> PresenterWindow.open(new dev.bagu.demo.Registry(List.of(demo)),
          demo.info().id(), view.params().lang()));
      JFrame frame = new JFrame(title(demo.info(), initial.lang()));
      frame.setContentPane(view);
      show(frame, view);
      view.warmUp();
    });
  }

  /** "Bagu — Why attention divides by √d_k (除以根号 d_k)" */
  static String title(DemoInfo info) {
    return title(info, dev.bagu.i18n.Lang.EN);
  }

  static String title(DemoInfo info, dev.bagu.i18n.Lang lang) {
    return "Bagu — " + info.title(lang) + " (" + info.seedTopic() + ")";
  }

  /**
   * Sizes the frame to {@link #DESIGN_SIZE} or the screen, whichever is smaller, centres and shows
   * it, and stops the view's background thread when it closes.
   */
  static void show(JFrame frame, AutoCloseable toClose) {
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        try {
          toClose.close();
        } catch (Exception ex) {
          ex.printStackTrace(); // closing a background thread should not fail; say so if it does
        }
      }
    });
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
    // Nine tenths of a large screen (a projector at 1920x1080 shows the figure big), at least the
    // design size where the screen allows it.
    frame.setSize(Math.min(screen.width, Math.max(DESIGN_SIZE.width, screen.width * 9 / 10)),
        Math.min(screen.height, Math.max(DESIGN_SIZE.height, screen.height * 9 / 10)));
    frame.setLocationRelativeTo(null);
    frame.setVisible(true);
  }
}
