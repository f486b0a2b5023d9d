package dev.bagu.demos.attention;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** transformer head 为什么要降维: d_head = d/h keeps cost flat in h; each head is rank ≤ d_head. */
public final class HeadDimensionDemo implements Demo {
  /** Singular values are drawn relative to σ_1 and floored here so exact zeros fit a log axis. */
  private static final double SIGMA_FLOOR = 1e-18;
  private static final String COUNTED = "4d², counted from MultiHeadAttention (derived)";

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("dmodel", 64, 4, 256, "model width d; must be a multiple of heads"),
      Param.integer("heads", 16, 1, 32, "largest head count: h = 1, 2, 4, … up to it "
          + "(a power of two)"),
      Param.integer("tokens", 96, 2, 256, "sequence length n (FLOPs; the score matrices "
          + "are n × n)"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("head-dimension", "Head dimension: d_head = d/h", Section.ATTENTION,
        "transformer head 为什么要降维",
        "parameters and FLOPs against h with d_head = d/h and with d_head = d; the rank of "
            + "one head's QKᵀ is at most d_head");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int d = p.integer("dmodel");
    int maxHeads = p.integer("heads");
    int n = p.integer("tokens");
    if (Integer.bitCount(maxHeads) != 1 || d % maxHeads != 0) {
      throw new UserException("heads = " + maxHeads + " must be a power of two dividing dmodel"
          + " = " + d + " (so that d_head = d/h is whole for every h)");
    }
    List<Integer> hs = HeadCosts.headCounts(maxHeads);
    double[][] x = Matrices.gaussian(n, d, 1, Rng.stream(p.seed(), 1));
    List<HeadCosts.Row> rows = new ArrayList<>();
    List<double[]> sigmas = new ArrayList<>();
    int[] ranks = new int[hs.size()];
    for (int k = 0; k < hs.size(); k++) {
      int h = hs.get(k);
      MultiHeadAttention flat = MultiHeadAttention.random(d, h, Rng.stream(p.seed(), 2, h));
      MultiHeadAttention grown = HeadCosts.fullWidth(d, h, Rng.stream(p.seed(), 3, h));
      rows.add(HeadCosts.row(flat, grown, n));
      double[] s = HeadCosts.scoreSingularValues(flat.heads().get(0), x);
      sigmas.add(s);
      ranks[k] = HeadCosts.numericalRank(s);
    }

    double[] hx = hs.stream().mapToDouble(Integer::doubleValue).toArray();
    double[] flatP = rows.stream().mapToDouble(r -> r.flatParams()).toArray();
    double[] grownP = rows.stream().mapToDouble(r -> r.grownParams()).toArray();
    double fourD2 = 4.0 * d * d;
    double spread = 0;
    int mismatches = 0;
    double gap = 0;
    for (int k = 0; k < hs.size(); k++) {
      spread = Math.max(spread, Math.abs(flatP[k] - fourD2));
      int dHead = rows.get(k).dHead();
      int expected = Math.min(dHead, n);
      mismatches += ranks[k] == expected ? 0 : 1;
      if (dHead < n) {
        gap = Math.max(gap, sigmas.get(k)[dHead] / sigmas.get(k)[0]);
      }
    }
    HeadCosts.Row last = rows.get(rows.size() - 1);
    Figure figure = Figure.grid("Head dimension: why d_head = d/h", 2, 2)
        .subtitle(String.format(Locale.US, "d_model = %d · h = 1 … %d · n = %d tokens · "
            + "scores of head 1 on Gaussian X · seed %d", d, maxHeads, n, p.seed()))
        .add(paramsPanel(hx, flatP, grownP, d))
        .add(flopsPanel(hx, rows))
        .add(sigmaPanel(rows, sigmas, n))
        .add(rankPanel(rows, ranks, n));

    return Result.of(figure)
        .finding(Finding.of("flat_params_spread", "d_head = d/h: max_h |params − 4d²|", spread,
            "").withReference(0, COUNTED))
        .finding(Finding.of("flat_params", "d_head = d/h: params at h = " + maxHeads,
            last.flatParams(), "").withReference(fourD2, COUNTED))
        .finding(Finding.of("grown_params", "d_head = d: params at h = " + maxHeads,
            last.grownParams(), "").withReference(fourD2 * maxHeads, "4h·d² (derived)"))
        .finding(Finding.of("flops_ratio", "FLOPs, d_head = d over d_head = d/h, at h = "
            + maxHeads, last.grownFlops() / last.flatFlops(), "×")
            .withReference(maxHeads, "h (every matrix product is h times wider)"))
        .finding(Finding.of("rank_smallest_head", "numerical rank of QKᵀ, d_head = "
            + last.dHead(), ranks[ranks.length - 1], "")
            .withReference(Math.min(last.dHead(), n), "rank(Q Kᵀ) ≤ min(d_head, n)", 0))
        .finding(Finding.of("rank_mismatches", "head counts whose rank ≠ min(d_head, n)",
            mismatches, "").withReference(0, "rank(Q Kᵀ) ≤ d_head, Gaussian W and X: equality"))
        .finding(Finding.of("rank_gap", "max σ_{d_head+1}/σ_1 (d_head < n)", gap, "")
            .withUpperBound(1e-12, "rounding only: σ_i = 0 beyond d_head in exact arithmetic"))
        .data("heads", hx).data("flat_params", flatP).data("grown_params", grownP)
        .data("ranks", ranks).data("singular_values", sigmas);
  }

  private static XyPlot paramsPanel(double[] hx, double[] flat, double[] grown, int d) {
    double[] f4 = new double[hx.length];
    double[] g4 = new double[hx.length];
    for (int k = 0; k < hx.length; k++) {
      f4[k] = 4.0 * d * d;
      g4[k] = 4.0 * d * d * hx[k];
    }
    // Linear axes: the h-fold growth is a straight line, and a log axis over barely one decade
    // would carry a single tick label.
    return XyPlot.titled("Projection parameters W_Q, W_K, W_V, W_O").axes("heads h", "parameters")
        .largePoints("d_head = d/h (counted)", hx, flat)
        .dashed("4d²", hx, f4).sameColourAs("d_head = d/h (counted)")
        .largePoints("d_head = d (counted)", hx, grown)
        .dashed("4h·d²", hx, g4).sameColourAs("d_head = d (counted)");
  }

  private static XyPlot flopsPanel(double[] hx, List<HeadCosts.Row> rows) {
    return XyPlot.titled("FLOPs of one attention layer").axes("heads h", "FLOPs")
        .curve("d_head = d/h: total", hx, rows.stream().mapToDouble(r -> r.flatFlops())
            .toArray())
        .curve("d_head = d: total", hx, rows.stream().mapToDouble(r -> r.grownFlops())
            .toArray())
        .dashed("d/h: QKᵀ and AV only", hx, rows.stream()
            .mapToDouble(r -> r.flatScoreFlops()).toArray()).sameColourAs("d_head = d/h: total")
        .dashed("d: QKᵀ and AV only", hx, rows.stream()
            .mapToDouble(r -> r.grownScoreFlops()).toArray()).sameColourAs("d_head = d: total");
  }

  private static XyPlot sigmaPanel(List<HeadCosts.Row> rows, List<double[]> sigmas, int n) {
    XyPlot plot = XyPlot.titled("Singular values of one head's QKᵀ (n × n)")
        .axes("index i (grey lines: i = d_head; zeros drawn at 1e-18)", "σ_i / σ_1")
        .logX().logY();
    for (int k = 0; k < rows.size(); k++) {
      double[] s = sigmas.get(k);
      double[] idx = new double[s.length];
      double[] rel = new double[s.length];
      for (int i = 0; i < s.length; i++) {
        idx[i] = i + 1;
        rel[i] = Math.max(s[i] / s[0], SIGMA_FLOOR);
      }
      plot.curve("d_head = " + rows.get(k).dHead(), idx, rel);
      if (rows.get(k).dHead() < n) {
        plot.verticalLine(rows.get(k).dHead());
      }
    }
    return plot;
  }

  private static BarPlot rankPanel(List<HeadCosts.Row> rows, int[] ranks, int n) {
    List<String> names = new ArrayList<>();
    double[] measured = new double[ranks.length];
    double[] bound = new double[ranks.length];
    for (int k = 0; k < ranks.length; k++) {
      HeadCosts.Row r = rows.get(k);
      names.add("h=" + r.heads() + ", d_head=" + r.dHead());
      measured[k] = ranks[k];
      bound[k] = Math.min(r.dHead(), n);
    }
    return BarPlot.titled("Numerical rank of QKᵀ (σ > σ_1·n·ε)").axes("heads, head width",
        "rank").categories(names).bars("measured", measured).bars("min(d_head, n)", bound);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new HeadDimensionDemo(), args);
  }
}
