package dev.bagu.demos.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demos.python.StackedDecorators.Kind;
import dev.bagu.demos.python.StackedDecorators.OuterCalls;
import dev.bagu.demos.python.StackedDecorators.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecoratorsTest {
  @Test
  void theNotesStackedExamplePrintsInTheNotesOrder() {
    Trace t = StackedDecorators.run(2, OuterCalls.ONCE);
    assertThat(t.printed()).containsExactly("1:1", "2:1", "f", "2:2", "1:2");
    assertThat(t.applied()).containsExactly("my_decorator2", "my_decorator1");
    assertThat(t.maxDepth()).isEqualTo(3);
  }

  @Test
  void oneDecoratorIsTheNotesFirstExample() {
    assertThat(StackedDecorators.run(1, OuterCalls.ONCE).printed())
        .containsExactly("1:1", "f", "1:2");
  }

  @Test
  void callingTwiceRepeatsTheInnerPartAndNeverSkipsIt() {
    assertThat(StackedDecorators.run(2, OuterCalls.TWICE).printed())
        .containsExactly("1:1", "2:1", "f", "2:2", "2:1", "f", "2:2", "1:2");
    Trace never = StackedDecorators.run(3, OuterCalls.NEVER);
    assertThat(never.printed()).containsExactly("1:1", "1:2");
    assertThat(never.functionRuns()).isZero();
    assertThat(never.maxDepth()).isEqualTo(1);
  }

  @Test
  void theRunMatchesThePredictedOrderAndLineCountForEverySetting() {
    for (int n = 1; n <= 4; n++) {
      for (OuterCalls c : OuterCalls.values()) {
        Trace t = StackedDecorators.run(n, c);
        assertThat(t.printed()).isEqualTo(StackedDecorators.predictedOrder(n, c));
        // 2 + k(2n − 1) lines: the formula in the explanation.
        assertThat(t.printed()).hasSize(2 + c.times * (2 * n - 1));
        assertThat(t.functionRuns()).isEqualTo(c.times);
      }
    }
  }

  @Test
  void callsAndReturnsBalanceAndPrintsComeFromTheRightFrame() {
    Trace t = StackedDecorators.run(3, OuterCalls.TWICE);
    int depth = 0;
    for (StackedDecorators.Event e : t.events()) {
      if (e.kind() == Kind.CALL) {
        assertThat(e.frame()).isEqualTo(depth);
        depth++;
      } else if (e.kind() == Kind.RETURN) {
        assertThat(e.frame()).isEqualTo(depth);
        depth--;
      } else {
        assertThat(e.frame()).isEqualTo(depth);
        int expected = e.text().equals("f") ? 4 : e.text().charAt(0) - '0';
        assertThat(e.frame()).isEqualTo(expected);
      }
    }
    assertThat(depth).isZero();
  }

  @Test
  void theDemoPutsThePrintedOrderInItsData() {
    DecoratorsDemo demo = new DecoratorsDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.data().get("calls")).isEqualTo(List.of("1:1", "2:1", "f", "2:2", "1:2"));
    assertThat(r.findings()).allMatch(f -> f.agrees(), "every finding agrees");
    assertThat(r.finding("matches_seed").value()).isEqualTo(1);
  }
}
