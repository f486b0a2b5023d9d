package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.io.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every registered demo headless through the command line, to PNG, SVG and JSON, twice,
 * and checks what every demo promises: the files, the JSON shape, the explanation template, a
 * runnable main, and the same bytes for the same seed.
 */
@org.junit.jupiter.api.parallel.Execution(
    org.junit.jupiter.api.parallel.ExecutionMode.CONCURRENT)
class AllDemosTest {
  @TempDir Path dir;

  /** Every demo, or those {@code -Dbagu.only=id,id} names. */
  static Stream<Demo> demos() {
    return BothLanguagesTest.demos();
  }

  private static int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Bagu.execute(Catalogue.registry(), args, new PrintWriter(out),
        new PrintWriter(err));
    assertThat(err.toString()).as("stderr of bagu " + String.join(" ", args)).isEmpty();
    return code;
  }

  /**
   * Two runs give the same PNG and SVG bytes. A demo that reports times measured on this machine
   * (findings marked measured) may draw them, so its figures are compared from two runs with
   * {@code --no-times}, which leaves them out.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void rendersDeterministicallyWithValidJson(Demo demo) throws IOException {
    String id = demo.info().id();
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    assertThat(run("run", id, "--out", a.toString(), "--format", "png,svg")).isZero();
    assertThat(run("run", id, "--out", b.toString(), "--format", "png,svg")).isZero();
    JsonNode ja = Json.mapper().readTree(a.resolve(id + ".json").toFile());
    JsonNode jb = Json.mapper().readTree(b.resolve(id + ".json").toFile());
    boolean measures = false;
    for (JsonNode f : ja.get("findings")) {
      measures |= f.path("measured").asBoolean(false);
    }
    Path ta = a;
    Path tb = b;
    if (measures) {
      ta = dir.resolve("a-no-times");
      tb = dir.resolve("b-no-times");
      for (Path d : List.of(ta, tb)) {
        assertThat(run("run", id, "--out", d.toString(), "--format", "png,svg", "--no-times"))
            .isZero();
      }
    }
    for (String ext : List.of("png", "svg")) {
      assertThat(Files.readAllBytes(ta.resolve(id + "." + ext)))
          .as(id + "." + ext + " is the same twice")
          .isEqualTo(Files.readAllBytes(tb.resolve(id + "." + ext)));
    }
    assertThat(ja.fieldNames()).toIterable().containsExactly("id", "title", "lang", "seed", "params",
        "findings", "data", "figures", "elapsedMillis");
    assertThat(ja.get("id").asText()).isEqualTo(id);
    assertThat(ja.get("figures")).extracting(JsonNode::asText)
        .containsExactly(id + ".png", id + ".svg");
    for (Param<?> p : demo.params()) {
      assertThat(ja.get("params").has(p.name())).as("params." + p.name()).isTrue();
    }
    assertThat(ja.get("findings")).isNotEmpty();
    for (JsonNode f : ja.get("findings")) {
      assertThat(f.get("value").isNumber()).as(f.get("key") + " is a number").isTrue();
      assertThat(f.has("reference")).isTrue();
    }
    assertThat(withoutMeasured(ja)).isEqualTo(withoutMeasured(jb));
  }

  /** The JSON less elapsedMillis and findings marked measured (times on this machine). */
  private static JsonNode withoutMeasured(JsonNode json) {
    ObjectNode copy = json.deepCopy();
    copy.remove("elapsedMillis");
    var findings = (com.fasterxml.jackson.databind.node.ArrayNode) copy.get("findings");
    for (int i = findings.size() - 1; i >= 0; i--) {
      if (findings.get(i).path("measured").asBoolean(false)) {
        findings.remove(i);
      }
    }
    return copy;
  }

  /** Both ends of every numeric range are accepted; one step beyond is refused, with a message. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void everyParameterBoundIsCheckedWithAMessage(Demo demo) {
    String id = demo.info().id();
    for (Param<?> p : demo.params()) {
      String low;
      String high;
      String tooLow;
      String tooHigh;
      if (p instanceof Param.IntParam ip) {
        low = Integer.toString(ip.min());
        high = Integer.toString(ip.max());
        tooLow = Long.toString(ip.min() - 1L);
        tooHigh = Long.toString(ip.max() + 1L);
      } else if (p instanceof Param.RealParam rp) {
        low = Double.toString(rp.min());
        high = Double.toString(rp.max());
        tooLow = Double.toString(rp.min() - Math.max(1e-9, Math.abs(rp.min()) * 1e-6));
        tooHigh = Double.toString(rp.max() + Math.max(1e-9, Math.abs(rp.max()) * 1e-6));
      } else {
        continue;
      }
      for (String ok : List.of(low, high)) {
        assertThat(dev.bagu.demo.Params.parse(id, demo.params(), java.util.Map.of(p.name(), ok))
            .get(p.name())).isNotNull();
      }
      for (String bad : List.of(tooLow, tooHigh)) {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.bagu.demo.Params.parse(id,
                demo.params(), java.util.Map.of(p.name(), bad)))
            .isInstanceOf(dev.bagu.demo.UserException.class)
            .hasMessageStartingWith("parameter " + p.name() + " = ")
            .hasMessageEndingWith("allowed " + p.allowed());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("demos")
  void followsTheDemoContract(Demo demo) throws NoSuchMethodException {
    assertThat(Explanation.of(demo).problems()).as("explanation of " + demo.info().id())
        .isEmpty();
    Method main = demo.getClass().getMethod("main", String[].class);
    assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    for (Param<?> p : demo.params()) {
      assertThat(p.help()).as("help of " + p.name()).isNotBlank();
    }
    dev.bagu.demo.Result result = DefaultRuns.of(demo, dev.bagu.i18n.Lang.EN);
    for (Finding f : result.findings()) {
      assertThat(Double.isFinite(f.value())).as(f.key() + " is finite").isTrue();
    }
    assertOrdered(demo.info().id() + " data", result.data());
  }

  /**
   * Every map in a result's data keeps one key order: Map.of's order changes from one JVM to the
   * next (a run in a new process wrote its JSON keys in another order), and HashMap's has no
   * meaning. Found by comparing two galleries' files.
   */
  private static void assertOrdered(String where, Object value) {
    if (value instanceof java.util.Map<?, ?> m) {
      String type = m.getClass().getName();
      assertThat(type).as(where + " is a " + type + ": build it with Json.object or a "
          + "LinkedHashMap").doesNotStartWith("java.util.ImmutableCollections")
          .isNotEqualTo("java.util.HashMap");
      m.forEach((k, v) -> assertOrdered(where + "." + k, v));
    } else if (value instanceof java.util.Collection<?> c) {
      assertThat(c.getClass().getName()).as(where).doesNotStartWith(
          "java.util.ImmutableCollections$Set").isNotEqualTo("java.util.HashSet");
      c.forEach(v -> assertOrdered(where + "[]", v));
    } else if (value instanceof Object[] a) {
      for (Object v : a) {
        assertOrdered(where + "[]", v);
      }
    }
  }
}
