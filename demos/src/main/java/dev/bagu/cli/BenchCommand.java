package dev.bagu.cli;

import dev.bagu.bench.Benchmark;
import dev.bagu.bench.DemoTiming;
import dev.bagu.demo.Demo;
import dev.bagu.demo.UserException;
import dev.bagu.gallery.Gallery;
import dev.bagu.io.AtomicFiles;
import dev.bagu.io.Json;
import dev.bagu.plot.ExportFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bagu bench [ID...]}: each demo's cold time, warm compute and render medians, the
 * window's repaint and preview medians after a parameter change, and peak heap, then the whole
 * gallery's wall time; printed as a table and written as JSON.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Time every demo (or the IDs given) at its defaults: first run, median of "
        + "warm runs (compute, render), the window's repaint after a slider move (full and "
        + "while dragging), peak heap; then the gallery's wall time.")
final class BenchCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*", description = "Only these demos (default: all).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Warm runs per demo after the first (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "bench.json",
      description = "JSON file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--no-gallery", description = "Skip timing the gallery.")
  boolean noGallery;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (runs < 1 || runs > 100) {
      throw new UserException("--runs " + runs + " is out of range: allowed 1 to 100");
    }
    List<Demo> demos = root.registry.selectOrAll(ids);
    Path parent = out.toAbsolutePath().getParent();
    OutputArgs.folder(parent);
    PrintWriter w = spec.commandLine().getOut();
    List<DemoTiming> timings = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("demo", "first run", "compute", "render", "repaint", "preview", "peak heap",
        "budget"));
    for (DemoTiming t : Benchmark.time(demos, runs)) {
      timings.add(t);
      rows.add(List.of(t.id(), ms(t.coldMillis()), ms(t.computeMillis()), ms(t.renderMillis()),
          ms(t.repaintMillis()), dragCell(t),
          String.format("%.0f MB", t.peakHeapMb()), t.verdict()));
    }
    w.print(Table.format(rows, "  "));
    w.println("repaint: the first slider moved in the window to the new figure painted at the "
        + "window's size; preview: the same while dragging, for the slowest slider (named; "
        + "\"= repaint\": no sliders)");
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cores", Runtime.getRuntime().availableProcessors());
    json.put("java", System.getProperty("java.version"));
    json.put("warmRuns", runs);
    json.put("demos", timings);
    if (!noGallery) {
      json.put("gallery", timeGallery(demos, w));
    }
    AtomicFiles.writeString(out, Json.write(json));
    w.println("wrote " + out);
    return 0;
  }

  /** The slowest drag and its slider: "44 ms heads"; "= repaint" for a demo without sliders. */
  private static String dragCell(DemoTiming t) {
    return t.previewSlider() == null ? "= repaint"
        : ms(t.previewMillis()) + " " + t.previewSlider();
  }

  private static String ms(double millis) {
    return String.format("%.0f ms", millis);
  }

  /** The gallery of these demos, written to a temporary folder (then deleted), timed. */
  private Map<String, Object> timeGallery(List<Demo> demos, PrintWriter w)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("bagu-bench-gallery");
    int threads = Runtime.getRuntime().availableProcessors();
    try {
      var options = new Gallery.Options(dir, Set.of(ExportFormat.PNG, ExportFormat.SVG,
          ExportFormat.GIF), threads, true);
      long start = System.nanoTime();
      Gallery.writePages(Gallery.render(demos, options), options);
      long wall = (System.nanoTime() - start) / 1_000_000;
      w.println("gallery of " + demos.size() + " demos (png, svg, gif, json, index.html): "
          + wall + " ms on " + threads + " threads");
      Map<String, Object> g = new LinkedHashMap<>();
      g.put("demos", demos.size());
      g.put("threads", threads);
      g.put("wallMillis", wall);
      return g;
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }
}
