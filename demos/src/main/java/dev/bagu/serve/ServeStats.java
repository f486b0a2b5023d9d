package dev.bagu.serve;

import java.util.concurrent.atomic.LongAdder;

/** What the server spent its compute threads on: demo runs, and figures and pages made. */
final class ServeStats {
  private final LongAdder runs = new LongAdder();
  private final LongAdder runNanos = new LongAdder();
  private final LongAdder artifacts = new LongAdder();
  private final LongAdder artifactNanos = new LongAdder();
  private final LongAdder hits = new LongAdder();

  /** A request answered from the cache, without computing. */
  void hit() {
    hits.increment();
  }

  long hits() {
    return hits.sum();
  }

  void run(long nanos) {
    runs.increment();
    runNanos.add(nanos);
  }

  void artifact(long nanos) {
    artifacts.increment();
    artifactNanos.add(nanos);
  }

  long runs() {
    return runs.sum();
  }

  /** Mean wall time of a demo run, ms (0 before any). */
  double meanRunMillis() {
    long n = runs.sum();
    return n == 0 ? 0 : runNanos.sum() / 1e6 / n;
  }

  long artifacts() {
    return artifacts.sum();
  }

  /** Mean wall time to make one figure, page or download from a run, ms. */
  double meanArtifactMillis() {
    long n = artifacts.sum();
    return n == 0 ? 0 : artifactNanos.sum() / 1e6 / n;
  }
}
