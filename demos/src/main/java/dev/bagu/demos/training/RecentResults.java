package dev.bagu.demos.training;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small bounded memo of pure computations keyed by everything they depend on (parameters and
 * seed): when a slider moves only the training learning rate, say, the deep-net statistics that do
 * not depend on it are reused instead of computed again. Least recently used entries are dropped;
 * values are shared, so callers must treat them as read-only.
 */
final class RecentResults<K, V> {
  private final int capacity;
  private final Map<K, V> entries;

  RecentResults(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true);
  }

  /**
   * The value for key, computed outside the lock on a miss (two threads may both compute it;
   * both get equal values because the computation is deterministic).
   */
  V get(K key, Function<K, V> compute) {
    synchronized (entries) {
      V hit = entries.get(key);
      if (hit != null) {
        return hit;
      }
    }
    V value = compute.apply(key);
    synchronized (entries) {
      entries.put(key, value);
      while (entries.size() > capacity) {
        entries.remove(entries.keySet().iterator().next());
      }
    }
    return value;
  }
}
