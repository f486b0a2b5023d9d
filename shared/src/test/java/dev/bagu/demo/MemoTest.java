package dev.bagu.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {
  @Test
  void computesOncePerKeyAndDropsTheLeastRecentlyUsed() {
    Memo<Integer, String> memo = new Memo<>(2);
    AtomicInteger calls = new AtomicInteger();
    memo.get(1, k -> "v" + k + calls.incrementAndGet());
    memo.get(2, k -> "v" + k + calls.incrementAndGet());
    assertThat(memo.get(1, k -> "again")).isEqualTo("v11"); // kept; 1 is now the most recent
    memo.get(3, () -> "v3" + calls.incrementAndGet()); // drops 2, the least recently used
    assertThat(calls).hasValue(3);
    assertThat(memo.get(1, k -> "recomputed")).isEqualTo("v11");
    assertThat(memo.get(2, k -> "recomputed")).isEqualTo("recomputed");
  }

  @Test
  void bypassedItNeitherAnswersNorKeepsAndIsBackAfterwardsEvenAfterAThrow() {
    Memo<Integer, String> memo = new Memo<>(4);
    memo.get(1, k -> "kept");
    String inside = Memo.bypassing(() -> {
      String fresh = memo.get(1, k -> "fresh");
      memo.get(2, k -> "not kept");
      // nested: still bypassed, and still after the inner call returns
      Memo.bypassing(() -> memo.get(3, k -> "not kept either"));
      return fresh + ", " + memo.get(3, k -> "computed again");
    });
    assertThat(inside).isEqualTo("fresh, computed again");
    assertThat(memo.get(1, k -> "recomputed")).isEqualTo("kept");
    assertThat(memo.get(2, k -> "now kept")).isEqualTo("now kept");
    assertThat(memo.get(3, k -> "now kept")).isEqualTo("now kept");

    assertThatThrownBy(() -> Memo.bypassing(() -> {
      throw new IllegalStateException("boom");
    })).hasMessage("boom");
    assertThat(memo.get(1, k -> "recomputed")).isEqualTo("kept");
  }

  @Test
  void aBypassOnOneThreadLeavesOthersUsingTheMemo() throws Exception {
    Memo<Integer, String> memo = new Memo<>(4);
    memo.get(1, k -> "kept");
    String[] other = new String[1];
    Memo.bypassing(() -> {
      Thread t = new Thread(() -> other[0] = memo.get(1, k -> "recomputed"));
      t.start();
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      return null;
    });
    assertThat(other[0]).isEqualTo("kept");
  }

  @Test
  void refusesAnEmptyCapacity() {
    assertThatThrownBy(() -> new Memo<>(0)).hasMessageContaining("capacity");
  }
}
