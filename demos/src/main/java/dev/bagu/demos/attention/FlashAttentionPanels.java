package dev.bagu.demos.attention;

import dev.bagu.i18n.Lang;
import dev.bagu.plot.XyPlot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The flash-attention demo's charts: time (or work) against N, memory against N, HBM against M. */
final class FlashAttentionPanels {
  private final int n;
  private final int d;
  private final int sram;
  private final boolean causal;
  private final Lang l;
  private final double[] ms; // SRAM sizes of the traffic sweep, floats
  private final double[] tiledAccesses; // Algorithm 1's counted accesses at each M

  FlashAttentionPanels(int n, int d, int sram, boolean causal, Lang l) {
    this.l = l;
    this.n = n;
    this.d = d;
    this.sram = sram;
    this.causal = causal;
    // M from 4d (blocks of one row) doubling to 4Nd (one block holds everything), and M itself.
    TreeSet<Integer> grid = new TreeSet<>();
    for (long m = 4L * d; m <= 4L * n * d; m *= 2) {
      grid.add((int) m);
    }
    grid.add(sram);
    ms = grid.stream().mapToDouble(Integer::doubleValue).toArray();
    tiledAccesses = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      tiledAccesses[i] = AttentionIo.tiled(n, d, causal, (int) ms[i]);
    }
  }

  /**
   * Measured median times on linear axes (the sweep spans only 4× in N, where log axes get one
   * tick label), with the least-squares c·N² through the naive points.
   */
  XyPlot times(AttentionTiming.Times t) {
    return times(t, l.f("CPU time on this machine (median of %d warm runs)",
        "本机 CPU 耗时（%d 次预热后运行的中位数）", AttentionTiming.REPEATS));
  }

  /**
   * A preview's timing panel: the last full run's times, not timed again while a slider moves,
   * titled with the setting they were measured at (its N are on the axis).
   */
  XyPlot lastTimes(AttentionTiming.Measured m) {
    return times(m.times(), l.f("CPU time of the last full run (d = %d, M = %,d, %s)",
        "上次完整运行的 CPU 耗时（d = %d，M = %,d，%s）", m.d(), m.sram(),
        m.causal() ? l.t("causal", "因果掩码") : l.t("no mask", "无掩码")));
  }

  private XyPlot times(AttentionTiming.Times t, String title) {
    double[] x = doubles(t.ns());
    double c = AttentionTiming.quadraticCoefficient(t.ns(), t.naiveMillis());
    double[] fit = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      fit[i] = c * x[i] * x[i];
    }
    String naive = l.t("naive (N×N scores)", "朴素（N×N 分数矩阵）");
    return XyPlot.titled(title)
        .axes(l.t("sequence length N", "序列长度 N"), l.t("CPU milliseconds, one thread",
            "CPU 毫秒，单线程"))
        .line(naive, x, t.naiveMillis())
        .dashed(l.t("c·N² fit", "c·N² 拟合"), x, fit).sameColourAs(naive)
        .line(l.t("tiled (Java loops)", "分块（Java 循环）"), x, t.tiledMillis());
  }

  /** With --no-times: the work both do, 4N²d multiply-adds counted as FLOPs, the same for both. */
  XyPlot flops(int[] sweep) {
    double[] x = doubles(sweep);
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = 4 * x[i] * x[i] * d * (causal ? 0.5 : 1);
    }
    return XyPlot.titled(l.f("Work: QKᵀ and PV, %s FLOPs (times left out)",
            "计算量：QKᵀ 和 PV，%s FLOPs（未画耗时）", causal ? "2N²d" : "4N²d"))
        .axes(l.t("sequence length N", "序列长度 N"), "FLOPs").logX().logY()
        .line(l.t("naive and tiled", "朴素与分块相同"), x, f);
  }

  /** Extra floats beyond Q, K, V, O against N: 2N² for S and P, 2N for ℓ and m. */
  XyPlot memory(long sramPeak) {
    TreeSet<Integer> grid = new TreeSet<>();
    for (int m = 16; m <= Math.max(4096, n); m *= 2) {
      grid.add(m);
    }
    grid.add(n);
    double[] x = grid.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] standard = new double[x.length];
    double[] tiled = new double[x.length];
    double[] working = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      standard[i] = AttentionIo.standardExtra((long) x[i]);
      tiled[i] = AttentionIo.tiledExtra((long) x[i]);
      working[i] = sramPeak;
    }
    String tiledLine = l.t("tiled: ℓ, m (2N)", "分块：ℓ、m（2N）");
    return XyPlot.titled(l.t("Extra memory beyond Q, K, V, O", "Q、K、V、O 之外的额外显存"))
        .axes(l.t("sequence length N", "序列长度 N"), l.t("floats", "浮点数个数")).logX().logY()
        .line(l.t("standard: S, P (2N²)", "标准：S、P（2N²）"), x, standard)
        .line(tiledLine, x, tiled)
        .dashed(l.t("tiled SRAM working set", "分块的 SRAM 工作集"), x, working)
        .sameColourAs(tiledLine)
        .verticalLine(n);
  }

  /** HBM accesses against SRAM size M, log–log, with Theorem 2's two orders. */
  XyPlot traffic() {
    double[] standard = new double[ms.length];
    double[] leading = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      standard[i] = AttentionIo.standard(n, d);
      leading[i] = AttentionIo.tiledLeading(n, d, (int) ms[i]) * (causal ? 0.5 : 1);
    }
    String tiledCounted = l.t("tiled, counted", "分块，计数");
    return XyPlot.titled(l.f("HBM reads + writes at N = %d, d = %d",
            "N = %d、d = %d 时的 HBM 读写量", n, d))
        .axes(l.t("SRAM size M (floats)", "SRAM 大小 M（浮点数个数）"),
            l.t("floats moved", "读写的浮点数个数")).logX().logY()
        .line(l.t("standard, 4Nd + 4N²", "标准，4Nd + 4N²"), ms, standard)
        .line(tiledCounted, ms, tiledAccesses)
        .dashed((causal ? "6" : "12") + l.t(" N²d²/M (Thm 2 order)", " N²d²/M（定理 2 的阶）"),
            ms, leading)
        .sameColourAs(tiledCounted)
        .verticalLine(sram);
  }

  /**
   * Least-squares slope of log(accesses) in log M over the sweep points with at least eight key
   * blocks (T_c ≥ 8), where the N²d²/M term dominates; Theorem 2 says −1.
   */
  double trafficSlope() {
    SimpleRegression fit = new SimpleRegression();
    for (int i = 0; i < ms.length; i++) {
      int bc = FlashAttention.Blocks.of((int) ms[i], d).cols();
      if ((n + bc - 1) / bc >= 8) {
        fit.addData(Math.log(ms[i]), Math.log(tiledAccesses[i]));
      }
    }
    return fit.getSlope();
  }

  Map<String, Object> trafficData() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sram", ms);
    m.put("tiled", tiledAccesses);
    m.put("standard", AttentionIo.standard(n, d));
    return m;
  }

  private static double[] doubles(int[] a) {
    return Arrays.stream(a).asDoubleStream().toArray();
  }
}
