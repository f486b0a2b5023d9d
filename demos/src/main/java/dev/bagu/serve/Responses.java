package dev.bagu.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writes answers, every one with the same safety headers. */
final class Responses {
  /**
   * Scripts, styles and images from this server only: a page can load nothing from the network
   * even if an explanation's Markdown tried.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
      + "style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; "
      + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

  private Responses() {}

  static void send(HttpExchange ex, int status, String contentType, byte[] body) {
    try (ex) {
      var h = ex.getResponseHeaders();
      h.set("Content-Type", contentType);
      h.set("X-Content-Type-Options", "nosniff");
      h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      h.set("Referrer-Policy", "no-referrer");
      if (!h.containsKey("Cache-Control")) {
        h.set("Cache-Control", "no-store");
      }
      boolean head = "HEAD".equals(ex.getRequestMethod());
      ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
      if (!head && body.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException gone) {
      // The browser went away (an aborted fetch): nothing left to tell it.
    }
  }

  /** A one-line message as plain text: what the page's script shows under the controls. */
  static void text(HttpExchange ex, int status, String message) {
    send(ex, status, "text/plain; charset=utf-8",
        (message + "\n").getBytes(StandardCharsets.UTF_8));
  }

  static void html(HttpExchange ex, int status, String html) {
    send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }
}
