package dev.bagu.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bagu.i18n.Lang;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every address the server answers, matched on the raw (undecoded) path against fixed patterns,
 * so {@code ..}, {@code %2e%2e}, {@code %2f} and absolute paths match nothing and get a 404; no
 * request names a file.
 *
 * <pre>
 * GET  /                         the index (?lang=zh)
 * GET  /demo/ID?…                a demo's live page
 * GET  /api/run/ID?…             what the page swaps in after a change (JSON); with preview=1,
 *                                the demo's quicker preview while a slider is held
 * POST /api/run/ID?…             the same with an uploaded CSV as the body
 * GET  /figure/ID.svg|png?…      the figure
 * GET  /download/ID.png|svg|json|md?…   the same as a download
 * GET  /static/NAME              the page's script and styles (a fixed map)
 * </pre>
 */
final class Routes implements HttpHandler {
  /** The page's token: stale requests from the same page are dropped. */
  static final String CLIENT_HEADER = "X-Bagu-Client";
  static final String FILE_NAME_HEADER = "X-Bagu-File-Name";
  static final String CACHE_HEADER = "X-Bagu-Cache";

  private static final String ID = "([a-z0-9]+(?:-[a-z0-9]+)*)";
  private static final Pattern DEMO = Pattern.compile("/demo/" + ID);
  private static final Pattern RUN = Pattern.compile("/api/run/" + ID);
  private static final Pattern FIGURE = Pattern.compile("/figure/" + ID + "\\.(svg|png)");
  private static final Pattern DOWNLOAD =
      Pattern.compile("/download/" + ID + "\\.(png|svg|json|md)");
  private static final Pattern STATIC = Pattern.compile("/static/([a-z]+\\.(?:js|css))");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final Site site;
  private final RenderCache cache;
  private final ComputePool pool;
  private final UploadStore uploads;
  private final StaticAssets assets;
  private final Executor io;
  private final Consumer<String> log;
  private final AtomicInteger internalErrors = new AtomicInteger();

  Routes(Site site, RenderCache cache, ComputePool pool, UploadStore uploads,
      StaticAssets assets, Executor io, Consumer<String> log) {
    this.site = site;
    this.cache = cache;
    this.pool = pool;
    this.uploads = uploads;
    this.assets = assets;
    this.io = io;
    this.log = log;
  }

  int internalErrors() {
    return internalErrors.get();
  }

  @Override
  public void handle(HttpExchange ex) {
    boolean page = false;
    try {
      String path = ex.getRequestURI().getRawPath();
      page = path != null && (path.equals("/") || DEMO.matcher(path).matches());
      route(ex, path == null ? "" : path);
    } catch (HttpError e) {
      fail(ex, e.status(), e.getMessage(), page);
    } catch (RuntimeException | IOException | Error e) {
      internal(ex, e, page);
    }
  }

  private void route(HttpExchange ex, String path) throws IOException {
    String method = ex.getRequestMethod();
    boolean get = method.equals("GET") || method.equals("HEAD");
    Map<String, String> query = QueryString.parse(ex.getRequestURI().getRawQuery());
    Matcher m;
    if (path.equals("/")) {
      requireGet(get);
      Lang l = ViewRequest.lang(query.get(ViewRequest.LANG), site.lang());
      Responses.html(ex, 200, IndexPage.html(site, l));
    } else if ((m = STATIC.matcher(path)).matches() && assets.get(m.group(1)) != null) {
      requireGet(get);
      StaticAssets.Asset a = assets.get(m.group(1));
      ex.getResponseHeaders().set("Cache-Control", "max-age=600");
      Responses.send(ex, 200, a.contentType(), a.bytes());
    } else if ((m = DEMO.matcher(path)).matches()) {
      requireGet(get);
      view(ex, parse(m.group(1), query), Artifact.PAGE, null, false, null);
    } else if ((m = RUN.matcher(path)).matches()) {
      if (method.equals("POST")) {
        upload(ex, m.group(1), query);
      } else {
        requireGet(get);
        view(ex, parse(m.group(1), query), Artifact.VIEW, client(ex), false, null);
      }
    } else if ((m = FIGURE.matcher(path)).matches()) {
      requireGet(get);
      view(ex, parse(m.group(1), query), Artifact.ofFile(m.group(2)), null, false, null);
    } else if ((m = DOWNLOAD.matcher(path)).matches()) {
      requireGet(get);
      view(ex, parse(m.group(1), query), Artifact.ofFile(m.group(2)), null, true, null);
    } else {
      throw new HttpError(404, "no page at this address; the demos are listed at /");
    }
  }

  private ViewRequest parse(String id, Map<String, String> query) {
    return ViewRequest.parse(site.registry(), id, query, site.lang(), uploads);
  }

  private static void requireGet(boolean get) {
    if (!get) {
      throw new HttpError(405, "only GET is allowed at this address");
    }
  }

  private static String client(HttpExchange ex) {
    String token = ex.getRequestHeaders().getFirst(CLIENT_HEADER);
    return token != null && TOKEN.matcher(token).matches() ? token : null;
  }

  /** A CSV in the body: kept in memory under its hash, then the view computed with it. */
  private void upload(HttpExchange ex, String id, Map<String, String> query) throws IOException {
    ViewRequest.demo(site.registry(), id); // 404 first for an unknown demo
    query.remove(ViewRequest.INPUT);
    ViewRequest v = parse(id, query);
    if (!v.demo().acceptsInput()) {
      throw new HttpError(400, id + " takes no input file (the clustering demos, svm and nms "
          + "do)");
    }
    UploadedFile file = UploadBody.read(ex, site.uploadLimitBytes());
    String hash = uploads.put(file);
    java.nio.file.Path stored = uploads.get(hash);
    if (stored == null) { // pushed out at once by other uploads arriving together
      throw new HttpError(503, "too many uploads at once; send it again");
    }
    view(ex, v.withInput(hash, stored), Artifact.VIEW, client(ex), false,
        () -> uploads.remove(hash));
  }

  /**
   * Answers with one artifact of a view: at once from the cache, else computed on the pool
   * (503 when its queue is full).
   *
   * @param onRejected run when the demo rejects the view (drops a bad upload)
   */
  private void view(HttpExchange ex, ViewRequest v, Artifact a, String client,
      boolean attachment, Runnable onRejected) {
    boolean page = a == Artifact.PAGE;
    Rendered found = cache.find(v);
    if (found != null && found.failure() != null) {
      if (onRejected != null) {
        onRejected.run();
      }
      throw found.failure();
    }
    byte[] ready = found == null ? null : found.ready(a);
    if (ready != null) {
      site.stats().hit();
      reply(ex, v, a, ready, true, attachment);
      return;
    }
    boolean taken = pool.submit(new ComputePool.Task(client) {
      @Override
      void compute() {
        Rendered r = cache.entry(v, x -> new Rendered(x, site));
        try {
          byte[] bytes = r.make(a);
          onIo(() -> reply(ex, v, a, bytes, false, attachment));
        } catch (HttpError e) {
          if (onRejected != null) {
            onRejected.run();
          }
          onIo(() -> fail(ex, e.status(), e.getMessage(), page));
        } catch (RuntimeException | Error e) {
          onIo(() -> internal(ex, e, page));
        }
      }

      @Override
      void superseded() {
        onIo(() -> Responses.text(ex, 409, "superseded by a newer request from the same page"));
      }
    });
    if (!taken) {
      ex.getResponseHeaders().set("Retry-After", "1");
      fail(ex, 503, "the server is busy: every core is computing and the queue is full; try "
          + "again in a second", page);
    }
  }

  private void reply(HttpExchange ex, ViewRequest v, Artifact a, byte[] bytes, boolean hit,
      boolean attachment) {
    var h = ex.getResponseHeaders();
    h.set(CACHE_HEADER, hit ? "hit" : "miss");
    if (attachment) {
      String name = v.id() + (v.lang() == dev.bagu.i18n.Lang.EN ? "" : "." + v.lang().code())
          + "." + a.extension();
      h.set("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
    if (a == Artifact.SVG || a == Artifact.PNG) {
      h.set("Cache-Control", "max-age=600"); // same address, same bytes
    }
    Responses.send(ex, 200, a.contentType(), bytes);
  }

  private void fail(HttpExchange ex, int status, String message, boolean page) {
    if (page) {
      Lang l = site.lang();
      try {
        l = ViewRequest.lang(QueryString.parse(ex.getRequestURI().getRawQuery())
            .get(ViewRequest.LANG), site.lang());
      } catch (HttpError ignored) {
        // the page is shown in the server's language
      }
      Responses.html(ex, status, ErrorPage.html(status, message, l, site.lang()));
    } else {
      Responses.text(ex, status, message);
    }
  }

  private void internal(HttpExchange ex, Throwable e, boolean page) {
    internalErrors.incrementAndGet();
    log.accept("bagu serve: internal error on " + ex.getRequestURI() + ": " + e);
    fail(ex, 500, "internal error: " + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()), page);
  }

  private void onIo(Runnable send) {
    try {
      io.execute(send);
    } catch (RejectedExecutionException e) {
      send.run();
    }
  }
}
