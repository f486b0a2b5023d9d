package dev.bagu.demos.models;

import dev.bagu.i18n.Lang;
import dev.bagu.math.ToyData;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.Numbers;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The panels of {@link VaeLatentDemo}, one method per panel. */
final class VaePanels {
  private VaePanels() {}

  static final Color DATA_GREY = new Color(0xC8, 0xC8, 0xC8);

  /** Panel 1: every point's posterior mean, coloured by its group, with the prior's 1σ and 2σ. */
  static XyPlot latentPanel(ToyData.Labelled data, Vae.Posterior post, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Latent space: μ(x) of every point", "隐空间：每个点的 μ(x)"))
        .axes("z₁", "z₂");
    for (int g = 0; g < data.classes(); g++) {
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < data.y().length; i++) {
        if (data.y()[i] == g) {
          pts.add(post.mu()[i]);
        }
      }
      plot.smallPoints(l.f("group %d", "第 %d 组", g + 1), column(pts, 0), column(pts, 1));
    }
    double[][] one = circle(1);
    double[][] two = circle(2);
    return plot.dashed(l.t("prior N(0, I): 1σ, 2σ", "先验 N(0, I)：1σ、2σ"), one[0], one[1])
        .dashed(l.t("2σ", "2σ "), two[0], two[1]).notInLegend();
  }

  /** Panel 2: the reparameterised samples z = μ + σ·ε of three points, on all the means. */
  static XyPlot samplesPanel(Vae.Posterior post, int[] chosen, double[][][] z, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Samples z = μ + σ·ε of 3 points (◆ μ)",
            "3 个点的采样 z = μ + σ·ε（◆ 为 μ）"))
        .axes("z₁", "z₂")
        .smallPoints(l.t("μ(x), all points", "所有点的 μ(x)"), column(List.of(post.mu()), 0),
            column(List.of(post.mu()), 1)).colour(DATA_GREY);
    for (int c = 0; c < chosen.length; c++) {
      plot.smallPoints(l.f("z ~ q(z|x%s)", "z ~ q(z|x%s)", sub(c)), column(List.of(z[c]), 0),
          column(List.of(z[c]), 1)).colour(Theme.category(c + 3));
    }
    for (int c = 0; c < chosen.length; c++) {
      double[] m = post.mu()[chosen[c]];
      plot.highlight(l.f("μ(x%s)", "μ(x%s)", sub(c)), new double[] {m[0]}, new double[] {m[1]})
          .colour(Theme.REFERENCE).notInLegend();
    }
    return plot;
  }

  /** Panel 3: the decodings of those samples, beside the points they came from (diamonds). */
  static XyPlot decodedPanel(double[][] x, int[] chosen, double[][][] decoded, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Decodings x̂ = decoder(z) (◆ the 3 points)",
            "解码 x̂ = 解码器(z)（◆ 为这 3 个点）"))
        .axes("x₁", "x₂")
        .smallPoints(l.t("data", "数据"), column(List.of(x), 0), column(List.of(x), 1))
        .colour(DATA_GREY);
    for (int c = 0; c < chosen.length; c++) {
      plot.smallPoints(l.f("x̂ from z ~ q(z|x%s)", "由 z ~ q(z|x%s) 解码", sub(c)),
          column(List.of(decoded[c]), 0), column(List.of(decoded[c]), 1))
          .colour(Theme.category(c + 3));
    }
    for (int c = 0; c < chosen.length; c++) {
      plot.highlight("x" + sub(c), new double[] {x[chosen[c]][0]}, new double[] {x[chosen[c]][1]})
          .colour(Theme.REFERENCE).notInLegend();
    }
    return plot;
  }

  /** Panel 4: KL(N(μ, σ²) ‖ N(0, 1)) over a grid of μ (columns) and σ (rows, large at the top). */
  static HeatmapPlot klSurfacePanel(Lang l) {
    int cols = 25; // μ from −3 to 3 in steps of 0.25, labelled at the integers
    int rows = 30; // σ from 3.0 down to 0.1 in steps of 0.1, labelled every 0.5
    double[][] m = new double[rows][cols];
    List<String> mus = new ArrayList<>();
    List<String> sigmas = new ArrayList<>();
    for (int c = 0; c < cols; c++) {
      mus.add(c % 4 == 0 ? Numbers.readable(-3 + 0.25 * c) : "");
    }
    for (int r = 0; r < rows; r++) {
      int tenths = 30 - r;
      double sigma = tenths / 10.0;
      sigmas.add(tenths % 5 == 0 || tenths == 1 ? Numbers.fixed(sigma, 1) : "");
      for (int c = 0; c < cols; c++) {
        m[r][c] = Vae.kl(-3 + 0.25 * c, sigma);
      }
    }
    return HeatmapPlot.titled(l.t("KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − ln σ² − 1)",
            "KL(N(μ, σ²) ‖ N(0, 1)) = ½(μ² + σ² − ln σ² − 1)"))
        .matrix(m).rowLabels(sigmas).columnLabels(mus).axes("μ", "σ")
        .colourBarLabel(l.t("KL (nats), 0 at μ = 0, σ = 1", "KL（奈特），μ = 0、σ = 1 处为 0"));
  }

  /** Panel 5: reconstruction against KL after training at each β (the β-VAE trade-off). */
  static XyPlot tradeOffPanel(List<VaeTraining.Run> sweep, Lang l) {
    double[] kl = sweep.stream().mapToDouble(r -> r.last().kl()).toArray();
    double[] rec = sweep.stream().mapToDouble(r -> r.last().reconstruction()).toArray();
    XyPlot plot = XyPlot.titled(l.t("Reconstruction against KL as β moves",
            "β 变化时重构项与 KL 的取舍"))
        .axes(l.t("KL term (nats per point)", "KL 项（奈特/点）"),
            l.t("reconstruction −log p(x|z) (nats)", "重构项 −log p(x|z)（奈特）"))
        .dashed(l.t("trade-off", "取舍曲线"), kl, rec).notInLegend();
    for (int b = 0; b < VaeLatentDemo.BETAS.length; b++) {
      plot.highlight("β = " + Numbers.readable(VaeLatentDemo.BETAS[b]), new double[] {kl[b]},
          new double[] {rec[b]}).colour(Theme.category(b));
    }
    return plot;
  }

  /** Panel 6: the ELBO of the whole data set during training (β = 1 terms, fixed ε). */
  static XyPlot elboPanel(VaeTraining.History h, Lang l) {
    double[] x = Arrays.stream(h.steps()).asDoubleStream().toArray();
    double[] elbo = h.elbo();
    double last = elbo[elbo.length - 1];
    // The untrained model's ELBO can be far below; the axis shows the last 90% of training
    // (after step 0 at least: a preview has 6 checkpoints).
    double lo = last;
    double hi = last;
    for (int i = Math.max(1, elbo.length / 10); i < elbo.length; i++) {
      lo = Math.min(lo, elbo[i]);
      hi = Math.max(hi, elbo[i]);
    }
    double pad = 0.1 * Math.max(hi - lo, 1);
    return XyPlot.titled(l.f("ELBO during training (step 0: %.1f)", "训练中的 ELBO（第 0 步：%.1f）",
            elbo[0]))
        .axes(l.t("training step", "训练步"), l.t("ELBO (nats per point)", "ELBO（奈特/点）"))
        .yRange(lo - pad, hi + pad)
        .line("ELBO", x, elbo);
  }

  static String sub(int c) {
    return new String[] {"₁", "₂", "₃"}[c];
  }

  static double[] column(List<double[]> pts, int d) {
    return pts.stream().mapToDouble(pt -> pt[d]).toArray();
  }

  static double[][] circle(double r) {
    int n = 73;
    double[][] c = new double[2][n];
    for (int i = 0; i < n; i++) {
      c[0][i] = r * Math.cos(2 * Math.PI * i / (n - 1));
      c[1][i] = r * Math.sin(2 * Math.PI * i / (n - 1));
    }
    return c;
  }
}
