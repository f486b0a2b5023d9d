package dev.bagu.demos.vision;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The four panels of {@code large-kernel}. */
final class LargeKernelPanels {
  private final Lang l;

  LargeKernelPanels(Lang l) {
    this.l = l;
  }

  /**
   * Top left: ERF maps side by side, each √(E[g²]) scaled to its peak and centred in a common
   * square: n = layers/4, layers/2, layers stacked 3×3, then the large kernel. NaN columns
   * separate them (drawn light grey).
   */
  HeatmapPlot maps(double[][][] stack, double[][] large, int big) {
    int layers = stack.length;
    int[] shown = {Math.max(1, layers / 4), Math.max(1, layers / 2), layers};
    List<double[][]> parts = new ArrayList<>();
    for (int s : shown) {
      parts.add(stack[s - 1]);
    }
    parts.add(large);
    int side = 0;
    for (double[][] m : parts) {
      side = Math.max(side, m.length);
    }
    int gap = Math.max(1, side / 12);
    double[][] out = new double[side][parts.size() * (side + gap) - gap];
    for (double[] row : out) {
      Arrays.fill(row, Double.NaN);
    }
    for (int p = 0; p < parts.size(); p++) {
      double[][] m = parts.get(p);
      double max = 0;
      for (double[] row : m) {
        for (double v : row) {
          max = Math.max(max, v);
        }
      }
      int off = (side - m.length) / 2;
      for (int i = 0; i < side; i++) {
        for (int j = 0; j < side; j++) {
          int mi = i - off;
          int mj = j - off;
          boolean inside = mi >= 0 && mj >= 0 && mi < m.length && mj < m.length;
          out[i][p * (side + gap) + j] = inside ? Math.sqrt(m[mi][mj] / max) : 0;
        }
      }
    }
    return HeatmapPlot.titled(l.f("ERF maps: %d, %d, %d stacked 3×3 | one %d×%d kernel",
            "有效感受野：%d、%d、%d 层 3×3 堆叠 | 单个 %d×%d 卷积核", shown[0], shown[1], shown[2],
            big, big))
        .matrix(out).range(0, 1)
        .axes(l.t("input position (each map centred on the output pixel)",
            "输入位置（每幅图以输出像素为中心）"), "")
        .colourBarLabel(l.t("|∂y_centre/∂x| (rms, ÷ peak)", "|∂y_中心/∂x|（均方根，÷ 峰值）"));
  }

  /** Top right: σ against n, with √(n(k²−1)/12) and the theoretical half-width n. */
  XyPlot radius(double[] n, double[] sigma, double[] theory, double[] half, double[] fit) {
    return XyPlot.titled(l.t("ERF radius against depth", "有效感受野半径随层数的变化"))
        .axes(l.t("stacked 3×3 layers n", "堆叠的 3×3 层数 n"), l.t("pixels", "像素"))
        .logX().logY()
        .line(l.f("σ measured (fit: n^%.3f ± %.3f)", "实测 σ（拟合：n^%.3f ± %.3f）", fit[0],
            fit[1]), n, sigma)
        .dashed(l.t("√(n(k² − 1)/12) = √(2n/3)", "√(n(k² − 1)/12) = √(2n/3)"), n, theory)
        .sameColourAs(l.f("σ measured (fit: n^%.3f ± %.3f)", "实测 σ（拟合：n^%.3f ± %.3f）",
            fit[0], fit[1]))
        .line(l.t("theoretical half-width n", "理论半宽 n"), n, half);
  }

  /** Bottom left: σ / half-width against n, 1/√n, and the large kernel's share. */
  XyPlot share(double[] n, double[] share, double[] theory, double[] fit, int sameField,
      double largeShare, int big) {
    String measured = l.f("stacked 3×3 (fit: n^%.3f)", "3×3 堆叠（拟合：n^%.3f）", fit[0]);
    return XyPlot.titled(l.t("Share of the theoretical field used",
            "有效感受野占理论感受野的比例"))
        .axes(l.t("stacked 3×3 layers n", "堆叠的 3×3 层数 n"),
            l.t("σ / theoretical half-width", "σ / 理论半宽")).logX().logY()
        .line(measured, n, share)
        .dashed("√(2/3) / √n", n, theory).sameColourAs(measured)
        .highlight(l.f("one %d×%d kernel (same field as n = %d)", "单个 %d×%d 卷积核（与 n = %d 的理论感受野相同）",
            big, big, sameField), new double[] {sameField}, new double[] {largeShare})
        .colour(Color.BLACK);
  }

  /** Bottom right: the centre row of the deepest ERF against a Gaussian of the same σ. */
  XyPlot profile(double[][] deepest, double[][] large, int layers, int big) {
    int c = deepest.length / 2;
    double sigma = ReceptiveField.sigma(deepest);
    double max = Arrays.stream(deepest[c]).max().orElse(1);
    double[] x = new double[deepest.length];
    double[] y = new double[deepest.length];
    double[] gauss = new double[deepest.length];
    for (int i = 0; i < x.length; i++) {
      x[i] = i - c;
      y[i] = deepest[c][i] / max;
      gauss[i] = Math.exp(-x[i] * x[i] / (2 * sigma * sigma));
    }
    int cl = large.length / 2;
    double lmax = Arrays.stream(large[cl]).max().orElse(1);
    double[] lx = new double[large.length];
    double[] ly = new double[large.length];
    for (int i = 0; i < lx.length; i++) {
      lx[i] = i - cl;
      ly[i] = large[cl][i] / lmax;
    }
    double[][] uniform = ReceptiveField.uniformStack(layers, LargeKernelDemo.SMALL);
    double umax = Arrays.stream(uniform[c]).max().orElse(1);
    double[] uy = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      uy[i] = uniform[c][i] / umax;
    }
    return XyPlot.titled(l.f("Centre row of the ERF after %d layers", "%d 层后有效感受野的中心行",
            layers))
        .axes(l.t("offset from the centre (pixels)", "离中心的偏移（像素）"),
            l.t("E[g²] ÷ peak", "E[g²] ÷ 峰值"))
        .line(l.f("%d stacked random 3×3", "%d 层随机 3×3 堆叠", layers), x, y)
        .curve(l.t("expectation (exact: uniform weights)", "期望（精确：权重全为 1）"), x, uy)
        .dashed(l.t("Gaussian, same σ", "同 σ 的高斯"), x, gauss).colour(Color.BLACK)
        .line(l.f("one %d×%d kernel", "单个 %d×%d 卷积核", big, big), lx, ly);
  }
}
