package dev.bagu.demos.classic;

import dev.bagu.demos.classic.Svm.Kernel;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.ColorScale;
import dev.bagu.plot.ContourPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;

/** The four panels of {@code svm}. */
final class SvmPanels {
  /** Grid points per axis for decision functions. */
  static final int GRID = 65;
  static final Color CLASS0 = Theme.category(0);
  static final Color CLASS1 = Theme.category(3);

  private final Lang l;
  private final SvmPoints pts;
  private final double[] window; // xMin, xMax, yMin, yMax around the points

  SvmPanels(Lang l, SvmPoints pts) {
    this.l = l;
    this.pts = pts;
    this.window = window(pts.x());
  }

  static double[] window(double[][] x) {
    double[] w = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : x) {
      w[0] = Math.min(w[0], p[0]);
      w[1] = Math.max(w[1], p[0]);
      w[2] = Math.min(w[2], p[1]);
      w[3] = Math.max(w[3], p[1]);
    }
    double padX = Math.max(1e-6, 0.08 * (w[1] - w[0]));
    double padY = Math.max(1e-6, 0.08 * (w[3] - w[2]));
    return new double[] {w[0] - padX, w[1] + padX, w[2] - padY, w[3] + padY};
  }

  /** f on the grid, z[j][i] at (x_i, y_j). */
  static double[][] grid(Svm m, double[] w) {
    return DecisionGrid.field(m, axis(w[0], w[1]), axis(w[2], w[3]));
  }

  /** GRID evenly spaced values from lo to hi. */
  static double[] axis(double lo, double hi) {
    double[] v = new double[GRID];
    for (int i = 0; i < GRID; i++) {
      v[i] = lo + (hi - lo) * i / (GRID - 1);
    }
    return v;
  }

  private ContourPlot withPoints(ContourPlot plot, SvmPoints p) {
    double[][][] byClass = split(p);
    return plot.points(l.t("class ", "类别 ") + p.classNames().get(0), byClass[0][0],
            byClass[0][1], CLASS0)
        .points(l.t("class ", "类别 ") + p.classNames().get(1), byClass[1][0], byClass[1][1],
            CLASS1);
  }

  /** [class][x or y][point] */
  static double[][][] split(SvmPoints p) {
    int n1 = 0;
    for (int v : p.y()) {
      n1 += v;
    }
    double[][][] out = {new double[2][p.size() - n1], new double[2][n1]};
    int[] at = new int[2];
    for (int i = 0; i < p.size(); i++) {
      int c = p.y()[i];
      out[c][0][at[c]] = p.x()[i][0];
      out[c][1][at[c]++] = p.x()[i][1];
    }
    return out;
  }

  /** Top left: f's sign as colour, the boundary f = 0, the margins f = ±1, the support vectors. */
  ContourPlot boundary(Svm m, Kernel kernel, double c) {
    ContourPlot plot = ContourPlot.titled(l.f("Boundary f = 0, margins f = ±1 (%s, C = %s)",
            "边界 f = 0，间隔 f = ±1（%s，C = %s）", SvmDemo.kernelName(kernel, l), SvmDemo.num(c)))
        .axes("x", "y").field(window[0], window[1], window[2], window[3], grid(m, window))
        .fill(ColorScale.DIVERGING, -2, 2, 8, 0.45)
        .contour("f = 0", 0, Color.BLACK, false)
        .contour("f = ±1", 1, Color.BLACK, true)
        .contour("", -1, Color.BLACK, true);
    withPoints(plot, pts);
    int[] sv = m.support();
    double[] sx = new double[sv.length];
    double[] sy = new double[sv.length];
    for (int k = 0; k < sv.length; k++) {
      sx[k] = pts.x()[sv[k]][0];
      sy[k] = pts.x()[sv[k]][1];
    }
    return plot.rings(l.f("support vectors (%d)", "支持向量（%d）", sv.length), sx, sy,
        Color.BLACK);
  }

  /** Top right's panel and data. */
  record CSweep(XyPlot panel, Map<String, Object> data) {}

  static final double[] C_GRID = MarginSweep.C_GRID;

  /**
   * Top right: the linear SVM's margin width and share of support vectors against C. The chosen
   * C's point comes from the demo's own model when it is linear, else from the sweep when C is on
   * its grid, else from one more fit.
   */
  CSweep marginAgainstC(double chosen, Svm main) {
    MarginSweep sweep = MarginSweep.of(pts.x(), pts.y());
    double[] width = sweep.width();
    double[] share = sweep.share();
    double[] at;
    int onGrid = MarginSweep.indexOf(chosen);
    if (main.kernel() == Kernel.LINEAR && main.c() == chosen) {
      at = new double[] {MarginSweep.width(main), MarginSweep.share(main, pts.size())};
    } else if (onGrid >= 0) {
      at = new double[] {width[onGrid], share[onGrid]};
    } else {
      Svm m = Svm.train(pts.x(), pts.y(), Kernel.LINEAR, chosen, 1);
      at = new double[] {MarginSweep.width(m), MarginSweep.share(m, pts.size())};
    }
    XyPlot plot = XyPlot.titled(l.t("Linear SVM against C", "线性 SVM 随 C 的变化"))
        .axes("C", l.t("width, share", "宽度、占比")).logX().logY()
        .line(l.t("margin width 2/‖w‖", "间隔宽度 2/‖w‖"), C_GRID, width)
        .line(l.t("share of points that are support vectors", "支持向量占全部点的比例"), C_GRID,
            share)
        .highlight(l.t("chosen C", "所选 C"), new double[] {chosen, chosen}, at)
        .colour(Color.BLACK);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("c", C_GRID.clone());
    data.put("margin_width", width);
    data.put("support_share", share);
    return new CSweep(plot, data);
  }

  /**
   * Bottom left: the RBF boundary for γ at a tenth, one and ten times 'scale' (the demo's own
   * model stands in when it is that RBF fit).
   */
  ContourPlot gammaSweep(double scale, double c, Svm main) {
    double[] factors = {0.1, 1, 10};
    double[][][] fields = new double[factors.length][][];
    for (int k = 0; k < factors.length; k++) {
      double gamma = scale * factors[k];
      Svm m = main.kernel() == Kernel.RBF && main.c() == c && main.gamma() == gamma ? main
          : Svm.train(pts.x(), pts.y(), Kernel.RBF, c, gamma);
      fields[k] = grid(m, window);
    }
    ContourPlot plot = ContourPlot.titled(l.f("RBF boundary f = 0 against γ (C = %s)",
            "RBF 边界 f = 0 随 γ 的变化（C = %s）", SvmDemo.num(c)))
        .axes("x", "y").field(window[0], window[1], window[2], window[3], fields[1]);
    Color[] colours = {Theme.category(2), Color.BLACK, Theme.category(4)};
    for (int k = 0; k < factors.length; k++) {
      plot.contourOf(l.f("γ = %.3g (%s × scale)", "γ = %.3g（%s × scale）", scale * factors[k],
          SvmDemo.num(factors[k])), fields[k], 0, colours[k], k != 1);
    }
    return withPoints(plot, pts);
  }

  /** Bottom right: LIBSVM's hard margin against the bisector of the two closest points. */
  ContourPlot hardMargin(SvmPoints sep, Svm hard, double[] closed) {
    double[] w = window(sep.x());
    ContourPlot plot = ContourPlot.titled(l.t("Hard margin: LIBSVM against the closed form",
            "硬间隔：LIBSVM 与闭式解"))
        .axes("x", "y").field(w[0], w[1], w[2], w[3], grid(hard, w))
        .contour(l.t("LIBSVM f = 0", "LIBSVM f = 0"), 0, Color.BLACK, false)
        .contour(l.t("LIBSVM f = ±1", "LIBSVM f = ±1"), 1, Color.GRAY, true)
        .contour("", -1, Color.GRAY, true);
    // The closed-form boundary w·x + b = 0 as a line across the window.
    double[] lx = {w[0], w[1]};
    double[] ly = {(-closed[2] - closed[0] * w[0]) / closed[1],
        (-closed[2] - closed[0] * w[1]) / closed[1]};
    plot.dashedPath(l.t("closed form: bisector of x₋x₊", "闭式解：x₋x₊ 的垂直平分线"), lx, ly,
        Theme.category(1));
    withPoints(plot, sep);
    return plot.dashedPath(l.t("closest pair x₋, x₊", "最近的一对 x₋、x₊"),
        new double[] {HardMargin.NEG[0], HardMargin.POS[0]},
        new double[] {HardMargin.NEG[1], HardMargin.POS[1]}, Theme.category(5));
  }
}
