package dev.bagu.demos.python;

import dev.bagu.demos.python.ObjectGraph.Obj;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The interview example, run on the object-graph model, and the same steps on Java collections:
 *
 * <pre>
 * x = [2, 3]
 * a = [1, x, {'k': x}]      # x is reached twice
 * b = a                     # assignment: a second name, no new object
 * c = copy.copy(a)          # shallow: a new outer list, the same inner objects
 * d = copy.deepcopy(a)      # deep: new inner objects too, x copied once
 * &lt;mutation of a&gt;
 * </pre>
 */
final class CopyScenario {
  private CopyScenario() {}

  enum Mutation {
    INNER("a[1].append(4)"), DICT("a[2]['k'] = 0"), OUTER("a.append(5)"), REBIND("a[1] = [9]");

    final String python;

    Mutation(String python) {
      this.python = python;
    }
  }

  /** The four names after the copies (and, when mutated, after the mutation). */
  record State(Obj a, Obj c, Obj d, Obj changed) {}

  /** Builds the example; applies {@code m} when not null and says which object changed. */
  static State build(Mutation m) {
    Obj x = ObjectGraph.list(ObjectGraph.integer(2), ObjectGraph.integer(3));
    Obj a = ObjectGraph.list(ObjectGraph.integer(1), x, ObjectGraph.dict("k", x));
    Obj c = ObjectGraph.shallowCopy(a);
    Obj d = ObjectGraph.deepCopy(a);
    Obj changed = null;
    if (m != null) {
      switch (m) {
        case INNER -> {
          a.items.get(1).items.add(ObjectGraph.integer(4));
          changed = a.items.get(1);
        }
        case DICT -> {
          a.items.get(2).entries.put("k", ObjectGraph.integer(0));
          changed = a.items.get(2);
        }
        case OUTER -> {
          a.items.add(ObjectGraph.integer(5));
          changed = a;
        }
        case REBIND -> {
          a.items.set(1, ObjectGraph.list(ObjectGraph.integer(9)));
          changed = a;
        }
      }
    }
    return new State(a, c, d, changed);
  }

  /** Which names see the mutation: their repr changed. Order a, b, c, d. */
  static boolean[] whoSees(Mutation m) {
    State before = build(null);
    State after = build(m);
    return new boolean[] {
      !ObjectGraph.repr(before.a()).equals(ObjectGraph.repr(after.a())),
      !ObjectGraph.repr(before.a()).equals(ObjectGraph.repr(after.a())), // b is a
      !ObjectGraph.repr(before.c()).equals(ObjectGraph.repr(after.c())),
      !ObjectGraph.repr(before.d()).equals(ObjectGraph.repr(after.d()))};
  }

  /** Java's result: does ArrayList.clone() / the copy constructor see the same mutation? */
  record JavaResult(String before, String cloneAfter, boolean cloneSees, boolean copyCtorSees) {}

  @SuppressWarnings("unchecked")
  static JavaResult java(Mutation m) {
    ArrayList<Object> x = new ArrayList<>(List.of(2, 3));
    Map<String, Object> dict = new HashMap<>();
    dict.put("k", x);
    ArrayList<Object> a = new ArrayList<>(List.of(1, x, dict));
    ArrayList<Object> cloned = (ArrayList<Object>) a.clone();
    ArrayList<Object> copied = new ArrayList<>(a);
    String cloneBefore = cloned.toString();
    String copiedBefore = copied.toString();
    switch (m) {
      case INNER -> ((List<Object>) a.get(1)).add(4);
      case DICT -> ((Map<String, Object>) a.get(2)).put("k", 0);
      case OUTER -> a.add(5);
      case REBIND -> a.set(1, new ArrayList<>(List.of(9)));
    }
    return new JavaResult(cloneBefore, cloned.toString(), !cloneBefore.equals(cloned.toString()),
        !copiedBefore.equals(copied.toString()));
  }
}
