package dev.bagu.serve;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A demo for the server tests that takes milliseconds, with every kind of parameter, an input
 * file (x,y points, read with the same {@link CsvTable} the real demos use), a run counter (to see
 * cache hits) and a gate that can hold runs back (to fill the pool's queue on purpose).
 */
final class LineDemo implements Demo {
  final AtomicInteger runs = new AtomicInteger();
  /** Runs wait for a permit; plenty unless a test takes them away. */
  final Semaphore gate = new Semaphore(1_000_000);

  @Override
  public DemoInfo info() {
    return new DemoInfo("line", "A line <with> a slope", Section.VISION, "直线",
        "Draws y = slope · x.").zh("一条直线", "画出 y = slope · x。");
  }

  @Override
  public List<Param<?>> params() {
    return List.of(Param.integer("slope", 3, 1, 10, "Slope of the line").zh("直线的斜率"),
        Param.real("noise", 0.1, 0.001, 1, "Noise").logScale().zh("噪声"),
        Param.choice("shape", "line", List.of("line", "steps"), "How to draw").zh("画法"),
        Param.bool("grid", true, "Draw a grid").zh("画网格"));
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  @Override
  public Result run(Params p) {
    gate.acquireUninterruptibly();
    gate.release();
    runs.incrementAndGet();
    int slope = p.integer("slope");
    int points = 2;
    if (p.input().isPresent()) {
      CsvTable t = CsvTable.read(p.input().get(), List.of(Column.number("x"),
          Column.number("y")));
      points = t.size();
    }
    Figure f = Figure.single("slope " + slope + " · seed " + p.seed(), XyPlot.titled("line")
        .line("y", new double[] {0, 1}, new double[] {0, slope})).preferredSize(400, 300);
    return Result.of(f)
        .finding(Finding.of("slope", p.lang().t("slope", "斜率"), slope, "")
            .withReference(3, "by construction"))
        .finding(Finding.of("points", p.lang().t("points", "点数"), points, ""));
  }
}
