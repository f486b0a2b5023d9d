package dev.bagu.demo;

import dev.bagu.plot.Figure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run produces: the figure, the findings, demo-specific data for the JSON ({@code data}:
 * kept boxes, cluster labels, curves) and optional animation frames.
 */
public final class Result {
  private final Figure figure;
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Object> data = new LinkedHashMap<>();
  /** Each frame made when first asked for: most runs write no GIF and never draw one. */
  private final List<java.util.function.Supplier<Figure>> frames = new ArrayList<>();
  private int frameDelayMillis = 500;

  private Result(Figure figure) {
    this.figure = Objects.requireNonNull(figure, "figure");
  }

  public static Result of(Figure figure) {
    return new Result(figure);
  }

  public Result finding(Finding finding) {
    boolean duplicate = findings.stream().anyMatch(f -> f.key().equals(finding.key()));
    if (duplicate) {
      throw new IllegalArgumentException("duplicate finding key: " + finding.key());
    }
    findings.add(finding);
    return this;
  }

  /**
   * Adds a JSON value under {@code data}: numbers, strings, booleans, arrays, lists, maps and
   * records of those. Insertion order is kept, so the JSON is deterministic.
   */
  public Result data(String key, Object value) {
    data.put(Objects.requireNonNull(key), value);
    return this;
  }

  /** Adds one frame of an animation (written with {@code --format gif}). */
  public Result frame(Figure frame) {
    Objects.requireNonNull(frame);
    frames.add(() -> frame);
    return this;
  }

  /**
   * Adds {@code count} frames, frame t made by {@code frame.apply(t)} only when it is first asked
   * for (a GIF, the window's animation), then kept: a frame that costs a pass over 100,000
   * points is paid for only by the runs that draw it.
   */
  public Result frames(int count, java.util.function.IntFunction<Figure> frame) {
    Objects.requireNonNull(frame);
    for (int t = 0; t < count; t++) {
      int at = t;
      Figure[] made = new Figure[1];
      frames.add(() -> {
        synchronized (made) {
          if (made[0] == null) {
            made[0] = Objects.requireNonNull(frame.apply(at));
          }
          return made[0];
        }
      });
    }
    return this;
  }

  public Result frameDelayMillis(int millis) {
    if (millis < 20) {
      throw new IllegalArgumentException("frame delay must be at least 20 ms: " + millis);
    }
    this.frameDelayMillis = millis;
    return this;
  }

  public Figure figure() {
    return figure;
  }

  public List<Finding> findings() {
    return Collections.unmodifiableList(findings);
  }

  public Finding finding(String key) {
    return findings.stream().filter(f -> f.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no finding " + key));
  }

  public Map<String, Object> data() {
    return Collections.unmodifiableMap(data);
  }

  public List<Figure> frames() {
    return new java.util.AbstractList<>() {
      @Override
      public Figure get(int index) {
        return frames.get(index).get();
      }

      @Override
      public int size() {
        return frames.size();
      }
    };
  }

  public int frameDelayMillis() {
    return frameDelayMillis;
  }
}
