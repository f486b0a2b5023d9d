package dev.bagu.demos.python;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.python.StackedDecorators.Event;
import dev.bagu.demos.python.StackedDecorators.Kind;
import dev.bagu.demos.python.StackedDecorators.OuterCalls;
import dev.bagu.demos.python.StackedDecorators.Trace;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 装饰器: stacked decorators run, and the order their prints come out in. */
public final class DecoratorsDemo implements Demo {
  private static final String SEED = "seed 000 §2.3";
  private static final String SEED_ZH = "笔记 000 §2.3";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("decorators", 2, 1, 4,
          "decorators stacked on my_function (@my_decorator1 on top)")
          .zh("叠在 my_function 上的装饰器个数（@my_decorator1 在最上面）"),
      Param.choice("outer-calls", "once", List.of("once", "twice", "never"),
          "how often the outermost wrapper calls the function it wraps")
          .zh("最外层 wrapper 调用被包函数的次数：once 一次、twice 两次、never 不调用"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("decorators", "Stacked decorators: who prints when", Section.PYTHON,
        "装饰器",
        "@d1 @d2 def f means f = d1(d2(f)): d2 wraps first, d1's wrapper runs first and ends last")
        .zh("叠加装饰器：谁先打印",
            "@d1 @d2 def f 等价于 f = d1(d2(f))：d2 先包装，调用时 d1 的 wrapper 最先进入、最后退出");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int n = p.integer("decorators");
    OuterCalls outer = OuterCalls.valueOf(p.choice("outer-calls").toUpperCase(Locale.ROOT));
    Lang l = p.lang();
    Trace t = StackedDecorators.run(n, outer);
    List<String> predicted = StackedDecorators.predictedOrder(n, outer);

    Figure figure = Figure.grid(info().title(l), 1, 3).preferredSize(1800, 1000)
        .subtitle(l.f("%d stacked decorator(s) · the outermost wrapper calls func %s · executed "
                + "in Java, every print recorded", "%d 个叠加的装饰器 · 最外层 wrapper %s · 在 Java "
                + "中实际执行并记录每次打印", n, l.t(timesEn(outer), timesZh(outer))))
        .add(DrawingPanel.titled(l.t("Python source and what it prints", "Python 源码与输出"),
            (g, a) -> drawSource(g, a, t, l)))
        .add(DrawingPanel.titled(l.t("Call stack over time (sequence diagram)",
            "调用栈随时间变化（时序图）"), (g, a) -> drawSequence(g, a, t, l)))
        .add(DrawingPanel.titled(l.t("The nesting: an onion of wrappers",
            "嵌套结构：层层包裹的洋葱"), (g, a) -> drawOnion(g, a, t, l)));

    String order = String.join(", ", t.printed());
    String rule = l.t("rule: entry prints go down the stack, exit prints come back up",
        "规则：进入时的打印自外向内，退出时的打印自内向外");
    Result result = Result.of(figure)
        .finding(Finding.of("printed_lines", l.f("printed order: %s (lines)", "打印顺序：%s（行数）",
            order.length() > 60 ? order.substring(0, 57) + "…" : order), t.printed().size(), "")
            .withReference(predicted.size(), rule, 0))
        .finding(Finding.of("order_matches_rule", l.t("printed order equals the rule's (1 = yes)",
            "打印顺序与规则一致（1 = 是）"), t.printed().equals(predicted) ? 1 : 0, "")
            .withReference(1, rule, 0))
        .finding(Finding.of("function_runs", l.t("times the original my_function ran",
            "原函数 my_function 执行的次数"), t.functionRuns(), "")
            .withReference(outer.times, l.t("calls made by the outermost wrapper",
                "最外层 wrapper 的调用次数"), 0))
        .finding(Finding.of("max_stack_depth", l.t("deepest call stack below the caller (frames)",
            "调用方之下最深的调用栈（帧数）"), t.maxDepth(), "")
            .withReference(outer.times == 0 ? 1 : n + 1, l.t("n wrappers + my_function",
                "n 层 wrapper + my_function"), 0));
    if (n == 2 && outer == OuterCalls.ONCE) {
      result.finding(Finding.of("matches_seed", l.t("order equals the notes' 1:1, 2:1, f, 2:2, 1:2 "
              + "(1 = yes)", "与笔记的 1:1、2:1、f、2:2、1:2 一致（1 = 是）"),
          t.printed().equals(List.of("1:1", "2:1", "f", "2:2", "1:2")) ? 1 : 0, "")
          .withReference(1, l.t(SEED, SEED_ZH), 0));
    }
    return result.data("calls", t.printed()).data("predicted", predicted)
        .data("applied", t.applied()).data("events", eventData(t));
  }

  private static String timesEn(OuterCalls c) {
    return switch (c) {
      case ONCE -> "once";
      case TWICE -> "twice";
      case NEVER -> "never";
    };
  }

  private static String timesZh(OuterCalls c) {
    return switch (c) {
      case ONCE -> "调用 func 一次";
      case TWICE -> "调用 func 两次";
      case NEVER -> "从不调用 func";
    };
  }

  /** The seed's program for n decorators, my_decorator1 written out, the others summarised. */
  static List<String> source(int n, OuterCalls outer, Lang l) {
    List<String> s = new ArrayList<>();
    s.add("def my_decorator1(func):");
    s.add("    def wrapper():");
    s.add("        print('1:1')");
    for (int k = 0; k < outer.times; k++) {
      s.add("        func()");
    }
    if (outer.times == 0) {
      s.add(l.t("        # func() is never called", "        # 从不调用 func()"));
    }
    s.add("        print('1:2')");
    s.add("    return wrapper");
    if (n >= 2) {
      String others = n == 2 ? "my_decorator2" : "my_decorator2 … my_decorator" + n;
      s.add(l.f("# %s: the same, printing i:1, i:2", "# %s：同上，打印 i:1、i:2", others));
    }
    s.add("");
    for (int i = 1; i <= n; i++) {
      s.add("@my_decorator" + i);
    }
    s.add("def my_function():");
    s.add("    print('f')");
    s.add("");
    s.add("my_function()");
    return s;
  }

  private static void drawSource(Graphics2D g, Rectangle a, Trace t, Lang l) {
    List<String> src = source(t.decorators(), t.outer(), l);
    int pad = 12;
    // The console output goes below the source as wrapped tokens; leave it a quarter.
    int sourceHeight = a.height * 3 / 5;
    Font f = Draw.fitFont(g, src, Font.PLAIN, 22, 11, a.width - 2 * pad, sourceHeight - 2 * pad,
        1.1);
    g.setFont(f);
    int lh = (int) Math.round(g.getFontMetrics().getHeight() * 1.1);
    g.setColor(Draw.CODE_BACKGROUND);
    g.fillRect(a.x, a.y, a.width, Math.min(sourceHeight, src.size() * lh + 2 * pad));
    double space = Draw.width(g, " ");
    int y = a.y + pad + g.getFontMetrics().getAscent();
    for (String line : src) {
      int ind = Draw.indent(line);
      g.setColor(line.strip().startsWith("#") ? Theme.MUTED_TEXT
          : line.strip().startsWith("@") ? Theme.category(0) : Theme.TEXT);
      g.drawString(line.strip(), (float) (a.x + pad + ind * space), y);
      y += lh;
    }
    // Console output, as printed, wrapped.
    y = a.y + Math.min(sourceHeight, src.size() * lh + 2 * pad) + 36;
    g.setFont(Theme.axisTitle());
    g.setColor(Theme.TEXT);
    g.drawString(l.f("Printed (%d lines, in order):", "输出（共 %d 行，按顺序）：",
        t.printed().size()), a.x + pad, y);
    g.setFont(Theme.font(Font.BOLD, 20));
    int lineH = g.getFontMetrics().getHeight() + 10;
    double x = a.x + pad;
    y += lineH;
    for (String s : t.printed()) {
      double w = Draw.width(g, s) + 16;
      if (x + w > a.x + a.width - pad) {
        x = a.x + pad;
        y += lineH;
      }
      g.setColor(s.equals("f") ? Theme.category(3) : frameColour(s.charAt(0) - '0'));
      g.drawString(s, (float) (x + 4), y);
      x += w + 8;
    }
    y += lineH + 8;
    String applied = l.t("applied at def time: ", "定义时的包装顺序：")
        + String.join(" → ", t.applied());
    g.setFont(Draw.fitFont(g, List.of(applied), Font.PLAIN, 16, 10, a.width - 2 * pad, 100, 1));
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(Draw.fit(g, applied, a.width - 2 * pad), a.x + pad, y);
  }

  /** Frame k's colour: the wrappers in category colours, the original function vermillion. */
  private static Color frameColour(int frame) {
    return Theme.category(frame == 0 ? 6 : frame - 1 == 3 ? 4 : frame - 1);
  }

  private static void drawSequence(Graphics2D g, Rectangle a, Trace t, Lang l) {
    int n = t.decorators();
    int columns = n + 2; // caller, wrappers 1..n, my_function
    List<Event> ev = t.events();
    g.setFont(Theme.tickLabel());
    int header = 2 * g.getFontMetrics().getHeight() + 8;
    double colW = (double) a.width / columns;
    double top = a.y + header + 6;
    double rowH = Math.min(46, (a.height - header - 16) / (double) (ev.size() + 1));
    // Lifeline headers.
    for (int c = 0; c < columns; c++) {
      double cx = a.x + colW * (c + 0.5);
      String name = c == 0 ? l.t("caller", "调用方") : c == n + 1 ? "my_function" : "wrapper " + c;
      String sub = c == 0 ? "" : c == n + 1 ? "print('f')" : "my_decorator" + c;
      g.setColor(c == n + 1 ? Theme.category(3) : frameColour(c));
      g.setFont(Draw.fitFont(g, List.of(name), Font.BOLD, 15, 11, colW - 4, 100, 1));
      Draw.centred(g, Draw.fit(g, name, colW - 4), cx, a.y + g.getFontMetrics().getAscent());
      g.setFont(Draw.fitFont(g, List.of(sub), Font.PLAIN, 13, 10, colW - 4, 100, 1));
      g.setColor(Theme.MUTED_TEXT);
      if (Draw.width(g, sub) <= colW - 4) {
        Draw.centred(g, sub, cx, a.y + header - 10);
      }
      g.setColor(Theme.GRID);
      g.setStroke(Draw.DASHED);
      g.drawLine((int) cx, (int) top, (int) cx, (int) (top + rowH * (ev.size() + 0.5)));
    }
    // Activation bars: frame k is on the stack from the CALL into it to its RETURN.
    int[] openedAt = new int[columns + 1];
    java.util.Arrays.fill(openedAt, -1);
    openedAt[0] = 0;
    for (int i = 0; i < ev.size(); i++) {
      Event e = ev.get(i);
      if (e.kind() == Kind.CALL) {
        openedAt[e.frame() + 1] = i;
      } else if (e.kind() == Kind.RETURN) {
        bar(g, a, colW, top, rowH, e.frame(), openedAt[e.frame()], i, n);
      }
    }
    bar(g, a, colW, top, rowH, 0, 0, ev.size() - 1, n);
    // Arrows and prints, one row each.
    g.setFont(Theme.font(Font.BOLD, (int) Math.max(12, Math.min(20, rowH * 0.55))));
    for (int i = 0; i < ev.size(); i++) {
      Event e = ev.get(i);
      double y = top + rowH * (i + 0.5);
      double cx = a.x + colW * (e.frame() + 0.5);
      if (e.kind() == Kind.CALL) {
        g.setColor(Theme.TEXT);
        Draw.arrow(g, cx + 7, y, cx + colW - 7, y, Draw.THIN);
      } else if (e.kind() == Kind.RETURN) {
        g.setColor(Theme.MUTED_TEXT);
        Draw.arrow(g, cx - 7, y, cx - colW + 7, y, Draw.DASHED);
      } else {
        g.setColor(e.frame() == n + 1 ? Theme.category(3) : frameColour(e.frame()));
        g.drawString(e.text(), (float) (cx + 11), (float) (y + g.getFontMetrics().getAscent() / 2.0
            - 2));
      }
    }
    g.setFont(Theme.font(Font.PLAIN, 13));
    g.setColor(Theme.MUTED_TEXT);
    Draw.right(g, l.t("time runs down · solid arrow: call · dashed: return", "时间自上而下 · 实线：调用 · 虚线：返回"),
        a.x + a.width - 4, a.y + a.height - 2);
  }

  private static void bar(Graphics2D g, Rectangle a, double colW, double top, double rowH,
      int frame, int from, int to, int n) {
    double cx = a.x + colW * (frame + 0.5);
    Color c = frame == n + 1 ? Theme.category(3) : frameColour(frame);
    g.setColor(Theme.withAlpha(c, 0.35));
    double y0 = top + rowH * (from + 0.5) - 3;
    double y1 = top + rowH * (to + 0.5) + 3;
    g.fill(new java.awt.geom.Rectangle2D.Double(cx - 6, y0, 12, y1 - y0));
  }

  private static void drawOnion(Graphics2D g, Rectangle a, Trace t, Lang l) {
    int n = t.decorators();
    // The composition, as Python evaluates the @ lines.
    StringBuilder expr = new StringBuilder("my_function");
    for (int i = n; i >= 1; i--) {
      expr.insert(0, "my_decorator" + i + "(").append(")");
    }
    List<String> head = List.of("my_function = " + expr,
        l.t("Java (no @ syntax): g = d1(d2(f)), written by hand",
            "Java（没有 @ 语法）：手写 g = d1(d2(f))"));
    Font f = Draw.fitFont(g, head, Font.PLAIN, 17, 10, a.width - 8, 200, 1);
    g.setFont(f);
    int lh = g.getFontMetrics().getHeight();
    g.setColor(Theme.TEXT);
    g.drawString(head.get(0), a.x + 4, a.y + lh);
    g.setColor(Theme.MUTED_TEXT);
    g.drawString(head.get(1), a.x + 4, a.y + 2 * lh + 4);
    double top = a.y + 2 * lh + 20;
    double bottom = a.y + a.height - 4;
    g.setFont(Theme.font(Font.PLAIN, 17));
    int th = g.getFontMetrics().getHeight();
    double ringY = Math.min(3.2 * th, (bottom - top - 3 * th) / (2.0 * n));
    double ringX = Math.min(40, (a.width - 160) / (2.0 * n));
    // Rings of a fixed stride around a core of about six lines, centred in what is left.
    double used = Math.min(bottom - top, 2 * n * ringY + 6 * th);
    top += (bottom - top - used) / 2;
    bottom = top + used;
    for (int i = 1; i <= n + 1; i++) {
      double x0 = a.x + (i - 1) * ringX;
      double y0 = top + (i - 1) * ringY;
      double w = a.width - 2 * (i - 1) * ringX;
      double h = bottom - top - 2 * (i - 1) * ringY;
      boolean core = i == n + 1;
      Color c = core ? Theme.category(3) : frameColour(i);
      g.setColor(Theme.withAlpha(c, core ? 0.22 : 0.10));
      g.fill(new RoundRectangle2D.Double(x0, y0, w, h, 24, 24));
      g.setColor(c);
      g.setStroke(Draw.THIN);
      g.draw(new RoundRectangle2D.Double(x0, y0, w, h, 24, 24));
      double cx = x0 + w / 2;
      if (core) {
        g.setFont(Theme.font(Font.BOLD, 18));
        Draw.centred(g, "my_function", cx, y0 + h / 2 - 4);
        g.setFont(Theme.font(Font.PLAIN, 16));
        Draw.centred(g, t.functionRuns() == 0 ? l.t("prints f (never runs here)", "打印 f（这里从未执行）")
            : l.t("prints f", "打印 f"), cx, y0 + h / 2 + th);
      } else {
        int calls = i == 1 ? t.outer().times : 1;
        g.setFont(Theme.font(Font.PLAIN, 17));
        String enter = l.f("wrapper %d: print('%d:1') on entry", "wrapper %d：进入时 print('%d:1')",
            i, i);
        String exit = l.f("print('%d:2') on exit", "退出时 print('%d:2')", i);
        if (calls != 1) {
          exit += l.t(calls == 0 ? " · func() never called" : " · func() called twice",
              calls == 0 ? " · 从不调用 func()" : " · 调用 func() 两次");
        }
        Draw.centred(g, Draw.fit(g, enter, w - 16), cx, y0 + th);
        Draw.centred(g, Draw.fit(g, exit, w - 16), cx, y0 + h - th / 2.0);
      }
    }
  }

  /** The events for the JSON: kind, frame and printed text. */
  private static List<Map<String, Object>> eventData(Trace t) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Event e : t.events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
      m.put("frame", e.frame());
      if (e.kind() == Kind.PRINT) {
        m.put("text", e.text());
      }
      out.add(m);
    }
    return out;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new DecoratorsDemo(), args);
  }
}
