package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bagu describe ID}: the explanation, the parameters and the findings of one demo. */
@Command(name = "describe", mixinStandardHelpOptions = true,
    description = "Show a demo's explanation, its parameters (default and range) and findings.")
final class DescribeCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "Demo id, as 'bagu list' shows it.")
  String id;

  @Override
  public Integer call() {
    Demo demo = root.registry.require(id);
    DemoInfo info = demo.info();
    PrintWriter out = spec.commandLine().getOut();
    out.println(info.id() + " · " + info.section().heading() + " · " + info.seedTopic());
    out.println(info.summary());
    out.println();
    out.println(Explanation.of(demo).markdown().strip());
    out.println();
    out.println("## Parameters (bagu run " + info.id() + " -p name=value)");
    out.println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("name", "default", "allowed", "what it does"));
    for (Param<?> p : demo.params()) {
      rows.add(List.of(p.name(), p.formatAny(p.defaultValue()), p.allowed(), p.help()));
    }
    rows.add(List.of("--seed", Long.toString(Params.DEFAULT_SEED), "any integer",
        "seed of every random draw; same seed, same figure"));
    out.print(Table.format(rows, "  "));
    out.println();
    out.println("## Findings at the defaults");
    out.println();
    Result result = demo.run(Params.defaults(demo.params()));
    out.print(FindingsTable.format(result.findings(), true));
    return 0;
  }
}
