package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demos.attention.AttentionDepth.Curves;
import dev.bagu.demos.attention.AttentionDepth.Networks;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.demos.attention.AttentionStack.Trial;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GrowingStackTest {
  private static Shape shape(int depth, boolean layerNorm) {
    return new Shape(depth, 16, 16, 2, 1.5, 0.7, layerNorm);
  }

  /** A shallower network is a prefix of a deeper one, to the bit, however it was grown. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shallowerIsAPrefixAndDeeperExtendsIt(boolean layerNorm) {
    Trial direct5 = AttentionStack.run(shape(5, layerNorm), Rng.stream(3, 1));
    Trial direct12 = AttentionStack.run(shape(12, layerNorm), Rng.stream(3, 1));
    GrowingStack grown = new GrowingStack(shape(0, layerNorm), Rng.stream(3, 1), true);
    assertSame(grown.growTo(12).trial(5), direct5); // a slice of a deeper one
    assertSame(grown.trial(12), direct12);
    GrowingStack stepwise = new GrowingStack(shape(0, layerNorm), Rng.stream(3, 1), true);
    assertSame(stepwise.growTo(5).trial(5), direct5);
    assertSame(stepwise.growTo(12).trial(12), direct12); // extended, not started again
  }

  /** A preview's two networks are a full run's first two; more networks add, never redraw. */
  @ParameterizedTest
  @ValueSource(ints = {4, 9})
  void fewerNetworksAreTheFirstOfMore(int depth) {
    Networks networks = new Networks(shape(0, false), 5, 1);
    var two = networks.trials(2, depth);
    var eight = networks.trials(8, depth);
    Curves fresh = AttentionDepth.measure(shape(depth, false), 5, 1, 8);
    for (int t = 0; t < 2; t++) {
      assertThat(Arrays.deepEquals(two.get(t).r(), eight.get(t).r())).isTrue();
    }
    Curves reused = AttentionDepth.curves(shape(depth, false), eight);
    assertThat(Arrays.deepEquals(reused.r(), fresh.r())).isTrue();
    assertThat(reused.lastDeviation()).isEqualTo(fresh.lastDeviation());
    assertThat(eight.get(1).firstWeights()).isNull(); // only the first network keeps weights
  }

  /**
   * serve may ask for one shape and seed from several threads at once, at different depths and
   * network counts: every answer is what a fresh measurement gives.
   */
  @Test
  void concurrentRequestsGrowTheSameNetworksConsistently() throws Exception {
    Networks networks = new Networks(shape(0, false), 3, 1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> answers = new ArrayList<>();
      SplittableRandom random = new SplittableRandom(1);
      for (int i = 0; i < 60; i++) {
        int depth = 1 + random.nextInt(20);
        int count = 1 + random.nextInt(4);
        answers.add(pool.submit(() -> {
          Curves grown = AttentionDepth.curves(shape(depth, false),
              networks.trials(count, depth));
          Curves fresh = AttentionDepth.measure(shape(depth, false), 3, 1, count);
          return Arrays.deepEquals(grown.r(), fresh.r())
              && grown.lastDeviation() == fresh.lastDeviation()
              && Arrays.deepEquals(grown.lastWeights(), fresh.lastWeights());
        }));
      }
      for (Future<Boolean> answer : answers) {
        assertThat(answer.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 13})
  void aDepthNotGrownIsRefused(int depth) {
    GrowingStack grown = new GrowingStack(shape(0, false), Rng.stream(1, 1), false).growTo(12);
    assertThatThrownBy(() -> grown.trial(depth)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not in 1 … 12");
  }

  private static void assertSame(Trial actual, Trial expected) {
    assertThat(Arrays.deepEquals(actual.r(), expected.r())).isTrue();
    assertThat(Arrays.deepEquals(actual.firstWeights(), expected.firstWeights())).isTrue();
    assertThat(Arrays.deepEquals(actual.lastWeights(), expected.lastWeights())).isTrue();
    assertThat(actual.firstDeviation()).isEqualTo(expected.firstDeviation());
    assertThat(actual.lastDeviation()).isEqualTo(expected.lastDeviation());
  }
}
