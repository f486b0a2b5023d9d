package dev.bagu.serve;

/**
 * A request the server answers with an error status and a one-line message a person can act on
 * (400 bad parameter, 404 unknown demo, 413 upload too large…). Never carries a stack trace.
 */
final class HttpError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
