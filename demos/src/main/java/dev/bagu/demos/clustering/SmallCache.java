package dev.bagu.demos.clustering;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small least-recently-used memo for work that depends only on a demo's parameters and seed,
 * so that a warm rerun at the same settings reuses it. Thread-safe; values are returned as
 * stored, so callers must not change them.
 */
final class SmallCache<K, V> {
  private final Map<K, V> map;

  SmallCache(int capacity) {
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Supplier<V> compute) {
    synchronized (map) {
      V v = map.get(key);
      if (v != null) {
        return v;
      }
    }
    V v = compute.get(); // outside the lock: two callers may both compute, both get equal values
    synchronized (map) {
      map.put(key, v);
    }
    return v;
  }
}
