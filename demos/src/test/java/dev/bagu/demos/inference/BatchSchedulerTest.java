package dev.bagu.demos.inference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demos.inference.BatchScheduler.Policy;
import dev.bagu.demos.inference.RequestStream.Request;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSchedulerTest {
  /** Two slots; three requests at step 0 wanting 1, 3 and 2 tokens. */
  private static final List<Request> HAND = List.of(new Request(0, 0, 5, 1),
      new Request(1, 0, 5, 3), new Request(2, 0, 5, 2));

  @Test
  void staticBatchingWaitsForTheLongestRequest() {
    BatchScheduler s = new BatchScheduler(Policy.STATIC, HAND, 2);
    // Batch {0, 1} runs steps 0–2; request 2 waits for the whole batch, runs steps 3–4.
    assertThat(s.finish()).containsExactly(1, 3, 5);
    assertThat(s.steps()).isEqualTo(5);
    assertThat(s.idleSlotStepsWithWaiting()).isEqualTo(2); // slot 0 at steps 1 and 2
    assertThat(s.utilisation()).isEqualTo(6.0 / 10);
  }

  @Test
  void continuousBatchingRefillsASlotAtTheNextStep() {
    BatchScheduler s = new BatchScheduler(Policy.CONTINUOUS, HAND, 2);
    // Request 2 takes slot 0 at step 1, as soon as request 0 is done.
    assertThat(s.finish()).containsExactly(1, 3, 3);
    assertThat(s.steps()).isEqualTo(3);
    assertThat(s.idleSlotStepsWithWaiting()).isZero();
    assertThat(s.runs()).contains(new BatchScheduler.Run(2, 0, 1, 3, 2));
  }

  /** The catalogue's checks on seeded streams, with the throughput and latency gains. */
  @Test
  void continuousNeverIdlesASlotWhileRequestsWait() {
    for (long seed = 0; seed < 6; seed++) {
      for (int slots : new int[] {1, 4, 8, 16}) {
        List<Request> requests = RequestStream.generate(40, 0.3, 1, 1, 32, 1000,
            Rng.seeded(seed));
        BatchScheduler fixed = new BatchScheduler(Policy.STATIC, requests, slots);
        BatchScheduler cont = new BatchScheduler(Policy.CONTINUOUS, requests, slots);
        assertThat(cont.idleSlotStepsWithWaiting()).isZero();
        assertThat(ContinuousBatchingDemo.differing(fixed, cont, requests)).isZero();
        assertThat(cont.runs()).hasSize(40);
        assertThat(cont.steps()).isLessThanOrEqualTo(fixed.steps());
        assertThat(ContinuousBatchingDemo.mean(cont.latencies(requests)))
            .isLessThanOrEqualTo(ContinuousBatchingDemo.mean(fixed.latencies(requests)));
        if (slots == 1) { // one slot: the two policies are the same schedule
          assertThat(cont.finish()).isEqualTo(fixed.finish());
        }
      }
    }
  }

  @Test
  void p95IsTheNearestRank() {
    double[] v = new double[20];
    for (int i = 0; i < 20; i++) {
      v[i] = 20 - i; // 20, 19, …, 1
    }
    assertThat(ContinuousBatchingDemo.p95(v)).isEqualTo(19);
  }
}
