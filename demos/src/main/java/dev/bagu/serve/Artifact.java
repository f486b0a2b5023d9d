package dev.bagu.serve;

/** What a request asks of one run: a figure, a download, the page, or the page's update. */
enum Artifact {
  SVG("image/svg+xml", "svg"),
  PNG("image/png", "png"),
  JSON("application/json; charset=utf-8", "json"),
  MD("text/markdown; charset=utf-8", "md"),
  /** The demo's page, its first view computed on the server. */
  PAGE("text/html; charset=utf-8", "html"),
  /** What the page's script swaps in after a control moved (figure address, findings, answer). */
  VIEW("application/json; charset=utf-8", "json");

  private final String contentType;
  private final String extension;

  Artifact(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  String contentType() {
    return contentType;
  }

  String extension() {
    return extension;
  }

  /** The download or figure named by an address's extension ("png"), or null. */
  static Artifact ofFile(String extension) {
    return switch (extension) {
      case "svg" -> SVG;
      case "png" -> PNG;
      case "json" -> JSON;
      case "md" -> MD;
      default -> null;
    };
  }
}
