package dev.bagu.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON writer: pretty-printed, keys in insertion order (so the same run gives the same
 * bytes), records and maps written as objects.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * A JSON object with its keys in the order given: {@code object("a", 1, "b", 2)}. Use it
   * instead of {@code Map.of}, whose order changes from one JVM to the next (same run, different
   * bytes).
   */
  public static java.util.Map<String, Object> object(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs: "
          + keysAndValues.length + " given");
    }
    java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (out.put((String) keysAndValues[i], keysAndValues[i + 1]) != null) {
        throw new IllegalArgumentException("key given twice: " + keysAndValues[i]);
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
