package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.plot.Figure;
import dev.bagu.plot.FigurePanel;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;

/**
 * One demo, live: the figure on the left; on the right its parameters, the findings table and the
 * explanation. Every change of a control recomputes the demo on a background thread through a
 * {@link LatestOnlyRunner}, so the event thread never waits for a demo and a dragged slider only
 * computes the newest position. Errors (a {@link UserException} or anything else a demo throws)
 * go to the status line, red, and the last good figure stays.
 *
 * <p>Build it on the event thread. Tests may build it headless: it is a plain panel.
 */
public final class DemoView extends JPanel implements AutoCloseable {
  private final Demo demo;
  private final FigurePanel figurePanel = new FigurePanel(null);
  private final FindingsTableModel findings = new FindingsTableModel();
  private final ControlsPanel controls;
  private final LatestOnlyRunner<Params, Result> runner;
  private final JSplitPane split;
  /** The parameters last asked for; volatile so tests may read them off the event thread. */
  private volatile Params params;
  private boolean dividerPlaced;

  /**
   * @param initial the parameters to show first; they must belong to {@code demo}
   */
  public DemoView(Demo demo, Params initial) {
    super(new BorderLayout());
    this.demo = Objects.requireNonNull(demo, "demo");
    this.params = checkBelongs(demo, initial);
    this.runner = new LatestOnlyRunner<>(demo::run, SwingUtilities::invokeLater, this::display);
    this.controls = new ControlsPanel(demo, initial, this::params, this::request, this::reset);

    JScrollPane explanation = new JScrollPane(
        ExplanationPane.create(ExplanationPane.htmlFor(demo)));
    explanation.getVerticalScrollBar().setUnitIncrement(24);
    JSplitPane findingsAndText = new JSplitPane(JSplitPane.VERTICAL_SPLIT,
        FindingsTable.scrolling(findings), explanation);
    findingsAndText.setResizeWeight(0.3); // the explanation is the longer read
    findingsAndText.setBorder(null);

    JPanel side = new JPanel(new BorderLayout());
    side.add(controls, BorderLayout.NORTH);
    side.add(findingsAndText, BorderLayout.CENTER);
    side.setMinimumSize(new Dimension(340, 300));
    figurePanel.setMinimumSize(new Dimension(320, 240));

    split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, true, figurePanel, side);
    split.setResizeWeight(1.0); // a larger window grows the figure, not the controls
    add(split, BorderLayout.CENTER);
    // Place the divider once the real width is known; after that it is the user's.
    addComponentListener(new ComponentAdapter() {
      @Override
      public void componentResized(ComponentEvent e) {
        placeDivider();
      }
    });
    request(initial);
  }

  private static Params checkBelongs(Demo demo, Params p) {
    List<String> declared = demo.params().stream().map(Param::name).toList();
    List<String> given = p.declared().stream().map(Param::name).toList();
    if (!declared.equals(given)) {
      throw new IllegalArgumentException("parameters " + given + " are not those of "
          + demo.info().id() + ": " + declared);
    }
    return p;
  }

  private void placeDivider() {
    int width = getWidth();
    if (dividerPlaced || width <= 0) {
      return;
    }
    dividerPlaced = true;
    // About a third for the controls (the findings table has five columns); the rest, the figure.
    int side = Math.max(400, Math.min(580, (int) (width * 0.36)));
    split.setDividerLocation(Math.max(320, width - side));
  }

  public Demo demo() {
    return demo;
  }

  /** The parameters last asked for (shown, or being computed). */
  public Params params() {
    return params;
  }

  /**
   * Shows these parameters in the controls and recomputes. May be called from any thread; returns
   * once the request is made (use {@link #awaitIdle} to wait for its figure).
   */
  public void setParams(Params next) {
    checkBelongs(demo, next);
    Displays.onEventThread(() -> {
      controls.showParams(next);
      request(next);
    });
  }

  /**
   * Waits until the figure and findings of the latest parameters are on screen (or their error is
   * in the status line). Not on the event thread, which has to do the showing.
   *
   * @return false on timeout
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    if (SwingUtilities.isEventDispatchThread()) {
      throw new IllegalStateException("awaitIdle would block the event thread it waits for");
    }
    return runner.awaitIdle(timeout);
  }

  /** Stops the background thread; the window calls this when it closes. */
  @Override
  public void close() {
    runner.close();
  }

  /** On the event thread: remember, say so, and hand to the runner. */
  private void request(Params next) {
    params = next;
    controls.status("computing…", false);
    runner.submit(next);
  }

  private void reset() {
    Params defaults = Params.defaults(demo.params()); // seed included
    // The input file is what the user opened, not a setting; keep it.
    Params next = params.input().map(defaults::withInput).orElse(defaults);
    controls.showParams(next);
    request(next);
  }

  /** On the event thread, for the newest request only. */
  private void display(LatestOnlyRunner.Outcome<Params, Result> outcome) {
    if (outcome.failed()) {
      controls.status(message(outcome.error()), true);
      if (!(outcome.error() instanceof UserException)) {
        outcome.error().printStackTrace(); // a bug in the demo: keep the trace for its author
      }
      return;
    }
    figurePanel.show(outcome.output().figure());
    findings.setFindings(outcome.output().findings());
    controls.status("computed in " + outcome.elapsed().toMillis() + " ms", false);
  }

  static String message(Throwable e) {
    if (e instanceof UserException) {
      return e.getMessage();
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  // For tests in this package.
  Figure figure() {
    return figurePanel.figure();
  }

  FindingsTableModel findingsModel() {
    return findings;
  }

  String statusText() {
    return controls.statusText();
  }

  boolean statusIsError() {
    return controls.statusIsError();
  }

  ControlsPanel controls() {
    return controls;
  }
}
