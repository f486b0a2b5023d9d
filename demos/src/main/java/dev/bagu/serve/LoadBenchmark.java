package dev.bagu.serve;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Registry;
import dev.bagu.demos.Catalogue;
import dev.bagu.i18n.Lang;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A study group against {@code bagu serve}, on this machine only (127.0.0.1): N simulated
 * students, each on their own demo (student i on the i-th demo of the catalogue, round the list),
 * dragging one slider at a time by small random steps, as the page asks: while the thumb is held,
 * {@link #HELD_MOVES} positions as previews ({@code preview=1}), then the release, the full view
 * at the last position; for each, send the view, wait for it, fetch the new figure, pause 250 ms.
 * A 503 is honoured as the page does (wait Retry-After, send again). Server and students share
 * this JVM and its cores, so the numbers are on the cautious side. Prints requests served,
 * p50/p95 latency of previews and of releases, 503s, other errors and the peak heap.
 *
 * <pre>
 * ./mvnw -q -B -DskipTests package
 * java -cp demos/target/bagu.jar dev.bagu.serve.LoadBenchmark [STUDENTS] [SECONDS] [ID,ID…]
 * </pre>
 */
public final class LoadBenchmark {
  private static final Pattern FIGURE = Pattern.compile("\"figure\" : \"([^\"]+)\"");
  private static final long THINK_MILLIS = 250;
  /** Positions a drag passes while held, each a preview request, before its release. */
  static final int HELD_MOVES = 2;

  private final List<Long> previewNanos = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> releaseNanos = Collections.synchronizedList(new ArrayList<>());
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicLong peakHeap = new AtomicLong();
  private final AtomicInteger failures = new AtomicInteger();
  private double cpuSeconds;
  private final List<String> rejections = Collections.synchronizedList(new ArrayList<>());

  private LoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int students = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Registry all = Catalogue.registry();
    List<Demo> demos = args.length > 2 ? all.selectOrAll(Arrays.asList(args[2].split(",")))
        : all.all();
    new LoadBenchmark().run(all, demos, students, seconds);
  }

  private void run(Registry registry, List<Demo> demos, int students, int seconds)
      throws Exception {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8),
        true);
    StringBuilderWriter log = new StringBuilderWriter();
    ServeConfig config = ServeConfig.defaults().withPort(0).withLang(Lang.EN);
    try (ServeServer server = ServeServer.start(registry, config, log.writer())) {
      URI base = server.url();
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1).build();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      Thread heap = new Thread(() -> sampleHeap(end), "heap-sampler");
      heap.setDaemon(true);
      heap.start();
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < students; i++) {
        Demo demo = demos.get(i % demos.size());
        long seed = i;
        Thread t = new Thread(() -> student(client, base, demo, seed, end), "student-" + i);
        threads.add(t);
        t.start();
      }
      long cpuStart = processCpuNanos();
      for (Thread t : threads) {
        t.join();
      }
      cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      report(out, server, config, students, seconds, demos.size());
      out.print(log);
    }
  }

  /**
   * One student: drag a slider (previews), release it (the full view), each time waiting for the
   * new view and figure and pausing; again.
   */
  private void student(HttpClient client, URI base, Demo demo, long seed, long end) {
    Random random = new Random(seed);
    StudentSlider slider = new StudentSlider(demo, random);
    String token = "student-" + seed;
    String query = "";
    int step = 0;
    boolean again = false; // after a 503: the same request once more
    while (System.nanoTime() < end) {
      boolean held = step % (HELD_MOVES + 1) < HELD_MOVES;
      if (held && !again) {
        query = slider.move(); // the release asks for the last position again, in full
      }
      again = false;
      long start = System.nanoTime();
      try {
        HttpResponse<String> view = client.send(HttpRequest.newBuilder(base.resolve(
            "/api/run/" + demo.info().id() + "?" + query + (held ? "&preview=1" : "")))
            .header(Routes.CLIENT_HEADER, token)
            .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
        count(view.statusCode());
        if (view.statusCode() != 200 && view.statusCode() != 503 && rejections.size() < 5) {
          rejections.add(view.statusCode() + " " + demo.info().id() + "?" + query + ": "
              + view.body().strip());
        }
        if (view.statusCode() == 503) {
          long wait = view.headers().firstValueAsLong("Retry-After").orElse(1);
          Thread.sleep(wait * 1000);
          again = true;
          continue;
        }
        if (view.statusCode() == 200) {
          Matcher m = FIGURE.matcher(view.body());
          if (m.find()) {
            HttpResponse<byte[]> png = client.send(HttpRequest.newBuilder(base.resolve(
                m.group(1))).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
            count(png.statusCode());
          }
          (held ? previewNanos : releaseNanos).add(System.nanoTime() - start);
          step++;
        }
        Thread.sleep(THINK_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        failures.incrementAndGet();
      }
    }
  }

  private static long processCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime()
        : 0;
  }

  private void count(int status) {
    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
  }

  private void sampleHeap(long end) {
    var memory = ManagementFactory.getMemoryMXBean();
    while (System.nanoTime() < end + 2_000_000_000L) {
      peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void report(PrintWriter out, ServeServer server, ServeConfig config, int students,
      int seconds, int demoCount) {
    List<Long> previews = sorted(previewNanos);
    List<Long> releases = sorted(releaseNanos);
    int served = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
    int ok = statuses.getOrDefault(200, new AtomicInteger()).get();
    int busy = statuses.getOrDefault(503, new AtomicInteger()).get();
    int otherFiveHundreds = statuses.entrySet().stream().filter(e -> e.getKey() >= 500
        && e.getKey() != 503).mapToInt(e -> e.getValue().get()).sum();
    out.printf("bagu serve load benchmark: %d students × %d s on %d cores (%d compute threads, "
            + "queue %d), %d demos, 127.0.0.1%n", students, seconds,
        Runtime.getRuntime().availableProcessors(), config.threads(), config.queue(), demoCount);
    out.printf("requests served: %d (%.1f/s) · by status %s · client failures %d%n", served,
        served / (double) seconds, new java.util.TreeMap<>(statuses), failures.get());
    out.printf("drag positions answered with a preview (view + figure): %d · latency p50 %d ms, "
            + "p95 %d ms, max %d ms%n", previews.size(), millis(previews, 0.50),
        millis(previews, 0.95), millis(previews, 1.0));
    out.printf("releases answered with the full view (view + figure): %d · latency p50 %d ms, "
            + "p95 %d ms, max %d ms%n", releases.size(), millis(releases, 0.50),
        millis(releases, 0.95), millis(releases, 1.0));
    out.printf("503 (queue full, Retry-After honoured): %d · other 5xx: %d · internal errors "
            + "logged: %d · waiting requests superseded: %d · cache hits: %d%n", busy,
        otherFiveHundreds, server.internalErrors(), server.superseded(), server.cacheHits());
    out.printf("demo runs: %d, mean %.0f ms each · figures and pages made: %d, mean %.0f ms "
            + "each · CPU this JVM got: %.0f s of the %d s that %d cores offer%n",
        server.demoRuns(), server.meanRunMillis(), server.artifactsMade(),
        server.meanArtifactMillis(), cpuSeconds, seconds * Runtime.getRuntime()
            .availableProcessors(), Runtime.getRuntime().availableProcessors());
    out.printf("peak heap used: %d MB (max heap %d MB)%n", peakHeap.get() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    rejections.forEach(r -> out.println("  answered " + r));
    if (ok == 0) {
      out.println("no request succeeded");
    }
  }

  private static List<Long> sorted(List<Long> nanos) {
    List<Long> copy = new ArrayList<>(nanos);
    Collections.sort(copy);
    return copy;
  }

  private static long millis(List<Long> sorted, double q) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1));
    return sorted.get(i) / 1_000_000;
  }

  /** The server's log, kept to print after the report. */
  private static final class StringBuilderWriter {
    private final java.io.StringWriter text = new java.io.StringWriter();

    PrintWriter writer() {
      return new PrintWriter(text);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
