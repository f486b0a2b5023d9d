package dev.bagu.window;

import dev.bagu.i18n.Lang;
import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
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
  private final JScrollPane explanation;
  private final JScrollPane findingsScroll;
  private final JPanel side = new JPanel(new BorderLayout());
  private boolean controlsShown = true;
  private boolean findingsShown = true;
  private boolean explanationShown = true;
  /** Font scale of the side column: 1 at the desk, larger in the presenter. */
  private double textScale = 1;
  /** The explanation's HTML on screen, so an unchanged one is not rebuilt. */
  private String explanationHtml = "";
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
    this.runner = new LatestOnlyRunner<>(p -> Preview.run(demo, p), SwingUtilities::invokeLater,
        this::display);
    this.controls = new ControlsPanel(demo, initial, this::params, this::request, this::reset,
        this::setLanguage);

    explanation = new JScrollPane();
    showExplanation(null, initial);
    explanation.getVerticalScrollBar().setUnitIncrement(24);
    findings.language(initial.lang());
    findingsScroll = FindingsTable.scrolling(findings);
    side.add(controls, BorderLayout.NORTH);
    layoutSide();
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
    split.setDividerLocation(Math.max(320, width - sideWidth(width, textScale)));
  }

  /**
   * The side column's first width in a view {@code width} wide: about a third for the controls
   * (the findings table has five columns), the rest for the figure; at the desk about a third, in
   * the presenter's larger text up to 40%.
   */
  private static int sideWidth(int width, double textScale) {
    double share = textScale > 1 ? 0.40 : 0.36;
    return Math.max(400, Math.min((int) (580 * textScale), (int) (width * share)));
  }

  /**
   * The figure's size when a demo window of {@link DemoWindow#DESIGN_SIZE} opens: the frame less
   * its title bar (about 30 pixels), the side column and the divider. {@code bagu bench} paints at
   * this size to time what a parameter change costs in the window.
   */
  public static Dimension figureSizeAtDesignSize() {
    int width = DemoWindow.DESIGN_SIZE.width;
    int dividerSize = 10; // the look and feel's, about
    return new Dimension(width - sideWidth(width, 1) - dividerSize,
        DemoWindow.DESIGN_SIZE.height - 30);
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

  /**
   * Until the user's first change, runs the drags they are about to make, unseen ({@link
   * PreviewWarmUp}), so the first ones are quicker. The windows call this once the view is shown;
   * the first figure is computed first.
   */
  public void warmUp() {
    Dimension size = figurePanel.getWidth() > 0 && figurePanel.getHeight() > 0
        ? figurePanel.getSize() : figureSizeAtDesignSize();
    runner.whenIdle(PreviewWarmUp.of(demo, params, size, PreviewWarmUp.BUDGET_MILLIS));
  }

  /** Ends a warm-up still running (the view is hidden: its user has gone elsewhere). */
  public void stopWarmUp() {
    runner.whenIdle(java.util.Collections.emptyIterator());
  }

  /** Shows a Present button that runs {@code action} (the windows open the presenter). */
  public void onPresent(Runnable action) {
    controls.onPresent(action);
  }

  /** Stops the background thread; the window calls this when it closes. */
  @Override
  public void close() {
    runner.close();
  }

  /**
   * Shows the figure, findings, explanation and controls in another language, in place: the
   * parameters stay, the demo is drawn again. Call on the event thread.
   */
  public void setLanguage(Lang lang) {
    if (lang == params.lang()) {
      return;
    }
    if (lang == Lang.ZH && !dev.bagu.plot.Fonts.cjkAvailable()) {
      controls.language(params.lang()); // the chooser goes back
      controls.status(dev.bagu.plot.Fonts.HOW_TO_INSTALL, true);
      return;
    }
    controls.language(lang);
    findings.language(lang);
    Params next = params.withLang(lang).withPreview(false);
    showExplanation(null, next);
    request(next);
  }

  /** The explanation in the language of p, its interview answer filled from result if given. */
  private void showExplanation(Result result, Params p) {
    String html = ExplanationPane.htmlFor(demo, p.lang(), result, p);
    if (!html.equals(explanationHtml)) {
      explanationHtml = html;
      explanation.setViewportView(ExplanationPane.create(html, textScale));
    }
  }

  /**
   * Shows or hides the side column's parts (the presenter's keys); with all three hidden the
   * figure takes the whole width. Call on the event thread.
   */
  public void showParts(boolean controlsPart, boolean findingsPart, boolean explanationPart) {
    controlsShown = controlsPart;
    findingsShown = findingsPart;
    explanationShown = explanationPart;
    controls.setVisible(controlsPart);
    layoutSide();
    boolean any = controlsPart || findingsPart || explanationPart;
    side.setVisible(any);
    split.setDividerSize(any ? new JSplitPane().getDividerSize() : 0);
    if (!any) {
      split.setDividerLocation(1.0);
    } else {
      dividerPlaced = false;
      placeDivider();
    }
    revalidate();
    repaint();
  }

  public boolean controlsShown() {
    return controlsShown;
  }

  public boolean findingsShown() {
    return findingsShown;
  }

  public boolean explanationShown() {
    return explanationShown;
  }

  /**
   * Multiplies every font of the side column (controls, findings, explanation) by {@code scale}:
   * the presenter's text, readable from the back of a room. Call once, on the event thread.
   */
  public void scaleText(double scale) {
    textScale = scale;
    WindowStyle.scaleFonts(controls, scale);
    WindowStyle.scaleFonts(findingsScroll, scale);
    explanationHtml = "";
    showExplanation(null, params);
  }

  /** The findings above the explanation, either alone, or neither. */
  private void layoutSide() {
    java.awt.Component center = ((BorderLayout) side.getLayout())
        .getLayoutComponent(BorderLayout.CENTER);
    if (center != null) {
      side.remove(center);
    }
    java.awt.Component next = null;
    if (findingsShown && explanationShown) {
      JSplitPane both = new JSplitPane(JSplitPane.VERTICAL_SPLIT, findingsScroll, explanation);
      both.setResizeWeight(0.3); // the explanation is the longer read
      both.setBorder(null);
      next = both;
    } else if (findingsShown) {
      next = findingsScroll;
    } else if (explanationShown) {
      next = explanation;
    }
    if (next != null) {
      side.add(next, BorderLayout.CENTER);
    }
  }

  /** On the event thread: remember, say so, and hand to the runner. */
  private void request(Params next) {
    params = next;
    controls.status(next.lang().t("computing…", "计算中…"), false);
    runner.submit(next);
  }

  private void reset() {
    Params defaults = Params.defaults(demo.params()).withLang(params.lang()); // seed included
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
    Lang l = outcome.input().lang();
    long millis = outcome.elapsed().toMillis();
    if (Preview.reduces(demo, outcome.input())) {
      // A preview's findings come from less work: the table and the interview answer keep the
      // last full run's until the slider is released; the figure carries a "preview" stamp.
      controls.status(l.f("preview in %d ms · full result on release",
          "预览用时 %d ms · 松开后给出完整结果", millis), false);
      return;
    }
    findings.setFindings(outcome.output().findings());
    showExplanation(outcome.output(), outcome.input());
    controls.status(l.t("computed in ", "计算用时 ") + millis + " ms", false);
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

  javax.swing.JScrollPane explanationPane() {
    return explanation;
  }
}
