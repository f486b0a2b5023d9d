package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.plot.Figure;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Every allowed parameter setting finishes in a few seconds: for each demo, each parameter at its
 * minimum and at its maximum (each option of a choice, the other value of a switch), the others
 * at their defaults, computed and drawn at the figure's preferred size. A student who drags a
 * slider to its end must not wait a minute or see a stack trace.
 *
 * <p>The settings run in parallel, one per core; each is timed from its own start. Run for a few
 * demos only with {@code -Dbagu.only=rope,alibi}. The slowest settings are printed, so a run of
 * this test is also the list of what to make faster.
 */
class ParamExtremesTest {
  /** What one setting may take, compute and drawing, on an otherwise idle machine. */
  static final long BUDGET_MILLIS = 5_000;

  /**
   * The budget on this machine now: wall times stretch with the other processes' load (seven
   * people share two cores here), so the budget is scaled by the load per core when that is above
   * one. A setting that takes a minute idle still fails; one that is slow only because the machine
   * is busy does not.
   */
  static long budgetMillis() {
    double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        .getSystemLoadAverage();
    int cores = Runtime.getRuntime().availableProcessors();
    double factor = load > cores ? load / cores : 1;
    return Math.round(BUDGET_MILLIS * factor);
  }

  /**
   * Settings known to take longer than the budget, as "id:name=value", skipped until their
   * owners fix them. Each names its issue; remove the line with the fix.
   */
  static final Set<String> KNOWN_SLOW = Set.of();

  /** One run: a demo with one parameter changed from its default. */
  record Setting(Demo demo, String name, Object value) {
    String key() {
      return demo.info().id() + ":" + name + "=" + value;
    }

    Params params() {
      Params p = Params.defaults(demo.params());
      return name.isEmpty() ? p : p.with(name, value);
    }
  }

  /** The defaults, then every parameter's extremes, demo by demo. */
  static List<Setting> settings() {
    List<Setting> out = new ArrayList<>();
    for (Demo d : (Iterable<Demo>) BothLanguagesTest.demos()::iterator) {
      for (Param<?> p : d.params()) {
        List<Object> values = new ArrayList<>();
        if (p instanceof Param.IntParam ip) {
          values.add(ip.min());
          values.add(ip.max());
        } else if (p instanceof Param.RealParam rp) {
          values.add(rp.min());
          values.add(rp.max());
        } else if (p instanceof Param.ChoiceParam cp) {
          values.addAll(cp.options());
        } else if (p instanceof Param.BoolParam bp) {
          values.add(!bp.defaultValue());
        }
        for (Object v : values) {
          if (!v.equals(p.defaultValue())) {
            out.add(new Setting(d, p.name(), v));
          }
        }
      }
    }
    return out;
  }

  /**
   * Computes and draws one setting; returns its wall time and this thread's CPU time in
   * milliseconds (the CPU time leaves out other processes' load, and a demo's own worker threads).
   */
  static long[] runOnce(Setting s) {
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    Result r = s.demo().run(s.params());
    Figure f = r.figure();
    var size = f.preferredSize();
    BufferedImage img = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      f.paint(g, size.width, size.height);
    } finally {
      g.dispose();
    }
    return new long[] {(System.nanoTime() - start) / 1_000_000,
        (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000};
  }

  @Test
  void everyParameterExtremeFinishesWithinTheBudget() throws InterruptedException {
    List<Setting> all = settings().stream().filter(s -> !KNOWN_SLOW.contains(s.key())).toList();
    long budget = budgetMillis();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "extremes");
      t.setDaemon(true); // a runaway setting must not keep the test JVM alive
      return t;
    });
    Map<String, Long> started = new ConcurrentHashMap<>();
    Map<String, Long> millis = new ConcurrentHashMap<>();
    Map<String, Long> cpuMillis = new ConcurrentHashMap<>();
    Map<String, String> failures = new ConcurrentHashMap<>();
    Map<String, String> refused = new ConcurrentHashMap<>();
    List<Future<?>> futures = new ArrayList<>();
    for (Setting s : all) {
      futures.add(pool.submit(() -> {
        started.put(s.key(), System.nanoTime());
        try {
          long[] t = runOnce(s);
          millis.put(s.key(), t[0]);
          cpuMillis.put(s.key(), t[1]);
        } catch (dev.bagu.demo.UserException e) {
          // A combination the demo refuses with a message (kvheads must divide heads): quick and
          // clear, not a crash; listed so the ranges can be reconsidered.
          refused.put(s.key(), e.getMessage());
        } catch (RuntimeException | Error e) {
          failures.put(s.key(), "crashed: " + e);
        }
      }));
    }
    pool.shutdown();
    // Poll: a setting past its budget is reported and abandoned, so one runaway run cannot make
    // the test wait for it (its daemon thread is left to finish or die with the JVM).
    while (!pool.awaitTermination(100, TimeUnit.MILLISECONDS)) {
      long now = System.nanoTime();
      boolean allFinishedOrLate = true;
      for (int i = 0; i < all.size(); i++) {
        String key = all.get(i).key();
        Long t0 = started.get(key);
        boolean done = futures.get(i).isDone();
        if (!done && t0 != null && (now - t0) / 1_000_000 > 3 * budget) {
          failures.putIfAbsent(key, "still running after " + 3 * budget + " ms");
          futures.get(i).cancel(true);
        } else if (!done) {
          allFinishedOrLate = false;
        }
      }
      if (allFinishedOrLate) {
        break;
      }
    }
    millis.forEach((key, ms) -> {
      if (ms > budget) {
        failures.put(key, ms + " ms");
      }
    });
    StringBuilder table = new StringBuilder(String.format("parameter extremes, slowest first: wall"
        + " ms, CPU ms of the calling thread (budget %d ms at load %.1f)%n", budget,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean()
            .getSystemLoadAverage()));
    millis.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> table.append(String.format("  %6d  %6d  %s%n", e.getValue(),
            cpuMillis.get(e.getKey()), e.getKey())));
    refused.forEach((k, v) -> table.append("  refused ").append(k).append(": ").append(v)
        .append('\n'));
    System.out.print(table);
    try {
      java.nio.file.Files.writeString(java.nio.file.Path.of("target", "param-extremes.txt"),
          table);
    } catch (java.io.IOException e) {
      // the table is also on standard output
    }
    List<String> report = failures.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
        .map(e -> e.getKey() + ": " + e.getValue()).toList();
    assertThat(report).as("settings over " + budget + " ms or crashing").isEmpty();
  }
}
