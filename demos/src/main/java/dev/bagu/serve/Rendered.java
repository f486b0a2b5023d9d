package dev.bagu.serve;

import dev.bagu.demo.Preview;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One view's run and the bytes made from it (figure, downloads, page), each made once: the cache
 * keeps these. The demo runs at most once per view, under this object's lock; a parameter or
 * upload the demo rejects is remembered too, since the same view fails the same way.
 *
 * <p>{@link #ready} and {@link #failure} never wait, so the server's I/O threads can answer a
 * cache hit while another thread computes.
 */
final class Rendered {
  private final ViewRequest view;
  private final Site site;
  private final Map<Artifact, byte[]> made = new ConcurrentHashMap<>();
  private volatile HttpError failure;
  private Result result; // guarded by this
  private long computeMillis; // guarded by this

  Rendered(ViewRequest view, Site site) {
    this.view = view;
    this.site = site;
  }

  ViewRequest view() {
    return view;
  }

  /** The bytes if already made, else null. */
  byte[] ready(Artifact a) {
    return made.get(a);
  }

  /** The remembered 400 of a view the demo rejected, or null. */
  HttpError failure() {
    return failure;
  }

  /**
   * The bytes of one artifact, running the demo first if needed (slow: call on the compute pool).
   *
   * @throws HttpError 400 when the demo rejects the view (an upload's line-and-column error)
   */
  synchronized byte[] make(Artifact a) {
    byte[] done = made.get(a);
    if (done != null) {
      return done;
    }
    Result r = result();
    long start = System.nanoTime();
    byte[] bytes = Artifacts.make(a, this, r, computeMillis, site);
    site.stats().artifact(System.nanoTime() - start);
    made.put(a, bytes);
    return bytes;
  }

  private Result result() {
    if (failure != null) {
      throw failure;
    }
    if (result == null) {
      long start = System.nanoTime();
      try {
        result = Preview.run(view.demo(), view.params()); // a preview is stamped so
      } catch (UserException e) {
        failure = new HttpError(400, e.getMessage());
        throw failure;
      }
      long nanos = System.nanoTime() - start;
      site.stats().run(nanos);
      computeMillis = nanos / 1_000_000;
    }
    return result;
  }
}
