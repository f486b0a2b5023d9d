package dev.bagu.serve;

import dev.bagu.i18n.Lang;

/**
 * How {@code bagu serve} runs.
 *
 * @param host the address to bind: 127.0.0.1 (this machine only) unless told otherwise
 * @param port 0 picks a free port (tests, the load benchmark)
 * @param lang the language of addresses without {@code lang=}
 * @param threads demos computed at once: the cores
 * @param queue requests waiting for a thread before the server answers 503
 * @param cacheEntries views kept computed (least recently used dropped first)
 * @param uploadLimitBytes largest CSV accepted (stated on the page)
 */
public record ServeConfig(String host, int port, Lang lang, int threads, int queue,
    int cacheEntries, long uploadLimitBytes) {
  public static final String LOCAL_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;
  public static final long UPLOAD_LIMIT_BYTES = 10L * 1024 * 1024;

  public ServeConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port " + port + " is out of range: allowed 0 to 65535");
    }
    if (threads < 1 || queue < 1 || cacheEntries < 1 || uploadLimitBytes < 1) {
      throw new IllegalArgumentException("threads, queue, cache and upload limit must be positive");
    }
  }

  /**
   * Port 8080 on 127.0.0.1, English, a thread per core, {@value #WAITING_PER_THREAD} waiting
   * requests per thread: a request that waits behind more than that would wait longer than the
   * student's next slider move, so it is better refused (503) and sent again.
   */
  public static ServeConfig defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new ServeConfig(LOCAL_HOST, DEFAULT_PORT, Lang.EN, cores, WAITING_PER_THREAD * cores,
        32, UPLOAD_LIMIT_BYTES);
  }

  /** Queue places per compute thread. */
  public static final int WAITING_PER_THREAD = 2;

  public ServeConfig withHost(String h) {
    return new ServeConfig(h, port, lang, threads, queue, cacheEntries, uploadLimitBytes);
  }

  public ServeConfig withPort(int p) {
    return new ServeConfig(host, p, lang, threads, queue, cacheEntries, uploadLimitBytes);
  }

  public ServeConfig withLang(Lang l) {
    return new ServeConfig(host, port, l, threads, queue, cacheEntries, uploadLimitBytes);
  }

  /** A pool of {@code t} threads with {@code q} waiting places (tests flood a tiny one). */
  public ServeConfig withPool(int t, int q) {
    return new ServeConfig(host, port, lang, t, q, cacheEntries, uploadLimitBytes);
  }

  public ServeConfig withUploadLimit(long bytes) {
    return new ServeConfig(host, port, lang, threads, queue, cacheEntries, bytes);
  }
}
