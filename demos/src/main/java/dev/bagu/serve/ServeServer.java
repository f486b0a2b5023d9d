package dev.bagu.serve;

import com.sun.net.httpserver.HttpServer;
import dev.bagu.demo.Registry;
import dev.bagu.demo.UserException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bagu serve}'s web server: the JDK's own {@code com.sun.net.httpserver} (no dependency,
 * starts in milliseconds) with two bounded pools of our own: a few I/O threads that parse
 * requests, answer cache hits and send bytes, and the {@link ComputePool} (one thread per core,
 * a bounded queue) where demos run.
 */
public final class ServeServer implements AutoCloseable {
  private static final int IO_THREADS = 8;
  private static final int IO_QUEUE = 2_000;

  private final HttpServer http;
  private final ThreadPoolExecutor io;
  private final ComputePool pool;
  private final Routes routes;
  private final ServeConfig config;
  private final ServeStats stats;

  private ServeServer(HttpServer http, ThreadPoolExecutor io, ComputePool pool,
      Routes routes, ServeConfig config, ServeStats stats) {
    this.stats = stats;
    this.http = http;
    this.io = io;
    this.pool = pool;
    this.routes = routes;
    this.config = config;
  }

  /**
   * Binds and starts serving.
   *
   * @param log where internal errors are reported (one line each)
   * @throws UserException when the address cannot be bound (port in use, unknown host)
   */
  public static ServeServer start(Registry registry, ServeConfig config, PrintWriter log)
      throws IOException {
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(config.host()), config.port());
    } catch (UnknownHostException e) {
      throw new UserException("--host " + config.host() + ": not an address of this machine");
    }
    HttpServer http;
    try {
      http = HttpServer.create(address, 128);
    } catch (BindException e) {
      throw new UserException("cannot listen on " + config.host() + ":" + config.port() + " ("
          + e.getMessage() + "); choose another --port, or --host");
    }
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor io = new ThreadPoolExecutor(IO_THREADS, IO_THREADS, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(IO_QUEUE), r -> {
          Thread t = new Thread(r, "bagu-serve-io-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
    io.allowCoreThreadTimeOut(true);
    ComputePool pool = new ComputePool(config.threads(), config.queue());
    RenderCache cache = new RenderCache(config.cacheEntries());
    List<String> lan = wildcard(config.host()) ? LanAddresses.ipv4().stream()
        .map(a -> "http://" + a + ":" + http.getAddress().getPort() + "/").toList() : List.of();
    Site site = new Site(registry, config.lang(), config.uploadLimitBytes(), new ServeStats(),
        lan);
    Routes routes = new Routes(site, cache, pool, new UploadStore(4 * config.uploadLimitBytes()),
        new StaticAssets(), io, line -> {
          synchronized (log) {
            log.println(line);
            log.flush();
          }
        });
    http.createContext("/", routes);
    http.setExecutor(io);
    http.start();
    return new ServeServer(http, io, pool, routes, config, site.stats());
  }

  /** The port listened on (the one picked when the config asked for 0). */
  public int port() {
    return http.getAddress().getPort();
  }

  /** http://HOST:PORT/ as a browser on this machine reaches it. */
  public URI url() {
    String host = config.host();
    if (wildcard(host)) {
      host = "127.0.0.1";
    }
    if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + port() + "/");
  }

  /** Whether the host means every interface: the local network, not just this machine. */
  static boolean wildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** Requests answered 503 because the queue was full. */
  public int rejected() {
    return pool.rejected();
  }

  /** Waiting requests dropped because a newer one from the same page came. */
  public int superseded() {
    return pool.dropped();
  }

  /** Requests answered 500 (each also logged): none, if all is well. */
  public int internalErrors() {
    return routes.internalErrors();
  }

  /** Requests answered from the cache, without computing. */
  public long cacheHits() {
    return stats.hits();
  }

  /** Demo runs so far, and their mean wall time in ms. */
  public long demoRuns() {
    return stats.runs();
  }

  public double meanRunMillis() {
    return stats.meanRunMillis();
  }

  /** Figures, pages and downloads made so far, and their mean wall time in ms. */
  public long artifactsMade() {
    return stats.artifacts();
  }

  public double meanArtifactMillis() {
    return stats.meanArtifactMillis();
  }

  public int computeThreads() {
    return pool.threads();
  }

  /** Stops listening, lets answers being sent finish (up to a second), stops the pools. */
  @Override
  public void close() {
    http.stop(1);
    pool.close();
    io.shutdownNow();
  }
}
