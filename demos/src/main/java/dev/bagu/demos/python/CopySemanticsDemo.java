package dev.bagu.demos.python;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.python.CopyScenario.Mutation;
import dev.bagu.demos.python.CopyScenario.State;
import dev.bagu.demos.python.ObjectGraph.Obj;
import dev.bagu.demos.python.ObjectGraph.Type;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 深浅拷贝: assignment, copy.copy and copy.deepcopy as object graphs, and who sees a mutation. */
public final class CopySemanticsDemo implements Demo {
  private static final String DOCS = "Python docs, copy module";
  private static final String DOCS_ZH = "Python 文档，copy 模块";

  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("mutation", "inner", List.of("inner", "dict", "outer", "rebind"),
          "what is changed through a: inner = a[1].append(4), dict = a[2]['k'] = 0, "
              + "outer = a.append(5), rebind = a[1] = [9]")
          .zh("通过 a 做的修改：inner 即 a[1].append(4)，dict 即 a[2]['k'] = 0，outer 即 "
              + "a.append(5)，rebind 即 a[1] = [9]"));

  private static final String[] NAMES = {"a", "b", "c", "d"};

  @Override
  public DemoInfo info() {
    return new DemoInfo("copy-semantics", "Assignment, shallow and deep copy", Section.PYTHON,
        "深浅拷贝",
        "b = a copies nothing; copy.copy shares the inner objects; copy.deepcopy copies them, "
            + "each once")
        .zh("赋值、浅拷贝与深拷贝",
            "b = a 什么都不复制；copy.copy 共享内层对象；copy.deepcopy 把内层对象也复制一份（每个只复制一次）");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    Mutation m = Mutation.valueOf(p.choice("mutation").toUpperCase(Locale.ROOT));
    State before = CopyScenario.build(null);
    State after = CopyScenario.build(m);
    boolean[] sees = CopyScenario.whoSees(m);
    CopyScenario.JavaResult java = CopyScenario.java(m);
    boolean innerChange = m == Mutation.INNER || m == Mutation.DICT;

    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1800, 1000)
        .subtitle(l.f("x = [2, 3]; a = [1, x, {'k': x}]; b = a; c = copy.copy(a); "
            + "d = copy.deepcopy(a); then %s", "x = [2, 3]; a = [1, x, {'k': x}]; b = a; "
            + "c = copy.copy(a); d = copy.deepcopy(a); 然后 %s", m.python))
        .add(DrawingPanel.titled(l.t("Before: the objects and the names pointing at them",
            "修改前：对象，以及指向它们的名字"), (g, a) -> drawGraph(g, a, before, null, l)))
        .add(DrawingPanel.titled(l.f("After %s (changed object in red)",
            "执行 %s 之后（红框为被修改的对象）", m.python),
            (g, a) -> drawGraph(g, a, after, after.changed(), l)))
        .add(DrawingPanel.titled(l.t("Who sees the change (repr before → after)",
            "谁看得到这次修改（修改前 → 修改后的 repr）"), (g, a) -> drawTable(g, a, before,
            after, sees, l)))
        .add(DrawingPanel.titled(l.t("Java: clone() and copy constructors are shallow",
            "Java：clone() 和拷贝构造函数都是浅拷贝"), (g, a) -> drawJava(g, a, m, java, l)));

    String model = l.t("object-graph model", "对象图模型");
    String yes = l.t(" (1 = yes)", "（1 = 是）");
    Result r = Result.of(figure)
        .finding(bool("sees_assignment", l.t("b = a sees the change", "b = a 看得到修改") + yes,
            sees[1], 1, l.t("one object, two names", "同一个对象，两个名字")))
        .finding(bool("sees_shallow", l.t("copy.copy(a) sees the change",
            "copy.copy(a) 看得到修改") + yes, sees[2], innerChange ? 1 : 0,
            l.t(innerChange ? "shallow copy shares inner objects"
                : "shallow copy has its own outer list", innerChange ? "浅拷贝共享内层对象"
                : "浅拷贝有自己的外层列表")))
        .finding(bool("sees_deep", l.t("copy.deepcopy(a) sees the change",
            "copy.deepcopy(a) 看得到修改") + yes, sees[3], 0, l.t(DOCS, DOCS_ZH)))
        .finding(Finding.of("shared_shallow", l.t("containers shared by a and copy.copy(a)",
                "a 与 copy.copy(a) 共享的容器数"),
            ObjectGraph.sharedContainers(before.a(), before.c()), "")
            .withReference(2, l.t("x and the dict: every inner container", "x 和字典：所有内层容器"),
                0))
        .finding(Finding.of("shared_deep", l.t("containers shared by a and copy.deepcopy(a)",
                "a 与 copy.deepcopy(a) 共享的容器数"),
            ObjectGraph.sharedContainers(before.a(), before.d()), "")
            .withReference(0, l.t(DOCS, DOCS_ZH), 0))
        .finding(bool("deep_keeps_sharing", l.t("in d, d[1] is d[2]['k'] (memo keeps x shared)",
                "d 中 d[1] is d[2]['k']（memo 让 x 仍被共享）") + yes,
            before.d().items.get(1) == before.d().items.get(2).entries.get("k"), 1,
            l.t(DOCS + ", memo", DOCS_ZH + "，memo")))
        .finding(bool("java_clone_sees", l.t("Java ArrayList.clone() sees the same change",
                "Java 的 ArrayList.clone() 看得到同样的修改") + yes, java.cloneSees(),
            sees[2] ? 1 : 0, l.t("same as copy.copy", "与 copy.copy 相同")));
    Map<String, Object> seen = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      seen.put(NAMES[i], sees[i]);
    }
    return r.data("mutation", m.python).data("sees", seen)
        .data("before", reprs(before)).data("after", reprs(after))
        .data("java", dev.bagu.io.Json.object("clone_sees", java.cloneSees(), "copy_constructor_sees",
            java.copyCtorSees(), "clone_after", java.cloneAfter()));
  }

  private static Finding bool(String key, String label, boolean value, int expected, String src) {
    return Finding.of(key, label, value ? 1 : 0, "").withReference(expected, src, 0);
  }

  private static Map<String, String> reprs(State s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("a", ObjectGraph.repr(s.a()));
    m.put("b", ObjectGraph.repr(s.a()));
    m.put("c", ObjectGraph.repr(s.c()));
    m.put("d", ObjectGraph.repr(s.d()));
    return m;
  }

  // ---- drawing -------------------------------------------------------------------------------

  private static final double CELL_W = 60;
  private static final double CELL_H = 48;

  private static double boxWidth(Obj o) {
    return CELL_W * (o.type == Type.LIST ? Math.max(1, o.items.size()) : 2 * o.entries.size());
  }

  /** Names on the left; containers in columns by distance from a name; atoms inside cells. */
  private static void drawGraph(Graphics2D g, Rectangle a, State s, Obj changed, Lang l) {
    Obj[] roots = {s.a(), s.c(), s.d()};
    Map<Obj, Integer> depth = new IdentityHashMap<>();
    List<List<Obj>> columns = new ArrayList<>();
    List<Obj> frontier = new ArrayList<>(List.of(roots));
    for (int d = 0; !frontier.isEmpty(); d++) {
      List<Obj> col = new ArrayList<>();
      List<Obj> next = new ArrayList<>();
      for (Obj o : frontier) {
        if (o.isContainer() && !depth.containsKey(o)) {
          depth.put(o, d);
          col.add(o);
          next.addAll(o.children());
        }
      }
      if (!col.isEmpty()) {
        columns.add(col);
      }
      frontier = next;
    }
    double namesW = 70;
    double colW = (a.width - namesW) / columns.size();
    Map<Obj, Rectangle2D> boxes = new IdentityHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      List<Obj> col = columns.get(c);
      double slot = (a.height - 10) / (double) col.size();
      for (int i = 0; i < col.size(); i++) {
        Obj o = col.get(i);
        double x = a.x + namesW + c * colW + 30;
        double y = a.y + 18 + slot * (i + 0.5) - CELL_H / 2;
        boxes.put(o, new Rectangle2D.Double(x, y, boxWidth(o), CELL_H));
      }
    }
    // Names: a and b share the first object; c and d point at theirs.
    g.setFont(Theme.font(Font.BOLD, 22));
    String[] names = NAMES;
    Obj[] targets = {s.a(), s.a(), s.c(), s.d()};
    Color[] colours = {Theme.category(0), Theme.category(0), Theme.category(1), Theme.category(2)};
    for (int i = 0; i < 4; i++) {
      Rectangle2D t = boxes.get(targets[i]);
      double y = t.getCenterY() + (i == 0 ? -CELL_H * 0.45 : i == 1 ? CELL_H * 0.45 : 0);
      g.setColor(colours[i]);
      g.drawString(names[i], (float) (a.x + 8), (float) (y + 8));
      Draw.arrow(g, a.x + 34, y, t.getX() - 2, t.getCenterY(), Draw.THIN);
    }
    // Boxes, cells, and arrows out of reference cells.
    // In column order, not the identity map's (hash) order: the same bytes every run.
    for (Obj o : columns.stream().flatMap(List::stream).toList()) {
      Rectangle2D b = boxes.get(o);
      g.setFont(Theme.font(Font.PLAIN, 15));
      g.setColor(Theme.MUTED_TEXT);
      g.drawString(o.type == Type.LIST ? "list" : "dict", (float) b.getX(), (float) b.getY() - 4);
      List<Object[]> cells = new ArrayList<>(); // {label or null, referenced object or null}
      if (o.type == Type.LIST) {
        for (Obj item : o.items) {
          cells.add(item.isContainer() ? new Object[] {null, item}
              : new Object[] {ObjectGraph.repr(item), null});
        }
      } else {
        for (Map.Entry<String, Obj> en : o.entries.entrySet()) {
          cells.add(new Object[] {"'" + en.getKey() + "'", null});
          cells.add(en.getValue().isContainer() ? new Object[] {null, en.getValue()}
              : new Object[] {ObjectGraph.repr(en.getValue()), null});
        }
      }
      g.setFont(Theme.font(Font.PLAIN, 21));
      for (int i = 0; i < cells.size(); i++) {
        Rectangle2D cell = new Rectangle2D.Double(b.getX() + i * CELL_W, b.getY(), CELL_W,
            CELL_H);
        g.setColor(o.type == Type.DICT && i % 2 == 0 ? new Color(0xEE, 0xEE, 0xEE)
            : Theme.BACKGROUND);
        g.fill(cell);
        g.setColor(Theme.AXIS);
        g.setStroke(Draw.THIN);
        g.draw(cell);
        Object label = cells.get(i)[0];
        Obj ref = (Obj) cells.get(i)[1];
        if (label != null) {
          g.setColor(Theme.TEXT);
          Draw.centred(g, (String) label, cell.getCenterX(), cell.getCenterY() + 7);
        } else {
          g.setColor(Theme.TEXT);
          g.fill(new Ellipse2D.Double(cell.getCenterX() - 5, cell.getCenterY() - 5, 10, 10));
          Rectangle2D t = boxes.get(ref);
          boolean forward = t.getX() > cell.getMaxX();
          g.setColor(Theme.withAlpha(Theme.TEXT, 0.8));
          if (forward) {
            Draw.curvedArrow(g, cell.getCenterX(), cell.getCenterY(), t.getX() - 2,
                t.getCenterY(), 0, Draw.THIN);
          } else if (cell.getCenterX() > t.getX() && cell.getCenterX() < t.getMaxX()) {
            // Same column: straight up or down into the target's edge.
            boolean up = t.getY() < cell.getY();
            Draw.arrow(g, cell.getCenterX(), up ? cell.getY() + 6 : cell.getMaxY() - 6,
                cell.getCenterX(), up ? t.getMaxY() + 2 : t.getY() - 2, Draw.THIN);
          } else {
            // A reference back to an earlier column (a cycle): a curve into its bottom.
            Draw.curvedArrow(g, cell.getCenterX(), cell.getMaxY(), t.getCenterX(),
                t.getMaxY() + 2, -40, Draw.THIN);
          }
        }
      }
      if (o == changed) {
        g.setColor(Theme.category(3));
        g.setStroke(new java.awt.BasicStroke(4f));
        g.draw(new Rectangle2D.Double(b.getX() - 4, b.getY() - 4, b.getWidth() + 8,
            b.getHeight() + 8));
        g.setStroke(Draw.THIN);
      }
    }
  }

  private static void drawTable(Graphics2D g, Rectangle a, State before, State after,
      boolean[] sees, Lang l) {
    String[] how = {l.t("the original", "原对象"), "b = a", "c = copy.copy(a)",
        "d = copy.deepcopy(a)"};
    Obj[] b = {before.a(), before.a(), before.c(), before.d()};
    Obj[] f = {after.a(), after.a(), after.c(), after.d()};
    g.setFont(Theme.font(Font.PLAIN, 18));
    int lh = g.getFontMetrics().getHeight();
    double y = a.y + lh;
    for (int i = 0; i < 4; i++) {
      g.setFont(Theme.font(Font.BOLD, 19));
      g.setColor(sees[i] ? Theme.category(3) : Theme.category(2));
      String verdict = sees[i] ? l.t("✓ sees it", "✓ 看得到") : l.t("× unchanged", "× 不变");
      g.drawString(NAMES[i] + "   " + how[i], a.x + 8, (float) y);
      Draw.right(g, verdict, a.x + a.width - 8, y);
      y += lh + 2;
      g.setFont(Theme.font(Font.PLAIN, 17));
      g.setColor(Theme.MUTED_TEXT);
      String line = ObjectGraph.repr(b[i]) + "  →  " + ObjectGraph.repr(f[i]);
      g.drawString(Draw.fit(g, line, a.width - 40), a.x + 30, (float) y);
      y += lh + 14;
    }
  }

  private static void drawJava(Graphics2D g, Rectangle a, Mutation m,
      CopyScenario.JavaResult java, Lang l) {
    List<String> code = List.of(
        "ArrayList<Object> a = new ArrayList<>(List.of(1, x, map));",
        "ArrayList<Object> c1 = (ArrayList<Object>) a.clone();",
        "ArrayList<Object> c2 = new ArrayList<>(a);",
        l.f("// then the same change: %s", "// 然后做同样的修改：%s", m.python));
    g.setFont(Theme.font(Font.PLAIN, 16));
    int lh = g.getFontMetrics().getHeight() + 4;
    g.setColor(Draw.CODE_BACKGROUND);
    g.fillRect(a.x, a.y, a.width, code.size() * lh + 14);
    double y = a.y + 8 + g.getFontMetrics().getAscent();
    for (String s : code) {
      g.setColor(s.startsWith("//") ? Theme.MUTED_TEXT : Theme.TEXT);
      g.drawString(Draw.fit(g, s, a.width - 16), a.x + 8, (float) y);
      y += lh;
    }
    y += 18;
    g.setFont(Theme.font(Font.BOLD, 18));
    g.setColor(java.cloneSees() ? Theme.category(3) : Theme.category(2));
    g.drawString(l.f("executed: c1 %s, c2 %s", "实际执行：c1 %s，c2 %s",
        java.cloneSees() ? l.t("sees it", "看得到") : l.t("unchanged", "不变"),
        java.copyCtorSees() ? l.t("sees it", "看得到") : l.t("unchanged", "不变")),
        a.x + 8, (float) y);
    y += lh;
    g.setFont(Theme.font(Font.PLAIN, 16));
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(Draw.fit(g, "c1: " + java.before() + "  →  " + java.cloneAfter(), a.width - 16),
        a.x + 8, (float) y);
    y += lh + 12;
    g.setColor(Theme.TEXT);
    ScopesDemo.wrap(g, l.t("Like copy.copy, Java's clone() and copy constructors copy only the "
        + "outer container. Java has no deepcopy: a deep copy is written by hand (a copy "
        + "constructor that copies its fields, or serialisation), and must handle shared "
        + "objects and cycles itself, with an IdentityHashMap as Python's memo.",
        "和 copy.copy 一样，Java 的 clone() 和拷贝构造函数只复制最外层容器。Java 没有 deepcopy："
            + "深拷贝要自己写（逐个复制字段的拷贝构造函数，或序列化），还得自己处理共享对象和环，"
            + "比如用 IdentityHashMap 充当 Python 的 memo。"), a.x + 8, y, a.width - 16);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new CopySemanticsDemo(), args);
  }
}
