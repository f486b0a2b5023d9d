package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoFiles;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.ExportFormat;
import dev.bagu.window.DemoWindow;
import dev.bagu.window.Displays;
import java.awt.Dimension;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bagu run ID}: computes a demo, prints its findings, and either opens the window (a
 * display and no {@code --out}) or writes the figure and {@code ID.json}. Every argument is
 * checked before anything is computed or written, so a mistake leaves no half-written output.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run one demo: print its findings, then open its window, or (with --out, or "
        + "without a display) write its figure and ID.json.")
final class RunCommand implements Callable<Integer> {
  private static final Pattern SIZE = Pattern.compile("(\\d{1,6})[x×X](\\d{1,6})");
  static final int MIN_SIDE = 200;
  static final int MAX_SIDE = 10_000;

  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Demo id, as 'bagu list' shows it.")
  String id;

  @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
      description = "Set a parameter ('bagu describe ID' lists them); repeatable.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--seed", paramLabel = "N", description = "Seed of every random draw "
      + "(default: ${DEFAULT-VALUE}).", defaultValue = "" + Params.DEFAULT_SEED)
  long seed;

  @Option(names = "--input", paramLabel = "FILE",
      description = "Your own data (boxes or points CSV) for demos that take it.")
  Path input;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write files to DIR instead of opening a window (default without a "
          + "display: figures).")
  Path out;

  @Option(names = "--format", paramLabel = "FMT", split = ",",
      description = "Figure formats, comma-separated: png, svg, pdf, gif, and md for a "
          + "Markdown note that links the PNG (default: png). ID.json is always written.")
  List<String> formats = new ArrayList<>(List.of("png"));

  @Option(names = "--dpi", paramLabel = "N", defaultValue = "96", description = "PNG "
      + "resolution; the layout stays the same, 300 gives a print version (default: 96).")
  int dpi;

  @Option(names = "--size", paramLabel = "WxH", description = "Figure size in logical pixels "
      + "(default: the demo's own, usually 1600x1000).")
  String size;

  @Option(names = "--no-times", description = "Leave times measured on this machine out of "
      + "the figures (demos that time themselves), so they are the same bytes on every run.")
  boolean noTimes;

  @Mixin LangOption langOption;

  @Option(names = "--window", negatable = true, description = "Force the window on, or off "
      + "with --no-window (default: on when there is a display and no --out).")
  Boolean window;

  @Override
  public Integer call() throws IOException {
    Demo demo = root.registry.require(id);
    Lang lang = langOption.lang();
    Params p = Params.parse(id, demo.params(), params).withSeed(seed).withLang(lang);
    if (input != null) {
      p = p.withInput(checkInput(demo));
    }
    if (noTimes) {
      p = p.withoutTimes();
    }
    Set<ExportFormat> fileFormats = OutputArgs.formats(formats);
    if (dpi < 36 || dpi > 1200) {
      throw new UserException("--dpi " + dpi + " is out of range: allowed 36 to 1200");
    }
    boolean display = Displays.displayAvailable();
    boolean showWindow = window != null ? window : out == null && display;
    if (showWindow && !display) {
      throw new UserException("--window needs a display, and there is none here; use --out DIR "
          + "to write files instead");
    }
    Path dir = showWindow ? null : OutputArgs.folder(out == null ? Path.of("figures") : out);

    long start = System.nanoTime();
    Result result = demo.run(p);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    if (fileFormats.contains(ExportFormat.GIF) && result.frames().isEmpty() && !showWindow) {
      throw new UserException("--format gif: " + id + " draws no animation frames; choose from "
          + "png, svg, pdf, md");
    }
    Dimension sz = parseSize();

    PrintWriter w = spec.commandLine().getOut();
    w.println(id + " · " + demo.info().title(lang) + " · " + demo.info().seedTopic());
    w.println(p.summary() + (input == null ? "" : " · input " + input.getFileName())
        + " · computed in " + elapsedMillis + " ms");
    w.println();
    w.print(FindingsTable.format(result.findings(), false, lang));
    w.println();
    if (showWindow) {
      DemoWindow.open(demo, p);
      return 0;
    }
    DemoFiles.Sizes sizes = DemoFiles.Sizes.of(result, sz, dpi);
    for (Path file : DemoFiles.write(demo, p, result, dir, fileFormats, sizes, elapsedMillis)) {
      w.println("wrote " + file);
    }
    return 0;
  }

  private Path checkInput(Demo demo) {
    if (!demo.acceptsInput()) {
      throw new UserException(id + " takes no --input file (the clustering demos and nms do)");
    }
    if (!Files.isRegularFile(input)) {
      throw new UserException("--input " + input + ": no such file");
    }
    if (!Files.isReadable(input)) {
      throw new UserException("--input " + input + ": the file cannot be read");
    }
    return input;
  }

  /** The size the user asked for, or null for the demo's own. */
  private Dimension parseSize() {
    if (size == null) {
      return null;
    }
    Matcher m = SIZE.matcher(size.strip());
    if (!m.matches()) {
      throw new UserException("--size " + size + " is not WIDTHxHEIGHT: allowed e.g. 1600x1000");
    }
    int width = Integer.parseInt(m.group(1));
    int height = Integer.parseInt(m.group(2));
    if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
      throw new UserException("--size " + size + " is out of range: allowed widths and heights "
          + MIN_SIDE + " to " + MAX_SIDE);
    }
    return new Dimension(width, height);
  }
}
