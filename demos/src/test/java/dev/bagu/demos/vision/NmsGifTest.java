package dev.bagu.demos.vision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.plot.FigureExport;
import java.awt.Dimension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NmsGifTest {
  @TempDir
  Path dir;

  @Test
  void defaultGifIsSmallAndTheSameBytesEveryTime() throws IOException {
    NmsDemo demo = new NmsDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    Dimension size = FigureExport.gifSize(r.frames().get(0).preferredSize());
    Path a = dir.resolve("a.gif");
    Path b = dir.resolve("b.gif");
    FigureExport.gif(r.frames(), a, size.width, size.height, r.frameDelayMillis());
    FigureExport.gif(demo.run(Params.defaults(demo.params())).frames(), b, size.width,
        size.height, r.frameDelayMillis());
    assertThat(Files.size(a)).isLessThanOrEqualTo(500_000); // was 1.5 MB with NeuQuant per frame
    assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
  }

  @Test
  void crowdPairShowsGreedyDeletingThePersonBehind() {
    // At the defaults (N_t = 0.5) greedy finds 1 of the 2, Soft-NMS both; at N_t = 0.7 both.
    Detections d = CrowdPair.detections();
    assertThat(d.iou(0, 2)).isBetween(0.6, 0.61);
    var greedy = Nms.run(Nms.Method.GREEDY, d, Nms.Settings.DEFAULT);
    var soft = Nms.run(Nms.Method.SOFT_GAUSSIAN, d, Nms.Settings.DEFAULT);
    assertThat(DetectionMetrics.match(greedy.box(), greedy.score(), CrowdPair.TRUTH, 0.5).found())
        .isEqualTo(1);
    assertThat(DetectionMetrics.match(soft.box(), soft.score(), CrowdPair.TRUTH, 0.5).found())
        .isEqualTo(2);
    var loose = Nms.run(Nms.Method.GREEDY, d, new Nms.Settings(0.7, 0.5, 0.001));
    assertThat(DetectionMetrics.match(loose.box(), loose.score(), CrowdPair.TRUTH, 0.5).found())
        .isEqualTo(2);
  }
}
