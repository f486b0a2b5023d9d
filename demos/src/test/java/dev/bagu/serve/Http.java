package dev.bagu.serve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A tiny client for the tests: strings and bytes over java.net.http, or a raw socket. */
final class Http {
  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String target) throws IOException, InterruptedException {
    return client.send(request(target, null).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> bytes(String target) throws IOException, InterruptedException {
    return client.send(request(target, null).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  CompletableFuture<HttpResponse<String>> getAsync(String target, String clientToken) {
    return client.sendAsync(request(target, clientToken).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String target, String fileName, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = request(target, null)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (fileName != null) {
      b.header(Routes.FILE_NAME_HEADER, fileName);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String target, String clientToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target))
        .timeout(Duration.ofSeconds(60));
    if (clientToken != null) {
      b.header(Routes.CLIENT_HEADER, clientToken);
    }
    return b;
  }

  /**
   * Sends the request line exactly as given (no client in between normalises {@code ..} or
   * escapes), returns the whole answer as text.
   */
  String raw(String requestTarget) throws IOException {
    try (Socket s = new Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + requestTarget + " HTTP/1.1\r\nHost: " + base.getHost()
          + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      return all.toString(StandardCharsets.UTF_8);
    }
  }
}
