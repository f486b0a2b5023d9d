package dev.bagu.gallery;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.List;

/**
 * A demo for the gallery tests that takes milliseconds: two animation frames, one finding that
 * agrees with its reference and one that does not, one time measured here; "failing" throws.
 */
final class TinyDemo implements Demo {
  private final String id;
  private final Section section;

  TinyDemo(String id, Section section) {
    this.id = id;
    this.section = section;
  }

  @Override
  public DemoInfo info() {
    return new DemoInfo(id, "Tiny <" + id + ">", section, "小演示", "A line & two frames.");
  }

  @Override
  public List<Param<?>> params() {
    return List.of(Param.integer("n", 3, 1, 10, "Slope"));
  }

  @Override
  public Result run(Params p) {
    if (id.startsWith("failing")) {
      throw new IllegalStateException("boom");
    }
    int n = p.integer("n");
    long start = System.nanoTime();
    Figure f = figure("slope " + n + (p.showTimes() ? " · " + System.nanoTime() + " ns" : ""),
        n);
    double nanos = System.nanoTime() - start;
    return Result.of(f)
        .finding(Finding.of("slope", "slope", n, "").withReference(3, "by construction"))
        .finding(Finding.of("twice", "twice the slope", 2 * n, "").withReference(7, "wrong"))
        .finding(Finding.of("draw_time", "time to build the figure", nanos, "ns").asMeasured())
        .frame(figure("frame 1", 1)).frame(figure("frame 2", 2));
  }

  private static Figure figure(String title, int slope) {
    return Figure.single(title, XyPlot.titled("line").line("y", new double[] {0, 1},
        new double[] {0, slope})).preferredSize(400, 300);
  }
}
