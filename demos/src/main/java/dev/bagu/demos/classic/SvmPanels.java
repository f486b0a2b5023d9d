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
    double[][] z = new double[GRID][GRID];
    for (int j = 0; j < GRID; j++) {
      double y = w[2] + (w[3] - w[2]) * j / (GRID - 1);
      for (int i = 0; i < GRID; i++) {
        z[j][i] = m.decision(w[0] + (w[1] - w[0]) * i / (GRID - 1), y);
      }
    }
    return z;
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

  static final double[] C_GRID = {1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000};

  /** Top right: the linear SVM's margin width and share of support vectors against C. */
  CSweep marginAgainstC(double chosen) {
    double[] width = new double[C_GRID.length];
    double[] share = new double[C_GRID.length];
    for (int i = 0; i < C_GRID.length; i++) {
      Svm m = Svm.train(pts.x(), pts.y(), Kernel.LINEAR, C_GRID[i], 1);
      double[] w = m.weights();
      width[i] = 2 / Math.hypot(w[0], w[1]);
      share[i] = (double) m.support().length / pts.size();
    }
    Svm at = Svm.train(pts.x(), pts.y(), Kernel.LINEAR, chosen, 1);
    double[] wa = at.weights();
    XyPlot plot = XyPlot.titled(l.t("Linear SVM against C", "线性 SVM 随 C 的变化"))
        .axes("C", l.t("width, share", "宽度、占比")).logX().logY()
        .line(l.t("margin width 2/‖w‖", "间隔宽度 2/‖w‖"), C_GRID, width)
        .line(l.t("share of points that are support vectors", "支持向量占全部点的比例"), C_GRID,
            share)
        .highlight(l.t("chosen C", "所选 C"), new double[] {chosen, chosen},
            new double[] {2 / Math.hypot(wa[0], wa[1]),
                (double) at.support().length / pts.size()}).colour(Color.BLACK);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("c", C_GRID);
    data.put("margin_width", width);
    data.put("support_share", share);
    return new CSweep(plot, data);
  }

  /** Bottom left: the RBF boundary for γ at a tenth, one and ten times 'scale'. */
  ContourPlot gammaSweep(double scale, double c) {
    double[] factors = {0.1, 1, 10};
    double[][][] fields = new double[factors.length][][];
    for (int k = 0; k < factors.length; k++) {
      fields[k] = grid(Svm.train(pts.x(), pts.y(), Kernel.RBF, c, scale * factors[k]), window);
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
