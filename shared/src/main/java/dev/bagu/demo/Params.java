package dev.bagu.demo;

import dev.bagu.i18n.Lang;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checked values for every declared parameter of one demo, plus the seed and the optional input
 * file. Immutable: {@link #with} returns a copy, which is how the window changes one slider.
 */
public final class Params {
  /** The seed used when none is given. */
  public static final long DEFAULT_SEED = 0;

  private final List<Param<?>> declared;
  private final Map<String, Object> values;
  private final long seed;
  private final Optional<Path> input;
  private final boolean showTimes;
  private final Lang lang;
  private final boolean preview;

  private Params(List<Param<?>> declared, Map<String, Object> values, long seed,
      Optional<Path> input, boolean showTimes, Lang lang) {
    this(declared, values, seed, input, showTimes, lang, false);
  }

  private Params(List<Param<?>> declared, Map<String, Object> values, long seed,
      Optional<Path> input, boolean showTimes, Lang lang, boolean preview) {
    this.declared = List.copyOf(declared);
    this.values = Collections.unmodifiableMap(values);
    this.seed = seed;
    this.input = input;
    this.showTimes = showTimes;
    this.lang = Objects.requireNonNull(lang, "lang");
    this.preview = preview;
  }

  /** Every parameter at its default, seed {@value #DEFAULT_SEED}, no input file. */
  public static Params defaults(List<Param<?>> declared) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param<?> p : declared) {
      values.put(p.name(), p.defaultValue());
    }
    return new Params(declared, values, DEFAULT_SEED, Optional.empty(), true, Lang.EN);
  }

  /**
   * Parses {@code name=value} pairs typed by the user over the defaults.
   *
   * @throws UserException naming an unknown parameter (with the closest names) or a bad value
   */
  public static Params parse(String demoId, List<Param<?>> declared, Map<String, String> given) {
    Params p = defaults(declared);
    Map<String, Object> values = new LinkedHashMap<>(p.values);
    for (Map.Entry<String, String> e : given.entrySet()) {
      Param<?> param = find(demoId, declared, e.getKey());
      values.put(param.name(), param.parse(e.getValue()));
    }
    return new Params(declared, values, p.seed, p.input, p.showTimes, p.lang);
  }

  private static Param<?> find(String demoId, List<Param<?>> declared, String name) {
    for (Param<?> p : declared) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    List<String> names = declared.stream().map(Param::name).collect(Collectors.toList());
    String known = names.isEmpty() ? "it has none" : "it has " + String.join(", ", names);
    List<String> close = Names.closest(name, names);
    String hint = close.isEmpty() ? "" : "did you mean " + String.join(" or ", close) + "? ";
    throw new UserException("unknown parameter '" + name + "' for " + demoId + ": " + hint
        + known);
  }

  /** A copy with one parameter changed (checked). */
  public Params with(String name, Object value) {
    Param<?> param = find("this demo", declared, name);
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(name, param.check(value));
    return new Params(declared, copy, seed, input, showTimes, lang, preview);
  }

  public Params withSeed(long newSeed) {
    return new Params(declared, values, newSeed, input, showTimes, lang, preview);
  }

  public Params withInput(Path file) {
    return new Params(declared, values, seed, Optional.of(Objects.requireNonNull(file)),
        showTimes, lang, preview);
  }

  /**
   * A copy that asks the demo to leave times measured on this machine out of its figure (run
   * times in panel titles, a measured-time curve), so the figure is the same bytes on every run
   * and machine. The measured findings are still computed and reported.
   */
  public Params withoutTimes() {
    return new Params(declared, values, seed, input, false, lang, preview);
  }

  /** A copy whose figure, findings and data texts are in the given language. */
  public Params withLang(Lang newLang) {
    return new Params(declared, values, seed, input, showTimes, newLang, preview);
  }

  /**
   * A copy that asks for a quick preview (true) or the full run (false). The window asks for
   * previews while a slider is dragged and for the full run when it is released; nothing else
   * sets it (the CLI, exports and JSON always run fully). See {@link Demo#hasPreview}.
   */
  public Params withPreview(boolean quick) {
    return new Params(declared, values, seed, input, showTimes, lang, quick);
  }

  /**
   * True when the run is a preview shown while a slider moves: a demo that {@link
   * Demo#hasPreview has one} may then do less work ({@code p.preview() ? 2_000 : 100_000}
   * samples). False by default, and always in the CLI.
   */
  public boolean preview() {
    return preview;
  }

  /** The language of every text the run produces: {@code lang().t("Variance", "方差")}. */
  public Lang lang() {
    return lang;
  }

  /** False when the figure must not show times measured on this machine. */
  public boolean showTimes() {
    return showTimes;
  }

  public int integer(String name) {
    return (Integer) get(name);
  }

  public double real(String name) {
    return (Double) get(name);
  }

  public String choice(String name) {
    return (String) get(name);
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  public long seed() {
    return seed;
  }

  public Optional<Path> input() {
    return input;
  }

  public Object get(String name) {
    Object v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no parameter " + name + " declared");
    }
    return v;
  }

  /** Values in declaration order, as JSON shows them. */
  public Map<String, Object> values() {
    return values;
  }

  public List<Param<?>> declared() {
    return declared;
  }

  /** "dk=64, keys=64, samples=100000, seed=0" */
  public String summary() {
    StringBuilder b = new StringBuilder();
    for (Param<?> p : declared) {
      b.append(p.name()).append('=').append(p.formatAny(values.get(p.name()))).append(", ");
    }
    return b.append("seed=").append(seed).toString();
  }
}
