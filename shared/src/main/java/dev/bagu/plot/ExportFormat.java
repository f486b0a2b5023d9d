package dev.bagu.plot;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file formats a demo's run can be written to: the figure as PNG, SVG, PDF or an animated GIF,
 * and MD, a Markdown note that links the PNG (see {@code dev.bagu.demo.DemoNote}).
 */
public enum ExportFormat {
  PNG, SVG, PDF, GIF, MD;

  public String extension() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses "png", "SVG"…; the message lists what is allowed. */
  public static ExportFormat parse(String text) {
    for (ExportFormat f : values()) {
      if (f.extension().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException("format " + text + " is not one of " + Arrays.stream(
        values()).map(ExportFormat::extension).collect(Collectors.joining(", ")));
  }
}
