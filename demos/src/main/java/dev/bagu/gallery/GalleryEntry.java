package dev.bagu.gallery;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.i18n.Lang;
import dev.bagu.demo.Result;
import java.util.List;
import java.util.Optional;

/**
 * One demo's outcome in a gallery: its result and the files written, with how long it took to
 * compute and to draw, or why it failed.
 *
 * @param files names of the files written into the gallery folder (figures, then the JSON)
 * @param failure the error, for a demo that threw; then result and files are empty
 */
public record GalleryEntry(Demo demo, Params params, Optional<Result> result, List<String> files,
    long computeMillis, long renderMillis, Optional<String> failure) {
  /** The language of this entry's figure and texts. */
  public Lang lang() {
    return params.lang();
  }

  public GalleryEntry {
    files = List.copyOf(files);
  }

  static GalleryEntry failed(Demo demo, Params params, Throwable error) {
    String message = error.getMessage() == null ? "" : ": " + error.getMessage();
    return new GalleryEntry(demo, params, Optional.empty(), List.of(), 0, 0,
        Optional.of(error.getClass().getSimpleName() + message));
  }

  public String id() {
    return demo.info().id();
  }

  public boolean failed() {
    return failure.isPresent();
  }

  /** The file with this extension ("png"), if one was written. */
  public Optional<String> file(String extension) {
    return files.stream().filter(f -> f.endsWith("." + extension)).findFirst();
  }
}
