package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Fonts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jfree.svg.SVGGraphics2D;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every demo in both languages: Chinese title, summary and parameter help; an explanation in each
 * language with every section, including the interview answer whose placeholders all name a
 * finding or a parameter; and a Chinese figure and findings with no English left in them.
 *
 * <p>Run for a few demos only with {@code -Dbagu.only=rope,alibi}.
 */
@org.junit.jupiter.api.parallel.Execution(
    org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class BothLanguagesTest {
  /** A run of three or more Latin letters: an English word, unless allowed. */
  private static final Pattern WORD = Pattern.compile("[A-Za-z]{3,}");
  private static final Set<String> ALLOWED = new TreeSet<>();
  /** Demo id → words allowed in that demo only ("decorators: def print …"). */
  private static final java.util.Map<String, Set<String>> ALLOWED_IN = new java.util.HashMap<>();

  static {
    readAllowedWords();
  }

  static Stream<Demo> demos() {
    String only = System.getProperty("bagu.only", "");
    Set<String> ids = Arrays.stream(only.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    return Catalogue.demos().stream().filter(d -> ids.isEmpty() || ids.contains(d.info().id()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void statesEveryTextInChinese(Demo demo) {
    assertThat(Fonts.hasCjk(demo.info().titleZh())).as("Chinese title").isTrue();
    assertThat(Fonts.hasCjk(demo.info().summaryZh())).as("Chinese summary").isTrue();
    for (Param<?> p : demo.params()) {
      assertThat(p.help(Lang.ZH)).as("Chinese help of " + p.name()).isNotBlank();
      assertThat(Fonts.hasCjk(p.help(Lang.ZH))).as("Chinese help of " + p.name()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void explainsInBothLanguagesWithTheRunsOwnNumbers(Demo demo) {
    for (Lang lang : Lang.values()) {
      Explanation e = Explanation.of(demo, lang);
      assertThat(e.problems(lang)).as(lang + " explanation of " + demo.info().id()).isEmpty();
      assertThat(e.placeholders()).as(lang + " interview answer uses the run's numbers")
          .isNotEmpty();
      Params p = DefaultRuns.params(demo, lang);
      Result r = DefaultRuns.of(demo, lang);
      assertThatCode(() -> e.filled(r, p)).as(lang + " placeholders").doesNotThrowAnyException();
      assertThat(e.filled(r, p).answer()).doesNotContain("{");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void drawsAChineseFigureWithNoEnglishLeft(Demo demo) {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font on this machine");
    Result r = DefaultRuns.of(demo, Lang.ZH);
    List<String> english = new ArrayList<>();
    Set<String> also = ALLOWED_IN.getOrDefault(demo.info().id(), Set.of());
    List<Figure> figures = new ArrayList<>(List.of(r.figure()));
    figures.addAll(r.frames().stream().limit(2).toList());
    for (Figure f : figures) {
      java.awt.Font face = new java.awt.Font(Fonts.familyFor(f.texts()), java.awt.Font.PLAIN, 12);
      for (String s : drawnStrings(f)) {
        assertThat(face.canDisplayUpTo(s)).as("\"" + s + "\" in " + face.getFamily()
            + ": a character the figure's face cannot draw (a tofu box)").isEqualTo(-1);
        english.addAll(englishWords(s, also).stream().map(w -> w + " (in \"" + s + "\")")
            .toList());
      }
    }
    for (Finding f : r.findings()) {
      english.addAll(englishWords(f.label(), also).stream()
          .map(w -> w + " (finding " + f.key() + ": \"" + f.label() + "\")").toList());
    }
    assertThat(english).as("English words in the Chinese " + demo.info().id()
        + " (translate them, or add a symbol or name to zh-allowed-words.txt)").isEmpty();
  }

  /** The Chinese figure is the same PNG and SVG bytes twice (measured times left out). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void drawsTheSameChineseBytesTwice(Demo demo, @org.junit.jupiter.api.io.TempDir
      java.nio.file.Path dir) throws IOException {
    Assumptions.assumeTrue(Fonts.cjkAvailable(), "no CJK font on this machine");
    String id = demo.info().id();
    for (String run : List.of("a", "b")) {
      java.io.StringWriter err = new java.io.StringWriter();
      int code = dev.bagu.cli.Bagu.execute(Catalogue.registry(), new String[] {"run", id,
          "--lang", "zh", "--no-times", "--format", "png,svg", "--out",
          dir.resolve(run).toString()}, new java.io.PrintWriter(new java.io.StringWriter()),
          new java.io.PrintWriter(err));
      assertThat(code).as(err.toString()).isZero();
    }
    for (String ext : List.of("png", "svg")) {
      assertThat(java.nio.file.Files.readAllBytes(dir.resolve("a").resolve(id + "." + ext)))
          .as(id + " zh " + ext).isEqualTo(java.nio.file.Files.readAllBytes(
              dir.resolve("b").resolve(id + "." + ext)));
    }
  }

  /** The figure's declared texts and every string drawn with drawString, recorded as SVG text. */
  static Set<String> drawnStrings(Figure figure) {
    Set<String> all = new LinkedHashSet<>(figure.texts());
    SVGGraphics2D g = new SVGGraphics2D(1600, 1000);
    figure.paint(g, 1600, 1000);
    Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(g.getSVGElement());
    while (m.find()) {
      all.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'")
          .replace("&quot;", "\"").replace("&amp;", "&"));
    }
    return all;
  }

  static List<String> englishWords(String s) {
    return englishWords(s, Set.of());
  }

  /** The words of s that are English, less those allowed everywhere and those in {@code also}. */
  static List<String> englishWords(String s, Set<String> also) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(s);
    while (m.find()) {
      String w = m.group();
      boolean acronym = w.chars().filter(Character::isUpperCase).count() >= 2;
      if (!acronym && !ALLOWED.contains(w) && !also.contains(w)) {
        words.add(w);
      }
    }
    return words;
  }

  private static void readAllowedWords() {
    try (InputStream in = BothLanguagesTest.class.getResourceAsStream("zh-allowed-words.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          ALLOWED.add(line);
        } else {
          ALLOWED_IN.computeIfAbsent(line.substring(0, colon).strip(), k -> new TreeSet<>())
              .addAll(List.of(line.substring(colon + 1).strip().split("\\s+")));
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
