package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.io.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bagu list [--json]}: every demo by section. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List every demo: id, section, title and the seed notes' topic.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print a JSON array instead of a table.")
  boolean json;

  @Mixin LangOption langOption;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Lang lang = langOption.lang();
    if (json) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Demo d : root.registry.all()) {
        DemoInfo i = d.info();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", i.id());
        row.put("section", i.section().heading(lang));
        row.put("title", i.title(lang));
        row.put("seedTopic", i.seedTopic());
        row.put("summary", i.summary(lang));
        rows.add(row);
      }
      out.print(Json.write(rows));
      return 0;
    }
    int idWidth = root.registry.all().stream().mapToInt(d -> d.info().id().length()).max()
        .orElse(0);
    int titleWidth = root.registry.all().stream().mapToInt(d -> Table.displayWidth(d.info().title(lang)))
        .max().orElse(0);
    for (Map.Entry<Section, List<Demo>> e : root.registry.bySection().entrySet()) {
      out.println(e.getKey().heading(lang));
      for (Demo d : e.getValue()) {
        DemoInfo i = d.info();
        out.println("  " + Table.pad(i.id(), idWidth) + "  " + Table.pad(i.title(lang), titleWidth)
            + "  " + i.seedTopic());
      }
    }
    out.println();
    out.println(root.registry.all().size() + lang.t(" demos. Run one: bagu run ID   Read one: "
        + "bagu describe ID", " 个演示。运行：bagu run ID   阅读：bagu describe ID"));
    return 0;
  }
}
