package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;
import dev.bagu.io.Json;
import dev.bagu.plot.FigureExport;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The demos that do less work for the window's preview (Demo.hasPreview): the preview is smaller
 * work and stamped; the full run is unchanged by it, even right after a preview (their memoised
 * training is keyed by the reduced settings, so a preview never stands in for a full run).
 */
class PreviewDemosTest {
  /**
   * The demos with a preview, and where their JSON shows the work done: an array (its length),
   * the last entry of an array of step numbers (its value), or a count in the subtitle or a title.
   */
  static final Map<String, String> WORK = Map.ofEntries(
      Map.entry("gqa", "/training_loss"),                     // Adam steps + 1
      Map.entry("kv-cache", "/tokens"),                       // tokens generated
      Map.entry("paged-attention", "/requests"),              // requests simulated
      Map.entry("rnn-gradients", "/bounds/0/norms"),          // gradient horizon + 1
      Map.entry("moe-routing", "/with/checkpoint_steps#last"), // Adam steps
      Map.entry("clip-contrastive", "/loss_by_step"),         // Adam steps
      Map.entry("vae-latent", "/elbo/steps#last"),            // Adam steps
      Map.entry("distillation", "/accuracy/hard"),            // training sets
      Map.entry("loss-functions", "subtitle:(\\d+) 步 Adam"),  // the toy task's Adam steps
      Map.entry("softmax-scaling", "subtitle:([\\d,]+) 对"),    // (q, k) pairs for the variance
      Map.entry("mean-shift", "title:([\\d,]+) 个起点[），]"),      // seeds in the bandwidth sweep
      // attention
      Map.entry("flash-attention", "/frames"),                // animation frames; and no timing
      Map.entry("head-dimension", "/heads"),                  // head counts (an SVD each)
      Map.entry("multi-head", "/loss_one_head"),              // Adam steps + 1
      Map.entry("attention-depth", "/curves/trials"),         // random networks averaged
      Map.entry("qkv-projections", "/shared_error"),         // Adam steps + 1
      // fine-tuning, training, clustering, vision, Python
      Map.entry("lora", "/ranks"),                            // LoRA ranks trained
      Map.entry("clustering-comparison", "subtitle:每个数据集 (?:画出 )?([\\d,]+) 个点"), // drawn
      Map.entry("concurrency", "findings"),                   // worked out: timed nothing, 7 of 9
      Map.entry("weight-init", "subtitle:(\\d+) 个 N\\(0, 1\\) 输入"),   // the deep net's inputs
      Map.entry("vanishing-gradients", "subtitle:(\\d+) 个 N\\(0, 1\\) 输入"), // the nets' inputs
      Map.entry("kmeans", "subtitle:直方图基于 ?(?:每种 )?(\\d+) 个种子"),   // restarts per seeding
      Map.entry("nms", "subtitle:AP 取 (\\d+) 个场景"),                   // scenes for AP@0.5
      Map.entry("floating-point", "subtitle:([\\d,]+) 个样本"));        // simulated gradients

  private static double work(String id, Result r) {
    String where = WORK.get(id);
    if (where.equals("findings")) { // how many findings the run could work out
      return r.findings().size();
    }
    if (where.startsWith("subtitle:") || where.startsWith("title:")) { // a count the figure states
      String text = where.startsWith("title:") ? String.join("\n", r.figure().texts())
          : r.figure().subtitle();
      java.util.regex.Matcher m = java.util.regex.Pattern.compile(where.substring(
          where.indexOf(':') + 1)).matcher(text);
      assertThat(m.find()).as(id + " " + text).isTrue();
      return Double.parseDouble(m.group(1).replace(",", ""));
    }
    JsonNode node;
    try {
      node = Json.mapper().readTree(Json.write(r.data())).at(where.replace("#last", ""));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    if (node.isNumber()) { // a count the JSON states
      return node.asDouble();
    }
    assertThat(node.isArray()).as(id + " " + where).isTrue();
    return where.endsWith("#last") ? node.get(node.size() - 1).asDouble() : node.size();
  }

  static Stream<Demo> previewed() {
    return Catalogue.demos().stream().filter(Demo::hasPreview);
  }

  @Test
  void theListedDemosAndNoOthersHaveAPreview() {
    assertThat(previewed().map(d -> d.info().id()).toList())
        .containsExactlyInAnyOrderElementsOf(WORK.keySet());
  }

  @Test
  void theCommandLineCannotAskForAPreview(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code = dev.bagu.cli.Bagu.execute(Catalogue.registry(), new String[] {"run", "gqa", "-p",
        "preview=true", "--no-window", "--out", dir.toString()}, new java.io.PrintWriter(out),
        new java.io.PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("unknown parameter 'preview'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("previewed")
  void aPreviewDoesLessWorkIsStampedAndLeavesTheFullRunAsItWas(Demo demo) {
    Params full = Params.defaults(demo.params()).withoutTimes().withLang(Lang.ZH);
    Result before = Preview.run(demo, full);
    Result preview = Preview.run(demo, full.withPreview(true));
    Result after = Preview.run(demo, full);

    // Less work: fewer steps, a shorter horizon or fewer training sets, same data keys.
    String id = demo.info().id();
    assertThat(preview.data().keySet()).isEqualTo(before.data().keySet());
    assertThat(work(id, preview)).isGreaterThan(0).isLessThan(work(id, before));
    assertThat(preview.figure().stamp()).isEqualTo("预览");
    assertThat(before.figure().stamp()).isEmpty();

    assertThat(pixels(after)).isEqualTo(pixels(before));
    assertThat(computed(after)).isEqualTo(computed(before));
    assertThat(Json.write(after.data())).isEqualTo(Json.write(before.data()));
  }

  /** The findings' values, but for times measured on this machine (they vary run to run). */
  private static List<Double> computed(Result r) {
    return r.findings().stream().filter(f -> !f.measured()).map(Finding::value).toList();
  }

  private static int[] pixels(Result r) {
    BufferedImage image = FigureExport.image(r.figure(), 800, 500, FigureExport.BASE_DPI);
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(),
        BufferedImage.TYPE_INT_RGB);
    rgb.getGraphics().drawImage(image, 0, 0, null);
    return ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
  }
}
