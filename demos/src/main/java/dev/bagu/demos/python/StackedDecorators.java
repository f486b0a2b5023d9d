package dev.bagu.demos.python;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's stacked decorators, executed in Java. {@code @my_decorator1 @my_decorator2 def f} means
 * {@code f = my_decorator1(my_decorator2(f))}: the decorator nearest the def is applied first (at
 * definition time), and the outermost wrapper runs first when f is called. Each wrapper i prints
 * "i:1", calls the function it wraps, then prints "i:2"; the outermost one (my_decorator1) may call
 * it once, twice or not at all. Every call, return and print is recorded as an event in time order,
 * which is what the sequence diagram draws.
 */
final class StackedDecorators {
  private StackedDecorators() {}

  /** How many times the outermost wrapper calls the function it wraps. */
  enum OuterCalls {
    ONCE(1), TWICE(2), NEVER(0);

    final int times;

    OuterCalls(int times) {
      this.times = times;
    }
  }

  enum Kind { CALL, RETURN, PRINT }

  /**
   * One moment of the run. Frames are numbered 0 = the caller, 1..n = wrapper of my_decorator i,
   * n + 1 = the original function. CALL goes from {@code frame} to {@code frame + 1}, RETURN from
   * {@code frame} back to {@code frame - 1}; PRINT prints {@code text} from {@code frame}.
   */
  record Event(Kind kind, int frame, String text) {}

  /** The whole run: decoration order, events, what was printed, and the deepest stack. */
  record Trace(int decorators, OuterCalls outer, List<String> applied, List<Event> events,
      List<String> printed, int functionRuns, int maxDepth) {}

  /** A zero-argument function, as the seed's wrappers are. */
  @FunctionalInterface
  private interface Fn {
    void call();
  }

  /** Records events while the composed functions run; depth is the current frame. */
  private static final class Recorder {
    final List<Event> events = new ArrayList<>();
    final List<String> printed = new ArrayList<>();
    int depth;
    int maxDepth;
    int functionRuns;

    void print(String text) {
      events.add(new Event(Kind.PRINT, depth, text));
      printed.add(text);
    }

    /** Calls fn as one frame deeper, recording the call and the return around it. */
    void call(Fn fn) {
      events.add(new Event(Kind.CALL, depth, ""));
      depth++;
      maxDepth = Math.max(maxDepth, depth);
      fn.call();
      events.add(new Event(Kind.RETURN, depth, ""));
      depth--;
    }
  }

  /** my_decorator{i}(func): returns a wrapper printing i:1, calling func {@code times}, i:2. */
  private static Fn decorate(int i, Fn func, int times, Recorder r) {
    return () -> {
      r.print(i + ":1");
      for (int k = 0; k < times; k++) {
        r.call(func);
      }
      r.print(i + ":2");
    };
  }

  /** Decorates f with my_decorator1 … my_decorator{n} (1 on top) and calls it once. */
  static Trace run(int n, OuterCalls outer) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one decorator: " + n);
    }
    Recorder r = new Recorder();
    Fn f = () -> {
      r.functionRuns++;
      r.print("f");
    };
    // The @ lines are applied bottom-up: my_decorator{n} first, my_decorator1 last.
    List<String> applied = new ArrayList<>();
    Fn decorated = f;
    for (int i = n; i >= 1; i--) {
      decorated = decorate(i, decorated, i == 1 ? outer.times : 1, r);
      applied.add("my_decorator" + i);
    }
    r.call(decorated);
    return new Trace(n, outer, List.copyOf(applied), List.copyOf(r.events),
        List.copyOf(r.printed), r.functionRuns, r.maxDepth);
  }

  /**
   * The order the rule predicts, written down without running anything: entering prints go down
   * the stack (1:1 … n:1), f runs, exiting prints come back up (n:2 … 1:2); the outermost wrapper
   * repeats the inner part {@code times} times.
   */
  static List<String> predictedOrder(int n, OuterCalls outer) {
    List<String> inner = new ArrayList<>();
    for (int i = 2; i <= n; i++) {
      inner.add(i + ":1");
    }
    inner.add("f");
    for (int i = n; i >= 2; i--) {
      inner.add(i + ":2");
    }
    List<String> order = new ArrayList<>();
    order.add("1:1");
    for (int k = 0; k < outer.times; k++) {
      order.addAll(inner);
    }
    order.add("1:2");
    return order;
  }
}
