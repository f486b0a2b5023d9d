package dev.bagu.gallery;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoFiles;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;
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
   * @param langs the languages: one page each; the first keeps the plain names ({@code
   *     index.html}, {@code ID.png}), the others add their code ({@code index.zh.html},
   *     {@code ID.zh.png})
   */
  public record Options(Path out, Set<ExportFormat> formats, int threads, boolean showTimes,
      List<Lang> langs) {
    public Options {
      langs = List.copyOf(langs);
      if (langs.isEmpty()) {
        throw new IllegalArgumentException("at least one language");
      }
    }

    /** One language, English. */
    public Options(Path out, Set<ExportFormat> formats, int threads, boolean showTimes) {
      this(out, formats, threads, showTimes, List.of(Lang.EN));
    }

    /** "" for the first language, ".zh" for another: what file names add. */
    public String suffix(Lang lang) {
      return lang == langs.get(0) ? "" : "." + lang.code();
    }
  }

  private Gallery() {}

  /**
   * Renders every demo in every language; the entries come back language by language, each in
   * the order of {@code demos}.
   */
  public static List<GalleryEntry> render(List<Demo> demos, Options options)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.threads()));
    try {
      List<Future<GalleryEntry>> futures = new ArrayList<>();
      for (Lang lang : options.langs()) {
        for (Demo demo : demos) {
          futures.add(pool.submit(() -> renderOne(demo, lang, options)));
        }
      }
      List<GalleryEntry> entries = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        Demo demo = demos.get(i % demos.size());
        try {
          entries.add(futures.get(i).get());
        } catch (ExecutionException e) {
          entries.add(GalleryEntry.failed(demo, Params.defaults(demo.params())
              .withLang(options.langs().get(i / demos.size())), e.getCause()));
        }
      }
      return entries;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Computes and writes one demo; any error (even an Error) becomes a failed entry. */
  static GalleryEntry renderOne(Demo demo, Lang lang, Options options) {
    Params p = Params.defaults(demo.params()).withLang(lang);
    if (!options.showTimes()) {
      p = p.withoutTimes();
    }
    try {
      long start = System.nanoTime();
      Result result = demo.run(p);
      long computed = System.nanoTime();
      long computeMillis = (computed - start) / 1_000_000;
      List<Path> written = DemoFiles.write(demo, p, result, options.out(), options.formats(),
          DemoFiles.Sizes.of(result, null, 96), computeMillis,
          demo.info().id() + options.suffix(lang));
      long renderMillis = (System.nanoTime() - computed) / 1_000_000;
      List<String> names = written.stream().map(f -> f.getFileName().toString()).toList();
      return new GalleryEntry(demo, p, Optional.of(result), names, computeMillis, renderMillis,
          Optional.empty());
    } catch (Throwable e) { // a failing demo is shown on the page; the others go on
      return GalleryEntry.failed(demo, p, e);
    }
  }

  /**
   * Writes one page per language ({@code index.html}, {@code index.zh.html}), each linking the
   * others, atomically; returns their paths.
   */
  public static List<Path> writePages(List<GalleryEntry> entries, Options options)
      throws IOException {
    List<Path> pages = new ArrayList<>();
    for (Lang lang : options.langs()) {
      Path index = options.out().resolve(pageName(lang, options));
      List<GalleryEntry> in = entries.stream().filter(e -> e.lang() == lang).toList();
      java.util.Map<Lang, String> others = new java.util.LinkedHashMap<>();
      for (Lang other : options.langs()) {
        if (other != lang) {
          others.put(other, pageName(other, options));
        }
      }
      AtomicFiles.writeString(index, GalleryPage.html(in, options.showTimes(), lang, others));
      pages.add(index);
    }
    return pages;
  }

  /** "index.html" for the first language, "index.zh.html" for another. */
  static String pageName(Lang lang, Options options) {
    return "index" + options.suffix(lang) + ".html";
  }
}
