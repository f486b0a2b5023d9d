package dev.bagu.demos.attention;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used memo for results that depend only on their key (the parameters and
 * the seed that produced them): a rerun at the same parameters, or a slider move that leaves an
 * experiment's own parameters alone, reuses the result instead of drawing it again. The bytes
 * are the same either way. Values are shared: callers must not modify them.
 */
final class BoundedCache<K, V> {
  private final Map<K, V> map;

  BoundedCache(int capacity) {
    map = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    });
  }

  /** The cached value for key, computed (outside the lock) and kept when absent. */
  V get(K key, Function<K, V> compute) {
    V v = map.get(key);
    if (v == null) {
      v = compute.apply(key);
      map.put(key, v);
    }
    return v;
  }
}
