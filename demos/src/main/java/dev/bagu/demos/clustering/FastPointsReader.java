package dev.bagu.demos.clustering;

import dev.bagu.demos.clustering.PointsFile.Points;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@link PointsFile}'s reading for big files, in one pass over the text, split across the cores
 * ({@link dev.bagu.io.CsvTable} keeps every line and field as a string: a million points would take
 * hundreds of MB, and parsing 100,000 lines on one core was a fifth of a k-means run). The same
 * rules: blank and '#' lines skipped, a UTF-8 byte-order mark dropped, fields stripped, numbers
 * finite, labels not empty, numbered by first appearance. At the first thing it does not expect it
 * gives up (null), and {@link PointsFile#readChecked} reads the file again to report the problem
 * in the usual words.
 */
final class FastPointsReader {
  /** Below this many characters one core reads it all: splitting would cost more than it saves. */
  private static final int SPLIT_CHARS = 1 << 16;

  private FastPointsReader() {}

  /** The points, or null for anything unexpected (including text that is not UTF-8). */
  static Points read(Path file) {
    String text;
    try {
      text = decode(Files.readAllBytes(file));
    } catch (IOException e) {
      return null;
    }
    int start = 0;
    int[] column = null; // header position of x, y, label (−1: no label)
    int fields = 0;
    while (start < text.length() && column == null) {
      int end = lineEnd(text, start);
      String s = text.substring(start, end).strip();
      start = next(text, end);
      if (s.startsWith("\uFEFF")) {
        s = s.substring(1).strip();
      }
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] parts = s.split(",", -1);
      column = header(parts);
      if (column == null) {
        return null;
      }
      fields = parts.length;
    }
    if (column == null) {
      return null;
    }
    int[] cuts = cuts(text, start);
    int[] at = column;
    int width = fields;
    List<Chunk> chunks = IntStream.range(0, cuts.length - 1).parallel()
        .mapToObj(c -> Chunk.parse(text, cuts[c], cuts[c + 1], at, width)).toList();
    return merge(chunks, at[2] >= 0, file);
  }

  /** The text as UTF-8, or an exception when it is not. ASCII, the usual case, is copied fast. */
  private static String decode(byte[] bytes) throws CharacterCodingException {
    for (byte b : bytes) {
      if (b < 0) {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** Chunk boundaries from {@code start}: one chunk per core, each cut after a line's end. */
  private static int[] cuts(String text, int start) {
    int parts = text.length() - start < SPLIT_CHARS ? 1
        : Runtime.getRuntime().availableProcessors();
    int[] cuts = new int[parts + 1];
    cuts[0] = start;
    for (int c = 1; c < parts; c++) {
      int at = Math.max(cuts[c - 1], start + (int) ((long) (text.length() - start) * c / parts));
      cuts[c] = at >= text.length() ? text.length() : next(text, lineEnd(text, at));
    }
    cuts[parts] = text.length();
    return cuts;
  }

  /** The index of the line break ('\n' or '\r') at or after i, or the text's length. */
  static int lineEnd(String text, int i) {
    while (i < text.length()) {
      char ch = text.charAt(i);
      if (ch == '\n' || ch == '\r') {
        return i;
      }
      i++;
    }
    return i;
  }

  /** The start of the line after the break at {@code end} ("\r\n" is one break). */
  static int next(String text, int end) {
    if (end < text.length() && text.charAt(end) == '\r' && end + 1 < text.length()
        && text.charAt(end + 1) == '\n') {
      return end + 2;
    }
    return Math.min(text.length(), end + 1);
  }

  /** Positions of x, y and label (−1 if absent) in the header, or null if it is not x,y[,label]. */
  private static int[] header(String[] parts) {
    int[] at = {-1, -1, -1};
    List<String> names = List.of("x", "y", "label");
    for (int i = 0; i < parts.length; i++) {
      int c = names.indexOf(parts[i].strip().toLowerCase(Locale.ROOT));
      if (c < 0 || at[c] >= 0) {
        return null;
      }
      at[c] = i;
    }
    return at[0] >= 0 && at[1] >= 0 ? at : null;
  }

  /** The chunks' points in order; label numbers by first appearance over the whole file. */
  private static Points merge(List<Chunk> chunks, boolean labelled, Path file) {
    int n = 0;
    for (Chunk c : chunks) {
      if (c == null) {
        return null;
      }
      n += c.n;
    }
    if (n == 0) {
      return null;
    }
    double[][] x = new double[n][];
    int[] labels = labelled ? new int[n] : null;
    Map<String, Integer> names = new LinkedHashMap<>();
    int i = 0;
    for (Chunk c : chunks) {
      int[] global = new int[c.names.size()];
      for (int j = 0; j < global.length; j++) {
        global[j] = names.computeIfAbsent(c.names.get(j), key -> names.size());
      }
      for (int r = 0; r < c.n; r++, i++) {
        x[i] = new double[] {c.xs[r], c.ys[r]};
        if (labelled) {
          labels[i] = global[c.labels[r]];
        }
      }
    }
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return new Points(x, labels, List.copyOf(names.keySet()), name);
  }

  /** One chunk's points, labels numbered by first appearance in the chunk. */
  private static final class Chunk {
    double[] xs = new double[1024];
    double[] ys = new double[1024];
    int[] labels = new int[1024];
    final List<String> names = new ArrayList<>();
    int n;

    /** Lines [from, to) of the text, or null at anything unexpected. */
    static Chunk parse(String text, int from, int to, int[] at, int fields) {
      Chunk c = new Chunk();
      Map<String, Integer> ids = new LinkedHashMap<>();
      String[] parts = new String[fields];
      try {
        for (int start = from; start < to; ) {
          int end = lineEnd(text, start);
          int lineStart = start;
          start = next(text, end);
          if (!split(text, lineStart, end, parts)) {
            continue; // blank or comment
          }
          c.grow();
          double x = Double.parseDouble(parts[at[0]]);
          double y = Double.parseDouble(parts[at[1]]);
          if (!Double.isFinite(x) || !Double.isFinite(y)) {
            return null;
          }
          c.xs[c.n] = x;
          c.ys[c.n] = y;
          if (at[2] >= 0) {
            String label = parts[at[2]];
            if (label.isEmpty()) {
              return null;
            }
            c.labels[c.n] = ids.computeIfAbsent(label, key -> {
              c.names.add(key);
              return ids.size();
            });
          }
          c.n++;
        }
      } catch (RuntimeException e) { // not a number, too few or many fields
        return null;
      }
      return c;
    }

    /**
     * The stripped fields of line [from, to) into parts; false for a blank or '#' line. Throws
     * when the count of fields is not the header's.
     */
    private static boolean split(String text, int from, int to, String[] parts) {
      String line = text.substring(from, to).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        return false;
      }
      int field = 0;
      int start = 0;
      while (true) {
        int comma = line.indexOf(',', start);
        int end = comma < 0 ? line.length() : comma;
        if (field == parts.length) {
          throw new IllegalArgumentException("more fields than the header");
        }
        parts[field++] = line.substring(start, end).strip();
        if (comma < 0) {
          break;
        }
        start = comma + 1;
      }
      if (field != parts.length) {
        throw new IllegalArgumentException("fewer fields than the header");
      }
      return true;
    }

    private void grow() {
      if (n == xs.length) {
        xs = Arrays.copyOf(xs, 2 * n);
        ys = Arrays.copyOf(ys, 2 * n);
        labels = Arrays.copyOf(labels, 2 * n);
      }
    }
  }
}
