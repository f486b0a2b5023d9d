package dev.bagu.window;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A tiny demo for the window tests: one parameter of each kind, n = 13 fails as a user error and
 * n = 666 as a bug, and an optional gate holds every run until the test opens it. Built with
 * {@code previews} true it has a preview: its findings then say "preview".
 */
final class FakeDemo implements Demo {
  final List<Params> runs = new CopyOnWriteArrayList<>();
  volatile CountDownLatch gate;
  private final boolean previews;

  FakeDemo() {
    this(false);
  }

  FakeDemo(boolean previews) {
    this.previews = previews;
  }

  @Override
  public boolean hasPreview() {
    return previews;
  }

  @Override
  public DemoInfo info() {
    return new DemoInfo("fake-demo", "A fake demo", Section.ATTENTION, "假的", "Tests the window.")
        .zh("一个假的演示", "测试窗口。");
  }

  @Override
  public List<Param<?>> params() {
    return List.of(
        Param.integer("n", 10, 1, 1000, "How many").logScale(),
        Param.real("scale", 1.0, 0.1, 10, "Multiplier"),
        Param.choice("mode", "a", List.of("a", "b"), "Which mode"),
        Param.bool("flag", false, "A switch"));
  }

  @Override
  public Result run(Params p) {
    runs.add(p);
    CountDownLatch g = gate;
    if (g != null) {
      try {
        g.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int n = p.integer("n");
    if (n == 13) {
      throw new UserException("parameter n = 13 is unlucky: allowed anything else");
    }
    if (n == 666) {
      throw new IllegalStateException("a bug");
    }
    double[] x = {0, 1};
    double[] y = {0, n};
    Figure f = Figure.single("n = " + n, XyPlot.titled("line").line("y", x, y));
    return Result.of(f)
        .finding(Finding.of("n", p.preview() && previews ? "preview" : p.lang().t("The n", "n 的值"),
            n, ""))
        .finding(Finding.of("scaled", "n times scale", n * p.real("scale"), "units")
            .withReference(10, "the default"));
  }
}
