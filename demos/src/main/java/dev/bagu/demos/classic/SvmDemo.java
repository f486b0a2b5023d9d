package dev.bagu.demos.classic;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.classic.Svm.Kernel;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.List;
import java.util.Locale;

/** SVM: maximum margin, soft margin C and the RBF kernel, solved by LIBSVM. */
public final class SvmDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("kernel", "linear", List.of("linear", "rbf", "poly"),
          "kernel K(x, x'): linear x·x', rbf exp(−γ‖x − x'‖²), poly (γ x·x')³")
          .zh("核函数 K(x, x')：linear 为 x·x'，rbf 为 exp(−γ‖x − x'‖²)，poly 为 (γ x·x')³"),
      Param.real("c", 1, 0.001, 1000,
          "C: the price of a margin violation; large C → hard margin, small C → wide soft margin")
          .logScale().zh("C：违反间隔的代价；C 大接近硬间隔，C 小间隔宽而软"),
      Param.real("gamma", 0, 0, 100,
          "γ of rbf and poly; 0 means scikit-learn's 'scale', 1/(2·Var(X))")
          .zh("rbf 和 poly 的 γ；0 表示 scikit-learn 的 'scale'，即 1/(2·Var(X))"),
      Param.choice("data", "blobs", List.of("blobs", "moons", "separable"),
          "generated points (ignored with --input): two overlapping blobs, two moons, or two "
              + "separated blobs").zh("生成的点（用 --input 时忽略）：两团重叠的点、两个月牙，或两团分开的点"),
      Param.integer("points", 100, 10, 500, "generated points").logScale()
          .zh("生成的点数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("svm", "Support vector machines: margin, C and kernels", Section.VISION,
        "SVM",
        "LIBSVM's maximum-margin boundary, margins and support vectors; the margin against C; "
            + "the RBF boundary against γ; the hard margin against its closed form")
        .zh("支持向量机：间隔、C 与核函数",
            "LIBSVM 求出的最大间隔边界、间隔和支持向量；间隔随 C 的变化；RBF 边界随 γ 的变化；"
                + "硬间隔解与闭式解的对照");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public boolean acceptsInput() {
    return true;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    Kernel kernel = Kernel.valueOf(p.choice("kernel").toUpperCase(Locale.ROOT));
    double c = p.real("c");
    SvmPoints pts = SvmPoints.of(p, p.choice("data"), p.integer("points"));
    double scale = Svm.scaleGamma(pts.x());
    double gamma = p.real("gamma") > 0 ? p.real("gamma") : scale;
    Svm model = Svm.train(pts.x(), pts.y(), kernel, c, gamma);
    double[] f = model.decision(pts.x());
    SvmPanels panels = new SvmPanels(l, pts);

    SvmPoints sep = HardMargin.points(40, Rng.stream(p.seed(), 2));
    Svm hard = Svm.train(sep.x(), sep.y(), Kernel.LINEAR, HARD_C, 1);
    double[] closed = HardMargin.closedForm();
    double[] w = hard.weights();
    double wError = Math.hypot(w[0] - closed[0], w[1] - closed[1]) / Math.hypot(closed[0],
        closed[1]);
    SvmPanels.CSweep sweep = panels.marginAgainstC(c, model);

    String gammaText = kernel == Kernel.LINEAR ? ""
        : l.f(" · γ = %.4g%s", " · γ = %.4g%s", gamma, p.real("gamma") > 0 ? ""
            : l.t(" (scale)", "（scale）"));
    Figure figure = Figure.grid(info().title(l), 2, 2).preferredSize(1700, 1200)
        .subtitle(l.f("%s, %d points · %s kernel · C = %s%s · %d support vectors · LIBSVM, "
                + "tolerance %s · seed %d", "%s，%d 个点 · %s核 · C = %s%s · %d 个支持向量 · "
                + "LIBSVM，容差 %s · 种子 %d", dataName(pts, p, l), pts.size(), kernelName(kernel, l),
            num(c), gammaText, model.support().length, num(Svm.TOLERANCE), p.seed()))
        .add(panels.boundary(model, kernel, c))
        .add(sweep.panel())
        .add(panels.gammaSweep(scale, c, model))
        .add(panels.hardMargin(sep, hard, closed));

    Result result = Result.of(figure);
    double maxSvMargin = Double.NEGATIVE_INFINITY;
    for (int i : model.support()) {
      maxSvMargin = Math.max(maxSvMargin, (pts.y()[i] == 1 ? 1 : -1) * f[i]);
    }
    double minSlack = Double.POSITIVE_INFINITY; // min over points of y·f − (1 − ξ), ξ from α
    double[] alpha = model.alpha();
    for (int i = 0; i < f.length; i++) {
      double m = (pts.y()[i] == 1 ? 1 : -1) * f[i];
      double xi = alpha[i] > 0 ? Math.max(0, 1 - m) : 0; // only support vectors may violate
      minSlack = Math.min(minSlack, m - (1 - xi));
    }
    String libsvm = l.t("LIBSVM tolerance", "LIBSVM 容差");
    result.finding(Finding.of("support_vectors", l.t("support vectors", "支持向量个数"),
            model.support().length, ""))
        .finding(Finding.of("max_sv_margin", l.t("largest y·f(x) over support vectors",
                "支持向量上 y·f(x) 的最大值"), maxSvMargin, "")
            .withUpperBound(1 + 2 * Svm.TOLERANCE, l.t(
                "on or inside the margin: ≤ 1 (+ 2 × tolerance)", "在间隔上或间隔内：≤ 1（+ 2 倍容差）")))
        .finding(Finding.of("min_margin_slack", l.t("min over points of y·f(x) − (1 − ξ)",
                "所有点上 y·f(x) − (1 − ξ) 的最小值"), minSlack, "")
            .withReference(0, l.t("y·f(x) ≥ 1 − ξ (≥ 0 within tolerance)",
                "y·f(x) ≥ 1 − ξ（容差内 ≥ 0）"), 2 * Svm.TOLERANCE))
        .finding(Finding.of("kkt_violation", l.t("largest KKT violation", "KKT 条件的最大违反量"),
            model.kktViolation(pts.x(), pts.y()), "").withUpperBound(2 * Svm.TOLERANCE, libsvm))
        .finding(Finding.of("hard_margin_w_error", l.t(
                "hard margin (C = 1e5): ‖w − w_closed‖ / ‖w_closed‖",
                "硬间隔（C = 1e5）：‖w − w_闭式‖ / ‖w_闭式‖"), wError, "")
            .withUpperBound(0.01, l.t("closed form from the two closest points",
                "由最近两点得到的闭式解")))
        .finding(Finding.of("hard_margin_width", l.t("hard margin: width 2/‖w‖",
                "硬间隔：宽度 2/‖w‖"), 2 / Math.hypot(w[0], w[1]), "")
            .withReference(Math.hypot(HardMargin.POS[0] - HardMargin.NEG[0],
                HardMargin.POS[1] - HardMargin.NEG[1]), "‖x₊ − x₋‖", 0.01));
    if (kernel == Kernel.LINEAR) {
      double[] wl = model.weights();
      result.finding(Finding.of("margin_width", l.t("margin width 2/‖w‖", "间隔宽度 2/‖w‖"),
          2 / Math.hypot(wl[0], wl[1]), ""));
    }
    return result.data("support", model.support()).data("decision", f)
        .data("classes", pts.classNames()).data("gamma", gamma).data("margin_against_c",
            sweep.data());
  }

  static String kernelName(Kernel k, Lang l) {
    return switch (k) {
      case LINEAR -> l.t("linear", "线性");
      case RBF -> "RBF";
      case POLY -> l.t("poly", "多项式");
    };
  }

  /** The file's name, or the generated set's name in the figure's language. */
  private static String dataName(SvmPoints pts, Params p, Lang l) {
    if (p.input().isPresent()) {
      return pts.name();
    }
    return switch (pts.name()) {
      case "moons" -> l.t("moons", "两个月牙");
      case "separable" -> l.t("separable blobs", "分开的两团点");
      default -> l.t("overlapping blobs", "重叠的两团点");
    };
  }

  /** C for the hard-margin check: large enough that no α reaches it on the separable set. */
  static final double HARD_C = 1e5;

  static String num(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new SvmDemo(), args);
  }
}
