package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.UserException;
import dev.bagu.handout.Handout;
import dev.bagu.i18n.Lang;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bagu handout [ID...] --out FILE.pdf [--lang zh]}: one printable booklet. */
@Command(name = "handout", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Write a printable PDF booklet for a study group: a cover with the contents, "
        + "then each demo (or the IDs given) with its figure, findings, interview answer and "
        + "explanation.")
final class HandoutCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", arity = "0..*",
      description = "Only these demos (default: all, in catalogue order).")
  List<String> ids = new ArrayList<>();

  @Option(names = "--out", paramLabel = "FILE.pdf", required = true,
      description = "The PDF to write.")
  Path out;

  @Mixin LangOption langOption;

  @Override
  public Integer call() throws IOException, InterruptedException {
    // Catalogue order whatever order the ids came in: the contents go section by section.
    List<Demo> chosen = root.registry.selectOrAll(ids);
    List<Demo> demos = root.registry.all().stream().filter(chosen::contains).toList();
    Lang lang = langOption.lang();
    if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
      throw new UserException("--out " + out + ": the handout is a PDF; name it FILE.pdf");
    }
    Path dir = out.toAbsolutePath().getParent();
    OutputArgs.folder(dir);
    long start = System.nanoTime();
    int pages = Handout.write(demos, lang, out, Runtime.getRuntime().availableProcessors());
    long ms = (System.nanoTime() - start) / 1_000_000;
    spec.commandLine().getOut().println("wrote " + out + " (" + demos.size() + " demos, " + pages
        + " pages, in " + ms + " ms)");
    return 0;
  }
}
