package dev.bagu.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The runner's idle work: slices between requests, ended by the next request or close. */
class LatestOnlyRunnerIdleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ExecutorService deliver = Executors.newSingleThreadExecutor();
  /** What the runner's thread did, in order: "request N" and "idle K". */
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final CountDownLatch sliceStarted = new CountDownLatch(1);
  private final CountDownLatch sliceGate = new CountDownLatch(1);

  @AfterEach
  void stop() {
    deliver.shutdownNow();
  }

  private LatestOnlyRunner<Integer, String> runner(CountDownLatch requestGate) {
    return new LatestOnlyRunner<>(i -> {
      log.add("request " + i);
      await(requestGate);
      return "r" + i;
    }, deliver, outcome -> { });
  }

  /** {@code count} slices; slice {@code blocking} signals it started and waits for the gate. */
  private Iterator<Runnable> slices(int count, int blocking) {
    return IntStream.range(0, count).<Runnable>mapToObj(k -> () -> {
      log.add("idle " + k);
      if (k == blocking) {
        sliceStarted.countDown();
        await(sliceGate);
      }
    }).iterator();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void slicesRunWhileNothingWaitsAndARequestWaitsOnlyForTheSliceUnderWayThenEndsThem()
      throws Exception {
    try (var runner = runner(new CountDownLatch(0))) {
      runner.whenIdle(slices(100, 2));
      assertThat(sliceStarted.await(10, TimeUnit.SECONDS)).isTrue();
      runner.submit(7); // the user's first change, while slice 2 runs
      sliceGate.countDown();
      assertThat(runner.awaitIdle(WAIT)).isTrue();
      Thread.sleep(100); // time enough for slices that should not run
    }
    assertThat(log).containsExactly("idle 0", "idle 1", "idle 2", "request 7");
  }

  @Test
  void idleWorkGivenWhileARequestRunsStartsAfterIt() throws Exception {
    CountDownLatch requestGate = new CountDownLatch(1);
    try (var runner = runner(requestGate)) {
      runner.submit(1); // the window's first figure
      runner.whenIdle(slices(3, -1)); // its warm-up
      requestGate.countDown();
      assertThat(runner.awaitIdle(WAIT)).isTrue();
      for (int i = 0; i < 100 && log.size() < 4; i++) {
        Thread.sleep(20);
      }
    }
    assertThat(log).containsExactly("request 1", "idle 0", "idle 1", "idle 2");
  }

  @Test
  void aSliceThatThrowsEndsTheIdleWorkAndRequestsStillRun() throws Exception {
    Iterator<Runnable> slices = List.<Runnable>of(() -> log.add("idle 0"), () -> {
      log.add("idle 1");
      throw new IllegalStateException("a failing slice, thrown on purpose by this test");
    }, () -> log.add("idle 2")).iterator();
    try (var runner = runner(new CountDownLatch(0))) {
      runner.whenIdle(slices);
      for (int i = 0; i < 100 && log.size() < 2; i++) {
        Thread.sleep(20);
      }
      Thread.sleep(100);
      runner.submit(5);
      assertThat(runner.awaitIdle(WAIT)).isTrue();
    }
    assertThat(log).containsExactly("idle 0", "idle 1", "request 5");
  }

  @Test
  void newIdleWorkReplacesTheOldAndCloseEndsIt() throws Exception {
    var runner = runner(new CountDownLatch(0));
    runner.whenIdle(slices(100, 0));
    assertThat(sliceStarted.await(10, TimeUnit.SECONDS)).isTrue();
    runner.whenIdle(List.<Runnable>of(() -> log.add("replaced")).iterator());
    sliceGate.countDown();
    for (int i = 0; i < 100 && log.size() < 2; i++) {
      Thread.sleep(20);
    }
    runner.close();
    runner.whenIdle(slices(3, -1)); // after close: ignored
    Thread.sleep(100);
    assertThat(log).containsExactly("idle 0", "replaced");
  }

  @Test
  void closeWhileASliceRunsEndsTheRest() throws Exception {
    var runner = runner(new CountDownLatch(0));
    runner.whenIdle(slices(100, 1));
    assertThat(sliceStarted.await(10, TimeUnit.SECONDS)).isTrue();
    runner.close(); // the window closed during its warm-up
    sliceGate.countDown();
    Thread.sleep(100);
    assertThat(log).containsExactly("idle 0", "idle 1");
  }
}
