package dev.bagu.demos.models;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A small bounded memo of trained models, keyed by every parameter the training reads (and the
 * seed): a rerun at the same setting — the window redrawing, a change of language or of a
 * parameter the training does not read — reuses the trained model instead of training again.
 * The training is deterministic, so a reused value is the value a fresh run would compute; the
 * values kept must not be changed by their users. Holds the {@code size} most recently used.
 */
final class RecentRuns<V> {
  private final int size;
  private final Map<Object, V> map;

  RecentRuns(int size) {
    this.size = size;
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Object, V> eldest) {
        return size() > RecentRuns.this.size;
      }
    };
  }

  /** The value for {@code key} (a record or list of the training's inputs), computed if new. */
  V get(Object key, Supplier<V> compute) {
    synchronized (map) {
      V v = map.get(key);
      if (v != null) {
        return v;
      }
    }
    V v = compute.get(); // outside the lock: two different settings may train at once
    synchronized (map) {
      map.putIfAbsent(key, v);
      return map.get(key);
    }
  }
}
