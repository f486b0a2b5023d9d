package dev.bagu.demos.positions;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RoPE: rotate q and k by their positions; scores depend on m − n; the long-term decay bound. */
public final class RopeDemo implements Demo {
  private static final String ROFORMER = "Su et al. (RoFormer), §3.4.3";
  private static final String ROFORMER_ZH = "Su 等（RoFormer），§3.4.3";
  /** The catalogue's values of the decay curve at d = 128, base 10000 (derived). */
  private static final Map<Integer, Double> CATALOGUE = Map.of(
      5, 20.85, 50, 12.63, 100, 10.23, 250, 6.55);
  private static final int[] CATALOGUE_R = {0, 5, 50, 100, 250};
  /** Llama 1/2 use base 10,000; Llama 3 raised it to 500,000 for longer contexts. */
  private static final double LLAMA = 10_000;
  private static final double LLAMA3 = 500_000;
  /** Positions in the score grid: the shift check runs over every pair in it. */
  private static final int GRID = 128;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("d", 128, 2, 1024, "head dimension d (even): d/2 rotated pairs").logScale()
          .even()
          .zh("头维度 d（偶数）：d/2 对被旋转的维度"),
      Param.real("base", 10_000, 10, 10_000_000,
          "base of θ_j = base^(−2j/d); Llama 10000, Llama 3 500000").logScale()
          .zh("θ_j = base^(−2j/d) 的底数；Llama 为 10000，Llama 3 为 500000"),
      Param.integer("max-distance", 256, 16, 4096,
          "largest relative distance r on the decay curve").logScale()
          .zh("衰减曲线上最大的相对距离 r"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("rope", "Rotary position embedding (RoPE)", Section.POSITIONS, "RoPE",
        "rotating q and k by their positions makes q_mᵀk_n depend on m − n; the RoFormer decay bound")
        .zh("旋转位置编码（RoPE）",
            "按位置旋转 q 和 k，让 q_mᵀk_n 只取决于 m − n；RoFormer 的远程衰减上界");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int d = p.integer("d");
    double base = p.real("base");
    int maxDistance = p.integer("max-distance");
    // d is even (the parameter allows nothing else): RoPE rotates pairs.
    Lang l = p.lang();
    double[] theta = Rope.thetas(d, base);
    Rng rng = Rng.stream(p.seed(), 1);
    double[] q = unitGaussian(d, rng);
    double[] k = unitGaussian(d, rng);
    int grid = Math.min(GRID, maxDistance + 1);
    double[][] near = Rope.scores(q, k, 0, grid, theta);
    double[][] far = Rope.scores(q, k, maxDistance, grid, theta); // the same grid shifted by r_max
    double shift = Math.max(SinusoidalEncoding.maxDiagonalSpread(near), maxDifference(near, far));
    double normChange = Math.max(Rope.maxNormChange(q, maxDistance, theta),
        Rope.maxNormChange(k, maxDistance, theta));
    double[][] bound = Rope.decayCurve(maxDistance, theta);

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("d = %d · base = %s · unit random q, k (seed %d) · decay curve to r = %d",
            "d = %d · 底数 base = %s · 随机单位向量 q、k（种子 %d）· 衰减曲线画到 r = %d", d,
            Numbers.readable(base), p.seed(), maxDistance))
        .add(RotationPicture.panel(theta, l))
        .add(offsetPanel(near, l))
        .add(decayPanel(d, base, maxDistance, bound, l))
        .add(HeatmapPlot.titled(l.f("q_mᵀk_n for m, n = 0 … %d: constant along diagonals",
                "m, n = 0 … %d 时的 q_mᵀk_n：沿对角线不变", grid - 1))
            .matrix(near).diverging().axes(l.t("key position n", "键的位置 n"),
                l.t("query position m", "查询的位置 m"))
            .rowLabels(SinusoidalEncodingDemo.indexLabels(grid))
            .columnLabels(SinusoidalEncodingDemo.indexLabels(grid)).colourBarLabel("q_mᵀk_n"));

    Result result = Result.of(figure);
    String roformer = l.t(ROFORMER, ROFORMER_ZH);
    boolean catalogue = d == 128 && base == LLAMA;
    for (int r : CATALOGUE_R) {
      Finding f = Finding.of("bound_r" + r, l.f("decay curve (2/d)·Σ_j|S_j| at r = %d",
          "r = %d 处的衰减曲线 (2/d)·Σ_j|S_j|", r), Rope.decayBound(r, theta), "");
      if (r == 0) {
        f = f.withReference((d / 2 + 1) / 2.0, roformer + l.t(": |S_j| = j at r = 0, so (d/2 + 1)/2",
            "：r = 0 时 |S_j| = j，故为 (d/2 + 1)/2"), 1e-9);
      } else if (catalogue) {
        f = f.withReference(CATALOGUE.get(r), roformer + l.t(", Fig. 2; catalogue, derived; "
            + "matched with the 1/(d/2) = 2/d mean over j = 1 … d/2, θ_k from k = 0",
            "，图 2；目录，推导值；按 1/(d/2) = 2/d、j = 1 … d/2 取平均、θ_k 从 k = 0 起算即吻合"), 0.006);
      }
      result.finding(f);
    }
    result.finding(Finding.of("bound_r250_base_500000", l.t("decay curve at r = 250, base 500000 "
            + "(Llama 3)", "r = 250 处的衰减曲线，base 500000（Llama 3）"),
            Rope.decayBound(250, Rope.thetas(d, LLAMA3)), ""))
        .finding(Finding.of("max_norm_change", l.f("max |‖R_m q‖ − ‖q‖| over m = 0 … %d",
                "m = 0 … %d 上 max |‖R_m q‖ − ‖q‖|", maxDistance), normChange, "")
            .withReference(0, roformer + l.t(": rotations keep norms", "：旋转不改变范数"), 1e-12))
        .finding(Finding.of("max_shift_deviation", l.t("max |q_mᵀk_n − q_{m+s}ᵀk_{n+s}|",
                "max |q_mᵀk_n − q_{m+s}ᵀk_{n+s}|"), shift, "")
            .withReference(0, roformer + l.t(": R_mᵀR_n = R_{n−m}", "：R_mᵀR_n = R_{n−m}"), 1e-12));
    return result.data("bound", bound).data("theta", theta).data("q", q).data("k", k);
  }

  /** Panel 2: rows m = first, last and middle of the grid against m − n: one curve. */
  private static XyPlot offsetPanel(double[][] s, Lang l) {
    int p = s.length;
    XyPlot plot = XyPlot.titled(l.t("q_mᵀk_n against m − n, for several m",
            "q_mᵀk_n 对 m − n，取几个不同的 m"))
        .axes(l.t("offset m − n (positions)", "偏移 m − n（位置）"), "q_mᵀk_n");
    plot.curve("m = 0", SinusoidalEncodingDemo.offsets(0, p), s[0]);
    plot.curve("m = " + (p - 1), SinusoidalEncodingDemo.offsets(p - 1, p), s[p - 1]);
    int middle = p / 2;
    plot.points("m = " + middle, SinusoidalEncodingDemo.offsets(middle, p), s[middle]);
    double lo = java.util.Arrays.stream(s[0]).min().orElse(0);
    double hi = java.util.Arrays.stream(s[0]).max().orElse(0);
    for (double[] row : s) {
      for (double v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    // Ends on tenths, so the axis reads 0, 0.1, 0.2 rather than XChart's ".05" steps.
    return plot.yRange(Math.floor(lo * 10) / 10, Math.ceil(hi * 10) / 10);
  }

  /** Panel 3: the decay curve at the chosen base, and at Llama's and Llama 3's bases. */
  private static XyPlot decayPanel(int d, double base, int maxDistance, double[][] bound, Lang l) {
    double[] r = new double[bound.length];
    double[] chosen = new double[bound.length];
    for (int i = 0; i < bound.length; i++) {
      r[i] = bound[i][0];
      chosen[i] = bound[i][1];
    }
    XyPlot plot = XyPlot.titled(l.t("Long-term decay: (2/d)·Σ_{j=1}^{d/2} |S_j| against r",
            "远程衰减：(2/d)·Σ_{j=1}^{d/2} |S_j| 对 r"))
        .axes(l.t("relative distance r = |m − n| (positions)", "相对距离 r = |m − n|（位置）"),
            l.t("relative upper bound", "相对上界"));
    Set<Double> bases = new LinkedHashSet<>(List.of(base, LLAMA, LLAMA3));
    for (double b : bases) {
      String name = b == LLAMA ? l.t("base 10000 (Llama)", "base 10000（Llama）")
          : b == LLAMA3 ? l.t("base 500000 (Llama 3)", "base 500000（Llama 3）")
          : "base " + Numbers.readable(b);
      if (b == base) {
        plot.curve(name, r, chosen);
      } else {
        double[] other = new double[r.length];
        double[] theta = Rope.thetas(d, b);
        for (int i = 0; i < r.length; i++) {
          other[i] = Rope.decayBound(r[i], theta);
        }
        plot.curve(name, r, other);
      }
    }
    if (d == 128 && base == LLAMA) {
      double[] x = new double[CATALOGUE_R.length];
      double[] y = new double[CATALOGUE_R.length];
      for (int i = 0; i < x.length; i++) {
        x[i] = CATALOGUE_R[i];
        y[i] = i == 0 ? 32.5 : CATALOGUE.get(CATALOGUE_R[i]);
      }
      plot.highlight(l.t("catalogue values", "目录中的值"), x, y).colour(java.awt.Color.BLACK);
    }
    return plot.xRange(0, maxDistance).yRange(0, Math.ceil((d / 2 + 1) / 2.0));
  }

  private static double[] unitGaussian(int d, Rng rng) {
    double[] v = new double[d];
    rng.fillGaussian(v);
    double norm = Math.sqrt(Rope.dot(v, v));
    for (int i = 0; i < d; i++) {
      v[i] /= norm;
    }
    return v;
  }

  private static double maxDifference(double[][] a, double[][] b) {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[i].length; j++) {
        worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]));
      }
    }
    return worst;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new RopeDemo(), args);
  }
}
