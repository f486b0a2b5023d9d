package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import java.util.stream.Collectors;
import dev.bagu.gallery.Gallery;
import dev.bagu.gallery.GalleryEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bagu gallery}: every demo (or the ids given) rendered at its defaults into one folder,
 * with {@code index.html}. Exit code 1 when a demo failed; the page shows which.
 */
@Command(name = "gallery", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Render every demo (or the IDs given) with its findings into DIR, and write "
        + "DIR/index.html: a page to browse, cite and share, that works offline.")
final class GalleryCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Only these demos (default: all, in catalogue order).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "gallery",
      description = "Folder to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", split = ",", description = "Figure formats: "
      + "png, svg, pdf, gif, md (default: png,svg,gif; GIF for demos with animation frames; md "
      + "writes each demo's Markdown note).")
  List<String> formats = new ArrayList<>(List.of("png", "svg", "gif"));

  @Option(names = "--threads", paramLabel = "N", description = "Demos rendered at once "
      + "(default: the number of cores).")
  Integer threads;

  @Option(names = "--lang", paramLabel = "LANG", split = ",", description = "Languages, "
      + "comma-separated: en, zh (default: $BAGU_LANG, else en). With two, the second gets "
      + "index.zh.html and ID.zh.png beside the first's index.html and ID.png.")
  List<String> langs = new ArrayList<>();

  @Option(names = "--no-times", description = "Leave times measured on this machine out of the "
      + "figures and the page, so every figure and index.html are the same bytes on every run.")
  boolean noTimes;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Demo> demos = root.registry.selectOrAll(ids);
    int cores = Runtime.getRuntime().availableProcessors();
    int n = threads == null ? cores : threads;
    if (n < 1 || n > 256) {
      throw new UserException("--threads " + n + " is out of range: allowed 1 to 256");
    }
    List<Lang> chosen = new ArrayList<>();
    for (String code : langs.isEmpty() ? List.of(Lang.fromEnvironment().code()) : langs) {
      Lang l;
      try {
        l = Lang.parse(code);
      } catch (IllegalArgumentException e) {
        throw new UserException("--lang: " + e.getMessage());
      }
      LangOption.requireFontFor(l);
      if (!chosen.contains(l)) {
        chosen.add(l);
      }
    }
    var options = new Gallery.Options(OutputArgs.folder(out), OutputArgs.formats(formats), n,
        !noTimes, chosen);
    PrintWriter w = spec.commandLine().getOut();
    long start = System.nanoTime();
    List<GalleryEntry> entries = Gallery.render(demos, options);
    List<Path> pages = Gallery.writePages(entries, options);
    long wall = (System.nanoTime() - start) / 1_000_000;
    int failed = 0;
    for (GalleryEntry e : entries) {
      if (e.failed()) {
        failed++;
        spec.commandLine().getErr().println("failed: " + e.id() + ": " + e.failure().get());
      } else {
        w.printf("%-24s %s computed in %5d ms, files in %5d ms: %s%n", e.id(), e.lang().code(),
            e.computeMillis(), e.renderMillis(), String.join(" ", e.files()));
      }
    }
    w.println("wrote " + pages.stream().map(Path::toString).collect(Collectors.joining(", "))
        + " (" + demos.size() + " demos" + (chosen.size() > 1 ? " × " + chosen.size()
        + " languages" : "") + " in " + wall + " ms on " + n + " threads)");
    if (failed > 0) {
      spec.commandLine().getErr().println(failed + " of " + entries.size() + " demos failed; "
          + "the page marks them");
      return 1;
    }
    return 0;
  }
}
