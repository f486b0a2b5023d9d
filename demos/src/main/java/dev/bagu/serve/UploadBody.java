package dev.bagu.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * An uploaded CSV from a request's body, into memory only: refused (413) past the limit before
 * more than limit + 1 bytes are read, named by the page's {@value Routes#FILE_NAME_HEADER} header
 * made harmless ({@link UploadStore#safeName}).
 */
final class UploadBody {
  private UploadBody() {}

  static UploadedFile read(HttpExchange ex, long limit) throws IOException {
    byte[] bytes = readAtMost(ex, limit);
    String given = ex.getRequestHeaders().getFirst(Routes.FILE_NAME_HEADER);
    String name;
    try {
      name = UploadStore.safeName(given == null ? null
          : URLDecoder.decode(given, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      name = UploadStore.safeName(null);
    }
    return new UploadedFile(name, bytes);
  }

  private static byte[] readAtMost(HttpExchange ex, long limit) throws IOException {
    String tooLarge = "the file is larger than " + (limit % (1024 * 1024) == 0
        ? limit / (1024 * 1024) + " MB" : limit + " bytes") + ", the largest upload allowed";
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > limit) {
          throw new HttpError(413, tooLarge);
        }
      } catch (NumberFormatException e) {
        throw new HttpError(400, "Content-Length " + length + " is not a number");
      }
    }
    try (InputStream in = ex.getRequestBody()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (bytes.length > limit) {
        throw new HttpError(413, tooLarge);
      }
      return bytes;
    }
  }
}
