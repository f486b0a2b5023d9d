package dev.bagu.cli;

import dev.bagu.demo.Registry;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The root command: its subcommands are listed explicitly, one class each. */
@Command(name = "bagu", mixinStandardHelpOptions = true, version = "bagu 0.1.0",
    description = "Runnable concept demos for the LLM and ML interview notes (八股文): "
        + "each computes one concept for real, draws it, and prints the numbers beside the "
        + "paper's values.",
    subcommands = {ListCommand.class, DescribeCommand.class, RunCommand.class,
        GalleryCommand.class, HandoutCommand.class, BenchCommand.class, BrowseCommand.class,
        ServeCommand.class})
public final class BaguCommand implements Callable<Integer> {
  final Registry registry;

  @Spec CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of errors.")
  boolean debug;

  public BaguCommand(Registry registry) {
    this.registry = registry;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandLine.ExitCode.USAGE;
  }
}
