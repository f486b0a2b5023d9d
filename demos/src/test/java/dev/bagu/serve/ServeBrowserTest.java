package dev.bagu.serve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demos.Catalogue;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import java.util.function.Predicate;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}, headless) opens a live
 * demo page, moves a slider with the keyboard, and sees the figure, a finding and the address
 * change. Skipped only where chromedriver is not installed ({@code .ci/install-deps} installs it).
 * The driver's path is set explicitly, so Selenium Manager downloads nothing.
 */
class ServeBrowserTest {
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  /** Kept: Selenium warns on every start that it has no DevTools bindings for this Chromium. */
  private static final java.util.logging.Logger SELENIUM =
      java.util.logging.Logger.getLogger("org.openqa.selenium");

  private final StringWriter log = new StringWriter();
  private ServeServer server;
  private WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    Assumptions.assumeTrue(DRIVER.canExecute(), "no " + DRIVER + " (apt install chromium-driver)");
    SELENIUM.setLevel(java.util.logging.Level.SEVERE);
    server = ServeServer.start(Catalogue.registry(), ServeConfig.defaults().withPort(0),
        new PrintWriter(log));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    if (CHROMIUM.canExecute()) {
      options.setBinary(CHROMIUM);
    }
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1400,1100", "--no-first-run", "--no-proxy-server");
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
      assertThat(log.toString()).as("nothing logged as an internal error").isEmpty();
    }
  }

  @Test
  void movingASliderRedrawsTheFigureAndTheFindings() {
    String base = server.url().toString();
    browser.get(base + "demo/softmax-scaling?samples=2000&trials=100");
    Wait wait = new Wait(browser, Duration.ofSeconds(90));
    WebElement figure = browser.findElement(By.id("figure"));
    wait.until(d -> loaded(figure));
    String srcBefore = figure.getAttribute("src");
    String findingsBefore = browser.findElement(By.id("findings")).getText();
    assertThat(findingsBefore).contains("Var(q·k), unscaled");

    WebElement dk = browser.findElement(By.id("p-dk"));
    dk.sendKeys(Keys.HOME); // d_k = 1: the smallest, and quick to compute
    assertThat(browser.findElement(By.id("o-dk")).getText()).isEqualTo("1");
    // Only the slider moved changes: samples stays 2000 exactly (its log slider's nearest
    // position would read 1995).
    wait.until(d -> d.getCurrentUrl().endsWith("/demo/softmax-scaling?dk=1&samples=2000&trials=100"));
    wait.until(d -> !figure.getAttribute("src").equals(srcBefore) && loaded(figure)
        && browser.findElement(By.id("status")).getText().isEmpty());

    assertThat(figure.getAttribute("src")).contains("/figure/softmax-scaling.png?dk=1&");
    String findingsAfter = browser.findElement(By.id("findings")).getText();
    assertThat(findingsAfter).isNotEqualTo(findingsBefore);
    assertThat(browser.findElement(By.id("answer")).getText()).isNotBlank();
    assertThat(browser.findElement(By.id("dl-svg")).getAttribute("href"))
        .contains("/download/softmax-scaling.svg?dk=1&");
    assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();

    @SuppressWarnings("unchecked")
    List<String> loadedFrom = (List<String>) ((JavascriptExecutor) browser).executeScript(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });");
    assertThat(loadedFrom).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base));
  }

  /** Opens a page of the server and waits for its figure to load; returns the figure. */
  private WebElement openAndWait(String pathAndQuery, Wait wait) {
    browser.get(server.url() + pathAndQuery);
    WebElement figure = browser.findElement(By.id("figure"));
    wait.until(d -> loaded(figure));
    return figure;
  }

  @Test
  void aPowersOfTwoSliderStepsByDoubling() {
    Wait wait = new Wait(browser, Duration.ofSeconds(90));
    WebElement figure = openAndWait("demo/head-dimension?tokens=16", wait);
    WebElement dmodel = browser.findElement(By.id("p-dmodel"));
    assertThat(dmodel.getAttribute("max")).isEqualTo("6"); // 4, 8, … 256: six doublings
    dmodel.sendKeys(Keys.ARROW_LEFT); // one position down from 64
    assertThat(browser.findElement(By.id("o-dmodel")).getText()).isEqualTo("32");
    wait.until(d -> d.getCurrentUrl().endsWith("/demo/head-dimension?dmodel=32&tokens=16"));
    dmodel.sendKeys(Keys.HOME);
    assertThat(browser.findElement(By.id("o-dmodel")).getText()).isEqualTo("4");
    wait.until(d -> d.getCurrentUrl().contains("dmodel=4&"));
    wait.until(d -> loaded(figure) && figure.getAttribute("src").contains("dmodel=4&")
        && browser.findElement(By.id("status")).getText().isEmpty());
    assertThat(browser.findElement(By.id("error")).isDisplayed()).isFalse();
  }

  @Test
  void whileASliderIsHeldThePageShowsThePreviewAndOnReleaseTheFullRun() {
    Wait wait = new Wait(browser, Duration.ofSeconds(90));
    WebElement figure = openAndWait("demo/weight-init", wait);
    String findings = browser.findElement(By.id("findings")).getText();
    String download = browser.findElement(By.id("dl-json")).getAttribute("href");
    JavascriptExecutor js = (JavascriptExecutor) browser;
    // The thumb moved and still held: an input event without the change event of a release.
    js.executeScript("var s = document.getElementById('p-steps'); s.value = '700';"
        + "s.dispatchEvent(new Event('input', {bubbles: true}));");
    wait.until(d -> figure.getAttribute("src").contains("preview=1") && loaded(figure));
    WebElement status = browser.findElement(By.id("status"));
    wait.until(d -> status.getText().startsWith("preview"));
    assertThat(browser.getCurrentUrl()).doesNotContain("preview").contains("steps=");
    assertThat(browser.findElement(By.id("findings")).getText()).isEqualTo(findings);
    assertThat(browser.findElement(By.id("dl-json")).getAttribute("href")).isEqualTo(download);

    js.executeScript("document.getElementById('p-steps')"
        + ".dispatchEvent(new Event('change', {bubbles: true}));");
    wait.until(d -> !figure.getAttribute("src").contains("preview=1") && loaded(figure)
        && status.getText().isEmpty());
    assertThat(browser.findElement(By.id("dl-json")).getAttribute("href")).contains("steps=")
        .doesNotContain("preview");
  }

  @Test
  void aBadValueShowsTheOneLineMessageOnThePage() {
    browser.get(server.url() + "demo/softmax-scaling?samples=2000&trials=100");
    Wait wait = new Wait(browser, Duration.ofSeconds(90));
    WebElement seed = browser.findElement(By.id("p-seed"));
    wait.until(d -> loaded(browser.findElement(By.id("figure"))));
    ((JavascriptExecutor) browser).executeScript("var s = document.getElementById('p-samples');"
        + "s.dataset.min = '1'; s.value = '0'; s.dispatchEvent(new Event('input', "
        + "{bubbles: true}));");
    WebElement error = browser.findElement(By.id("error"));
    wait.until(d -> error.isDisplayed());
    assertThat(error.getText()).startsWith("parameter samples = 1 is out of range");
    assertThat(seed.isDisplayed()).isTrue();
  }

  @Test
  void aBadUploadShowsTheParsersLineAndColumnOnThePage() throws Exception {
    java.nio.file.Path csv = java.nio.file.Files.createTempFile("points", ".csv");
    try {
      java.nio.file.Files.writeString(csv, "x,y\n1,2\n3,abc\n");
      browser.get(server.url() + "demo/kmeans?points=50&seeds=2");
      Wait wait = new Wait(browser, Duration.ofSeconds(90));
      wait.until(d -> loaded(browser.findElement(By.id("figure"))));
      browser.findElement(By.id("upload")).sendKeys(csv.toString());
      WebElement error = browser.findElement(By.id("error"));
      wait.until(d -> error.isDisplayed());
      assertThat(error.getText()).isEqualTo(csv.getFileName()
          + " line 3, column y: 'abc' is not a number");
      assertThat(browser.getCurrentUrl()).doesNotContain("input=");
    } finally {
      java.nio.file.Files.delete(csv);
    }
  }

  /** Polls a condition on the page until it holds or time runs out. */
  private record Wait(WebDriver driver, Duration limit) {
    void until(Predicate<WebDriver> condition) {
      long end = System.nanoTime() + limit.toNanos();
      while (!condition.test(driver)) {
        if (System.nanoTime() > end) {
          throw new AssertionError("still not true after " + limit + " on " + driver
              .getCurrentUrl());
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  private boolean loaded(WebElement img) {
    Object ok = ((JavascriptExecutor) browser).executeScript(
        "return arguments[0].complete && arguments[0].naturalWidth > 0;", img);
    return Boolean.TRUE.equals(ok);
  }
}
