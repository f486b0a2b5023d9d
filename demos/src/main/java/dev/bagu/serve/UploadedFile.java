package dev.bagu.serve;

import java.util.Objects;

/**
 * A CSV file a student uploaded, as it came: its name (already made harmless, {@link
 * UploadStore#safeName}) and its bytes. {@link UploadStore} keeps it in an in-memory file system,
 * so the demos' own readers read it as a path, with the same errors as {@code --input}.
 *
 * @param bytes the whole upload (not copied: the caller hands it over)
 */
record UploadedFile(String name, byte[] bytes) {
  UploadedFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bytes, "bytes");
  }

  int size() {
    return bytes.length;
  }
}
