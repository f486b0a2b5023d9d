package dev.bagu.demos.python;

import java.util.List;
import java.util.Map;

/**
 * The example programs of the {@code scopes} demo, each with its occurrences counted by hand by
 * the LEGB rule (the references the resolver's findings are checked against). Names are kept to
 * one letter so the source reads the same in both languages.
 */
final class ScopeExamples {
  private ScopeExamples() {}

  /** Hand-worked counts of name occurrences: L, E, G, B, and reads before assignment. */
  record Expected(int local, int enclosing, int global, int builtin, int unbound) {}

  record Example(String id, List<String> source, Expected expected) {}

  static final List<Example> ALL = List.of(
      new Example("legb", List.of(
          "x = 1",
          "def f():",
          "    x = 2",
          "    def g():",
          "        y = 3",
          "        print(x, y, len('ab'))",
          "    g()",
          "f()"), new Expected(5, 1, 3, 2, 0)),
      new Example("unbound", List.of(
          "n = 0",
          "def f():",
          "    n += 1",
          "    return n",
          "f()"), new Expected(1, 0, 3, 0, 1)),
      new Example("global", List.of(
          "n = 0",
          "def f():",
          "    global n",
          "    n += 1",
          "f()",
          "print(n)"), new Expected(0, 0, 5, 1, 0)),
      new Example("nonlocal", List.of(
          "def f():",
          "    n = 0",
          "    def g():",
          "        nonlocal n",
          "        n += 1",
          "        return n",
          "    return g",
          "c = f()",
          "print(c(), c())"), new Expected(3, 2, 5, 1, 0)),
      new Example("shadow", List.of(
          "x = 1",
          "def f():",
          "    x = 2",
          "    def g():",
          "        x = 3",
          "        print(x)",
          "    g()",
          "    print(x)",
          "f()",
          "print(x)"), new Expected(6, 0, 4, 3, 0)));

  static List<String> ids() {
    return ALL.stream().map(Example::id).toList();
  }

  static Example byId(String id) {
    return ALL.stream().filter(e -> e.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no example " + id));
  }

  /** What each program prints when run (worked by hand and checked against CPython 3). */
  static final Map<String, String> PRINTS = Map.of(
      "legb", "2 3 2",
      "unbound", "UnboundLocalError",
      "global", "1",
      "nonlocal", "1 2",
      "shadow", "3, 2, 1");
}
