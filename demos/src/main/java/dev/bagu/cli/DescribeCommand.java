package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Explanation;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin LangOption langOption;

  @Override
  public Integer call() {
    Demo demo = root.registry.require(id);
    Lang lang = langOption.lang();
    DemoInfo info = demo.info();
    PrintWriter out = spec.commandLine().getOut();
    out.println(info.id() + " · " + info.section().heading(lang) + " · " + info.seedTopic());
    out.println(info.summary(lang));
    out.println();
    // The interview answer first, with the numbers of a run at the defaults filled in.
    Params defaults = Params.defaults(demo.params()).withLang(lang);
    Result result = demo.run(defaults);
    out.println(Explanation.of(demo, lang).filled(result, defaults).markdown().strip());
    out.println();
    out.println(lang.t("## Parameters (bagu run ", "## 参数（bagu run ") + info.id()
        + lang.t(" -p name=value)", " -p 名称=值）"));
    out.println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(lang == Lang.ZH ? List.of("名称", "默认值", "允许值", "作用")
        : List.of("name", "default", "allowed", "what it does"));
    for (Param<?> p : demo.params()) {
      rows.add(List.of(p.name(), p.formatAny(p.defaultValue()), p.allowed(), p.help(lang)));
    }
    rows.add(List.of("--seed", Long.toString(Params.DEFAULT_SEED), lang.t("any integer",
        "任意整数"), lang.t("seed of every random draw; same seed, same figure",
        "所有随机抽样的种子；同一种子，同一张图")));
    out.print(Table.format(rows, "  "));
    out.println();
    out.println(lang.t("## Findings at the defaults", "## 默认参数下的结果"));
    out.println();
    out.print(FindingsTable.format(result.findings(), true, lang));
    return 0;
  }
}
