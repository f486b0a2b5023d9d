package dev.bagu.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.bagu.i18n.Lang;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A demo's explanation: the Markdown resource named after its class ({@code SoftmaxScalingDemo.md}
 * next to {@code SoftmaxScalingDemo.class}, and {@code SoftmaxScalingDemo.zh.md} in Chinese), the
 * only copy of the prose that {@code describe}, the window, the gallery and the handout show.
 *
 * <p>The template: a {@code # title} line, then the {@code ##} sections of {@link #sections(Lang)}
 * in that order. The first, the interview answer, may hold placeholders that {@link #filled} replaces
 * with the run's own numbers: {@code {key}} is finding {@code key}'s value and unit, {@code {key:%}}
 * the value as a percentage, {@code {key:3}} the value with 3 digits after the point, {@code
 * {key:ref}} its reference value, and {@code {param:name}} a parameter's value.
 */
public final class Explanation {
  /** The sections every English explanation has, in order. */
  public static final List<String> SECTIONS = List.of("Interview answer",
      "What it is", "Formula", "Reading the figure", "What to try", "Limits", "See also");
  /** The same sections in Chinese. */
  public static final List<String> SECTIONS_ZH = List.of("面试怎么答",
      "是什么", "公式", "怎么看这张图", "试一试", "局限", "相关演示");

  /** The sections, in order, of an explanation in this language. */
  public static List<String> sections(Lang lang) {
    return lang == Lang.ZH ? SECTIONS_ZH : SECTIONS;
  }

  /** The heading of the interview answer in this language. */
  public static String answerHeading(Lang lang) {
    return sections(lang).get(0);
  }

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\{(param:[a-z][a-z0-9-]*|[a-z][a-z0-9_]*)(?::([a-z%0-9]+))?\\}");

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

  /** Loads the English explanation of a demo class. */
  public static Explanation of(Class<?> demoClass) {
    return of(demoClass, Lang.EN);
  }

  /** Loads the explanation of a demo class in a language ({@code Xxx.md} or {@code Xxx.zh.md}). */
  public static Explanation of(Class<?> demoClass, Lang lang) {
    String name = demoClass.getSimpleName() + (lang == Lang.ZH ? ".zh.md" : ".md");
    try (InputStream in = demoClass.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing explanation resource " + name + " beside "
            + demoClass.getName());
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return parse(lang == Lang.ZH ? joinCjkLines(text) : text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Explanation of(Demo demo) {
    return of(demo.getClass());
  }

  public static Explanation of(Demo demo, Lang lang) {
    return of(demo.getClass(), lang);
  }

  /**
   * The explanation with the interview answer's placeholders replaced by this run's numbers.
   *
   * @throws IllegalArgumentException naming a placeholder that has no finding or parameter
   */
  public Explanation filled(Result result, Params params) {
    String answer = sections.values().stream().findFirst().orElse("");
    if (answer.isEmpty()) {
      return this;
    }
    String done = fill(answer, result, params);
    return parse(markdown.replace(answer, done));
  }

  /** The placeholders in the interview answer: "var_qk_unscaled", "param:dk". */
  public List<String> placeholders() {
    String answer = sections.values().stream().findFirst().orElse("");
    List<String> names = new java.util.ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(answer);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** The text of the first section, the interview answer ("" when there is none). */
  public String answer() {
    return sections.values().stream().findFirst().orElse("");
  }

  /** The explanation without its title line and its interview answer: what follows the answer. */
  public String markdownAfterAnswer() {
    String m = markdown.replaceFirst("\\A# [^\n]*\n", "");
    List<String> keys = List.copyOf(sections.keySet());
    if (keys.size() < 2) {
      return m.strip();
    }
    int at = m.indexOf("## " + keys.get(1));
    return at < 0 ? m.strip() : m.substring(at).strip();
  }

  static String fill(String text, Result result, Params params) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), m.group(2), result,
          params)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String value(String name, String format, Result result, Params params) {
    if (name.startsWith("param:")) {
      String p = name.substring("param:".length());
      Param<?> declared = params.declared().stream().filter(d -> d.name().equals(p)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("placeholder {" + name
              + "}: no such parameter"));
      return declared.formatAny(params.get(p));
    }
    Finding f = result.findings().stream().filter(x -> x.key().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("placeholder {" + name
            + "}: no finding with that key"));
    if (f.measured() && !params.showTimes()) { // --no-times: the same text on every machine
      return params.lang().t("(measured on this machine; left out)", "（本机实测，略去）");
    }
    if (format == null) {
      String unit = f.unit().isEmpty() || f.unit().equals("fraction") ? "" : " " + f.unit();
      return dev.bagu.plot.Numbers.readable(f.value()) + unit;
    }
    if (format.equals("%")) {
      return dev.bagu.plot.Numbers.fixed(100 * f.value(), 1) + "%";
    }
    if (format.equals("ref")) {
      return f.reference().map(r -> dev.bagu.plot.Numbers.readable(r.value()))
          .orElseThrow(() -> new IllegalArgumentException("placeholder {" + name
              + ":ref}: the finding has no reference"));
    }
    if (format.matches("[0-9]")) {
      return dev.bagu.plot.Numbers.fixed(f.value(), Integer.parseInt(format));
    }
    throw new IllegalArgumentException("placeholder {" + name + ":" + format
        + "}: the format must be %, ref or a digit");
  }

  /**
   * Joins the lines of each paragraph or list item where the break falls between two Chinese
   * characters: Markdown turns a line break into a space, which Chinese text must not have there
   * ("饱和" wrapped between its two characters would read "饱 和"). Between Chinese and Latin text
   * the break stays a space, as Chinese typesetting wants ("在 d_k 时"). Headings, list starts,
   * tables, indented code and blank lines are left alone.
   */
  static String joinCjkLines(String markdown) {
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      out.append(line);
      if (i == lines.length - 1) {
        break;
      }
      String next = lines[i + 1];
      String nextText = next.strip();
      boolean joinable = !line.isBlank() && !nextText.isEmpty() && !line.startsWith("    ")
          && !line.startsWith("#") && !next.startsWith("    ") && !nextText.startsWith("#")
          && !nextText.startsWith("- ") && !nextText.startsWith("|") && !line.strip()
          .startsWith("|") && !nextText.matches("\\d+\\. .*");
      if (joinable && cjkAt(line.strip(), line.strip().length() - 1) && cjkAt(nextText, 0)) {
        lines[i + 1] = nextText; // the next line continues this one, without a space
      } else {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static boolean cjkAt(String s, int index) {
    if (index < 0 || index >= s.length()) {
      return false;
    }
    return dev.bagu.plot.Fonts.hasCjk(s.substring(index, index + 1));
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
    return problems(Lang.EN);
  }

  /** What is missing or out of order against the sections of this language. */
  public List<String> problems(Lang lang) {
    List<String> problems = new java.util.ArrayList<>();
    if (title.isEmpty()) {
      problems.add("no '# title' line");
    }
    List<String> present = List.copyOf(sections.keySet());
    if (!present.equals(sections(lang))) {
      problems.add("sections are " + present + ", expected " + sections(lang));
    }
    sections.forEach((k, v) -> {
      if (v.isBlank()) {
        problems.add("section '" + k + "' is empty");
      }
    });
    return problems;
  }
}
