package dev.bagu.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uploaded CSV files, in memory only, by the hash of their name and bytes: the page's address
 * carries {@code input=HASH}, so a view with an upload can be reloaded and downloaded while the
 * server runs. Bounded by total bytes; the least recently used go first (their addresses then get
 * a 400 asking to upload again).
 */
final class UploadStore {
  private final long maxTotalBytes;
  private final Map<String, UploadedFile> byHash = new LinkedHashMap<>(16, 0.75f, true);
  private long totalBytes;

  UploadStore(long maxTotalBytes) {
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Keeps the file; returns its hash (16 hex digits). */
  synchronized String put(UploadedFile file) {
    String hash = hash(file);
    if (byHash.put(hash, file) == null) {
      totalBytes += file.size();
    }
    Iterator<Map.Entry<String, UploadedFile>> eldest = byHash.entrySet().iterator();
    while (totalBytes > maxTotalBytes && byHash.size() > 1 && eldest.hasNext()) {
      Map.Entry<String, UploadedFile> e = eldest.next();
      if (!e.getKey().equals(hash)) {
        totalBytes -= e.getValue().size();
        eldest.remove();
      }
    }
    return hash;
  }

  /** The file with this hash, or null when it was never uploaded or has been dropped. */
  synchronized UploadedFile get(String hash) {
    return byHash.get(hash);
  }

  synchronized void remove(String hash) {
    UploadedFile f = byHash.remove(hash);
    if (f != null) {
      totalBytes -= f.size();
    }
  }

  static String hash(UploadedFile file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(file.toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(file.bytes());
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A file name from the browser made harmless for messages and titles: its last part, letters,
   * digits, '.', '-', '_' and spaces only, at most 80 characters; "upload.csv" when nothing is left.
   */
  static String safeName(String given) {
    if (given == null) {
      return "upload.csv";
    }
    String last = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
    String kept = last.replaceAll("[^\\p{L}\\p{N}._ -]", "").strip();
    if (kept.length() > 80) {
      kept = kept.substring(kept.length() - 80);
    }
    return kept.isEmpty() || kept.matches("\\.+") ? "upload.csv" : kept;
  }
}
