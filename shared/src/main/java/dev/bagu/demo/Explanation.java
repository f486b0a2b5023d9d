package dev.bagu.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A demo's explanation: the Markdown resource named after its class ({@code SoftmaxScalingDemo.md}
 * next to {@code SoftmaxScalingDemo.class}), the only copy of the prose that {@code describe}, the
 * window and the gallery show.
 *
 * <p>The template: a {@code # title} line, then these {@code ##} sections in this order.
 */
public final class Explanation {
  /** The sections every explanation has, in order. */
  public static final List<String> SECTIONS = List.of(
      "What it is", "Formula", "Reading the figure", "What to try", "Limits", "See also");

  private static final Parser PARSER = Parser.builder().build();
  // Softbreaks become spaces: Swing would otherwise keep the source line ends in a few places.
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().softbreak(" ").build();

  private final String title;
  private final String markdown;
  private final Map<String, String> sections;

  private Explanation(String title, String markdown, Map<String, String> sections) {
    this.title = title;
    this.markdown = markdown;
    this.sections = Collections.unmodifiableMap(sections);
  }

  /** Loads the explanation of a demo class. */
  public static Explanation of(Class<?> demoClass) {
    String name = demoClass.getSimpleName() + ".md";
    try (InputStream in = demoClass.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing explanation resource " + name + " beside "
            + demoClass.getName());
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Explanation of(Demo demo) {
    return of(demo.getClass());
  }

  /** Splits Markdown into its title and {@code ##} sections (text kept verbatim). */
  public static Explanation parse(String markdown) {
    String title = "";
    Map<String, String> sections = new LinkedHashMap<>();
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("# ") && title.isEmpty() && current == null) {
        title = line.substring(2).strip();
      } else if (line.startsWith("## ")) {
        if (current != null) {
          sections.put(current, body.toString().strip());
        }
        current = line.substring(3).strip();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    if (current != null) {
      sections.put(current, body.toString().strip());
    }
    return new Explanation(title, markdown, sections);
  }

  /** Markdown text rendered to an HTML fragment by commonmark (no {@code <html>} wrapper). */
  public static String toHtml(String markdown) {
    return RENDERER.render(PARSER.parse(markdown));
  }

  /** The whole explanation as an HTML fragment. */
  public String html() {
    return toHtml(markdown);
  }

  public String title() {
    return title;
  }

  public String markdown() {
    return markdown;
  }

  /** Section heading → text, in document order. */
  public Map<String, String> sections() {
    return sections;
  }

  /** What is missing or out of order against {@link #SECTIONS}; empty when it follows the template. */
  public List<String> problems() {
    List<String> problems = new java.util.ArrayList<>();
    if (title.isEmpty()) {
      problems.add("no '# title' line");
    }
    List<String> present = List.copyOf(sections.keySet());
    if (!present.equals(SECTIONS)) {
      problems.add("sections are " + present + ", expected " + SECTIONS);
    }
    sections.forEach((k, v) -> {
      if (v.isBlank()) {
        problems.add("section '" + k + "' is empty");
      }
    });
    return problems;
  }
}
