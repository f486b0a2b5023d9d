package dev.bagu.serve;

import dev.bagu.gallery.GalleryFragments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The only files the server sends that it did not compute: a fixed map from name to class-path
 * resource, read once at start. A request names a key of this map, never a path, so nothing
 * outside it can be reached ({@code /static/../x} is simply not a key).
 */
final class StaticAssets {
  record Asset(String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets;

  StaticAssets() {
    assets = Map.of(
        "gallery.css", load(GalleryFragments.CSS_RESOURCE, "text/css; charset=utf-8"),
        "serve.css", load("/dev/bagu/serve/serve.css", "text/css; charset=utf-8"),
        "serve.js", load("/dev/bagu/serve/serve.js", "text/javascript; charset=utf-8"));
  }

  /** The asset with exactly this name, or null. */
  Asset get(String name) {
    return assets.get(name);
  }

  private static Asset load(String resource, String type) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource + " in the jar");
      }
      return new Asset(type, in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
