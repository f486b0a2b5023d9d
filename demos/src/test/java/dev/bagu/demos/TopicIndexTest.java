package dev.bagu.demos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Demo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's topic index and demo table say which demos run; this keeps them true: a demo in
 * the catalogue is "runnable" there with a row in the demo table, and nothing else is.
 */
class TopicIndexTest {
  private static final Pattern TOPIC_ROW =
      Pattern.compile("^\\| [^|]+ \\| [^|]+ \\| `([a-z0-9-]+)` \\| (runnable|planned) \\|$",
          Pattern.MULTILINE);
  private static final Pattern DEMO_ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| [A-H]\\. ",
      Pattern.MULTILINE);

  private static String readme() throws IOException {
    Path file = Path.of("..", "README.md"); // tests run in the demos module's folder
    return Files.readString(file);
  }

  @Test
  void everyCatalogueDemoIsRunnableInTheTopicIndexAndNothingElseIs() throws IOException {
    String readme = readme();
    String index = readme.substring(readme.indexOf("## Topic index"));
    Map<String, String> status = new LinkedHashMap<>();
    Matcher m = TOPIC_ROW.matcher(index);
    while (m.find()) {
      assertThat(status.put(m.group(1), m.group(2))).as("listed twice: " + m.group(1)).isNull();
    }
    assertThat(status).hasSizeGreaterThanOrEqualTo(40);
    Set<String> registered = Catalogue.demos().stream().map(d -> d.info().id())
        .collect(Collectors.toSet());
    Set<String> runnable = status.entrySet().stream().filter(e -> e.getValue().equals("runnable"))
        .map(Map.Entry::getKey).collect(Collectors.toSet());
    assertThat(runnable).isEqualTo(registered);
  }

  @Test
  void everyCatalogueDemoHasARowInTheDemoTableInCatalogueOrder() throws IOException {
    Matcher m = DEMO_ROW.matcher(readme());
    StringBuilder listed = new StringBuilder();
    while (m.find()) {
      listed.append(m.group(1)).append(' ');
    }
    String expected = Catalogue.demos().stream().map(Demo::info).map(i -> i.id() + " ")
        .collect(Collectors.joining());
    assertThat(listed.toString()).isEqualTo(expected);
  }
}
