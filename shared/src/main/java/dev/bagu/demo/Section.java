package dev.bagu.demo;

/** The catalogue's sections, in the order the CLI, the browser and the gallery show them. */
public enum Section {
  ATTENTION("A", "Attention", "注意力"),
  POSITIONS("B", "Positions", "位置编码"),
  INFERENCE("C", "Inference", "推理"),
  MODELS("D", "Models", "模型"),
  FINETUNE("E", "Fine-tuning and compression", "微调与压缩"),
  TRAINING("F", "Training", "训练"),
  VISION("G", "Vision and classic ML", "视觉与经典机器学习"),
  PYTHON("H", "Python language", "Python 语言");

  private final String letter;
  private final String title;
  private final String titleZh;

  Section(String letter, String title, String titleZh) {
    this.letter = letter;
    this.title = title;
    this.titleZh = titleZh;
  }

  public String title(dev.bagu.i18n.Lang lang) {
    return lang.t(title, titleZh);
  }

  /** "A. Attention" or "A. 注意力" */
  public String heading(dev.bagu.i18n.Lang lang) {
    return letter + ". " + title(lang);
  }

  public String letter() {
    return letter;
  }

  public String title() {
    return title;
  }

  /** "A. Attention" */
  public String heading() {
    return letter + ". " + title;
  }
}
