package dev.bagu.demo;

/** The catalogue's sections, in the order the CLI, the browser and the gallery show them. */
public enum Section {
  ATTENTION("A", "Attention"),
  POSITIONS("B", "Positions"),
  INFERENCE("C", "Inference"),
  MODELS("D", "Models"),
  FINETUNE("E", "Fine-tuning and compression"),
  TRAINING("F", "Training"),
  VISION("G", "Vision and classic ML"),
  PYTHON("H", "Python language");

  private final String letter;
  private final String title;

  Section(String letter, String title) {
    this.letter = letter;
    this.title = title;
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
