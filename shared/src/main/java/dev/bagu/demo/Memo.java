package dev.bagu.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A small bounded memo, least recently used dropped first, for a demo's pure computations keyed by
 * everything they read (the parameters they depend on and the seed). A slider that moves only one
 * experiment's parameter reuses the others' results, and the window's redraw or a change of
 * language reuses all of them. The computation is deterministic, so a reused value is exactly what
 * a fresh run would give. Values are shared: callers must treat them as read-only. Thread-safe; a
 * miss computes outside the lock (two threads may compute the same key; the first stored wins).
 */
public final class Memo<K, V> {
  /** True on a thread inside {@link #bypassing}. */
  private static final ThreadLocal<Boolean> BYPASSED = ThreadLocal.withInitial(() -> false);

  private final Map<K, V> map;

  public Memo(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  /**
   * {@code work.get()} with every memo on this thread neither read nor filled: work done to warm
   * the code up (the window's {@code PreviewWarmUp}) computes everything, and leaves the memos to
   * what the user asked for. Threads {@code work} starts (a parallel stream's) still use them.
   */
  public static <T> T bypassing(Supplier<T> work) {
    if (BYPASSED.get()) {
      return work.get();
    }
    BYPASSED.set(true);
    try {
      return work.get();
    } finally {
      BYPASSED.set(false);
    }
  }

  /** The value for {@code key}, from {@code compute.apply(key)} when it is not kept. */
  public V get(K key, Function<? super K, ? extends V> compute) {
    if (BYPASSED.get()) {
      return compute.apply(key);
    }
    synchronized (map) {
      V hit = map.get(key);
      if (hit != null) {
        return hit;
      }
    }
    V value = compute.apply(key);
    synchronized (map) {
      map.putIfAbsent(key, value);
      return map.get(key);
    }
  }

  /** The value for {@code key}, from {@code compute.get()} when it is not kept. */
  public V get(K key, Supplier<? extends V> compute) {
    return get(key, k -> compute.get());
  }
}
