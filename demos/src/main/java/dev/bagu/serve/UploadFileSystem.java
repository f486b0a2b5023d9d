package dev.bagu.serve;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only, in-memory "file system" every {@link UploadedFile} belongs to: the one thing it
 * can do is open an uploaded file's bytes for reading. Never installed, never found through a URI,
 * so no request can name a path in it or anywhere else.
 */
final class UploadFileSystem extends FileSystem {
  static final UploadFileSystem INSTANCE = new UploadFileSystem();

  private final Provider provider = new Provider();

  private UploadFileSystem() {}

  @Override
  public FileSystemProvider provider() {
    return provider;
  }

  @Override
  public void close() {
    throw UploadedFile.unsupported();
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public boolean isReadOnly() {
    return true;
  }

  @Override
  public String getSeparator() {
    return "/";
  }

  @Override
  public Iterable<Path> getRootDirectories() {
    return List.of();
  }

  @Override
  public Iterable<FileStore> getFileStores() {
    return List.of();
  }

  @Override
  public Set<String> supportedFileAttributeViews() {
    return Set.of();
  }

  @Override
  public Path getPath(String first, String... more) {
    throw UploadedFile.unsupported();
  }

  @Override
  public PathMatcher getPathMatcher(String syntaxAndPattern) {
    throw UploadedFile.unsupported();
  }

  @Override
  public UserPrincipalLookupService getUserPrincipalLookupService() {
    throw UploadedFile.unsupported();
  }

  @Override
  public WatchService newWatchService() {
    throw UploadedFile.unsupported();
  }

  /** Opens uploaded files for reading; refuses everything else. */
  static final class Provider extends FileSystemProvider {
    @Override
    public String getScheme() {
      return "bagu-upload";
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) {
      for (OpenOption o : options) {
        if (o != StandardOpenOption.READ) {
          throw UploadedFile.unsupported();
        }
      }
      return new ByteArrayInputStream(file(path).bytes());
    }

    private static UploadedFile file(Path path) {
      if (!(path instanceof UploadedFile f)) {
        throw new java.nio.file.ProviderMismatchException();
      }
      return f;
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
      throw UploadedFile.unsupported();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
      throw UploadedFile.unsupported();
    }

    @Override
    public Path getPath(URI uri) {
      throw UploadedFile.unsupported();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
        FileAttribute<?>... attrs) {
      throw UploadedFile.unsupported();
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir,
        DirectoryStream.Filter<? super Path> filter) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void delete(Path path) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) {
      throw UploadedFile.unsupported();
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
      return path.equals(path2);
    }

    @Override
    public boolean isHidden(Path path) {
      return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) {
      for (AccessMode m : modes) {
        if (m != AccessMode.READ) {
          throw UploadedFile.unsupported();
        }
      }
      file(path);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type,
        LinkOption... options) {
      return null;
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type,
        LinkOption... options) {
      throw UploadedFile.unsupported();
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes,
        LinkOption... options) {
      throw UploadedFile.unsupported();
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
      throw UploadedFile.unsupported();
    }
  }
}
