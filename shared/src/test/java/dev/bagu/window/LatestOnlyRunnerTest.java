package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LatestOnlyRunnerTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Plays the event thread: one thread, results handed over in order. */
  private final ExecutorService deliver = Executors.newSingleThreadExecutor();
  private final List<Integer> computed = new CopyOnWriteArrayList<>();
  private final List<LatestOnlyRunner.Outcome<Integer, String>> shown =
      new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    deliver.shutdownNow();
  }

  /** A task that blocks on a gate, so the test decides when each computation ends. */
  private Function<Integer, String> gated(CountDownLatch started, CountDownLatch gate) {
    return i -> {
      computed.add(i);
      started.countDown();
      try {
        gate.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return "result " + i;
    };
  }

  @Test
  void whileOneRunsOnlyTheNewestRequestRunsNextAndStaleResultsAreDropped() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    try (var runner = new LatestOnlyRunner<>(gated(started, gate), deliver, shown::add)) {
      runner.submit(1);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 2; i <= 20; i++) {
        runner.submit(i); // a slider dragged while 1 computes
      }
      assertThat(runner.isIdle()).isFalse();
      gate.countDown();
      assertThat(runner.awaitIdle(WAIT)).isTrue();
    }
    assertThat(computed).containsExactly(1, 20);
    assertThat(shown).extracting(LatestOnlyRunner.Outcome::output).containsExactly("result 20");
  }

  @Test
  void eachRequestIsShownWhenTheyArriveSlowly() throws Exception {
    try (var runner = new LatestOnlyRunner<Integer, String>(i -> "r" + i, deliver, shown::add)) {
      for (int i = 0; i < 5; i++) {
        runner.submit(i);
        assertThat(runner.awaitIdle(WAIT)).isTrue();
      }
    }
    assertThat(shown).extracting(LatestOnlyRunner.Outcome::output)
        .containsExactly("r0", "r1", "r2", "r3", "r4");
    assertThat(shown).allSatisfy(o -> assertThat(o.elapsed().isNegative()).isFalse());
  }

  @Test
  void aResultFinishedBeforeTheNextRequestButNotYetDeliveredIsDropped() throws Exception {
    CountDownLatch holdDelivery = new CountDownLatch(1);
    deliver.execute(() -> {
      try {
        holdDelivery.await(10, TimeUnit.SECONDS); // the event thread is busy
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    CountDownLatch queued = new CountDownLatch(1);
    Executor watched = r -> {
      deliver.execute(r);
      queued.countDown();
    };
    try (var runner = new LatestOnlyRunner<Integer, String>(i -> "r" + i, watched, shown::add)) {
      runner.submit(1);
      assertThat(queued.await(10, TimeUnit.SECONDS)).isTrue(); // 1 computed, waiting for delivery
      runner.submit(2);
      holdDelivery.countDown();
      assertThat(runner.awaitIdle(WAIT)).isTrue();
    }
    assertThat(shown).extracting(LatestOnlyRunner.Outcome::output).containsExactly("r2");
  }

  @Test
  void anExceptionIsHandedOverAndTheRunnerKeepsWorking() throws Exception {
    Function<Integer, String> task = i -> {
      if (i < 0) {
        throw new IllegalArgumentException("negative: " + i);
      }
      return "ok " + i;
    };
    try (var runner = new LatestOnlyRunner<>(task, deliver, shown::add)) {
      runner.submit(-1);
      assertThat(runner.awaitIdle(WAIT)).isTrue();
      runner.submit(3);
      assertThat(runner.awaitIdle(WAIT)).isTrue();
    }
    assertThat(shown).hasSize(2);
    assertThat(shown.get(0).failed()).isTrue();
    assertThat(shown.get(0).error()).hasMessage("negative: -1");
    assertThat(shown.get(1).output()).isEqualTo("ok 3");
  }

  @Test
  void closeReleasesWaitersAndIgnoresLaterRequests() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    var runner = new LatestOnlyRunner<>(gated(started, gate), deliver, shown::add);
    runner.submit(1);
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    runner.close();
    runner.submit(2);
    assertThat(runner.awaitIdle(Duration.ofMillis(10))).isTrue();
    gate.countDown();
    Thread.sleep(100);
    assertThat(computed).containsExactly(1);
    assertThat(shown).isEmpty();
  }
}
