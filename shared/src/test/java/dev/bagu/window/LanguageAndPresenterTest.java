package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.i18n.Lang;
import java.awt.event.KeyEvent;
import java.time.Duration;
import java.util.List;
import javax.swing.JEditorPane;
import javax.swing.SwingUtilities;
import javax.swing.text.BadLocationException;
import org.junit.jupiter.api.Test;

/**
 * The window's language switch redraws figure, findings, controls and explanation in place, and the
 * presenter's keys move between demos and show or hide the side column's parts. Headless: the
 * views are plain panels, and the presenter is driven without its full-screen frame.
 */
class LanguageAndPresenterTest {
  private static final Duration WAIT = Duration.ofSeconds(10);


  @Test
  void switchingToChineseRedrawsTheFindingsAndTheExplanationWithTheRunsNumbers() throws Exception {
    FakeDemo demo = new FakeDemo();
    DemoView view = Edt.call(() -> new DemoView(demo, Params.defaults(demo.params()).with("n", 7)));
    try {
      assertThat(view.awaitIdle(WAIT)).isTrue();
      assertThat(explanationText(view)).contains("The n is 7 here.");
      assertThat(Edt.call(() -> view.findingsModel().getColumnName(0))).isEqualTo("Finding");

      SwingUtilities.invokeAndWait(() -> view.controls().languageChooser().setSelectedIndex(1));
      assertThat(view.awaitIdle(WAIT)).isTrue();
      assertThat(view.params().lang()).isEqualTo(Lang.ZH);
      assertThat(view.params().integer("n")).as("parameters stay").isEqualTo(7);
      assertThat(demo.runs.get(demo.runs.size() - 1).lang()).isEqualTo(Lang.ZH);
      assertThat(Edt.call(() -> view.findingsModel().getColumnName(0))).isEqualTo("结果");
      assertThat(Edt.call(() -> view.findingsModel().getValueAt(0, 0))).isEqualTo("n 的值");
      assertThat(explanationText(view)).contains("这里 n 的值是 7。");
      assertThat(Edt.call(() -> view.controls().statusText())).startsWith("计算用时");
    } finally {
      view.close();
    }
  }

  @Test
  void presenterKeysMoveBetweenDemosAndTogglePartsAndEscLeaves() throws Exception {
    FakeDemo a = new FakeDemo();
    FakeDemo b = new FakeDemo();
    PresenterWindow p = Edt.call(() -> {
      PresenterWindow w = new PresenterWindow(List.of(a, b), 0, Lang.EN);
      w.show(0);
      return w;
    });
    try {
      assertThat(Edt.call(p::index)).isZero();
      assertThat(Edt.call(() -> p.handle(KeyEvent.VK_LEFT))).isTrue();
      assertThat(Edt.call(p::index)).as("no demo before the first").isZero();
      assertThat(Edt.call(() -> p.handle(KeyEvent.VK_RIGHT))).isTrue();
      assertThat(Edt.call(p::index)).isEqualTo(1);
      assertThat(Edt.call(p::headerText)).startsWith("2 / 2");
      assertThat(Edt.call(() -> p.handle(KeyEvent.VK_RIGHT))).isTrue();
      assertThat(Edt.call(p::index)).as("no demo after the last").isEqualTo(1);

      boolean findings = Edt.call(() -> p.current().findingsShown());
      Edt.call(() -> p.handle(KeyEvent.VK_F));
      assertThat(Edt.call(() -> p.current().findingsShown())).isEqualTo(!findings);
      boolean explanation = Edt.call(() -> p.current().explanationShown());
      Edt.call(() -> p.handle(KeyEvent.VK_E));
      assertThat(Edt.call(() -> p.current().explanationShown())).isEqualTo(!explanation);
      Edt.call(() -> p.handle(KeyEvent.VK_LEFT));
      assertThat(Edt.call(() -> p.current().findingsShown()))
          .as("the choice carries over to the next demo").isEqualTo(!findings);

      assertThat(Edt.call(() -> p.handle(KeyEvent.VK_A))).as("not a presenter key").isFalse();
      assertThat(Edt.call(p::left)).isFalse();
      Edt.call(() -> p.handle(KeyEvent.VK_ESCAPE));
      assertThat(Edt.call(p::left)).isTrue();
    } finally {
      Edt.call(() -> {
        p.closeViews();
        return null;
      });
    }
  }

  private static String explanationText(DemoView view) throws Exception {
    return Edt.call(() -> {
      JEditorPane pane = (JEditorPane) view.explanationPane().getViewport().getView();
      try {
        return pane.getDocument().getText(0, pane.getDocument().getLength());
      } catch (BadLocationException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
