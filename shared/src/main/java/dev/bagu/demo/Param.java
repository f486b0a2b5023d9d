package dev.bagu.demo;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed demo parameter with a default, an allowed range and a line of help. Declared once per
 * demo; the CLI ({@code -p name=value}), the window's controls, {@code describe} and validation all
 * read the same declaration.
 *
 * <p>Four kinds: {@link IntParam}, {@link RealParam} (both with an optional log scale, which the
 * window shows as a log slider; an integer may also be limited to even values or to powers of
 * two, a slider that steps by doubling), {@link ChoiceParam} and {@link BoolParam}.
 */
public abstract sealed class Param<T> permits Param.IntParam, Param.RealParam, Param.ChoiceParam,
    Param.BoolParam {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  private final String name;
  private final T defaultValue;
  private final String help;
  private String helpZh = "";

  private Param(String name, T defaultValue, String help) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("parameter name must be lower-case words joined by '-': "
          + name);
    }
    this.name = name;
    this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
    this.help = Objects.requireNonNull(help, "help");
  }

  /** An integer in [min, max]. */
  public static IntParam integer(String name, int defaultValue, int min, int max, String help) {
    return new IntParam(name, defaultValue, min, max, false, help);
  }

  /** A real number in [min, max]. */
  public static RealParam real(String name, double defaultValue, double min, double max,
      String help) {
    return new RealParam(name, defaultValue, min, max, false, help);
  }

  /** One of a fixed list of words. */
  public static ChoiceParam choice(String name, String defaultValue, List<String> options,
      String help) {
    return new ChoiceParam(name, defaultValue, options, help);
  }

  public static BoolParam bool(String name, boolean defaultValue, String help) {
    return new BoolParam(name, defaultValue, help);
  }

  public String name() {
    return name;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String help() {
    return help;
  }

  /** The help line in the given language ("" in Chinese until {@code zh(...)} gives it). */
  public String help(dev.bagu.i18n.Lang lang) {
    return lang == dev.bagu.i18n.Lang.ZH ? helpZh : help;
  }

  /** Sets the Chinese help once, while the declaration is built. */
  void setHelpZh(String text) {
    if (!helpZh.isEmpty()) {
      throw new IllegalStateException(name + ": Chinese help already given");
    }
    helpZh = Objects.requireNonNull(text, "helpZh");
  }

  String helpZh() {
    return helpZh;
  }

  /** The allowed values, for people: "1 to 4096 (integer, log scale)". */
  public abstract String allowed();

  /** Parses and checks a value typed by the user; the message of the exception says it all. */
  public abstract T parse(String text);

  /** Checks a value that arrived already typed (from the window, say). */
  public abstract T check(Object value);

  /** The value as the user would type it. */
  public String format(T value) {
    return String.valueOf(value);
  }

  @SuppressWarnings("unchecked")
  public String formatAny(Object value) {
    return format((T) value);
  }

  UserException rejected(String text, String why) {
    return new UserException("parameter " + name + " = " + text + " " + why + ": allowed "
        + allowed());
  }

  /** Integer parameter. */
  public static final class IntParam extends Param<Integer> {
    /** Which integers of [min, max] are allowed; min, default and max must be among them. */
    public enum Steps {
      EVERY,
      /** d of RoPE or of sinusoidal encodings: the dimensions come in pairs. */
      EVEN,
      /** Widths and head counts that must divide one another: a slider that steps by doubling. */
      POWERS_OF_TWO
    }

    private final int min;
    private final int max;
    private final boolean logScale;
    private final Steps steps;

    private IntParam(String name, int defaultValue, int min, int max, boolean logScale,
        String help) {
      this(name, defaultValue, min, max, logScale, Steps.EVERY, help);
    }

    private IntParam(String name, int defaultValue, int min, int max, boolean logScale,
        Steps steps, String help) {
      super(name, defaultValue, help);
      if (min > max || defaultValue < min || defaultValue > max) {
        throw new IllegalArgumentException(name + ": need min <= default <= max");
      }
      if (logScale && min <= 0) {
        throw new IllegalArgumentException(name + ": a log scale needs min > 0");
      }
      this.min = min;
      this.max = max;
      this.logScale = logScale;
      this.steps = steps;
      if (!(allows(min) && allows(max) && allows(defaultValue))) {
        throw new IllegalArgumentException(name + ": min, default and max must be "
            + stepsText().strip());
      }
    }

    private boolean allows(int v) {
      return switch (steps) {
        case EVERY -> true;
        case EVEN -> v % 2 == 0;
        case POWERS_OF_TWO -> v > 0 && Integer.bitCount(v) == 1;
      };
    }

    private String stepsText() {
      return switch (steps) {
        case EVERY -> "integers ";
        case EVEN -> "even integers ";
        case POWERS_OF_TWO -> "powers of two ";
      };
    }

    private IntParam with(boolean log, Steps s) {
      IntParam p = new IntParam(name(), defaultValue(), min, max, log, s, help());
      p.setHelpZh(helpZh());
      return p;
    }

    /** The same parameter shown on a log slider (for sizes that span decades). */
    public IntParam logScale() {
      return with(true, steps);
    }

    /** The same parameter limited to even integers (min, default and max must be even). */
    public IntParam even() {
      return with(logScale, Steps.EVEN);
    }

    /**
     * The same parameter limited to powers of two (min, default and max must be): a slider that
     * steps by doubling, for widths and head counts that must divide one another, where a plain
     * slider would offer mostly refused values.
     */
    public IntParam powersOfTwo() {
      return with(logScale, Steps.POWERS_OF_TWO);
    }

    public Steps steps() {
      return steps;
    }

    public boolean isPowersOfTwo() {
      return steps == Steps.POWERS_OF_TWO;
    }

    public boolean isEven() {
      return steps == Steps.EVEN;
    }

    /**
     * The allowed value nearest v, clamped to [min, max]: a slider's position made a value the
     * parameter accepts (powers of two nearest on a log scale, as their slider steps).
     */
    public int nearest(double v) {
      return nearest(v, min, max, steps);
    }

    /** {@link #nearest(double)} for any range whose ends are allowed values of {@code steps}. */
    public static int nearest(double v, int min, int max, Steps steps) {
      double c = Math.max(min, Math.min(max, v));
      return switch (steps) {
        case EVERY -> (int) Math.round(c);
        case EVEN -> (int) (2 * Math.round(c / 2));
        case POWERS_OF_TWO -> min << (int) Math.round(Math.log(c / min) / Math.log(2));
      };
    }

    /** The same parameter with its help line in Chinese. */
    public IntParam zh(String chineseHelp) {
      setHelpZh(chineseHelp);
      return this;
    }

    public int min() {
      return min;
    }

    public int max() {
      return max;
    }

    public boolean isLogScale() {
      return logScale;
    }

    @Override
    public String allowed() {
      return stepsText() + min + " to " + max;
    }

    @Override
    public Integer parse(String text) {
      String t = text.strip().replace("_", "");
      int value;
      try {
        value = Integer.parseInt(t);
      } catch (NumberFormatException e) {
        throw rejected(text, "is not an integer");
      }
      return check(value);
    }

    @Override
    public Integer check(Object value) {
      if (!(value instanceof Integer i)) {
        throw rejected(String.valueOf(value), "is not an integer");
      }
      if (i < min || i > max) {
        throw rejected(String.valueOf(i), "is out of range");
      }
      if (!allows(i)) {
        throw rejected(String.valueOf(i), steps == Steps.EVEN ? "is not even"
            : "is not a power of two");
      }
      return i;
    }
  }

  /** Real-valued parameter. */
  public static final class RealParam extends Param<Double> {
    private final double min;
    private final double max;
    private final boolean logScale;

    private RealParam(String name, double defaultValue, double min, double max, boolean logScale,
        String help) {
      super(name, defaultValue, help);
      if (!(min <= defaultValue && defaultValue <= max) || !Double.isFinite(min)
          || !Double.isFinite(max)) {
        throw new IllegalArgumentException(name + ": need finite min <= default <= max");
      }
      if (logScale && min <= 0) {
        throw new IllegalArgumentException(name + ": a log scale needs min > 0");
      }
      this.min = min;
      this.max = max;
      this.logScale = logScale;
    }

    public RealParam logScale() {
      RealParam p = new RealParam(name(), defaultValue(), min, max, true, help());
      p.setHelpZh(helpZh());
      return p;
    }

    /** The same parameter with its help line in Chinese. */
    public RealParam zh(String chineseHelp) {
      setHelpZh(chineseHelp);
      return this;
    }

    public double min() {
      return min;
    }

    public double max() {
      return max;
    }

    public boolean isLogScale() {
      return logScale;
    }

    @Override
    public String allowed() {
      return "numbers from " + format(min) + " to " + format(max);
    }

    @Override
    public Double parse(String text) {
      double value;
      try {
        value = Double.parseDouble(text.strip());
      } catch (NumberFormatException e) {
        throw rejected(text, "is not a number");
      }
      return check(value);
    }

    @Override
    public Double check(Object value) {
      if (!(value instanceof Number n)) {
        throw rejected(String.valueOf(value), "is not a number");
      }
      double v = n.doubleValue();
      if (!Double.isFinite(v)) {
        throw rejected(String.valueOf(v), "is not finite");
      }
      if (v < min || v > max) {
        throw rejected(format(v), "is out of range");
      }
      return v;
    }

    @Override
    public String format(Double value) {
      double v = value;
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        return String.format(Locale.ROOT, "%d", (long) v);
      }
      return String.valueOf(v);
    }
  }

  /** One word out of a fixed list. */
  public static final class ChoiceParam extends Param<String> {
    private final List<String> options;

    private ChoiceParam(String name, String defaultValue, List<String> options, String help) {
      super(name, defaultValue, help);
      this.options = List.copyOf(options);
      if (!this.options.contains(defaultValue)) {
        throw new IllegalArgumentException(name + ": default " + defaultValue
            + " is not an option");
      }
    }

    public List<String> options() {
      return options;
    }

    /** The same parameter with its help line in Chinese. */
    public ChoiceParam zh(String chineseHelp) {
      setHelpZh(chineseHelp);
      return this;
    }

    @Override
    public String allowed() {
      return "one of " + String.join(", ", options);
    }

    @Override
    public String parse(String text) {
      return check(text.strip());
    }

    @Override
    public String check(Object value) {
      if (!(value instanceof String s) || !options.contains(s)) {
        throw rejected(String.valueOf(value), "is not an option");
      }
      return s;
    }
  }

  /** true or false. */
  public static final class BoolParam extends Param<Boolean> {
    private BoolParam(String name, boolean defaultValue, String help) {
      super(name, defaultValue, help);
    }

    /** The same parameter with its help line in Chinese. */
    public BoolParam zh(String chineseHelp) {
      setHelpZh(chineseHelp);
      return this;
    }

    @Override
    public String allowed() {
      return "true or false";
    }

    @Override
    public Boolean parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      if (t.equals("true")) {
        return true;
      }
      if (t.equals("false")) {
        return false;
      }
      throw rejected(text, "is not a boolean");
    }

    @Override
    public Boolean check(Object value) {
      if (!(value instanceof Boolean b)) {
        throw rejected(String.valueOf(value), "is not a boolean");
      }
      return b;
    }
  }
}
