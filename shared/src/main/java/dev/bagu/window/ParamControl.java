package dev.bagu.window;

import dev.bagu.demo.Param;
import dev.bagu.plot.Numbers;
import java.awt.Dimension;
import java.util.Objects;
import java.util.function.Consumer;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JSlider;
import javax.swing.SwingConstants;

/**
 * The control for one parameter: a slider with its value beside it for numbers, a combo box for
 * choices, a check box for booleans. {@link #show} sets a value without reporting it back as a
 * user change, so programmatic updates (reset, tests) do not start a second computation.
 */
final class ParamControl {
  private final Param<?> param;
  private final JLabel name;
  private final JComponent editor;
  private final JLabel valueLabel;
  private final Consumer<Object> display;
  /** True while {@link #show} moves the control, so its listener stays quiet. */
  private boolean showing;

  private ParamControl(Param<?> param, JComponent editor, JLabel valueLabel,
      Consumer<Object> display) {
    this.param = param;
    this.name = new JLabel(param.name());
    this.editor = editor;
    this.valueLabel = valueLabel;
    this.display = display;
    String tip = tooltip(param);
    name.setToolTipText(tip);
    editor.setToolTipText(tip);
    if (valueLabel != null) {
      valueLabel.setToolTipText(tip);
    }
    name.setLabelFor(editor);
  }

  /** The help line and what is allowed: "Key dimension d_k (integers 1 to 4096, log scale)". */
  static String tooltip(Param<?> param) {
    return tooltip(param, dev.bagu.i18n.Lang.EN);
  }

  /** The same in a language (the allowed range stays as the CLI prints it). */
  static String tooltip(Param<?> param, dev.bagu.i18n.Lang lang) {
    boolean log = param instanceof Param.IntParam p && p.isLogScale()
        || param instanceof Param.RealParam r && r.isLogScale();
    String allowed = param.allowed() + (log ? lang.t(", log scale", "，对数刻度") : "");
    String help = param.help(lang);
    return help.isBlank() ? allowed : help + lang.t(" (", "（") + allowed + lang.t(")", "）");
  }

  /** Shows the help tooltips in a language. */
  void language(dev.bagu.i18n.Lang lang) {
    String tip = tooltip(param, lang);
    name.setToolTipText(tip);
    editor.setToolTipText(tip);
    if (valueLabel != null) {
      valueLabel.setToolTipText(tip);
    }
  }

  /** What a control reports when the user changes it. */
  interface Listener {
    /**
     * @param value the new (checked) value
     * @param adjusting true while the user still holds a slider's thumb (more values follow)
     */
    void changed(Object value, boolean adjusting);
  }

  /**
   * The control for a parameter.
   *
   * @param onChange called on the event thread when the user changes the control; a slider
   *     reports every position while dragged and once more, not adjusting, when released
   */
  static ParamControl create(Param<?> param, Object initial, Listener onChange) {
    ParamControl control;
    if (param instanceof Param.IntParam || param instanceof Param.RealParam) {
      control = slider(param, onChange);
    } else if (param instanceof Param.ChoiceParam p) {
      control = choice(p, onChange);
    } else if (param instanceof Param.BoolParam) {
      control = checkBox(param, onChange);
    } else {
      throw new IllegalArgumentException("no control for " + param.name());
    }
    control.show(initial);
    return control;
  }

  private static ParamControl slider(Param<?> param, Listener onChange) {
    SliderScale scale = SliderScale.of(param);
    JSlider slider = new JSlider(0, scale.steps(), 0);
    JLabel label = new JLabel("", SwingConstants.LEFT);
    // Wide enough for "0.0001234" so the slider does not jump as the text changes length.
    label.setPreferredSize(new Dimension(90, label.getFontMetrics(label.getFont()).getHeight()));
    ParamControl control = new ParamControl(param, slider, label, value -> {
      slider.setValue(scale.position(value));
      label.setText(text(value));
    });
    slider.addChangeListener(e -> {
      if (control.showing) {
        return;
      }
      Object value = scale.value(slider.getValue());
      // The label follows the thumb; the thumb itself is left where the user holds it, even when
      // a log-scaled integer maps several positions to one value.
      label.setText(text(value));
      onChange.changed(value, slider.getValueIsAdjusting());
    });
    return control;
  }

  private static ParamControl choice(Param.ChoiceParam param, Listener onChange) {
    JComboBox<String> box = new JComboBox<>(param.options().toArray(new String[0]));
    ParamControl control = new ParamControl(param, box, null, box::setSelectedItem);
    box.addActionListener(e -> {
      if (!control.showing) {
        onChange.changed(box.getSelectedItem(), false);
      }
    });
    return control;
  }

  private static ParamControl checkBox(Param<?> param, Listener onChange) {
    JCheckBox box = new JCheckBox();
    ParamControl control = new ParamControl(param, box, null,
        value -> box.setSelected((Boolean) value));
    box.addActionListener(e -> {
      if (!control.showing) {
        onChange.changed(box.isSelected(), false);
      }
    });
    return control;
  }

  /** A value as the label shows it: integers plainly, reals to four significant digits. */
  static String text(Object value) {
    if (value instanceof Number n && !(value instanceof Integer)) {
      return Numbers.readable(n.doubleValue());
    }
    return String.valueOf(value);
  }

  /** Moves the control to a value without reporting a change. */
  void show(Object value) {
    Objects.requireNonNull(value, param.name());
    showing = true;
    try {
      display.accept(value);
    } finally {
      showing = false;
    }
  }

  Param<?> param() {
    return param;
  }

  JLabel nameLabel() {
    return name;
  }

  JComponent editor() {
    return editor;
  }

  /** The value beside a slider; null for other controls. */
  JLabel valueLabel() {
    return valueLabel;
  }
}
