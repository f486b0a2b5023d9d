package dev.bagu.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.UserException;
import dev.bagu.demos.Catalogue;
import dev.bagu.i18n.Lang;
import dev.bagu.io.CsvTable;
import dev.bagu.io.CsvTable.Column;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's HTTP API, in-process, against a demo that takes milliseconds. */
class ServeApiTest {
  private static final Pattern URL = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  private final LineDemo line = new LineDemo();
  private final StringWriter log = new StringWriter();
  private final List<ServeServer> servers = new ArrayList<>();

  private Http start(Registry registry, ServeConfig config) throws Exception {
    ServeServer s = ServeServer.start(registry, config.withPort(0), new PrintWriter(log));
    servers.add(s);
    return new Http(s.url());
  }

  private Http start(ServeConfig config) throws Exception {
    return start(new Registry(List.of(line)), config);
  }

  private Http start() throws Exception {
    return start(ServeConfig.defaults());
  }

  @AfterEach
  void stop() {
    line.gate.release(1_000_000);
    servers.forEach(ServeServer::close);
    assertThat(log.toString()).as("nothing logged as an internal error").isEmpty();
  }

  @Test
  void indexListsEveryDemoInTheChosenLanguage() throws Exception {
    Http http = start();
    HttpResponse<String> en = http.get("/");
    assertThat(en.statusCode()).isEqualTo(200);
    assertThat(en.body()).contains("href=\"/demo/line\"", "A line &lt;with&gt; a slope",
        "lang-switch");
    HttpResponse<String> zh = http.get("/?lang=zh");
    assertThat(zh.body()).contains("<html lang=\"zh\"", "一条直线", "href=\"/demo/line?lang=zh\"");
  }

  @Test
  void pageHasAControlForEveryParameterAndLoadsNothingFromTheNetwork() throws Exception {
    Http http = start();
    HttpResponse<String> page = http.get("/demo/line?slope=5&shape=steps&grid=false&seed=7"
        + "&lang=zh");
    assertThat(page.statusCode()).isEqualTo(200);
    String html = page.body();
    assertThat(html).contains("type=\"range\" id=\"p-slope\"", "data-map=\"direct\"",
        "value=\"5\"", "id=\"p-noise\"", "data-map=\"log\"", "<select id=\"p-shape\"",
        "<option selected>steps</option>", "type=\"checkbox\" id=\"p-grid\"",
        "id=\"p-seed\" name=\"seed\" step=\"1\" value=\"7\"", "直线的斜率", "type=\"file\"",
        "10 MB", "/static/serve.js", "/static/gallery.css", "class=\"findings\"",
        "data-t-computing", "dl-png", "dl-md");
    assertThat(html).doesNotContain("id=\"p-grid\" name=\"grid\" data-kind=\"bool\" "
        + "data-default=\"true\" checked");
    Matcher m = URL.matcher(html);
    while (m.find()) {
      assertThat(m.group(1)).as("every address is this server's").startsWith("/");
    }
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("default-src 'self'");
    for (String asset : List.of("/static/serve.js", "/static/serve.css", "/static/gallery.css")) {
      assertThat(http.get(asset).statusCode()).as(asset).isEqualTo(200);
    }
  }

  @Test
  void runAnswersTheViewAndTheFigureComesFromTheCache() throws Exception {
    Http http = start();
    HttpResponse<String> first = http.get("/api/run/line?slope=4&seed=2");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue(Routes.CACHE_HEADER)).hasValue("miss");
    assertThat(first.body()).contains("\"query\" : \"slope=4&seed=2\"",
        "\"figure\" : \"/figure/line.png?slope=4&seed=2\"", "The slope is 4",
        "./bagu run line -p slope=4 --seed 2");
    int runs = line.runs.get();
    HttpResponse<String> again = http.get("/api/run/line?seed=2&slope=4");
    assertThat(again.headers().firstValue(Routes.CACHE_HEADER)).hasValue("hit");
    assertThat(again.body()).isEqualTo(first.body());
    HttpResponse<byte[]> png = http.bytes("/figure/line.png?slope=4&seed=2");
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue(Routes.CACHE_HEADER)).hasValue("hit");
    assertThat(png.body()).startsWith(0x89, 'P', 'N', 'G');
    assertThat(line.runs.get()).as("the demo ran once for all three").isEqualTo(runs);
  }

  @Test
  void theSameAddressGivesTheSameBytesOnAnotherServer() throws Exception {
    List<Http> two = List.of(start(), start());
    for (String target : List.of("/figure/line.png?slope=6", "/download/line.svg?slope=6",
        "/download/line.md?slope=6&lang=zh", "/api/run/line?slope=6", "/demo/line?slope=6")) {
      byte[] a = two.get(0).bytes(target).body();
      byte[] b = two.get(1).bytes(target).body();
      assertThat(a).as(target).isNotEmpty().isEqualTo(b);
    }
    HttpResponse<String> json = two.get(0).get("/download/line.json?slope=6");
    assertThat(json.headers().firstValue("Content-Disposition").orElse(""))
        .contains("line.json");
    assertThat(json.body()).contains("\"id\" : \"line\"", "\"slope\" : 6");
  }

  @Test
  void badParametersGetTheCliMessage() throws Exception {
    Http http = start();
    Map<String, String> cases = Map.of("slope=0", "slope", "slopee=2", "slopee",
        "noise=abc", "noise", "shape=circle", "shape", "grid=maybe", "grid");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      String[] kv = c.getKey().split("=");
      String cli = catchThrowable(() -> Params.parse("line", line.params(), Map.of(kv[0],
          kv[1]))).getMessage();
      HttpResponse<String> r = http.get("/api/run/line?" + c.getKey());
      assertThat(r.statusCode()).as(c.getKey()).isEqualTo(400);
      assertThat(r.body()).isEqualTo(cli + "\n");
    }
    assertThat(http.get("/api/run/line?seed=x").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/run/line?lang=fr").body()).contains("allowed en, zh");
    assertThat(http.get("/api/run/line?slope=2&slope=3").statusCode()).isEqualTo(400);
    HttpResponse<String> page = http.get("/demo/line?slope=99");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("parameter slope = 99 is out of range");
  }

  @Test
  void unknownDemoIsA404WithTheClosestIds() throws Exception {
    Http http = start(Catalogue.registry(), ServeConfig.defaults());
    HttpResponse<String> r = http.get("/api/run/softmax-scalin");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("did you mean softmax-scaling?");
    HttpResponse<String> page = http.get("/demo/kmean");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).contains("<a href=\"/demo/kmeans\">kmeans</a>");
    HttpResponse<String> bad = http.get("/api/run/softmax-scaling?dk=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("parameter dk = 0 is out of range: allowed integers 1");
  }

  @Test
  void aDraggedSliderGetsTheDemosStampedPreviewAndKeepsTheFullDownloads() throws Exception {
    Http http = start(Catalogue.registry(), ServeConfig.defaults());
    HttpResponse<String> r = http.get("/api/run/weight-init?steps=1000&preview=1");
    assertThat(r.statusCode()).isEqualTo(200);
    var json = dev.bagu.io.Json.mapper().readTree(r.body());
    assertThat(json.get("preview").asBoolean()).isTrue();
    assertThat(json.get("figure").asText())
        .isEqualTo("/figure/weight-init.png?steps=1000&preview=1");
    assertThat(json.get("downloads").get("json").asText())
        .isEqualTo("/download/weight-init.json?steps=1000");
    assertThat(json.get("command").asText()).isEqualTo("./bagu run weight-init -p steps=1000");
    byte[] preview = http.bytes("/figure/weight-init.png?steps=1000&preview=1").body();
    byte[] full = http.bytes("/figure/weight-init.png?steps=1000").body();
    assertThat(preview).isNotEqualTo(full);
    // The downloaded JSON is the full run's: 1000 steps trained, not the preview's 20.
    var report = dev.bagu.io.Json.mapper().readTree(
        http.get("/download/weight-init.json?steps=1000").body());
    var steps = report.at("/data/training/steps");
    assertThat(steps.get(steps.size() - 1).asInt()).isEqualTo(1000);

    // A demo without a preview runs fully: the same view as without the flag.
    var plain = dev.bagu.io.Json.mapper().readTree(
        http.get("/api/run/self-attention?preview=1").body());
    assertThat(plain.get("preview").asBoolean()).isFalse();
    assertThat(plain.get("figure").asText()).isEqualTo("/figure/self-attention.png");
    HttpResponse<String> bad = http.get("/api/run/weight-init?preview=yes");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("preview=yes: allowed preview=1");
  }

  @Test
  void evenAndDoublingSlidersSayWhatTheyAllow() throws Exception {
    Http http = start(Catalogue.registry(), ServeConfig.defaults());
    String rope = http.get("/demo/rope").body();
    assertThat(rope).containsPattern("id=\"p-d\"[^>]*data-map=\"log\"[^>]*data-even=\"true\"")
        .contains("even integers 2 to 1024, log scale");
    String heads = http.get("/demo/head-dimension?lang=zh").body();
    assertThat(heads).containsPattern("id=\"p-dmodel\"[^>]*data-map=\"doubling\"")
        .contains("2 的幂 4 到 256");
  }

  @Test
  void pathTraversalNeverReachesAFile() throws Exception {
    Http http = start();
    List<String> attempts = List.of("/../../../../etc/passwd", "/static/../../pom.xml",
        "/static/..%2f..%2fpom.xml", "/static/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/static/serve.js/../../../etc/passwd",
        "/demo/..%2f..%2fetc%2fpasswd", "/demo/%2e%2e", "/figure/..%2Fpom.xml.png",
        "/download/%2e%2e%2fline.json", "/etc/passwd", "//etc/passwd",
        "http://127.0.0.1/etc/passwd", "/static/%2fetc%2fpasswd", "/static/C:%5Cwindows",
        "/static/serve.js%00.css", "/static/SERVE.JS", "/api/run/..%2Fline");
    for (String target : attempts) {
      String answer = http.raw(target);
      String status = answer.substring(0, answer.indexOf("\r\n"));
      assertThat(status).as(target).matches("HTTP/1\\.1 (400|404).*");
      assertThat(answer).as(target).doesNotContain("root:", "<project", "modelVersion",
          "'use strict'");
    }
  }

  @Test
  void aFullQueueAnswers503WithRetryAfter() throws Exception {
    Http http = start(ServeConfig.defaults().withPool(1, 1));
    line.gate.drainPermits();
    CompletableFuture<HttpResponse<String>> busy = http.getAsync("/api/run/line?slope=1", null);
    waitForWaitingRuns(1);
    List<CompletableFuture<HttpResponse<String>>> more = new ArrayList<>();
    for (int slope = 2; slope <= 6; slope++) {
      more.add(http.getAsync("/api/run/line?slope=" + slope, null));
    }
    int refused = 0;
    for (CompletableFuture<HttpResponse<String>> f : more) {
      // A refused request is answered at once, while the gate still holds the others.
      HttpResponse<String> r = f.completeOnTimeout(null, 2, TimeUnit.SECONDS).get();
      if (r != null) {
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(r.body()).contains("the server is busy");
        refused++;
      }
    }
    assertThat(refused).as("one waits in the queue, the other four are refused").isEqualTo(4);
    line.gate.release(1_000_000);
    assertThat(busy.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void aNewerRequestFromTheSamePageDropsItsWaitingOne() throws Exception {
    Http http = start(ServeConfig.defaults().withPool(1, 4));
    line.gate.drainPermits();
    CompletableFuture<HttpResponse<String>> running = http.getAsync("/api/run/line?slope=1",
        "other-page");
    waitForWaitingRuns(1);
    CompletableFuture<HttpResponse<String>> stale = http.getAsync("/api/run/line?slope=2",
        "page-a");
    Thread.sleep(300); // the stale one is queued first
    CompletableFuture<HttpResponse<String>> latest = http.getAsync("/api/run/line?slope=5",
        "page-a");
    HttpResponse<String> dropped = stale.get(10, TimeUnit.SECONDS);
    assertThat(dropped.statusCode()).isEqualTo(409);
    assertThat(dropped.body()).contains("superseded");
    line.gate.release(1_000_000);
    assertThat(running.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    HttpResponse<String> shown = latest.get(30, TimeUnit.SECONDS);
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(shown.body()).contains("The slope is 5");
    assertThat(servers.get(0).superseded()).isEqualTo(1);
  }

  @Test
  void uploadsAreParsedInMemoryWithTheSameLineAndColumnErrors() throws Exception {
    Http http = start(Catalogue.registry(), ServeConfig.defaults());
    HttpResponse<String> none = http.post("/api/run/softmax-scaling", "p.csv",
        "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("softmax-scaling takes no input file");

    Http own = start(ServeConfig.defaults());
    String bad = "x,y\n1,2\n3,abc\n";
    UserException cli = (UserException) catchThrowable(() -> CsvTable.parse("pts.csv",
        bad.lines().toList(), List.of(Column.number("x"), Column.number("y"))));
    HttpResponse<String> r = own.post("/api/run/line", "pts.csv", bad.getBytes(
        StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).isEqualTo("pts.csv line 3, column y: 'abc' is not a number\n")
        .isEqualTo(cli.getMessage() + "\n");
    assertThat(own.post("/api/run/line", "e.csv", new byte[0]).body()).contains("e.csv: the "
        + "file is empty");

    HttpResponse<String> ok = own.post("/api/run/line?slope=2", "..%2F..%2Fmy%20points.csv",
        "x,y\n1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("\"inputName\" : \"my points.csv\"",
        "--input my points.csv");
    Matcher hash = Pattern.compile("\"input\" : \"([0-9a-f]{16})\"").matcher(ok.body());
    assertThat(hash.find()).isTrue();
    HttpResponse<String> again = own.get("/api/run/line?slope=2&input=" + hash.group(1));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.headers().firstValue(Routes.CACHE_HEADER)).hasValue("hit");
    assertThat(again.body()).contains("<td class=\\\"num\\\">3</td>");
  }

  @Test
  void everyClusteringDemoRunsOnAnUploadedFile() throws Exception {
    Http http = start(Catalogue.registry(), ServeConfig.defaults());
    StringBuilder csv = new StringBuilder("x,y\n");
    for (int i = 0; i < 60; i++) { // two blobs of 30 points
      csv.append(i % 2 * 5 + (i % 7) * 0.1).append(',').append(i % 2 * 5 + (i % 5) * 0.1)
          .append('\n');
    }
    for (String id : List.of("kmeans", "dbscan", "mean-shift")) {
      HttpResponse<String> r = http.post("/api/run/" + id, "blobs.csv",
          csv.toString().getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(id + ": " + r.body()).isEqualTo(200);
      assertThat(r.body()).as(id).contains("\"inputName\" : \"blobs.csv\"");
    }
  }

  @Test
  void anUploadOverTheLimitIsRefused() throws Exception {
    Http http = start(ServeConfig.defaults().withUploadLimit(64));
    HttpResponse<String> r = http.post("/api/run/line", "big.csv",
        ("x,y\n" + "1,2\n".repeat(40)).getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body()).contains("larger than 64 bytes");
  }

  @Test
  void onlyGetWhereNothingIsPosted() throws Exception {
    Http http = start();
    assertThat(http.post("/demo/line", null, new byte[] {1}).statusCode()).isEqualTo(405);
    assertThat(http.post("/", null, new byte[] {1}).statusCode()).isEqualTo(405);
    assertThat(http.get("/nothing-here").statusCode()).isEqualTo(404);
  }

  @Test
  void bindsThisMachineOnlyByDefault() {
    assertThat(ServeConfig.defaults().host()).isEqualTo("127.0.0.1");
    assertThat(ServeConfig.defaults().lang()).isEqualTo(Lang.EN);
  }

  private void waitForWaitingRuns(int n) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (line.gate.getQueueLength() < n && System.nanoTime() < until) {
      Thread.sleep(10);
    }
    assertThat(line.gate.getQueueLength()).isGreaterThanOrEqualTo(n);
  }
}
