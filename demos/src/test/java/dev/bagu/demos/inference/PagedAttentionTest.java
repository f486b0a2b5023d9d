package dev.bagu.demos.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demos.inference.KvAllocation.Scheme;
import dev.bagu.demos.inference.RequestStream.Request;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class PagedAttentionTest {
  private static List<Request> stream(long seed) {
    return RequestStream.generate(40, 0.5, 8, 128, 96, 512, Rng.seeded(seed));
  }

  @Test
  void requestsRespectTheMaximumLength() {
    for (Request r : stream(1)) {
      assertThat(r.prompt()).isBetween(8, 128);
      assertThat(r.output()).isPositive();
      assertThat(r.total()).isLessThanOrEqualTo(512);
    }
  }

  /**
   * Kwon et al. 2023, §4.1: with paging a sequence wastes at most the empty tail of its last
   * block. Every slot is accounted for as token state, reservation, waste or free.
   */
  @Test
  void pagedWasteIsUnderOneBlockPerSequence() {
    for (long seed = 0; seed < 4; seed++) {
      for (int block : new int[] {1, 8, 16, 32}) {
        KvAllocation paged = new KvAllocation(Scheme.PAGED, stream(seed), 4096, 512, block);
        assertThat(paged.maxPagedWaste()).isLessThan(block);
        for (KvAllocation.Step s : paged.steps()) {
          assertThat(s.reserved()).isZero();
          assertThat(s.external()).isZero();
          assertThat(s.internal()).isLessThan(Math.max(1, s.running()) * block);
          assertThat(s.used() + s.internal()).isLessThanOrEqualTo(4096);
        }
      }
    }
  }

  @Test
  void contiguousReservesTheMaximumLengthForEveryRunningRequest() {
    KvAllocation c = new KvAllocation(Scheme.CONTIGUOUS, stream(2), 4096, 512, 16);
    for (KvAllocation.Step s : c.steps()) {
      assertThat(s.used() + s.reserved() + s.internal()).isEqualTo(512 * s.running());
      assertThat(s.running()).isLessThanOrEqualTo(4096 / 512);
    }
    // 4,000 slots: 7 requests fit and 416 free slots can never hold an eighth.
    KvAllocation odd = new KvAllocation(Scheme.CONTIGUOUS, stream(2), 4000, 512, 16);
    assertThat(odd.steps().stream().mapToInt(KvAllocation.Step::external).max().orElse(0))
        .isEqualTo(4000 - 7 * 512);
  }

  /** Both schemes serve every request: the same tokens end up generated. */
  @Test
  void bothSchemesFinishAndPagingRunsLargerBatches() {
    for (long seed = 0; seed < 3; seed++) {
      List<Request> requests = stream(seed);
      KvAllocation c = new KvAllocation(Scheme.CONTIGUOUS, requests, 4096, 512, 16);
      KvAllocation p = new KvAllocation(Scheme.PAGED, requests, 4096, 512, 16);
      assertThat(p.breakdown().meanBatch()).isGreaterThan(c.breakdown().meanBatch());
      assertThat(p.breakdown().tokenStates()).isGreaterThan(c.breakdown().tokenStates());
      assertThat(p.steps().size()).isLessThan(c.steps().size());
    }
  }

  @Test
  void firstFitFindsTheLowestFreeRun() {
    int[] owner = {0, -1, -1, 1, -1, -1, -1, 2};
    assertThat(KvAllocation.firstFit(owner, 2)).isEqualTo(1);
    assertThat(KvAllocation.firstFit(owner, 3)).isEqualTo(4);
    assertThat(KvAllocation.firstFit(owner, 4)).isEqualTo(-1);
  }

  @Test
  void copyOnWriteSharesThePromptsFullBlocks() {
    // Prompt 40, 10 new tokens, blocks of 16: ⌈50/16⌉ = 4 blocks each; 2 full prompt blocks.
    assertThat(CopyOnWrite.blocksWithoutSharing(3, 40, 10, 16)).isEqualTo(12);
    assertThat(CopyOnWrite.blocksWithSharing(3, 40, 10, 16)).isEqualTo(2 + 3 * 2);
    assertThat(CopyOnWrite.blocksWithSharing(1, 40, 10, 16)).isEqualTo(4);
  }
}
