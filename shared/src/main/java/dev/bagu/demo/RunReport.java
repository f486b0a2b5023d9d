package dev.bagu.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON written beside the figures ({@code ID.json}):
 * {@code {"id", "title", "seed", "params", "findings": [{"key", "label", "value", "unit",
 * "reference": {"value", "source", "tolerance", "agrees"}}], "data", "figures", "elapsedMillis"}}.
 * {@code agrees} is |value − reference| ≤ tolerance. Findings measured on
 * this machine carry {@code "measured": true}; without a reference, {@code "reference"} is null.
 */
public final class RunReport {
  private RunReport() {}

  public static Map<String, Object> of(Demo demo, Params p, Result result, List<String> figures,
      long elapsedMillis) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", demo.info().id());
    m.put("title", demo.info().title(p.lang()));
    m.put("lang", p.lang().code());
    m.put("seed", p.seed());
    Map<String, Object> params = new LinkedHashMap<>(p.values());
    p.input().ifPresent(f -> params.put("input", f.getFileName().toString()));
    m.put("params", params);
    List<Map<String, Object>> findings = new ArrayList<>();
    for (Finding f : result.findings()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("key", f.key());
      row.put("label", f.label());
      row.put("value", f.value());
      row.put("unit", f.unit());
      row.put("reference", f.reference().map(r -> {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("value", r.value());
        ref.put("source", r.source());
        ref.put("tolerance", r.tolerance());
        if (r.upperBound()) {
          ref.put("upperBound", true);
        }
        ref.put("agrees", r.agrees(f.value()));
        return ref;
      }).orElse(null));
      if (f.measured()) {
        row.put("measured", true);
      }
      findings.add(row);
    }
    m.put("findings", findings);
    m.put("data", result.data());
    m.put("figures", figures);
    m.put("elapsedMillis", elapsedMillis);
    return m;
  }
}
