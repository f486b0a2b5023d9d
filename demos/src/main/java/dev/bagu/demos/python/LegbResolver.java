package dev.bagu.demos.python;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's name resolution (LEGB) for a tiny subset of Python: {@code def f():} with no
 * parameters, {@code global a, b}, {@code nonlocal a}, {@code x = expr}, {@code x += expr},
 * {@code return expr} and expression statements. Expressions are read only for the names in
 * them. The rules, as CPython's compiler applies them (Python Language Reference §4.2.2):
 *
 * <ol>
 *   <li>A name declared {@code global} in a function lives in the module (G).</li>
 *   <li>A name declared {@code nonlocal} lives in the nearest enclosing function that binds it;
 *       if none does, it is a SyntaxError.</li>
 *   <li>Otherwise a name bound anywhere in a function (by =, += or def) is local to the whole
 *       function (L); reading it before it is assigned raises UnboundLocalError.</li>
 *   <li>Any other name is looked up in the enclosing functions that bind it (E), then in the
 *       module (G), then in the built-ins (B); failing all, NameError.</li>
 * </ol>
 *
 * UnboundLocalError is found statically: the bodies here are straight-line code, so a local read
 * on a line before (or, for {@code +=}, on) its first assignment is read before it is bound.
 */
final class LegbResolver {
  private LegbResolver() {}

  /** Where a name occurrence resolves. */
  enum Kind { LOCAL, ENCLOSING, GLOBAL, BUILTIN, UNBOUND_LOCAL, NAME_ERROR, SYNTAX_ERROR }

  /** Built-ins the example programs may use. */
  static final Set<String> BUILTINS = Set.of("print", "len", "range", "sum", "max", "min");

  /** A scope: the module (depth 0) or a function; {@code line} is its def's line (0-based). */
  static final class Scope {
    final String name;
    final Scope parent;
    final int line;
    final int depth;
    final Set<String> globals = new LinkedHashSet<>();
    final Set<String> nonlocals = new LinkedHashSet<>();
    /** Names bound here (not declared global/nonlocal), with the line of the first binding. */
    final Map<String, Integer> bound = new LinkedHashMap<>();
    final List<Scope> children = new ArrayList<>();

    Scope(String name, Scope parent, int line) {
      this.name = name;
      this.parent = parent;
      this.line = line;
      this.depth = parent == null ? 0 : parent.depth + 1;
    }

    boolean isModule() {
      return parent == null;
    }

    /** Bound here and not declared global or nonlocal: a local of this scope. */
    boolean bindsLocally(String n) {
      return bound.containsKey(n) && !globals.contains(n) && !nonlocals.contains(n);
    }
  }

  /**
   * One occurrence of a name in the source, and what it resolves to.
   *
   * @param store the occurrence assigns (x = …, def x, the x of x += …)
   * @param load the occurrence reads (a use, or the x of x += …)
   * @param target the scope holding the binding, or null for built-ins and errors
   * @param targetLine the line of that binding's first assignment, or -1
   */
  record Ref(int line, int column, String name, boolean store, boolean load, Scope in, Kind kind,
      Scope target, int targetLine) {}

  /** The parsed program: source lines, the module scope and every name occurrence resolved. */
  record Program(List<String> lines, Scope module, List<Ref> refs) {
    /** Occurrences of each kind, in the order of {@link Kind}. */
    int count(Kind k) {
      return (int) refs.stream().filter(r -> r.kind() == k).count();
    }
  }

  private static final Pattern DEF = Pattern.compile("def\\s+([A-Za-z_]\\w*)\\s*\\(\\s*\\)\\s*:");
  private static final Pattern DECL = Pattern.compile("(global|nonlocal)\\s+(.+)");
  private static final Pattern ASSIGN = Pattern.compile("([A-Za-z_]\\w*)\\s*(\\+?=)(?!=)\\s*(.*)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_]\\w*");
  private static final Set<String> KEYWORDS = Set.of("return", "None", "True", "False", "and",
      "or", "not", "pass");

  /** A raw occurrence before resolution. */
  private record Raw(int line, int column, String name, boolean store, boolean load, Scope in) {}

  /** Parses and resolves a program (lines without trailing comments beyond '#'). */
  static Program resolve(List<String> lines) {
    Scope module = new Scope("<module>", null, -1);
    List<Raw> raws = new ArrayList<>();
    // Pass 1: scopes, declarations, bindings, and where each name occurs.
    List<Scope> stack = new ArrayList<>(List.of(module));
    List<Integer> indents = new ArrayList<>(List.of(0));
    for (int i = 0; i < lines.size(); i++) {
      String full = lines.get(i);
      String code = stripComment(full);
      if (code.isBlank()) {
        continue;
      }
      int indent = Draw.indent(code);
      while (indent < indents.get(indents.size() - 1)) {
        stack.remove(stack.size() - 1);
        indents.remove(indents.size() - 1);
      }
      Scope here = stack.get(stack.size() - 1);
      String stmt = code.strip();
      Matcher m;
      if ((m = DEF.matcher(stmt)).matches()) {
        String name = m.group(1);
        here.bound.putIfAbsent(name, i);
        raws.add(new Raw(i, indent + m.start(1), name, true, false, here));
        Scope fn = new Scope(name, here, i);
        here.children.add(fn);
        stack.add(fn);
        indents.add(indent + 1); // the body is anything indented deeper than the def
      } else if ((m = DECL.matcher(stmt)).matches()) {
        for (String n : m.group(2).split(",")) {
          (m.group(1).equals("global") ? here.globals : here.nonlocals).add(n.strip());
        }
      } else if ((m = ASSIGN.matcher(stmt)).matches()) {
        String name = m.group(1);
        boolean augmented = m.group(2).equals("+=");
        // The right-hand side is evaluated first: its names are reads before the store.
        names(m.group(3), indent + m.start(3), i, here, raws);
        raws.add(new Raw(i, indent + m.start(1), name, true, augmented, here));
        here.bound.putIfAbsent(name, i);
      } else {
        names(stmt, indent, i, here, raws);
      }
    }
    // Pass 2: resolve each occurrence by the rules in the class comment.
    List<Ref> refs = new ArrayList<>();
    for (Raw r : raws) {
      refs.add(resolveOne(r, module));
    }
    refs.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
        : Integer.compare(a.column(), b.column()));
    return new Program(List.copyOf(lines), module, List.copyOf(refs));
  }

  private static Ref resolveOne(Raw r, Scope module) {
    Scope s = r.in();
    String n = r.name();
    if (s.isModule()) {
      return global(r, module, Kind.GLOBAL);
    }
    if (s.globals.contains(n)) {
      return global(r, module, Kind.GLOBAL);
    }
    if (s.nonlocals.contains(n)) {
      Scope e = enclosingBinder(s.parent, n);
      return e == null ? ref(r, Kind.SYNTAX_ERROR, null, -1)
          : ref(r, Kind.ENCLOSING, e, e.bound.get(n));
    }
    if (s.bindsLocally(n)) {
      int first = s.bound.get(n);
      boolean readTooEarly = r.load() && (r.line() < first || r.line() == first && r.store());
      return ref(r, readTooEarly ? Kind.UNBOUND_LOCAL : Kind.LOCAL, s, first);
    }
    Scope e = enclosingBinder(s.parent, n);
    if (e != null) {
      return ref(r, Kind.ENCLOSING, e, e.bound.get(n));
    }
    return global(r, module, Kind.GLOBAL);
  }

  /** The nearest function scope from {@code s} outwards that binds n as its own local. */
  private static Scope enclosingBinder(Scope s, String n) {
    for (Scope e = s; e != null && !e.isModule(); e = e.parent) {
      if (e.bindsLocally(n)) {
        return e;
      }
    }
    return null;
  }

  /** A module-level name: bound in the module (or by a global declaration), else a built-in. */
  private static Ref global(Raw r, Scope module, Kind kind) {
    Integer line = module.bound.get(r.name());
    if (line == null && r.store()) {
      module.bound.put(r.name(), r.line()); // a global declaration's store creates it
      line = r.line();
    }
    if (line != null) {
      return ref(r, kind, module, line);
    }
    return BUILTINS.contains(r.name()) ? ref(r, Kind.BUILTIN, null, -1)
        : ref(r, Kind.NAME_ERROR, null, -1);
  }

  private static Ref ref(Raw r, Kind kind, Scope target, int line) {
    return new Ref(r.line(), r.column(), r.name(), r.store(), r.load(), r.in(), kind, target,
        line);
  }

  /** Adds every name read in an expression (outside string literals) as a load. */
  private static void names(String expr, int offset, int line, Scope here, List<Raw> raws) {
    Matcher m = NAME.matcher(maskStrings(expr));
    while (m.find()) {
      if (!KEYWORDS.contains(m.group())) {
        raws.add(new Raw(line, offset + m.start(), m.group(), false, true, here));
      }
    }
  }

  /** The text with the insides of '…' and "…" blanked, so words in strings are not names. */
  private static String maskStrings(String s) {
    StringBuilder b = new StringBuilder(s);
    char quote = 0;
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      if (quote == 0 && (c == '\'' || c == '"')) {
        quote = c;
      } else if (quote != 0 && c == quote) {
        quote = 0;
      } else if (quote != 0) {
        b.setCharAt(i, ' ');
      }
    }
    return b.toString();
  }

  private static String stripComment(String line) {
    int hash = maskStrings(line).indexOf('#');
    return hash < 0 ? line : line.substring(0, hash);
  }
}
