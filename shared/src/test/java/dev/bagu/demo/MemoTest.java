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
  void refusesAnEmptyCapacity() {
    assertThatThrownBy(() -> new Memo<>(0)).hasMessageContaining("capacity");
  }
}
