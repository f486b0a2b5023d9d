package dev.bagu.io;

import dev.bagu.demo.UserException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A small CSV file a user brings (boxes for {@code nms}, points for the clustering demos), read
 * against a declared set of columns, with errors a person can act on: every message names the
 * file, the line, the column, the value and what is allowed, e.g.
 * {@code boxes.csv line 4, column score: 1.5 is outside [0, 1]}.
 *
 * <pre>{@code
 * CsvTable t = CsvTable.read(file, List.of(
 *     Column.number("x1"), Column.number("y1"), Column.number("x2"), Column.number("y2"),
 *     Column.number("score").range(0, 1), Column.text("class").optional()));
 * double s = t.number(row, "score");
 * }</pre>
 *
 * <p>Format: UTF-8, comma-separated, first line a header naming the columns in any order. Blank
 * lines and lines starting with {@code #} are skipped. No quoting: a value cannot contain a comma
 * (none of the inputs needs one). Every declared column that is not optional must be in the
 * header; a header column that is not declared is an error too, so a typo ("socre") is caught
 * rather than ignored. Numbers must be finite.
 */
public final class CsvTable {
  /** A declared column: its name, whether it must be present, and the type and range of values. */
  public record Column(String name, boolean isNumber, boolean required, double min, double max) {
    public Column {
      Objects.requireNonNull(name, "name");
    }

    /** A required column of finite numbers, any value. */
    public static Column number(String name) {
      return new Column(name, true, true, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A required column of text (a class name or label); any value but empty. */
    public static Column text(String name) {
      return new Column(name, false, true, 0, 0);
    }

    /** The same column with its values limited to [min, max]. */
    public Column range(double lo, double hi) {
      return new Column(name, isNumber, required, lo, hi);
    }

    /** The same column, allowed to be missing from the header. */
    public Column optional() {
      return new Column(name, isNumber, false, min, max);
    }

    String allowed() {
      if (max == Double.POSITIVE_INFINITY) {
        return "the allowed range (at least " + plain(min) + ")";
      }
      return "[" + plain(min) + ", " + plain(max) + "]";
    }
  }

  private final String fileName;
  private final int headerLine;
  private final Map<String, Integer> present; // declared column name -> position in the row
  private final List<String[]> rows;
  private final List<Integer> lines; // 1-based line number of each row

  private CsvTable(String fileName, int headerLine, Map<String, Integer> present,
      List<String[]> rows, List<Integer> lines) {
    this.fileName = fileName;
    this.headerLine = headerLine;
    this.present = present;
    this.rows = rows;
    this.lines = lines;
  }

  /**
   * Reads and checks the whole file.
   *
   * @throws UserException naming file, line and column for any problem the user can fix
   */
  public static CsvTable read(Path file, List<Column> columns) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    List<String> text;
    try {
      text = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      throw new UserException(name + ": not a UTF-8 text file");
    } catch (IOException e) {
      throw new UserException(name + ": cannot be read: " + e.getMessage());
    }
    return parse(name, text, columns);
  }

  /** Checks lines already in memory; {@code fileName} is only used in messages. */
  public static CsvTable parse(String fileName, List<String> text, List<Column> columns) {
    String expected = describe(columns);
    int headerAt = firstContentLine(text, 0);
    if (headerAt < 0) {
      throw new UserException(fileName + ": the file is empty; expected a header line " + expected);
    }
    String[] header = split(stripBom(text.get(headerAt)));
    Map<String, Column> declared = new LinkedHashMap<>();
    for (Column c : columns) {
      declared.put(c.name(), c);
    }
    Map<String, Integer> present = new LinkedHashMap<>();
    String where = fileName + " line " + (headerAt + 1);
    for (int i = 0; i < header.length; i++) {
      String h = header[i].toLowerCase(Locale.ROOT);
      if (!declared.containsKey(h)) {
        throw new UserException(where + ", header: unknown column '" + header[i]
            + "'; expected " + expected);
      }
      if (present.put(h, i) != null) {
        throw new UserException(where + ", header: column " + h + " appears twice");
      }
    }
    for (Column c : columns) {
      if (c.required() && !present.containsKey(c.name())) {
        throw new UserException(where + ", header: missing column " + c.name() + "; expected "
            + expected);
      }
    }
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int at = firstContentLine(text, headerAt + 1); at >= 0;
        at = firstContentLine(text, at + 1)) {
      String[] values = split(text.get(at));
      String here = fileName + " line " + (at + 1);
      if (values.length < header.length) {
        throw new UserException(here + ", column " + header[values.length].toLowerCase(Locale.ROOT)
            + ": missing value (" + values.length + " values, the header has " + header.length
            + ")");
      }
      if (values.length > header.length) {
        throw new UserException(here + ": " + values.length + " values, the header has "
            + header.length + " columns");
      }
      for (Map.Entry<String, Integer> e : present.entrySet()) {
        check(here, declared.get(e.getKey()), values[e.getValue()]);
      }
      rows.add(values);
      lines.add(at + 1);
    }
    if (rows.isEmpty()) {
      throw new UserException(fileName + ": no rows after the header line");
    }
    return new CsvTable(fileName, headerAt + 1, present, rows, lines);
  }

  private static void check(String here, Column c, String value) {
    String at = here + ", column " + c.name() + ": ";
    if (value.isEmpty()) {
      throw new UserException(at + "missing value");
    }
    if (!c.isNumber()) {
      return;
    }
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new UserException(at + "'" + value + "' is not a number");
    }
    if (!Double.isFinite(v)) {
      throw new UserException(at + value + " is not a finite number (no NaN or infinity)");
    }
    if (v < c.min() || v > c.max()) {
      throw new UserException(at + value + " is outside " + c.allowed());
    }
  }

  public int size() {
    return rows.size();
  }

  /** Whether an optional column is in the file. */
  public boolean has(String column) {
    return present.containsKey(column);
  }

  /** The checked number in {@code column} of data row {@code row} (0-based, header excluded). */
  public double number(int row, String column) {
    return Double.parseDouble(rows.get(row)[position(column)]);
  }

  public String text(int row, String column) {
    return rows.get(row)[position(column)];
  }

  /** The line of the file a data row came from, 1-based, for messages. */
  public int line(int row) {
    return lines.get(row);
  }

  /**
   * An error about one value that only the caller can judge (x2 ≤ x1, say), in the same form as
   * the table's own: "boxes.csv line 4, column x2: 3 is not greater than x1 = 5".
   */
  public UserException error(int row, String column, String why) {
    return new UserException(fileName + " line " + line(row) + ", column " + column + ": " + why);
  }

  /** An error about the header that only the caller can judge (columns that come in sets). */
  public UserException headerError(String why) {
    return new UserException(fileName + " line " + headerLine + ", header: " + why);
  }

  private int position(String column) {
    Integer p = present.get(column);
    if (p == null) {
      throw new IllegalArgumentException("column " + column + " is not in " + fileName);
    }
    return p;
  }

  private static int firstContentLine(List<String> text, int from) {
    for (int i = from; i < text.size(); i++) {
      String s = stripBom(text.get(i)).strip();
      if (!s.isEmpty() && !s.startsWith("#")) {
        return i;
      }
    }
    return -1;
  }

  private static String[] split(String line) {
    String[] parts = line.split(",", -1);
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].strip();
    }
    return parts;
  }

  private static String stripBom(String s) {
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  /** "x1,y1,x2,y2,score[,class]" */
  private static String describe(List<Column> columns) {
    StringBuilder b = new StringBuilder();
    for (Column c : columns) {
      String sep = b.length() == 0 ? "" : ",";
      b.append(c.required() ? sep + c.name() : "[" + sep + c.name() + "]");
    }
    return b.toString();
  }

  private static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
  }
}
