package dev.bagu.serve;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Registry;
import dev.bagu.i18n.Lang;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What every page of one server shares: the demos, the language it was started in (addresses
 * without {@code lang=} use it) and the upload limit stated on the page.
 */
record Site(Registry registry, Lang lang, long uploadLimitBytes, ServeStats stats,
    List<String> lanAddresses) {
  /** The demo ids, for linking {@code <code>id</code>} in explanations. */
  Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    for (Demo d : registry.all()) {
      ids.add(d.info().id());
    }
    return ids;
  }

  /** "10 MB" */
  String uploadLimitText() {
    return uploadLimitBytes % (1024 * 1024) == 0 ? uploadLimitBytes / (1024 * 1024) + " MB"
        : uploadLimitBytes + " bytes";
  }
}
