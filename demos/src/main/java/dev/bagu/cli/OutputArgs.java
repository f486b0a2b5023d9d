package dev.bagu.cli;

import dev.bagu.demo.UserException;
import dev.bagu.plot.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Checks of the output options that {@code run} and {@code gallery} share. */
final class OutputArgs {
  private OutputArgs() {}

  /** "png", "svg", … as formats, in the order given; an unknown one is a user error. */
  static Set<ExportFormat> formats(List<String> names) {
    Set<ExportFormat> set = new LinkedHashSet<>();
    for (String f : names) {
      try {
        set.add(ExportFormat.parse(f));
      } catch (IllegalArgumentException e) {
        throw new UserException("--format: " + e.getMessage());
      }
    }
    return set;
  }

  /** Creates the output folder if needed; a folder that can't be written is a user error. */
  static Path folder(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        throw new UserException("cannot write to output folder " + dir + ": it is a file");
      }
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new UserException("cannot write to output folder " + dir + ": " + e.getMessage());
    }
    if (!Files.isWritable(dir)) {
      throw new UserException("cannot write to output folder " + dir + ": permission denied");
    }
    return dir;
  }
}
