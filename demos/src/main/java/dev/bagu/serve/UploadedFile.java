package dev.bagu.serve;

import java.io.File;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A CSV file a student uploaded, held in memory as a {@link Path} so the demos' own readers
 * ({@code CsvTable.read(path)}: same parser, same "boxes.csv line 4, column score" errors) read
 * it without a byte written to disk. It has one name and no directory: only reading its bytes
 * ({@code Files.readAllLines}, {@code Files.newInputStream}) and its name work; everything a
 * real path could do beyond that throws {@link UnsupportedOperationException}.
 */
public final class UploadedFile implements Path {
  private final String name;
  private final byte[] bytes;

  /**
   * @param name what error messages and titles call the file (already made safe by the caller)
   * @param bytes the whole upload (not copied: the caller hands it over)
   */
  public UploadedFile(String name, byte[] bytes) {
    this.name = Objects.requireNonNull(name, "name");
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  byte[] bytes() {
    return bytes;
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public FileSystem getFileSystem() {
    return UploadFileSystem.INSTANCE;
  }

  @Override
  public boolean isAbsolute() {
    return false;
  }

  @Override
  public Path getRoot() {
    return null;
  }

  @Override
  public Path getFileName() {
    return this;
  }

  @Override
  public Path getParent() {
    return null;
  }

  @Override
  public int getNameCount() {
    return 1;
  }

  @Override
  public Path getName(int index) {
    if (index != 0) {
      throw new IllegalArgumentException("an uploaded file has one name");
    }
    return this;
  }

  @Override
  public Path subpath(int beginIndex, int endIndex) {
    return getName(beginIndex == 0 && endIndex == 1 ? 0 : -1);
  }

  @Override
  public boolean startsWith(Path other) {
    return equals(other);
  }

  @Override
  public boolean endsWith(Path other) {
    return equals(other);
  }

  @Override
  public Path normalize() {
    return this;
  }

  @Override
  public Path resolve(Path other) {
    throw unsupported();
  }

  @Override
  public Path relativize(Path other) {
    throw unsupported();
  }

  @Override
  public URI toUri() {
    throw unsupported();
  }

  @Override
  public Path toAbsolutePath() {
    throw unsupported();
  }

  @Override
  public Path toRealPath(LinkOption... options) {
    throw unsupported();
  }

  @Override
  public File toFile() {
    throw unsupported();
  }

  @Override
  public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events,
      WatchEvent.Modifier... modifiers) {
    throw unsupported();
  }

  @Override
  public int compareTo(Path other) {
    return name.compareTo(other.toString());
  }

  @Override
  public String toString() {
    return name;
  }

  static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException("an uploaded file is only read, never a path on "
        + "disk");
  }
}
