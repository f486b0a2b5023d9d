package dev.bagu.serve;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The uploaded CSV files, by the hash of their name and bytes, as files {@code /HASH/NAME} of an
 * in-memory file system (Jimfs): the demos read them with their own parsers, and nothing is
 * written to disk. The page's address carries {@code input=HASH}, so a view with an upload can be
 * reloaded and downloaded while the server runs. Bounded by total bytes; the least recently used
 * go first (their addresses then get a 400 asking to upload again).
 */
final class UploadStore {
  private final long maxTotalBytes;
  private final FileSystem memory = Jimfs.newFileSystem(Configuration.unix());
  private final Map<String, Path> byHash = new LinkedHashMap<>(16, 0.75f, true);
  private final Map<String, Integer> sizes = new LinkedHashMap<>();
  private long totalBytes;

  UploadStore(long maxTotalBytes) {
    this.maxTotalBytes = maxTotalBytes;
  }

  /** Keeps the file; returns its hash (16 hex digits). */
  synchronized String put(UploadedFile file) {
    String hash = hash(file);
    if (!byHash.containsKey(hash)) {
      try {
        Path path = Files.createDirectories(memory.getPath("/", hash)).resolve(file.name());
        Files.write(path, file.bytes());
        byHash.put(hash, path);
      } catch (IOException e) {
        throw new UncheckedIOException(e); // memory only: no disk to fail
      }
      sizes.put(hash, file.size());
      totalBytes += file.size();
    }
    byHash.get(hash); // the newest is the most recently used
    Iterator<String> eldest = new java.util.ArrayList<>(byHash.keySet()).iterator();
    while (totalBytes > maxTotalBytes && byHash.size() > 1 && eldest.hasNext()) {
      String old = eldest.next();
      if (!old.equals(hash)) {
        remove(old);
      }
    }
    return hash;
  }

  /** The file with this hash, or null when it was never uploaded or has been dropped. */
  synchronized Path get(String hash) {
    return byHash.get(hash);
  }

  synchronized void remove(String hash) {
    Path path = byHash.remove(hash);
    if (path != null) {
      totalBytes -= sizes.remove(hash);
      try {
        Files.deleteIfExists(path);
        Files.deleteIfExists(path.getParent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String hash(UploadedFile file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(file.name().getBytes(StandardCharsets.UTF_8));
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
