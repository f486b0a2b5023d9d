package dev.bagu.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The demos, listed explicitly (no classpath scanning), looked up by id. */
public final class Registry {
  private final Map<String, Demo> byId = new LinkedHashMap<>();

  public Registry(List<? extends Demo> demos) {
    for (Demo d : demos) {
      if (byId.put(d.info().id(), d) != null) {
        throw new IllegalArgumentException("two demos share the id " + d.info().id());
      }
    }
  }

  public List<Demo> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Demo> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * The demo with this id.
   *
   * @throws UserException for an unknown id, with the closest ids suggested
   */
  public Demo require(String id) {
    Demo d = byId.get(id);
    if (d != null) {
      return d;
    }
    List<String> close = Names.closest(id, new ArrayList<>(byId.keySet()));
    String hint = close.isEmpty() ? "" : "; did you mean " + String.join(" or ", close) + "?";
    throw new UserException("unknown demo '" + id + "'" + hint + " ('bagu list' shows all "
        + byId.size() + ")");
  }

  /** Demos grouped by section, sections in catalogue order, demos in registration order. */
  /**
   * The demos with these ids, in the order given, or every demo when the list is empty (the
   * {@code [ID...]} of gallery and bench).
   *
   * @throws UserException for an unknown id, as {@link #require} does
   */
  public List<Demo> selectOrAll(List<String> ids) {
    return ids.isEmpty() ? all() : ids.stream().map(this::require).toList();
  }

  public Map<Section, List<Demo>> bySection() {
    Map<Section, List<Demo>> groups = new EnumMap<>(Section.class);
    for (Demo d : byId.values()) {
      groups.computeIfAbsent(d.info().section(), s -> new ArrayList<>()).add(d);
    }
    groups.replaceAll((s, list) -> Collections.unmodifiableList(list));
    return Collections.unmodifiableMap(groups);
  }
}
