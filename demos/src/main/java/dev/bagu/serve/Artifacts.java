package dev.bagu.serve;

import dev.bagu.demo.DemoFiles;
import dev.bagu.demo.DemoNote;
import dev.bagu.demo.Result;
import dev.bagu.demo.RunReport;
import dev.bagu.io.Json;
import dev.bagu.plot.FigureExport;
import java.awt.Dimension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Makes one artifact of a run with the same code {@code bagu run} writes files with: the figure
 * through {@link FigureExport}, the JSON through {@link RunReport} and {@link Json}, the note
 * through {@link DemoNote}. Nothing touches the disk.
 */
final class Artifacts {
  private Artifacts() {}

  static byte[] make(Artifact a, Rendered r, Result result, long computeMillis, Site site) {
    ViewRequest v = r.view();
    Dimension size = figureSize(result);
    String id = v.id();
    try {
      return switch (a) {
        case SVG -> utf8(FigureExport.svgDocument(result.figure(), size.width, size.height));
        case PNG -> FigureExport.pngBytes(result.figure(), size.width, size.height,
            FigureExport.BASE_DPI);
        case JSON -> utf8(Json.write(RunReport.of(v.demo(), v.params(), result,
            List.of(id + ".png", id + ".svg"), computeMillis)));
        case MD -> utf8(DemoNote.markdown(v.demo(), v.params(), result, id + ".png"));
        case PAGE -> utf8(DemoPage.html(ViewParts.of(v, result, display(r), site), site));
        case VIEW -> utf8(Json.write(ViewParts.of(v, result, display(r), site).json()));
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo's own figure size, as {@code bagu run} draws it without {@code --size}. */
  static Dimension figureSize(Result result) {
    return DemoFiles.Sizes.of(result, null, FigureExport.BASE_DPI).figure();
  }

  /**
   * The figure the page shows: the PNG, made now so the page's request for it is a cache hit.
   * Not the SVG: with its text drawn as outlines it is about 1 MB for a typical figure (937 KB
   * for softmax-scaling, against a 160 KB PNG), costs as much to draw, and a room of phones on
   * one Wi-Fi would wait for it. The SVG stays one click away in the download row.
   */
  private static Artifact display(Rendered r) {
    r.make(Artifact.PNG);
    return Artifact.PNG;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
