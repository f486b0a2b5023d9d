package dev.bagu.cli;

import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.serve.LanAddresses;
import dev.bagu.serve.ServeConfig;
import dev.bagu.serve.ServeServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bagu serve}: the demos live in the browser, for a study group at once. Runs until
 * Ctrl-C, which stops the server cleanly (a shutdown hook).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Serve every demo as a live web page: each person in the room moves the "
        + "sliders on their own device. Runs until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServeConfig.DEFAULT_PORT,
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeConfig.LOCAL_HOST,
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; "
          + "0.0.0.0 serves the local network and prints this machine's address there).")
  String host;

  @Mixin LangOption langOption;

  @Option(names = "--threads", paramLabel = "N", description = "Demos computed at once "
      + "(default: the number of cores).")
  Integer threads;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Lang lang = langOption.lang();
    ServeConfig defaults = ServeConfig.defaults();
    int t = threads == null ? defaults.threads() : threads;
    if (t < 1 || t > 256) {
      throw new UserException("--threads " + t + " is out of range: allowed 1 to 256");
    }
    if (port < 0 || port > 65_535) {
      throw new UserException("--port " + port + " is out of range: allowed 0 to 65535");
    }
    ServeConfig config = defaults.withHost(host).withPort(port).withLang(lang)
        .withPool(t, ServeConfig.WAITING_PER_THREAD * t);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ServeServer server = ServeServer.start(root.registry, config, err);
    out.println("bagu serve: " + root.registry.all().size() + " demos at " + server.url()
        + " (" + t + " compute threads; Ctrl-C stops)");
    if (host.equals("0.0.0.0")) {
      List<String> lan = LanAddresses.ipv4();
      for (String a : lan) {
        out.println("  on the local network: http://" + a + ":" + server.port() + "/");
      }
      if (lan.isEmpty()) {
        out.println("  (no local network address found on this machine)");
      }
    }
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      out.println("bagu serve: stopped");
      out.flush();
    }, "bagu-serve-stop"));
    new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops the server
    return 0;
  }
}
