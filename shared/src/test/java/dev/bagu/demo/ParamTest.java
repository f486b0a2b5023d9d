package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamTest {
  private static final List<Param<?>> DECLARED = List.of(
      Param.integer("dk", 64, 1, 4096, "key dimension").logScale(),
      Param.real("sigma", 0.5, 0.01, 10, "Gaussian width"),
      Param.choice("method", "greedy", List.of("greedy", "linear", "gaussian"), "variant"),
      Param.bool("scaled", true, "divide by √d_k"));

  private static Params parse(String name, String value) {
    Map<String, String> given = new LinkedHashMap<>();
    given.put(name, value);
    return Params.parse("demo-x", DECLARED, given);
  }

  @Test
  void defaultsAndParsedValues() {
    Params p = Params.defaults(DECLARED);
    assertThat(p.integer("dk")).isEqualTo(64);
    assertThat(p.real("sigma")).isEqualTo(0.5);
    assertThat(p.choice("method")).isEqualTo("greedy");
    assertThat(p.bool("scaled")).isTrue();
    assertThat(p.seed()).isEqualTo(Params.DEFAULT_SEED);
    assertThat(parse("dk", "4096").integer("dk")).isEqualTo(4096);
    assertThat(parse("dk", "1_000").integer("dk")).isEqualTo(1000);
    assertThat(parse("sigma", "1e-2").real("sigma")).isEqualTo(0.01);
    assertThat(parse("method", " gaussian ").choice("method")).isEqualTo("gaussian");
    assertThat(parse("scaled", "FALSE").bool("scaled")).isFalse();
    assertThat(p.summary()).isEqualTo("dk=64, sigma=0.5, method=greedy, scaled=true, seed=0");
  }

  @Test
  void integerBoundsAreInclusiveAndNamedInTheMessage() {
    assertThat(parse("dk", "1").integer("dk")).isEqualTo(1);
    assertThatThrownBy(() -> parse("dk", "0")).isInstanceOf(UserException.class)
        .hasMessage("parameter dk = 0 is out of range: allowed integers 1 to 4096");
    assertThatThrownBy(() -> parse("dk", "4097"))
        .hasMessage("parameter dk = 4097 is out of range: allowed integers 1 to 4096");
    assertThatThrownBy(() -> parse("dk", "6.5"))
        .hasMessage("parameter dk = 6.5 is not an integer: allowed integers 1 to 4096");
    assertThatThrownBy(() -> parse("dk", "99999999999"))
        .hasMessage("parameter dk = 99999999999 is not an integer: allowed integers 1 to 4096");
  }

  @Test
  void realBoundsRejectNonNumbersAndNonFinite() {
    assertThat(parse("sigma", "10").real("sigma")).isEqualTo(10);
    assertThatThrownBy(() -> parse("sigma", "0.001"))
        .hasMessage("parameter sigma = 0.001 is out of range: allowed numbers from 0.01 to 10");
    assertThatThrownBy(() -> parse("sigma", "abc"))
        .hasMessage("parameter sigma = abc is not a number: allowed numbers from 0.01 to 10");
    assertThatThrownBy(() -> parse("sigma", "NaN"))
        .hasMessage("parameter sigma = NaN is not finite: allowed numbers from 0.01 to 10");
    assertThatThrownBy(() -> parse("sigma", "Infinity"))
        .hasMessage("parameter sigma = Infinity is not finite: allowed numbers from 0.01 to 10");
  }

  @Test
  void choiceAndBooleanListWhatIsAllowed() {
    assertThatThrownBy(() -> parse("method", "soft"))
        .hasMessage("parameter method = soft is not an option: allowed one of greedy, linear, "
            + "gaussian");
    assertThatThrownBy(() -> parse("scaled", "yes"))
        .hasMessage("parameter scaled = yes is not a boolean: allowed true or false");
  }

  @Test
  void unknownParameterSuggestsTheClosestName() {
    assertThatThrownBy(() -> parse("sigm", "1")).isInstanceOf(UserException.class)
        .hasMessage("unknown parameter 'sigm' for demo-x: did you mean sigma? it has dk, sigma, "
            + "method, scaled");
    assertThatThrownBy(() -> parse("zzzzzz", "1"))
        .hasMessage("unknown parameter 'zzzzzz' for demo-x: it has dk, sigma, method, scaled");
  }

  @Test
  void withChecksTypedValuesToo() {
    Params p = Params.defaults(DECLARED).with("dk", 128).withSeed(7);
    assertThat(p.integer("dk")).isEqualTo(128);
    assertThat(p.seed()).isEqualTo(7);
    assertThatThrownBy(() -> p.with("dk", 0)).hasMessageContaining("out of range");
    assertThatThrownBy(() -> p.with("sigma", "x")).hasMessageContaining("is not a number");
  }

  @Test
  void declarationsThemselvesAreChecked() {
    assertThatThrownBy(() -> Param.integer("n", 0, 1, 10, "h"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Param.real("x", 0, 0, 1, "h").logScale())
        .hasMessageContaining("log scale needs min > 0");
    assertThatThrownBy(() -> Param.choice("m", "c", List.of("a", "b"), "h"))
        .hasMessageContaining("not an option");
    assertThatThrownBy(() -> Param.bool("Bad_Name", true, "h"))
        .hasMessageContaining("lower-case words");
  }

  @Test
  void withoutTimesKeepsEverythingElse() {
    Params p = Params.defaults(DECLARED).with("dk", 128).withSeed(7);
    Params q = p.withoutTimes();
    assertThat(p.showTimes()).isTrue();
    assertThat(q.showTimes()).isFalse();
    assertThat(q.values()).isEqualTo(p.values());
    assertThat(q.seed()).isEqualTo(7);
    assertThat(q.withSeed(8).with("dk", 64).showTimes()).as("survives later copies").isFalse();
  }

  @Test
  void powersOfTwoRefuseOtherIntegersAndSayWhatIsAllowed() {
    Param.IntParam width = Param.integer("width", 64, 4, 256, "model width").powersOfTwo()
        .zh("模型宽度");
    assertThat(width.isPowersOfTwo()).isTrue();
    assertThat(width.helpZh()).isEqualTo("模型宽度");
    assertThat(width.check(128)).isEqualTo(128);
    assertThat(width.allowed()).isEqualTo("powers of two 4 to 256");
    assertThatThrownBy(() -> width.check(96)).isInstanceOf(UserException.class)
        .hasMessage("parameter width = 96 is not a power of two: allowed powers of two 4 to 256");
    assertThatThrownBy(() -> width.check(512)).hasMessageContaining("is out of range");
    assertThatThrownBy(() -> Param.integer("w", 6, 4, 256, "").powersOfTwo())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void evenIntegersRefuseOddOnes() {
    Param.IntParam d = Param.integer("d", 128, 2, 1024, "head dimension").logScale().even();
    assertThat(d.isEven()).isTrue();
    assertThat(d.isLogScale()).isTrue();
    assertThat(d.check(130)).isEqualTo(130);
    assertThat(d.allowed()).isEqualTo("even integers 2 to 1024");
    assertThatThrownBy(() -> d.check(129)).isInstanceOf(UserException.class)
        .hasMessage("parameter d = 129 is not even: allowed even integers 2 to 1024");
    assertThatThrownBy(() -> Param.integer("d", 3, 2, 10, "").even())
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A slider's raw value becomes the nearest value each kind accepts, within its range. */
  @Test
  void nearestIsAnAllowedValueInRange() {
    Param.IntParam plain = Param.integer("n", 5, 1, 9, "");
    Param.IntParam even = Param.integer("d", 8, 2, 20, "").even();
    Param.IntParam doubling = Param.integer("w", 16, 4, 256, "").powersOfTwo();
    assertThat(plain.nearest(4.4)).isEqualTo(4);
    assertThat(plain.nearest(-3)).isEqualTo(1);
    assertThat(even.nearest(6.9)).isEqualTo(6);
    assertThat(even.nearest(7.1)).isEqualTo(8);
    assertThat(even.nearest(25)).isEqualTo(20);
    assertThat(doubling.nearest(45)).isEqualTo(32); // log2 45/4 = 3.49
    assertThat(doubling.nearest(46)).isEqualTo(64); // 3.52
    assertThat(doubling.nearest(1)).isEqualTo(4);
    assertThat(doubling.nearest(1000)).isEqualTo(256);
    for (double v = 0; v <= 300; v += 0.37) {
      assertThat(doubling.nearest(v)).satisfies(w -> doubling.parse(String.valueOf(w)));
      assertThat(even.nearest(v)).satisfies(d -> even.parse(String.valueOf(d)));
    }
  }
}
