package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.i18n.Lang;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.KeyEventDispatcher;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;

/**
 * The projector view: one demo at a time over the whole screen, the figure as large as the screen
 * allows and the side column's text half again as large. Keys: ← and → the previous and next demo
 * in catalogue order, F the findings, E the explanation, C the controls, Esc to leave. The demos'
 * views are built when first shown and kept, so going back finds the sliders where they were.
 */
public final class PresenterWindow {
  /** Text in the side column, against the desk window's. */
  static final double TEXT_SCALE = 1.5;

  private final List<Demo> demos;
  private final Lang lang;
  /** Made by {@link #build}; null for a presenter built headless (tests of the keys). */
  private JFrame frame;
  private final JPanel cards = new JPanel(new CardLayout());
  private final JLabel header = new JLabel();
  private final Map<String, DemoView> views = new LinkedHashMap<>();
  private final KeyEventDispatcher keys = this::key;
  private int index;
  private boolean findings = true;
  private boolean explanation = false;
  private boolean controls = true;
  private boolean left;

  PresenterWindow(List<Demo> demos, int first, Lang lang) {
    this.demos = List.copyOf(demos);
    this.index = first;
    this.lang = lang;
  }

  /**
   * Opens the presenter on the screen, at the demo with this id (or the first); returns once it is
   * shown.
   *
   * @throws dev.bagu.demo.UserException when there is no display
   */
  public static PresenterWindow open(Registry registry, String firstId, Lang lang) {
    Objects.requireNonNull(registry, "registry");
    Displays.require("the presenter");
    List<Demo> all = new ArrayList<>(registry.all());
    int first = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).info().id().equals(firstId)) {
        first = i;
      }
    }
    PresenterWindow w = new PresenterWindow(all, first, lang);
    Displays.onEventThread(w::build);
    return w;
  }

  private void build() {
    WindowStyle.install();
    frame = new JFrame();
    header.setFont(WindowStyle.TEXT.deriveFont(Font.BOLD, 26f));
    header.setForeground(new Color(0x22, 0x22, 0x22));
    header.setBorder(BorderFactory.createEmptyBorder(8, 16, 8, 16));
    JPanel content = new JPanel(new BorderLayout());
    content.add(header, BorderLayout.NORTH);
    content.add(cards, BorderLayout.CENTER);
    frame.setContentPane(content);
    frame.setUndecorated(true);
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.addWindowListener(new WindowAdapter() {
      @Override
      public void windowClosed(WindowEvent e) {
        KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keys);
        views.values().forEach(DemoView::close);
      }
    });
    Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice()
        .getDefaultConfiguration().getBounds();
    frame.setBounds(screen);
    KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(keys);
    show(index);
    frame.setVisible(true);
  }

  /**
   * The presenter's keys, taken before any control sees them, so a focused slider does not eat
   * ← and →. Only while this window is the active one.
   */
  private boolean key(KeyEvent e) {
    if (e.getID() != KeyEvent.KEY_PRESSED || frame == null || !frame.isActive()) {
      return false;
    }
    return handle(e.getKeyCode());
  }

  /** Acts on a key; false when it is not one of the presenter's. */
  boolean handle(int keyCode) {
    switch (keyCode) {
      case KeyEvent.VK_RIGHT, KeyEvent.VK_PAGE_DOWN -> show(Math.min(demos.size() - 1, index + 1));
      case KeyEvent.VK_LEFT, KeyEvent.VK_PAGE_UP -> show(Math.max(0, index - 1));
      case KeyEvent.VK_F -> toggle('F');
      case KeyEvent.VK_E -> toggle('E');
      case KeyEvent.VK_C -> toggle('C');
      case KeyEvent.VK_ESCAPE -> {
        if (frame != null) {
          frame.dispose();
        }
        left = true;
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void toggle(char part) {
    switch (part) {
      case 'F' -> findings = !findings;
      case 'E' -> explanation = !explanation;
      default -> controls = !controls;
    }
    current().showParts(controls, findings, explanation);
  }

  /** Shows demo i (building its view the first time), with the parts chosen so far. */
  void show(int i) {
    index = i;
    Demo demo = demos.get(i);
    String id = demo.info().id();
    DemoView view = views.get(id);
    views.values().forEach(DemoView::stopWarmUp); // the demo left behind needs no quick drags
    if (view == null) {
      view = new DemoView(demo, Params.defaults(demo.params()).withLang(lang));
      view.scaleText(TEXT_SCALE);
      views.put(id, view);
      cards.add(view, id);
      view.warmUp();
    }
    view.showParts(controls, findings, explanation);
    ((CardLayout) cards.getLayout()).show(cards, id);
    header.setText((i + 1) + " / " + demos.size() + "   " + demo.info().title(lang) + "  ("
        + demo.info().seedTopic() + ")      " + lang.t("← → demos · F findings · E explanation"
        + " · C controls · Esc leave", "← → 切换演示 · F 结果 · E 讲解 · C 控件 · Esc 退出"));
    if (frame != null) {
      frame.setTitle(DemoWindow.title(demo.info(), lang));
    }
  }

  /** True once Esc was pressed. */
  boolean left() {
    return left;
  }

  String headerText() {
    return header.getText();
  }

  // For tests and the window's Present button.
  DemoView current() {
    return views.get(demos.get(index).info().id());
  }

  int index() {
    return index;
  }

  /** Closes every view's background thread (tests; the window does it when it closes). */
  void closeViews() {
    views.values().forEach(DemoView::close);
  }
}
