package dev.bagu.window;

import dev.bagu.i18n.Lang;
import javax.swing.JComboBox;
import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.UserException;
import java.awt.Font;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerNumberModel;

/**
 * The top of the side column: the demo's one-line summary, one row per parameter (name, control,
 * value), the seed, "Reset to defaults" and the status line. Turns user changes into new
 * {@link Params}; the view decides what to compute.
 */
final class ControlsPanel extends JPanel {
  private final Supplier<Params> current;
  private final Consumer<Params> request;
  private final List<ParamControl> controls = new ArrayList<>();
  private final JSpinner seed;
  private final JTextArea status = wrappingText("", WindowStyle.SMALL);
  private final Demo demo;
  private final PreviewRequests previews;
  private final JTextArea summary;
  private final JLabel seedLabel;
  private final JButton resetButton;
  private final JButton presentButton = new JButton("Present");
  private final JComboBox<String> language = new JComboBox<>(new String[] {"English", "中文"});
  private final JLabel languageLabel = new JLabel("language");
  private boolean showingLanguage;
  /** The next free grid row while building. */
  private int row;
  private boolean showingSeed;
  private boolean statusIsError;

  ControlsPanel(Demo demo, Params initial, Supplier<Params> current, Consumer<Params> request,
      Runnable reset, Consumer<Lang> languageChosen) {
    super(new GridBagLayout());
    this.demo = demo;
    this.previews = new PreviewRequests(demo);
    this.current = current;
    this.request = request;
    setBorder(BorderFactory.createEmptyBorder(10, 12, 8, 12));

    summary = wrappingText(demo.info().summary(initial.lang()), WindowStyle.TEXT);
    addRow(summary, 0, 3, 12);
    for (Param<?> p : demo.params()) {
      ParamControl control = ParamControl.create(p, initial.get(p.name()),
          (value, adjusting) -> changed(p.name(), value, adjusting));
      controls.add(control);
      addParamRow(control.nameLabel(), control.editor(), control.valueLabel());
    }

    // Long.MAX_VALUE as the top: any non-negative long is a seed the CLI would accept.
    seed = new JSpinner(new SpinnerNumberModel(Long.valueOf(initial.seed()), Long.valueOf(0),
        Long.valueOf(Long.MAX_VALUE), Long.valueOf(1)));
    seed.setEditor(new JSpinner.NumberEditor(seed, "#")); // "12345", not "12,345"
    seed.setToolTipText("Random seed: the same seed and parameters give the same figure");
    seed.addChangeListener(e -> {
      if (!showingSeed) {
        request.accept(current.get().withSeed((Long) seed.getValue()).withPreview(false));
      }
    });
    seedLabel = new JLabel("seed");
    seedLabel.setToolTipText(seed.getToolTipText());
    addParamRow(seedLabel, seed, null);

    resetButton = new JButton("Reset to defaults");
    resetButton.addActionListener(e -> reset.run());
    language.setToolTipText("Language of the figure, findings and explanation / 图、结果和讲解的语言");
    language.addActionListener(e -> {
      if (!showingLanguage) {
        languageChosen.accept(language.getSelectedIndex() == 1 ? Lang.ZH : Lang.EN);
      }
    });
    addParamRow(languageLabel, language, null);
    JPanel buttons = new JPanel(new java.awt.FlowLayout(java.awt.FlowLayout.LEFT, 0, 0));
    buttons.add(resetButton);
    buttons.add(javax.swing.Box.createHorizontalStrut(10));
    buttons.add(presentButton);
    presentButton.setVisible(false); // until the window says what presenting means here
    GridBagConstraints c = constraints(0, 0, GridBagConstraints.NONE);
    c.gridwidth = 3;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(10, 0, 6, 0);
    add(buttons, c);
    row++;

    addRow(status, 0, 3, 0);
    language(initial.lang());
  }

  /** Shows every text of the panel in a language (the values and positions stay). */
  void language(Lang l) {
    summary.setText(demo.info().summary(l));
    seedLabel.setText(l.t("seed", "种子"));
    languageLabel.setText(l.t("language", "语言"));
    String seedTip = l.t("Random seed: the same seed and parameters give the same figure",
        "随机种子：同样的种子和参数给出同一张图");
    seed.setToolTipText(seedTip);
    seedLabel.setToolTipText(seedTip);
    resetButton.setText(l.t("Reset to defaults", "恢复默认值"));
    presentButton.setText(l.t("Present", "演示模式"));
    presentButton.setToolTipText(l.t("Full screen for a projector: ← → demos, F findings, "
        + "E explanation, Esc leave", "投影全屏：← → 切换演示，F 结果，E 讲解，Esc 退出"));
    resetButton.setToolTipText(l.t("Every parameter and the seed back to the demo's defaults",
        "所有参数和种子恢复为演示的默认值"));
    controls.forEach(c -> c.language(l));
    showingLanguage = true;
    try {
      language.setSelectedIndex(l == Lang.ZH ? 1 : 0);
    } finally {
      showingLanguage = false;
    }
  }

  /** Shows the Present button, which runs {@code action}. */
  void onPresent(Runnable action) {
    for (var l : presentButton.getActionListeners()) {
      presentButton.removeActionListener(l);
    }
    presentButton.addActionListener(e -> action.run());
    presentButton.setVisible(true);
  }

  JButton presentButton() {
    return presentButton;
  }

  JComboBox<String> languageChooser() {
    return language;
  }

  private static JTextArea wrappingText(String text, Font font) {
    // A text area, not a label: long error messages and summaries wrap instead of being cut.
    JTextArea area = new JTextArea(text);
    area.setFont(font);
    area.setLineWrap(true);
    area.setWrapStyleWord(true);
    area.setEditable(false);
    area.setFocusable(false);
    area.setOpaque(false);
    area.setBorder(null);
    area.setColumns(20); // a width to wrap at before layout, instead of one endless line
    return area;
  }

  private GridBagConstraints constraints(int x, double weight, int fill) {
    GridBagConstraints c = new GridBagConstraints();
    c.gridx = x;
    c.gridy = row;
    c.weightx = weight;
    c.fill = fill;
    c.anchor = GridBagConstraints.WEST;
    c.insets = new Insets(3, 0, 3, 8);
    return c;
  }

  private void addRow(JComponent component, int x, int width, int bottomGap) {
    GridBagConstraints c = constraints(x, 1, GridBagConstraints.HORIZONTAL);
    c.gridwidth = width;
    c.insets = new Insets(3, 0, bottomGap, 0);
    add(component, c);
    row++;
  }

  private void addParamRow(JLabel name, JComponent editor, JLabel value) {
    add(name, constraints(0, 0, GridBagConstraints.NONE));
    GridBagConstraints e = constraints(1, 1, GridBagConstraints.HORIZONTAL);
    if (value == null) {
      e.gridwidth = 2; // combo boxes, check boxes and the seed take the value column too
    }
    add(editor, e);
    if (value != null) {
      add(value, constraints(2, 0, GridBagConstraints.NONE));
    }
    row++;
  }

  private void changed(String name, Object value, boolean adjusting) {
    try {
      previews.next(current.get(), name, value, adjusting).ifPresent(request);
    } catch (UserException e) {
      status(e.getMessage(), true);
    }
  }

  /** Moves every control to these values without reporting changes. */
  void showParams(Params p) {
    for (ParamControl control : controls) {
      control.show(p.get(control.param().name()));
    }
    showingSeed = true;
    try {
      seed.setValue(p.seed());
    } finally {
      showingSeed = false;
    }
  }

  void status(String text, boolean error) {
    status.setText(text);
    status.setForeground(error ? WindowStyle.ERROR : WindowStyle.MUTED);
    statusIsError = error;
  }

  String statusText() {
    return status.getText();
  }

  boolean statusIsError() {
    return statusIsError;
  }

  List<ParamControl> paramControls() {
    return controls;
  }

  JSpinner seedSpinner() {
    return seed;
  }
}
