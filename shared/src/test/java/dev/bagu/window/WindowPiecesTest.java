package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.UserException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.JEditorPane;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import org.junit.jupiter.api.Test;

/** The parts of the windows that need no screen: texts, tree, table model, HTML. */
class WindowPiecesTest {
  private final FakeDemo demo = new FakeDemo();

  @Test
  void openingWithoutADisplayIsAUserErrorNotAHeadlessException() {
    assertThat(Displays.displayAvailable()).isFalse(); // surefire runs with java.awt.headless
    assertThatThrownBy(() -> DemoWindow.open(demo, Params.defaults(demo.params())))
        .isInstanceOf(UserException.class).hasMessageContaining("needs a display");
    assertThatThrownBy(() -> BrowseWindow.open(new Registry(List.of(demo))))
        .isInstanceOf(UserException.class).hasMessageContaining("needs a display");
  }

  @Test
  void titlesNameTheDemoAndItsSeedTopic() {
    assertThat(DemoWindow.title(demo.info())).isEqualTo("Bagu — A fake demo (假的)");
    assertThat(BrowseWindow.label(demo.info())).isEqualTo("fake-demo — A fake demo (假的)");
  }

  @Test
  void theTreeHasSectionsInCatalogueOrderAndDemosUnderThem() {
    DefaultMutableTreeNode root = BrowseWindow.tree(new Registry(List.of(demo)));
    assertThat(root.getUserObject()).isEqualTo("Bagu");
    assertThat(root.getChildCount()).isEqualTo(1);
    DefaultMutableTreeNode section = (DefaultMutableTreeNode) root.getChildAt(0);
    assertThat(section.getUserObject()).isEqualTo("A. Attention");
    assertThat(section.getChildAt(0).toString()).isEqualTo("fake-demo — A fake demo (假的)");
    TreePath first = BrowseWindow.firstDemo(root).orElseThrow();
    assertThat(first.getPathCount()).isEqualTo(3);
    assertThat(BrowseWindow.firstDemo(BrowseWindow.tree(new Registry(List.of())))).isEmpty();
  }

  @Test
  void findingsAreFormattedLikeTheFigures() {
    FindingsTableModel m = new FindingsTableModel();
    m.setFindings(List.of(
        Finding.of("var_qk", "Var(q·k)", 63.918, "").withReference(64, "Vaswani et al. 2017"),
        Finding.of("time", "Time", 0.00001234, "s").asMeasured()));
    assertThat(m.getColumnCount()).isEqualTo(5);
    assertThat(m.getColumnName(3)).isEqualTo("Reference");
    assertThat(List.of(m.getValueAt(0, 0), m.getValueAt(0, 1), m.getValueAt(0, 2),
        m.getValueAt(0, 3), m.getValueAt(0, 4)))
        .containsExactly("Var(q·k)", "63.92", "", "64", "Vaswani et al. 2017");
    assertThat(m.getValueAt(1, 0)).isEqualTo("Time (this machine)");
    assertThat(m.getValueAt(1, 1)).isEqualTo("1.234e-05");
    assertThat(m.getValueAt(1, 3)).isEmpty();
    m.setFindings(Collections.emptyList());
    assertThat(m.getRowCount()).isZero();
  }

  @Test
  void markdownBecomesHtmlWithHeadingsCodeAndEscapes() {
    String html = ExplanationPane.html(String.join("\n",
        "# Why √d_k (除以根号 d_k)", "", "## Formula", "", "Use `softmax(QKᵀ/√d_k)` when a < b.",
        "", "- one", "- two"));
    assertThat(html).startsWith("<html><body>").endsWith("</body></html>")
        .contains("<h1>Why √d_k (除以根号 d_k)</h1>", "<h2>Formula</h2>",
            "<code>softmax(QKᵀ/√d_k)</code>", "a &lt; b", "<li>one</li>");
  }

  @Test
  void theExplanationPaneShowsTheTextReadOnly() throws Exception {
    var pane = new AtomicReference<JEditorPane>();
    SwingUtilities.invokeAndWait(() -> pane.set(
        ExplanationPane.create(ExplanationPane.html("# Title\n\nSome **bold** 面试 text."))));
    assertThat(pane.get().isEditable()).isFalse();
    String text = pane.get().getDocument().getText(0, pane.get().getDocument().getLength());
    assertThat(text).contains("Title").contains("Some bold 面试 text.");
  }

  @Test
  void tooltipsGiveHelpRangeAndScale() {
    assertThat(ParamControl.tooltip(Param.integer("dk", 64, 1, 4096, "Key dimension").logScale()))
        .isEqualTo("Key dimension (integers 1 to 4096, log scale)");
    assertThat(ParamControl.tooltip(Param.bool("causal", true, "")))
        .isEqualTo("true or false");
  }

  @Test
  void sliderLabelsReadLikeTheFigures() {
    assertThat(ParamControl.text(64)).isEqualTo("64");
    assertThat(ParamControl.text(0.012345)).isEqualTo("0.01235");
    assertThat(ParamControl.text("sqrt")).isEqualTo("sqrt");
  }
}
