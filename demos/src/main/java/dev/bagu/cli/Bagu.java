package dev.bagu.cli;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Registry;
import dev.bagu.demo.UserException;
import dev.bagu.demos.Catalogue;
import java.awt.Frame;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of the {@code bagu} command line. Exit codes: 0 done, 2 anything the user can fix
 * (one line on stderr says what), 1 an internal failure (stack trace with {@code --debug}).
 */
public final class Bagu {
  private Bagu() {}

  public static void main(String[] args) {
    int code = execute(Catalogue.registry(), args, stdout(), stderr());
    if (code != 0 || !anyWindowOpen()) {
      System.exit(code);
    }
    // A window is open: the JVM lives until the user closes it.
  }

  /** What a demo's own {@code main} calls: {@code bagu run ID args…}, so it runs from an IDE. */
  public static void launch(Demo demo, String[] args) {
    List<String> all = new ArrayList<>(List.of("run", demo.info().id()));
    all.addAll(Arrays.asList(args));
    main(all.toArray(String[]::new));
  }

  /** Runs one command line in-process, printing to the given writers; returns the exit code. */
  public static int execute(Registry registry, String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cli = BaguCommand.commandLine(registry, args);
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, a) -> {
      String sub = ex.getCommandLine().getCommandName();
      err.println("bagu: " + ex.getMessage() + " (see 'bagu "
          + ("bagu".equals(sub) ? "" : sub + " ") + "--help')");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserException) {
        err.println("bagu: " + ex.getMessage());
        if (debug) {
          ex.printStackTrace(err);
        }
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
      err.println("bagu: internal error: " + ex
          + (debug ? "" : " (run again with --debug for the stack trace)"));
      if (debug) {
        ex.printStackTrace(err);
      }
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static boolean anyWindowOpen() {
    return Arrays.stream(Frame.getFrames()).anyMatch(Frame::isDisplayable);
  }

  // Chinese topic names and symbols (√, ‖) print correctly whatever the platform's default charset.
  private static PrintWriter stdout() {
    return new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
  }

  private static PrintWriter stderr() {
    return new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
  }
}
