package dev.bagu.cli;

import dev.bagu.demo.Registry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command. Its subcommands are listed explicitly, one class each, and added by
 * {@link #commandLine}: only the one asked for, when the arguments name one.
 */
@Command(name = "bagu", mixinStandardHelpOptions = true, version = "bagu 0.1.0",
    description = "Runnable concept demos for the LLM and ML interview notes (八股文): "
        + "each computes one concept for real, draws it, and prints the numbers beside the "
        + "paper's values.")
public final class BaguCommand implements Callable<Integer> {
  /** The subcommands, in the order {@code bagu --help} lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(ListCommand.class, DescribeCommand.class,
      RunCommand.class, GalleryCommand.class, HandoutCommand.class, BenchCommand.class,
      BrowseCommand.class, ServeCommand.class);

  final Registry registry;

  @Spec CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of errors.")
  boolean debug;

  public BaguCommand(Registry registry) {
    this.registry = registry;
  }

  /**
   * The command line for these arguments. picocli builds each subcommand's model by reflection
   * when it is added, and its own classes cannot be in the start-up archive (Java 5 class files):
   * building all eight took about a quarter of a {@code bagu run}'s start-up. So when the first
   * word that is not an option names a subcommand, only that one is added; otherwise (help,
   * version, a typo that picocli should answer with suggestions) all of them.
   */
  static CommandLine commandLine(Registry registry, String[] args) {
    CommandLine cli = new CommandLine(new BaguCommand(registry));
    String word = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
    List<Class<?>> asked = SUBCOMMANDS.stream().filter(c -> names(c).contains(word)).toList();
    for (Class<?> c : asked.isEmpty() ? SUBCOMMANDS : asked) {
      cli.addSubcommand(c);
    }
    return cli;
  }

  private static List<String> names(Class<?> subcommand) {
    Command c = subcommand.getAnnotation(Command.class);
    List<String> all = new ArrayList<>(List.of(c.aliases()));
    all.add(c.name());
    return all;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return CommandLine.ExitCode.USAGE;
  }
}
