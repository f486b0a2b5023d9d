package dev.bagu.demos.python;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python objects as a graph: lists and dicts hold references to other objects; ints and strs are
 * immutable atoms. A name is a reference to an object, so {@code b = a} copies no object at all.
 * {@link #shallowCopy} makes a new outer container holding the same references (copy.copy);
 * {@link #deepCopy} copies every container reachable, once each, through a memo keyed by
 * identity, as copy.deepcopy does: an object reached twice is copied once (sharing is kept), and
 * a cycle ends at the copy already in the memo. Atoms are not copied (they cannot change).
 */
final class ObjectGraph {
  enum Type { INT, STR, LIST, DICT }

  /** One object. Identity is the Java object's identity, as id() is CPython's. */
  static final class Obj {
    final Type type;
    final Object atom;
    final List<Obj> items = new ArrayList<>();
    final Map<String, Obj> entries = new LinkedHashMap<>();

    private Obj(Type type, Object atom) {
      this.type = type;
      this.atom = atom;
    }

    boolean isContainer() {
      return type == Type.LIST || type == Type.DICT;
    }

    /** The references this object holds, in order. */
    List<Obj> children() {
      return type == Type.LIST ? items : new ArrayList<>(entries.values());
    }
  }

  private ObjectGraph() {}

  static Obj integer(int v) {
    return new Obj(Type.INT, v);
  }

  static Obj string(String s) {
    return new Obj(Type.STR, s);
  }

  static Obj list(Obj... items) {
    Obj o = new Obj(Type.LIST, null);
    o.items.addAll(List.of(items));
    return o;
  }

  static Obj dict(String key, Obj value) {
    Obj o = new Obj(Type.DICT, null);
    o.entries.put(key, value);
    return o;
  }

  /** copy.copy: a new container of the same kind holding the same references. */
  static Obj shallowCopy(Obj o) {
    if (!o.isContainer()) {
      return o;
    }
    Obj c = new Obj(o.type, null);
    c.items.addAll(o.items);
    c.entries.putAll(o.entries);
    return c;
  }

  /** copy.deepcopy with its memo: every reachable container copied exactly once. */
  static Obj deepCopy(Obj o) {
    return deepCopy(o, new IdentityHashMap<>());
  }

  private static Obj deepCopy(Obj o, Map<Obj, Obj> memo) {
    if (!o.isContainer()) {
      return o;
    }
    Obj done = memo.get(o);
    if (done != null) {
      return done; // reached before: shared stays shared, and a cycle stops here
    }
    Obj c = new Obj(o.type, null);
    memo.put(o, c); // registered before the children, so a cycle back to o finds c
    for (Obj item : o.items) {
      c.items.add(deepCopy(item, memo));
    }
    for (Map.Entry<String, Obj> e : o.entries.entrySet()) {
      c.entries.put(e.getKey(), deepCopy(e.getValue(), memo));
    }
    return c;
  }

  /** Every container reachable from root (root included), in breadth-first order. */
  static Set<Obj> containers(Obj root) {
    Set<Obj> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<Obj> order = new ArrayList<>();
    List<Obj> queue = new ArrayList<>(List.of(root));
    for (int i = 0; i < queue.size(); i++) {
      Obj o = queue.get(i);
      if (o.isContainer() && seen.add(o)) {
        order.add(o);
        queue.addAll(o.children());
      }
    }
    return new LinkedHashSet<>(order);
  }

  /** Containers reachable from both roots, by identity. */
  static int sharedContainers(Obj a, Obj b) {
    Set<Obj> fromA = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    fromA.addAll(containers(a));
    int n = 0;
    for (Obj o : containers(b)) {
      n += fromA.contains(o) ? 1 : 0;
    }
    return n;
  }

  /** Python's repr, with [...] / {...} for a container already being printed (a cycle). */
  static String repr(Obj o) {
    return repr(o, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static String repr(Obj o, Set<Obj> open) {
    switch (o.type) {
      case INT:
        return o.atom.toString();
      case STR:
        return "'" + o.atom + "'";
      default:
        break;
    }
    if (!open.add(o)) {
      return o.type == Type.LIST ? "[...]" : "{...}";
    }
    StringBuilder b = new StringBuilder(o.type == Type.LIST ? "[" : "{");
    if (o.type == Type.LIST) {
      for (int i = 0; i < o.items.size(); i++) {
        b.append(i > 0 ? ", " : "").append(repr(o.items.get(i), open));
      }
    } else {
      int i = 0;
      for (Map.Entry<String, Obj> e : o.entries.entrySet()) {
        b.append(i++ > 0 ? ", " : "").append("'").append(e.getKey()).append("': ")
            .append(repr(e.getValue(), open));
      }
    }
    open.remove(o);
    return b.append(o.type == Type.LIST ? "]" : "}").toString();
  }
}
