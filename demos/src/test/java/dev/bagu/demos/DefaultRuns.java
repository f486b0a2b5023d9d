package dev.bagu.demos;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each demo's run at its defaults, once per language for the whole test run: the tests that only
 * read a result (findings, explanation placeholders, a figure's texts) share it instead of
 * computing the same thing again. Tests of determinism run the demo themselves.
 */
final class DefaultRuns {
  private static final Map<String, Result> RUNS = new ConcurrentHashMap<>();

  private DefaultRuns() {}

  static Params params(Demo demo, Lang lang) {
    return Params.defaults(demo.params()).withLang(lang);
  }

  static Result of(Demo demo, Lang lang) {
    return RUNS.computeIfAbsent(demo.info().id() + "/" + lang.code(),
        k -> demo.run(params(demo, lang)));
  }
}
