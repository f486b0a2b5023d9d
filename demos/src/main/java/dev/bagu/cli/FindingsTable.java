package dev.bagu.cli;

import dev.bagu.i18n.Lang;
import dev.bagu.demo.Finding;
import dev.bagu.plot.Numbers;
import java.util.ArrayList;
import java.util.List;

/** The findings as an aligned table: each number beside the value it should match. */
final class FindingsTable {
  private FindingsTable() {}

  static String format(List<Finding> findings) {
    return format(findings, false, Lang.EN);
  }

  /** With {@code withKeys}, a first column gives each finding's stable JSON key. */
  static String format(List<Finding> findings, boolean withKeys, Lang lang) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(row(withKeys, lang.t("key", "键"), lang == Lang.ZH
        ? List.of("结果", "数值", "参考值", "偏差", "一致", "出处")
        : List.of("finding", "value", "reference", "off by", "agrees", "source")));
    for (Finding f : findings) {
      String value = Numbers.readable(f.value()) + (f.unit().isEmpty() ? "" : " " + f.unit())
          + (f.measured() ? lang.t(" (measured)", "（实测）") : "");
      String ref = f.reference().map(r -> r.describe(Numbers::readable)).orElse("");
      String off = f.reference().filter(r -> !r.upperBound())
          .map(r -> offBy(f.value(), r.value())).orElse("");
      String agrees = f.reference().isEmpty() ? "" : f.agrees() ? lang.t("yes", "是")
          : lang.t("no", "否");
      String source = f.reference().map(Finding.Reference::source).orElse("");
      rows.add(row(withKeys, f.key(), List.of(f.label(), value, ref, off, agrees, source)));
    }
    return Table.format(rows, "  ");
  }

  private static List<String> row(boolean withKey, String key, List<String> cells) {
    List<String> r = new ArrayList<>();
    if (withKey) {
      r.add(key);
    }
    r.addAll(cells);
    return r;
  }

  /** Relative difference as a signed percentage ("+0.4%"), or the absolute one against 0. */
  static String offBy(double value, double reference) {
    if (reference == 0) {
      return (value >= 0 ? "+" : "") + Numbers.readable(value);
    }
    double pct = 100 * (value - reference) / Math.abs(reference);
    String s = Numbers.fixed(pct, Math.abs(pct) < 10 ? 1 : 0);
    return (pct >= 0 && !s.startsWith("-") ? "+" : "") + s + "%";
  }
}
