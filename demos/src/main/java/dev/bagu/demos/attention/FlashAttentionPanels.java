package dev.bagu.demos.attention;

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
  private final double[] ms; // SRAM sizes of the traffic sweep, floats
  private final double[] tiledAccesses; // Algorithm 1's counted accesses at each M

  FlashAttentionPanels(int n, int d, int sram, boolean causal) {
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
    double[] x = doubles(t.ns());
    double c = AttentionTiming.quadraticCoefficient(t.ns(), t.naiveMillis());
    double[] fit = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      fit[i] = c * x[i] * x[i];
    }
    return XyPlot.titled("Time on this machine (median of " + AttentionTiming.REPEATS + ")")
        .axes("sequence length N", "milliseconds")
        .line("naive (N×N scores)", x, t.naiveMillis())
        .dashed("c·N² fit", x, fit).sameColourAs("naive (N×N scores)")
        .line("tiled (Java loops)", x, t.tiledMillis());
  }

  /** With --no-times: the work both do, 4N²d multiply-adds counted as FLOPs, the same for both. */
  XyPlot flops(int[] sweep) {
    double[] x = doubles(sweep);
    double[] f = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      f[i] = 4 * x[i] * x[i] * d * (causal ? 0.5 : 1);
    }
    return XyPlot.titled("Work: QKᵀ and PV, " + (causal ? "2N²d" : "4N²d")
            + " FLOPs (times left out)")
        .axes("sequence length N", "FLOPs").logX().logY()
        .line("naive and tiled", x, f);
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
    return XyPlot.titled("Extra memory beyond Q, K, V, O")
        .axes("sequence length N", "floats").logX().logY()
        .line("standard: S, P (2N²)", x, standard)
        .line("tiled: ℓ, m (2N)", x, tiled)
        .dashed("tiled SRAM working set", x, working).sameColourAs("tiled: ℓ, m (2N)")
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
    return XyPlot.titled("HBM reads + writes at N = " + n + ", d = " + d)
        .axes("SRAM size M (floats)", "floats moved").logX().logY()
        .line("standard, 4Nd + 4N²", ms, standard)
        .line("tiled, counted", ms, tiledAccesses)
        .dashed((causal ? "6" : "12") + " N²d²/M (Thm 2 order)", ms, leading)
        .sameColourAs("tiled, counted")
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
