package dev.bagu.serve;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The last views computed, by {@link ViewRequest#key()} (demo, every parameter, seed, language,
 * upload hash), least recently used dropped first. Bounded by entries: a run's figure and bytes
 * are a few MB at most, so 32 entries stay well under 200 MB of heap.
 */
final class RenderCache {
  private final Map<String, Rendered> entries;

  RenderCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Rendered> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The entry for this view, or null: nothing is added (a refused request leaves no trace). */
  synchronized Rendered find(ViewRequest view) {
    return entries.get(view.key());
  }

  /** The entry for this view, made empty (nothing computed yet) when there is none. */
  synchronized Rendered entry(ViewRequest view, Function<ViewRequest, Rendered> create) {
    return entries.computeIfAbsent(view.key(), k -> create.apply(view));
  }

  synchronized int size() {
    return entries.size();
  }
}
