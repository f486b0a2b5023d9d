package dev.bagu.demo;

import dev.bagu.io.AtomicFiles;
import dev.bagu.io.Json;
import dev.bagu.plot.ExportFormat;
import dev.bagu.plot.FigureExport;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes one demo's result into a folder: {@code ID.png}, {@code ID.svg}, … in the asked
 * formats, then {@code ID.json} naming them. Shared by {@code run} and {@code gallery}, so both
 * write the same files. Every file is written atomically.
 */
public final class DemoFiles {
  private DemoFiles() {}

  /**
   * Figure size, and the GIF's size (frames are many: by default a GIF is drawn at most
   * {@link FigureExport#GIF_MAX_WIDTH} wide), worked out only when a GIF is written: it needs the
   * first frame, which a demo builds on demand (kmeans: a scatter of every point).
   */
  public record Sizes(Dimension figure, Supplier<Dimension> gifSize, int dpi) {
    /** The demo's own size, or the user's when given (then GIFs use it too). */
    public static Sizes of(Result result, Dimension asked, int dpi) {
      if (asked != null) {
        return new Sizes(asked, () -> asked, dpi);
      }
      Dimension own = result.figure().preferredSize();
      // The frames' own shape (nms: 1800 × 800 frames beside a 1800 × 1200 figure).
      return new Sizes(own, () -> FigureExport.gifSize(result.frames().isEmpty() ? own
          : result.frames().get(0).preferredSize()), dpi);
    }

    public Dimension gif() {
      return gifSize.get();
    }
  }

  /**
   * Writes the figure files (GIF only when the result has frames), the Markdown note when MD is
   * asked (with the PNG it links, asked or not) and the JSON report, named after the demo's id.
   *
   * @return the files written, JSON last
   */
  public static List<Path> write(Demo demo, Params p, Result result, Path dir,
      Set<ExportFormat> formats, Sizes sizes, long elapsedMillis) throws IOException {
    return write(demo, p, result, dir, formats, sizes, elapsedMillis, demo.info().id());
  }

  /**
   * The same, with files named {@code stem.png}, {@code stem.json}…: the gallery writes a second
   * language as {@code ID.zh.png}.
   */
  public static List<Path> write(Demo demo, Params p, Result result, Path dir,
      Set<ExportFormat> formats, Sizes sizes, long elapsedMillis, String stem)
      throws IOException {
    String id = stem;
    Dimension sz = sizes.figure();
    Set<ExportFormat> all = new java.util.LinkedHashSet<>(formats);
    if (all.contains(ExportFormat.MD) && !all.contains(ExportFormat.PNG)) {
      all.add(ExportFormat.PNG); // the note links it
    }
    all.remove(ExportFormat.MD);
    if (formats.contains(ExportFormat.MD)) {
      all.add(ExportFormat.MD); // last: after the PNG it links
    }
    if (result.frames().isEmpty()) {
      all.remove(ExportFormat.GIF);
    }
    List<Path> written = new ArrayList<>();
    for (ExportFormat f : all) {
      written.add(dir.resolve(id + "." + f.extension()));
    }
    // The JSON report names the figures, so it can be made while they are drawn: on a second
    // thread, since drawing uses one core (Jackson's first use alone costs ~0.1 s cold).
    List<String> names = written.stream().map(f -> f.getFileName().toString()).toList();
    java.util.concurrent.FutureTask<String> json = new java.util.concurrent.FutureTask<>(
        () -> Json.write(RunReport.of(demo, p, result, names, elapsedMillis)));
    Thread jsonThread = new Thread(json, "bagu-json");
    jsonThread.setDaemon(true);
    jsonThread.start();
    for (ExportFormat f : all) {
      Path file = dir.resolve(id + "." + f.extension());
      switch (f) {
        case PNG -> FigureExport.png(result.figure(), file, sz.width, sz.height, sizes.dpi());
        case SVG -> FigureExport.svg(result.figure(), file, sz.width, sz.height);
        case PDF -> FigureExport.pdf(result.figure(), file, sz.width, sz.height);
        case GIF -> {
          Dimension gif = sizes.gif();
          FigureExport.gif(result.frames(), file, gif.width, gif.height,
              result.frameDelayMillis());
        }
        case MD -> AtomicFiles.writeString(file, DemoNote.markdown(demo, p, result,
            id + ".png"));
        default -> throw new IllegalStateException(f.name());
      }
    }
    Path jsonFile = dir.resolve(id + ".json");
    AtomicFiles.writeString(jsonFile, joined(json));
    written.add(jsonFile);
    return written;
  }

  /** The JSON made on the other thread; its failure rethrown here as it was. */
  private static String joined(java.util.concurrent.FutureTask<String> json) throws IOException {
    try {
      return json.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the JSON report", e);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IOException(e.getCause());
    }
  }
}
