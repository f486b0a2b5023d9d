package dev.bagu.demos.python;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.python.LegbResolver.Kind;
import dev.bagu.demos.python.LegbResolver.Program;
import dev.bagu.demos.python.LegbResolver.Ref;
import dev.bagu.demos.python.LegbResolver.Scope;
import dev.bagu.demos.python.ScopeExamples.Example;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** global / nonlocal: which binding every name in a few nested functions resolves to (LEGB). */
public final class ScopesDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("program", "legb", ScopeExamples.ids(),
          "example program: legb (all four scopes), unbound (+= on a global without a "
              + "declaration), global, nonlocal, shadow (assignment makes a new local)")
          .zh("示例程序：legb（四种作用域都出现）、unbound（没有声明就对全局变量 +=）、global、"
              + "nonlocal、shadow（赋值会新建局部变量）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("scopes", "Python scopes: LEGB, global and nonlocal", Section.PYTHON,
        "global / nonlocal",
        "A name bound in a function is local there; global and nonlocal redirect the binding; "
            + "reads go Local → Enclosing → Global → Built-in")
        .zh("Python 作用域：LEGB、global 与 nonlocal",
            "函数里被赋值的名字就是局部变量；global 和 nonlocal 改变赋值的去向；读取按 "
                + "局部 → 外层函数 → 全局 → 内置 的顺序查找");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  static Color colour(Kind k) {
    return switch (k) {
      case LOCAL -> Theme.category(2);
      case ENCLOSING -> Theme.category(1);
      case GLOBAL -> Theme.category(0);
      case BUILTIN -> Theme.category(4);
      default -> Theme.category(3);
    };
  }

  static String kindName(Kind k, Lang l) {
    return switch (k) {
      case LOCAL -> l.t("L local", "L 局部");
      case ENCLOSING -> l.t("E enclosing function", "E 外层函数");
      case GLOBAL -> l.t("G global (module)", "G 全局（模块）");
      case BUILTIN -> l.t("B built-in", "B 内置");
      case UNBOUND_LOCAL -> "UnboundLocalError";
      case NAME_ERROR -> "NameError";
      case SYNTAX_ERROR -> "SyntaxError";
    };
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    Example ex = ScopeExamples.byId(p.choice("program"));
    Program prog = LegbResolver.resolve(ex.source());
    Figure figure = Figure.single(info().title(l), DrawingPanel.titled(
            l.t("Each name → the binding it resolves to, and Java's rule beside it",
                "每个名字 → 它解析到的绑定，旁边是对照的 Java 规则"),
            (g, a) -> {
              int rulesX = a.x + (int) (a.width * 0.655);
              drawResolution(g, new Rectangle(a.x, a.y, rulesX - a.x - 30, a.height), prog, l);
              drawRules(g, new Rectangle(rulesX, a.y, a.x + a.width - rulesX, a.height), l);
            }))
        .preferredSize(1800, 1000)
        .subtitle(l.f("program '%s' · %d name occurrences resolved by a small LEGB resolver · "
            + "when run it prints: %s", "程序「%s」 · 用一个小型 LEGB 解析器解析了 %d 处名字 · "
            + "运行时输出：%s", l.t(ex.id(), zhName(ex.id())), prog.refs().size(), ScopeExamples.PRINTS.get(ex.id())));
    ScopeExamples.Expected e = ex.expected();
    String hand = l.t("LEGB rule, worked by hand", "按 LEGB 规则手工推出");
    Result r = Result.of(figure)
        .finding(count("uses_local", l.t("name occurrences resolved to L (local)",
            "解析到 L（局部）的名字出现次数"), prog.count(Kind.LOCAL), e.local(), hand))
        .finding(count("uses_enclosing", l.t("… to E (enclosing function)",
            "……解析到 E（外层函数）"), prog.count(Kind.ENCLOSING), e.enclosing(), hand))
        .finding(count("uses_global", l.t("… to G (global, the module)",
            "……解析到 G（全局，即模块）"), prog.count(Kind.GLOBAL), e.global(), hand))
        .finding(count("uses_builtin", l.t("… to B (built-in)", "……解析到 B（内置）"),
            prog.count(Kind.BUILTIN), e.builtin(), hand))
        .finding(count("unbound_local_errors", l.t("reads of a local before it is assigned "
                + "(UnboundLocalError)", "局部变量赋值前就被读取（UnboundLocalError）"),
            prog.count(Kind.UNBOUND_LOCAL), e.unbound(), hand));
    return r.data("program", ex.id()).data("source", ex.source())
        .data("prints", ScopeExamples.PRINTS.get(ex.id())).data("refs", refData(prog));
  }

  /** The programs' names in Chinese, for the figure (the parameter values stay as they are). */
  private static String zhName(String id) {
    return switch (id) {
      case "legb" -> "LEGB 四种作用域";
      case "unbound" -> "未声明就 +=";
      case "shadow" -> "同名遮蔽";
      default -> id; // global, nonlocal: the keywords themselves
    };
  }

  private static Finding count(String key, String label, int value, int expected, String src) {
    return Finding.of(key, label, value, "").withReference(expected, src, 0);
  }

  // ---- drawing -------------------------------------------------------------------------------

  /** Where a binding row of a scope box was drawn: its left edge and middle, by scope and name. */
  private record Slot(double x, double y) {}

  private void drawResolution(Graphics2D g, Rectangle a, Program prog, Lang l) {
    double split = a.x + a.width * 0.47;
    // Source, left: line numbers, code, each name occurrence tinted by where it resolves.
    g.setFont(Theme.font(Font.PLAIN, 24));
    int lh = g.getFontMetrics().getHeight() + 10;
    int ascent = g.getFontMetrics().getAscent();
    double codeX = a.x + 44;
    double top = a.y + 14;
    double codeRight = split - 70;
    g.setColor(Draw.CODE_BACKGROUND);
    g.fillRect(a.x, a.y, (int) (codeRight - a.x), prog.lines().size() * lh + 24);
    Map<Ref, double[]> tokenEnds = new HashMap<>();
    for (int i = 0; i < prog.lines().size(); i++) {
      String line = prog.lines().get(i);
      double base = top + ascent + i * lh;
      for (Ref r : prog.refs()) {
        if (r.line() != i) {
          continue;
        }
        double x = codeX + Draw.width(g, line.substring(0, r.column()));
        double w = Draw.width(g, r.name());
        g.setColor(Theme.withAlpha(colour(r.kind()), 0.25));
        g.fill(new RoundRectangle2D.Double(x - 3, base - ascent + 2, w + 6, ascent + 4, 8, 8));
        // Arrows leave from the code's right edge at the token's line, spread a little.
        long before = prog.refs().stream().filter(o -> o.line() == r.line()
            && o.column() < r.column()).count();
        tokenEnds.put(r, new double[] {codeRight, base - ascent + 4 + 7 * before});
      }
      g.setColor(Theme.MUTED_TEXT);
      Draw.right(g, Integer.toString(i + 1), codeX - 12, base);
      g.setColor(Theme.TEXT);
      g.drawString(line, (float) codeX, (float) base);
    }
    double afterSource = top + prog.lines().size() * lh + 24;
    // Errors, under the code.
    g.setFont(Theme.font(Font.BOLD, 18));
    double y = afterSource + 30;
    for (Ref r : prog.refs()) {
      if (r.kind() == Kind.UNBOUND_LOCAL || r.kind() == Kind.NAME_ERROR
          || r.kind() == Kind.SYNTAX_ERROR) {
        g.setColor(colour(r.kind()));
        String msg = r.kind() == Kind.UNBOUND_LOCAL
            ? l.f("× line %d: UnboundLocalError: %s is local to %s() (it is assigned there) "
                + "but read before it has a value", "× 第 %d 行：UnboundLocalError：%s 在 %s() "
                + "里被赋值，所以是局部变量，但读取时还没有值", r.line() + 1, r.name(), r.in().name)
            : l.f("× line %d: %s: %s", "× 第 %d 行：%s：%s", r.line() + 1, kindName(r.kind(), l),
                r.name());
        y = wrap(g, msg, a.x + 8, y, split - a.x - 20) + 8;
      }
    }
    // Legend, bottom left.
    g.setFont(Theme.legend());
    int legendH = g.getFontMetrics().getHeight() + 6;
    double ly = y + 20;
    for (Kind k : List.of(Kind.LOCAL, Kind.ENCLOSING, Kind.GLOBAL, Kind.BUILTIN,
        Kind.UNBOUND_LOCAL)) {
      g.setColor(Theme.withAlpha(colour(k), 0.35));
      g.fillRoundRect(a.x + 8, (int) ly - 14, 28, 18, 6, 6);
      g.setColor(colour(k));
      g.drawString(kindName(k, l), a.x + 46, (float) ly);
      ly += legendH;
    }
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(l.t("solid arrow: a read · dashed: an assignment (=, +=, def)",
        "实线箭头：读取 · 虚线：赋值（=、+=、def）"), a.x + 8, (float) ly);

    // Scopes, right: built-ins around the module around the functions, each listing its names.
    Map<String, Slot> slots = new HashMap<>();
    Set<String> builtinsUsed = new LinkedHashSet<>();
    for (Ref r : prog.refs()) {
      if (r.kind() == Kind.BUILTIN) {
        builtinsUsed.add(r.name());
      }
    }
    g.setFont(Theme.font(Font.PLAIN, 20));
    int rowH = g.getFontMetrics().getHeight() + 8;
    double bx = split;
    double bw = a.x + a.width - split - 4;
    double bTop = a.y + 4;
    double bHeight = 1.6 * rowH + builtinsUsed.size() * rowH + height(prog.module(), rowH) + 8;
    box(g, bx, bTop, bw, bHeight, colour(Kind.BUILTIN),
        l.t("built-in scope (B): the builtins module", "内置作用域（B）：builtins 模块"));
    double ry = bTop + 1.6 * rowH;
    for (String n : builtinsUsed) {
      row(g, n, l.t("built-in", "内置"), bx + 14, ry);
      slots.put("B/" + n, new Slot(bx + 8, ry - rowH / 4.0));
      ry += rowH;
    }
    drawScope(g, prog.module(), bx + 12, ry, bw - 24, rowH, slots, l);

    // Arrows from each occurrence to its binding.
    for (Ref r : prog.refs()) {
      double[] from = tokenEnds.get(r);
      Slot to = r.kind() == Kind.BUILTIN ? slots.get("B/" + r.name())
          : r.target() == null ? null : slots.get(key(r.target(), r.name()));
      if (from == null || to == null) {
        continue;
      }
      g.setColor(Theme.withAlpha(colour(r.kind()), 0.85));
      g.fill(new java.awt.geom.Ellipse2D.Double(from[0] - 4, from[1] - 4, 8, 8));
      double bend = (to.y() - from[1]) * 0.12;
      Draw.curvedArrow(g, from[0], from[1], to.x(), to.y(), bend,
          r.store() ? Draw.DASHED : Draw.THIN);
    }
  }

  private static String key(Scope s, String name) {
    return System.identityHashCode(s) + "/" + name;
  }

  /** Height of a scope's box: header, declarations, one row per binding, then its children. */
  private static double height(Scope s, int rowH) {
    long own = s.bound.keySet().stream().filter(s::bindsLocally).count();
    double h = rowH + own * rowH + 12; // header, rows, bottom margin
    if (!s.globals.isEmpty() || !s.nonlocals.isEmpty()) {
      h += rowH;
    }
    for (Scope c : s.children) {
      h += height(c, rowH) + 10;
    }
    return h;
  }

  private static void drawScope(Graphics2D g, Scope s, double x, double y, double w, int rowH,
      Map<String, Slot> slots, Lang l) {
    double h = height(s, rowH);
    Color c = s.isModule() ? colour(Kind.GLOBAL) : s.depth == 1 ? Theme.category(5)
        : Theme.category(2);
    box(g, x, y, w, h, c, s.isModule() ? l.t("global scope (G): the module", "全局作用域（G）：模块")
        : l.f("local scope of def %s()", "def %s() 的局部作用域", s.name));
    double ry = y + 1.6 * rowH;
    List<String> decl = new ArrayList<>();
    s.globals.forEach(n -> decl.add("global " + n));
    s.nonlocals.forEach(n -> decl.add("nonlocal " + n));
    if (!decl.isEmpty()) {
      g.setColor(Theme.category(3));
      g.drawString(String.join(", ", decl) + l.t("  (binds elsewhere)", "（绑定到别处）"),
          (float) (x + 14), (float) ry);
      ry += rowH;
    }
    for (Map.Entry<String, Integer> b : s.bound.entrySet()) {
      if (s.globals.contains(b.getKey()) || s.nonlocals.contains(b.getKey())) {
        continue;
      }
      row(g, b.getKey(), l.f("bound on line %d", "第 %d 行绑定", b.getValue() + 1), x + 14, ry);
      slots.put(key(s, b.getKey()), new Slot(x + 8, ry - rowH / 4.0));
      ry += rowH;
    }
    ry += 4 - rowH * 0.6;
    for (Scope child : s.children) {
      drawScope(g, child, x + 14, ry, w - 28, rowH, slots, l);
      ry += height(child, rowH) + 10;
    }
  }

  private static void box(Graphics2D g, double x, double y, double w, double h, Color c,
      String title) {
    g.setColor(Theme.withAlpha(c, 0.07));
    g.fill(new RoundRectangle2D.Double(x, y, w, h, 16, 16));
    g.setColor(c);
    g.setStroke(Draw.THIN);
    g.draw(new RoundRectangle2D.Double(x, y, w, h, 16, 16));
    Font saved = g.getFont();
    g.setFont(saved.deriveFont(Font.BOLD));
    g.drawString(Draw.fit(g, title, w - 20), (float) (x + 10), (float) (y + g.getFontMetrics()
        .getAscent() + 6));
    g.setFont(saved);
  }

  private static void row(Graphics2D g, String name, String note, double x, double y) {
    Font saved = g.getFont();
    g.setColor(Theme.TEXT);
    g.setFont(saved.deriveFont(Font.BOLD));
    g.drawString(name, (float) (x + 10), (float) y);
    double w = Draw.width(g, name);
    g.setFont(saved);
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(note, (float) (x + 24 + w), (float) y);
  }

  /** Draws text wrapped to maxWidth (by character, so Chinese wraps too); returns the next y. */
  static double wrap(Graphics2D g, String text, double x, double y, double maxWidth) {
    int lh = g.getFontMetrics().getHeight();
    StringBuilder lineText = new StringBuilder();
    for (String word : text.split("(?<= )|(?<=[\\u3000-\\u9fff，：；。、])")) {
      boolean punctuation = word.length() == 1 && "，：；。、）".contains(word);
      if (!punctuation && Draw.width(g, lineText + word) > maxWidth && lineText.length() > 0) {
        g.drawString(lineText.toString().stripTrailing(), (float) x, (float) y);
        y += lh;
        lineText.setLength(0);
      }
      lineText.append(word);
    }
    if (lineText.length() > 0) {
      g.drawString(lineText.toString().stripTrailing(), (float) x, (float) y);
      y += lh;
    }
    return y;
  }

  private void drawRules(Graphics2D g, Rectangle a, Lang l) {
    double x = a.x + 10;
    double w = a.width - 20;
    g.setFont(Theme.font(Font.PLAIN, 18));
    g.setColor(Theme.TEXT);
    g.setFont(Theme.font(Font.BOLD, 20));
    g.drawString(l.t("Python's rule (LEGB)", "Python 的规则（LEGB）"), (float) x, a.y + 20);
    g.setFont(Theme.font(Font.PLAIN, 18));
    double y = a.y + 52;
    List<String> rules = List.of(
        l.t("1. Assigned anywhere in a function (=, +=, def) → local to the whole function, even "
            + "above the assignment.", "1. 在函数里任何位置被赋值（=、+=、def）→ 整个函数里都是"
            + "局部变量，赋值之前的那几行也是。"),
        l.t("2. Otherwise a read looks in Local → Enclosing functions → Global → Built-in, and "
            + "stops at the first hit.", "2. 否则读取时按 局部 → 外层函数 → 全局 → 内置 的顺序"
            + "查找，找到第一个就停。"),
        l.t("3. global x: assignments to x go to the module.", "3. global x：对 x 的赋值落到模块"
            + "（全局）里。"),
        l.t("4. nonlocal x: assignments go to the nearest enclosing function that binds x (a "
            + "SyntaxError if none does).", "4. nonlocal x：赋值落到最近的、绑定了 x 的外层函数里"
            + "（没有这样的函数就是 SyntaxError）。"),
        l.t("Reading needs no declaration; only rebinding does.", "只读不需要声明，只有重新绑定"
            + "才需要。"));
    for (String r : rules) {
      y = wrap(g, r, x, y, w) + 8;
    }
    y += 20;
    g.setFont(Theme.font(Font.BOLD, 20));
    g.setColor(Theme.TEXT);
    g.drawString(l.t("Java, for comparison", "对照：Java"), (float) x, (float) y);
    y += 14;
    g.setFont(Theme.font(Font.PLAIN, 18));
    List<String> java = List.of(
        "int n = 0;",
        "Runnable r = () -> n++;",
        l.t("// compile error: n must be final or effectively final",
            "// 编译错误：n 必须是 final 或事实上的 final"),
        "int[] a = {0};",
        "Runnable ok = () -> a[0]++;",
        l.t("// compiles: the array reference a never changes", "// 可以编译：数组引用 a 本身没变"));
    int lh = g.getFontMetrics().getHeight() + 4;
    g.setColor(Draw.CODE_BACKGROUND);
    g.fillRect((int) x - 4, (int) y, (int) w + 8, java.size() * lh + 16);
    y += 8 + g.getFontMetrics().getAscent();
    for (String s : java) {
      g.setColor(s.startsWith("//") ? Theme.MUTED_TEXT : Theme.TEXT);
      g.drawString(Draw.fit(g, s, w - 8), (float) x + 4, (float) y);
      y += lh;
    }
    y += 24;
    g.setColor(Theme.TEXT);
    wrap(g, l.t("A Java lambda or inner class captures the value of a local, not the variable: "
        + "so the local may never be reassigned, and there is no nonlocal. Fields and a "
        + "one-element array (or AtomicInteger) are the usual ways to share a mutable counter.",
        "Java 的 lambda 或内部类捕获的是局部变量的值，而不是变量本身：所以这个局部变量不能再被"
            + "赋值，也没有 nonlocal。要共享一个可变的计数器，通常用字段、单元素数组或 "
            + "AtomicInteger。"), x, y, w);
  }

  /** The resolved occurrences for the JSON. */
  private static List<Map<String, Object>> refData(Program prog) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Ref r : prog.refs()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("line", r.line() + 1);
      m.put("name", r.name());
      m.put("store", r.store());
      m.put("load", r.load());
      m.put("in", r.in().name);
      m.put("resolves_to", r.kind().name().toLowerCase(java.util.Locale.ROOT));
      m.put("scope", r.target() == null ? (r.kind() == Kind.BUILTIN ? "<builtins>" : null)
          : r.target().name);
      m.put("binding_line", r.targetLine() < 0 ? null : r.targetLine() + 1);
      out.add(m);
    }
    return out;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new ScopesDemo(), args);
  }
}
