package dev.bagu.serve;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One view of one demo, as an address names it: {@code /demo/softmax-scaling?dk=256&seed=3}.
 * The parameters go through the same {@link Params#parse} as {@code bagu run -p}, so a bad value
 * is a 400 with the same one-line message. Besides the demo's own parameters the address may carry
 * {@code seed}, {@code lang}, {@code input} (the hash of an uploaded file) and {@code preview=1},
 * which the page's script adds while a slider is dragged: the demo's quicker preview, as the
 * window shows then (a demo without one runs fully, and the view is the full one).
 *
 * @param params checked, with seed, language, the upload, and without measured times (so the
 *     same address draws the same bytes)
 * @param inputHash the upload's hash, or null
 * @param serverLang the language the server was started in: addresses leave it out
 * @param preview whether this is the demo's preview (only for a demo that has one)
 */
record ViewRequest(Demo demo, Params params, String inputHash, Lang serverLang,
    boolean preview) {
  static final String SEED = "seed";
  static final String LANG = "lang";
  static final String INPUT = "input";
  static final String PREVIEW = "preview";

  /**
   * Parses an address's query for demo {@code id}.
   *
   * @throws HttpError 404 for an unknown demo (with the closest ids), 400 for anything else wrong
   */
  static ViewRequest parse(Registry registry, String id, Map<String, String> query,
      Lang serverLang, UploadStore uploads) {
    Demo demo = demo(registry, id);
    Map<String, String> given = new LinkedHashMap<>(query);
    long seed = seed(given.remove(SEED));
    Lang lang = lang(given.remove(LANG), serverLang);
    String hash = given.remove(INPUT);
    String previewText = given.remove(PREVIEW);
    if (previewText != null && !previewText.equals("1")) {
      throw new HttpError(400, "preview=" + previewText + ": allowed preview=1 (or leave it out)");
    }
    boolean preview = previewText != null && demo.hasPreview();
    Params p;
    try {
      p = Params.parse(id, demo.params(), given);
    } catch (UserException e) {
      throw new HttpError(400, e.getMessage());
    }
    p = p.withSeed(seed).withLang(lang).withoutTimes().withPreview(preview);
    if (hash != null) {
      if (!demo.acceptsInput()) {
        throw new HttpError(400, id + " takes no input file (the clustering demos, svm and nms "
            + "do)");
      }
      java.nio.file.Path file = uploads.get(hash);
      if (file == null) {
        throw new HttpError(400, "input " + hash + ": that uploaded file is no longer on the "
            + "server; upload it again");
      }
      p = p.withInput(file);
    }
    return new ViewRequest(demo, p, hash, serverLang, preview);
  }

  static Demo demo(Registry registry, String id) {
    try {
      return registry.require(id);
    } catch (UserException e) {
      throw new HttpError(404, e.getMessage());
    }
  }

  private static long seed(String text) {
    if (text == null) {
      return Params.DEFAULT_SEED;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new HttpError(400, "seed " + text + " is not an integer: allowed whole numbers such "
          + "as 0 or 42");
    }
  }

  static Lang lang(String text, Lang serverLang) {
    if (text == null) {
      return serverLang;
    }
    try {
      return Lang.parse(text);
    } catch (IllegalArgumentException e) {
      throw new HttpError(400, e.getMessage());
    }
  }

  String id() {
    return demo.info().id();
  }

  Lang lang() {
    return params.lang();
  }

  /** The same view with the upload attached (after a POST). */
  ViewRequest withInput(String hash, java.nio.file.Path file) {
    return new ViewRequest(demo, params.withInput(file), hash, serverLang, preview);
  }

  /** The full view of the same settings: what downloads and the command give. */
  ViewRequest full() {
    return preview ? new ViewRequest(demo, params.withPreview(false), inputHash, serverLang, false)
        : this;
  }

  /** What the cache tells views apart by: every value, the seed, the language and the upload. */
  String key() {
    return id() + "?" + params.summary() + ", lang=" + lang().code() + ", input="
        + (inputHash == null ? "" : inputHash) + (preview ? ", preview" : "");
  }

  /**
   * The query that names this view, shortest form: parameters that differ from their defaults in
   * declaration order, then seed, lang, input and preview when not the default ("" for all
   * defaults).
   */
  String query() {
    List<String> parts = new ArrayList<>();
    for (Param<?> p : demo.params()) {
      Object v = params.values().get(p.name());
      if (!v.equals(p.defaultValue())) {
        parts.add(p.name() + "=" + encode(p.formatAny(v)));
      }
    }
    if (params.seed() != Params.DEFAULT_SEED) {
      parts.add(SEED + "=" + params.seed());
    }
    if (lang() != serverLang) {
      parts.add(LANG + "=" + lang().code());
    }
    if (inputHash != null) {
      parts.add(INPUT + "=" + inputHash);
    }
    if (preview) {
      parts.add(PREVIEW + "=1");
    }
    return String.join("&", parts);
  }

  /** "?query" or "" */
  String search() {
    String q = query();
    return q.isEmpty() ? "" : "?" + q;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
