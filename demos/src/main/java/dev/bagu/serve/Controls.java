package dev.bagu.serve;

import static dev.bagu.gallery.GalleryFragments.escape;

import dev.bagu.demo.Param;
import dev.bagu.demo.Param.BoolParam;
import dev.bagu.demo.Param.ChoiceParam;
import dev.bagu.demo.Param.IntParam;
import dev.bagu.demo.Param.RealParam;
import dev.bagu.demo.Params;
import dev.bagu.i18n.Lang;

/**
 * A control for every declared {@link Param}, as the window's sliders are made from the same
 * declarations: a range slider with its value shown for numbers (on a log scale where declared,
 * even values only or by doubling where the parameter allows no others), a chooser for choices,
 * a box for booleans, and a field for the seed. The script reads the
 * {@code data-} attributes to turn a slider position into a value; {@code data-value} holds the
 * exact value until that slider itself moves (a position is rounded: 100000 on a log slider
 * would come back as 100462, so reading positions would change sliders nobody touched).
 */
final class Controls {
  /** Slider positions of a mapped (log or real-valued) slider: 0 … STEPS. */
  static final int STEPS = 1000;

  private Controls() {}

  static String html(Params p, Lang l) {
    StringBuilder b = new StringBuilder();
    for (Param<?> param : p.declared()) {
      Object v = p.get(param.name());
      String id = "p-" + param.name();
      b.append("<div class=\"control\">\n<label for=\"").append(id).append("\"><code>")
          .append(param.name()).append("</code>");
      if (param instanceof IntParam || param instanceof RealParam) {
        b.append(" <output id=\"o-").append(param.name()).append("\" for=\"").append(id)
            .append("\">").append(escape(param.formatAny(v))).append("</output>");
      }
      b.append("</label>\n");
      if (param instanceof IntParam i && i.isPowersOfTwo()) {
        doublingSlider(b, id, i, (Integer) v);
      } else if (param instanceof IntParam i) {
        slider(b, id, param, v, i.min(), i.max(), i.isLogScale(), true, i.isEven());
      } else if (param instanceof RealParam r) {
        slider(b, id, param, v, r.min(), r.max(), r.isLogScale(), false, false);
      } else if (param instanceof ChoiceParam c) {
        b.append("<select id=\"").append(id).append("\" name=\"").append(param.name())
            .append("\" data-kind=\"choice\" data-default=\"")
            .append(escape(param.formatAny(param.defaultValue()))).append("\">");
        for (String option : c.options()) {
          b.append("<option").append(option.equals(v) ? " selected" : "").append(">")
              .append(escape(option)).append("</option>");
        }
        b.append("</select>\n");
      } else if (param instanceof BoolParam) {
        b.append("<input type=\"checkbox\" id=\"").append(id).append("\" name=\"")
            .append(param.name()).append("\" data-kind=\"bool\" data-default=\"")
            .append(param.defaultValue()).append("\"").append(Boolean.TRUE.equals(v)
                ? " checked" : "").append(">\n");
      }
      b.append("<small>").append(escape(param.help(l).isEmpty() ? param.help() : param.help(l)))
          .append(l.t(" ", "")).append("<span class=\"allowed\">")
          .append(escape(allowed(param, l)))
          .append("</span></small>\n</div>\n");
    }
    b.append("<div class=\"control\">\n<label for=\"p-seed\"><code>seed</code></label>\n")
        .append("<input type=\"number\" id=\"p-seed\" name=\"seed\" step=\"1\" value=\"")
        .append(p.seed()).append("\" data-kind=\"seed\" data-default=\"")
        .append(Params.DEFAULT_SEED).append("\">\n<small>")
        .append(l.t("Seed of every random draw: the same seed gives the same figure.",
            "所有随机抽样的种子：种子相同，图就相同。")).append("</small>\n</div>\n");
    return b.toString();
  }

  /** A range slider; {@code even}: only even values (the script rounds, a direct one steps by 2). */
  private static void slider(StringBuilder b, String id, Param<?> param, Object value,
      double min, double max, boolean log, boolean integer, boolean even) {
    double v = ((Number) value).doubleValue();
    boolean direct = integer && !log && max - min <= 2 * STEPS;
    String map = direct ? "direct" : log ? "log" : "linear";
    long position = direct ? Math.round(v) : Math.round(STEPS * fraction(v, min, max, log));
    b.append("<input type=\"range\" id=\"").append(id).append("\" name=\"").append(param.name())
        .append("\" data-kind=\"").append(integer ? "int" : "real").append("\" data-map=\"")
        .append(map).append("\" data-min=\"").append(param.formatAny(box(min, integer)))
        .append("\" data-max=\"").append(param.formatAny(box(max, integer)))
        .append("\" data-default=\"").append(escape(param.formatAny(param.defaultValue())))
        .append("\" data-value=\"").append(escape(param.formatAny(value)))
        .append(even ? "\" data-even=\"true" : "")
        .append("\" min=\"").append(direct ? (long) min : 0).append("\" max=\"")
        .append(direct ? (long) max : STEPS).append("\" step=\"").append(direct && even ? 2 : 1)
        .append("\" value=\"").append(position).append("\">\n");
  }

  /** A powers-of-two slider: position k is min·2^k, so every position is an allowed value. */
  private static void doublingSlider(StringBuilder b, String id, IntParam param, int value) {
    int steps = doublings(param.min(), param.max());
    b.append("<input type=\"range\" id=\"").append(id).append("\" name=\"").append(param.name())
        .append("\" data-kind=\"int\" data-map=\"doubling\" data-min=\"").append(param.min())
        .append("\" data-max=\"").append(param.max()).append("\" data-default=\"")
        .append(param.defaultValue()).append("\" data-value=\"").append(value)
        .append("\" min=\"0\" max=\"").append(steps).append("\" step=\"1\" value=\"")
        .append(doublings(param.min(), value)).append("\">\n");
  }

  /** How many doublings from one power of two to another: log2(to / from). */
  static int doublings(int from, int to) {
    return Integer.numberOfTrailingZeros(to) - Integer.numberOfTrailingZeros(from);
  }

  /** "(integers 1 to 12)", "（整数 1 到 12，对数刻度）": what the control allows. */
  static String allowed(Param<?> param, Lang l) {
    String text;
    if (param instanceof IntParam i && i.isPowersOfTwo()) {
      text = l.f("powers of two %d to %d", "2 的幂 %d 到 %d", i.min(), i.max());
    } else if (param instanceof IntParam i && i.isEven()) {
      text = l.f("even integers %d to %d", "偶数 %d 到 %d", i.min(), i.max())
          + (i.isLogScale() ? l.t(", log scale", "，对数刻度") : "");
    } else if (param instanceof IntParam i) {
      text = l.f("integers %d to %d", "整数 %d 到 %d", i.min(), i.max())
          + (i.isLogScale() ? l.t(", log scale", "，对数刻度") : "");
    } else if (param instanceof RealParam r) {
      text = l.f("numbers from %s to %s", "数值 %s 到 %s", r.formatAny(r.min()),
          r.formatAny(r.max())) + (r.isLogScale() ? l.t(", log scale", "，对数刻度") : "");
    } else if (param instanceof ChoiceParam c) {
      text = l.t("one of ", "可选 ") + String.join(", ", c.options());
    } else {
      text = l.t("on or off", "开或关");
    }
    return l.t("(", "（") + text + l.t(")", "）");
  }

  /** Where v sits between min and max, 0 … 1, on a log or linear scale. */
  static double fraction(double v, double min, double max, boolean log) {
    if (max == min) {
      return 0;
    }
    return log ? (Math.log(v) - Math.log(min)) / (Math.log(max) - Math.log(min))
        : (v - min) / (max - min);
  }

  private static Object box(double x, boolean integer) {
    return integer ? (Object) (int) x : (Object) x;
  }
}
