package dev.bagu.gallery;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoFiles;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.io.AtomicFiles;
import dev.bagu.plot.ExportFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Renders demos at their defaults (seed 0) into one folder, several at a time, then writes
 * {@code index.html}. A demo that throws is recorded as failed and the others go on; the page
 * is the same bytes for the same demos, whatever order the threads finish in.
 */
public final class Gallery {
  /**
   * How to render.
   *
   * @param formats figure formats per demo (GIF only for demos with frames; JSON always)
   * @param threads demos rendered at once
   * @param showTimes false leaves measured times out of figures and page (same bytes each run)
   */
  public record Options(Path out, Set<ExportFormat> formats, int threads, boolean showTimes) {}

  private Gallery() {}

  /** Renders every demo; the entries come back in the order of {@code demos}. */
  public static List<GalleryEntry> render(List<Demo> demos, Options options)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<GalleryEntry>> futures = new ArrayList<>();
      for (Demo demo : demos) {
        futures.add(pool.submit(() -> renderOne(demo, options)));
      }
      List<GalleryEntry> entries = new ArrayList<>();
      for (int i = 0; i < demos.size(); i++) {
        try {
          entries.add(futures.get(i).get());
        } catch (ExecutionException e) {
          entries.add(GalleryEntry.failed(demos.get(i), Params.defaults(demos.get(i).params()),
              e.getCause()));
        }
      }
      return entries;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Computes and writes one demo; any error (even an Error) becomes a failed entry. */
  static GalleryEntry renderOne(Demo demo, Options options) {
    Params p = Params.defaults(demo.params());
    if (!options.showTimes()) {
      p = p.withoutTimes();
    }
    try {
      long start = System.nanoTime();
      Result result = demo.run(p);
      long computed = System.nanoTime();
      long computeMillis = (computed - start) / 1_000_000;
      List<Path> written = DemoFiles.write(demo, p, result, options.out(), options.formats(),
          DemoFiles.Sizes.of(result, null, 96), computeMillis);
      long renderMillis = (System.nanoTime() - computed) / 1_000_000;
      List<String> names = written.stream().map(f -> f.getFileName().toString()).toList();
      return new GalleryEntry(demo, p, Optional.of(result), names, computeMillis, renderMillis,
          Optional.empty());
    } catch (Throwable e) { // a failing demo is shown on the page; the others go on
      return GalleryEntry.failed(demo, p, e);
    }
  }

  /** Writes {@code index.html} for the entries (atomically) and returns its path. */
  public static Path writePage(List<GalleryEntry> entries, Options options) throws IOException {
    Path index = options.out().resolve("index.html");
    AtomicFiles.writeString(index, GalleryPage.html(entries, options.showTimes()));
    return index;
  }
}
