package dev.bagu.demos.models;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Memo;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.i18n.Lang;
import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** VAE: the reparameterisation trick, the latent space, the KL term and the β trade-off. */
public final class VaeLatentDemo implements Demo {
  private static final String KINGMA = "Kingma & Welling 2014, Appendix B";
  private static final String KINGMA_ZH = "Kingma 与 Welling 2014，附录 B";
  /** β values of the trade-off panel. */
  static final double[] BETAS = {0.1, 0.3, 1, 3, 10};
  /** Whole-data ELBO evaluations along the main training (each costs ~8 training steps). */
  private static final int CHECKPOINTS = 15;
  /** A preview's: its 20 steps at every 4th, where 15 checkpoints were 2/3 of its training. */
  private static final int PREVIEW_CHECKPOINTS = 5;
  /** Latent samples drawn for each of the three highlighted points. */
  private static final int SAMPLES_PER_POINT = 150;
  private static final List<Param<?>> PARAMS = List.of(
      Param.choice("data", "moons", List.of("moons", "mixture"),
          "the 2-D data: two moons, or a mixture of three Gaussian blobs")
          .zh("二维数据：双月形，或三个高斯团的混合"),
      Param.integer("points", 512, 64, 4096, "data points").logScale().zh("数据点个数"),
      Param.real("beta", 1, 0.1, 10, "weight β of the KL term (1 = the ELBO; β-VAE above 1)")
          .logScale().zh("KL 项的权重 β（1 即 ELBO；大于 1 为 β-VAE）"),
      Param.integer("steps", 200, 20, 3000, "Adam steps of 64 points for the main model")
          .logScale().zh("主模型的 Adam 步数，每步 64 个点"),
      Param.integer("mc-samples", 10_000, 100, 1_000_000,
          "Monte-Carlo draws for the KL estimate; its error falls as 1/√draws").logScale()
          .zh("估计 KL 的蒙特卡洛采样数；误差按 1/√采样数 下降"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("vae-latent", "VAE: latent space and the reparameterisation trick",
        Section.MODELS, "VAE",
        "A small VAE on 2-D data: samples z = μ + σ·ε, the closed-form KL against Monte Carlo, "
            + "the ELBO rising in training, and reconstruction traded for KL as β grows")
        .zh("VAE：隐空间与重参数化技巧",
            "二维数据上的小 VAE：采样 z = μ + σ·ε，KL 闭式解对照蒙特卡洛估计，训练中 ELBO 上升，"
                + "β 变大时用重构换 KL");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's gradient check compares one weight in this many. */
  static final int PREVIEW_CHECK_EVERY = 8;

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    String dataName = p.choice("data");
    int points = p.integer("points");
    double beta = p.real("beta");
    // A preview (the window, while a slider moves): at most 20 training steps, evaluated at 5
    // checkpoints, 1,000 KL draws.
    int steps = p.preview() ? Math.min(p.integer("steps"), 20) : p.integer("steps");
    int checkpoints = p.preview() ? PREVIEW_CHECKPOINTS : CHECKPOINTS;
    int mcSamples = p.preview() ? Math.min(p.integer("mc-samples"), 1000)
        : p.integer("mc-samples");
    Lang l = p.lang();
    ToyData.Labelled data = data(dataName, points, Rng.stream(p.seed(), 1));
    double[][] x = data.x();

    Trained trained = TRAINED.get(List.of(dataName, points, beta, steps, checkpoints, p.seed()),
        () -> train(x, beta, steps, checkpoints, p.seed()));
    VaeTraining.Run main = trained.main();
    List<VaeTraining.Run> sweep = trained.sweep();
    Vae vae = main.vae();

    Vae.Posterior post = vae.encode(x);
    // Point i belongs to group i mod groups: points 0 and 1 are on different moons or blobs; the
    // third is blob 3, or another point of the first moon.
    int[] chosen = {0, 1, data.classes() > 2 ? 2 : 2 * (points / 4)};
    Rng sampleRng = Rng.stream(p.seed(), 5);
    double[][][] z = new double[chosen.length][SAMPLES_PER_POINT][2];
    double[][][] decoded = new double[chosen.length][][];
    for (int c = 0; c < chosen.length; c++) {
      for (double[] zs : z[c]) {
        for (int j = 0; j < 2; j++) {
          zs[j] = post.mu()[chosen[c]][j] + post.sigma()[chosen[c]][j] * sampleRng.gaussian();
        }
      }
      decoded[c] = vae.decode(z[c]);
    }

    // KL of the first point's posterior: closed form against Monte Carlo.
    double[] mu0 = post.mu()[chosen[0]];
    double[] sigma0 = post.sigma()[chosen[0]];
    double klClosed = Vae.kl(mu0[0], sigma0[0]) + Vae.kl(mu0[1], sigma0[1]);
    Vae.Estimate klMc = Vae.klMonteCarlo(mu0, sigma0, mcSamples, Rng.stream(p.seed(), 6));
    // A preview's gradient check (a finding, which the window shows only from a full run)
    // compares every PREVIEW_CHECK_EVERY-th weight; JSON's parameters_checked says how many.
    VaeGradientCheck check = VaeGradientCheck.of(vae, x, beta, Rng.stream(p.seed(), 7),
        p.preview() ? PREVIEW_CHECK_EVERY : 1);

    double[] elbo = main.history().elbo();
    Figure figure = Figure.grid(info().title(l), 2, 3).preferredSize(1900, 1150)
        .subtitle(l.f("%s · %d points · β = %s · %d Adam steps of 64 · decoder s = %s · seed %d",
            "%s · %d 个点 · β = %s · %d 步 Adam，每步 64 个点 · 解码器 s = %s · 种子 %d",
            dataName.equals("moons") ? l.t("two moons", "双月形") : l.t("mixture", "高斯混合"),
            points, Numbers.readable(beta), steps, Numbers.readable(Vae.DECODER_STD), p.seed()))
        .add(VaePanels.latentPanel(data, post, l))
        .add(VaePanels.samplesPanel(post, chosen, z, l))
        .add(VaePanels.decodedPanel(x, chosen, decoded, l))
        .add(VaePanels.klSurfacePanel(l))
        .add(VaePanels.tradeOffPanel(sweep, l))
        .add(VaePanels.elboPanel(main.history(), l));

    Result result = Result.of(figure);
    String kingma = l.t(KINGMA, KINGMA_ZH);
    result.finding(Finding.of("kl_closed_form", l.f("KL(q ‖ N(0, I)) closed form, point 1 "
                + "(μ = (%.2f, %.2f), σ = (%.2f, %.2f))", "KL(q ‖ N(0, I)) 闭式解，点 1"
                + "（μ = (%.2f, %.2f)，σ = (%.2f, %.2f)）", mu0[0], mu0[1], sigma0[0], sigma0[1]),
            klClosed, l.t("nats", "奈特")))
        .finding(Finding.of("kl_monte_carlo", l.f("KL Monte-Carlo estimate, %,d draws",
                "KL 蒙特卡洛估计，%,d 次采样", mcSamples), klMc.mean(), l.t("nats", "奈特"))
            .withReference(klClosed, kingma + l.t(" closed form, ± 3 standard errors",
                " 闭式解，± 3 倍标准误"), 3 * klMc.standardError()))
        .finding(Finding.of("kl_standard_error", l.t("standard error of the KL estimate",
            "KL 估计的标准误"), klMc.standardError(), l.t("nats", "奈特")))
        .finding(Finding.of("elbo_initial", l.t("ELBO before training", "训练前的 ELBO"),
            elbo[0], l.t("nats per point", "奈特/点")))
        .finding(Finding.of("elbo_final", l.t("ELBO after training", "训练后的 ELBO"),
            elbo[elbo.length - 1], l.t("nats per point", "奈特/点")))
        .finding(Finding.of("reconstruction_final", l.t("reconstruction −log p(x|z) after training",
            "训练后的重构项 −log p(x|z)"), main.last().reconstruction(),
            l.t("nats per point", "奈特/点")))
        .finding(Finding.of("kl_final", l.t("KL term after training", "训练后的 KL 项"),
            main.last().kl(), l.t("nats per point", "奈特/点")))
        .finding(Finding.of("gradient_error", l.t("reparameterised gradient: largest relative "
                + "error against finite differences", "重参数化梯度与有限差分的最大相对误差"),
            check.maxRelativeError(), "")
            .withUpperBound(1e-5, l.t("central differences, h = 1e-6", "中心差分，h = 1e-6")));
    for (int b = 0; b < BETAS.length; b++) {
      VaeTraining.Run r = sweep.get(b);
      String key = "beta_" + Numbers.readable(BETAS[b]).replace('.', '_');
      result.finding(Finding.of(key + "_kl", l.f("KL at β = %s", "β = %s 时的 KL",
          Numbers.readable(BETAS[b])), r.last().kl(), l.t("nats", "奈特")));
      result.finding(Finding.of(key + "_reconstruction", l.f("reconstruction at β = %s",
          "β = %s 时的重构项", Numbers.readable(BETAS[b])), r.last().reconstruction(),
          l.t("nats", "奈特")));
    }
    return result.data("labels", data.y())
        .data("latent_mu", post.mu())
        .data("latent_sigma", post.sigma())
        .data("elbo", ordered("steps", main.history().steps(), "elbo", elbo,
            "reconstruction", main.history().reconstruction(), "kl", main.history().kl()))
        .data("kl_check", ordered("mu", mu0, "sigma", sigma0, "closed_form", klClosed,
            "monte_carlo", klMc.mean(), "standard_error", klMc.standardError(),
            "draws", mcSamples))
        .data("beta_sweep", sweepData(sweep))
        .data("gradient_check", ordered("max_relative_error", check.maxRelativeError(),
            "parameters_checked", check.checked()));
  }

  /** The main model and the β sweep that continues it (neither is changed after training). */
  private record Trained(VaeTraining.Run main, List<VaeTraining.Run> sweep) {}

  /**
   * Trained models of the last few settings, keyed by every input of {@link #train} (the data's
   * name and size, β, steps, checkpoints, seed): a rerun at the same setting (the window
   * redrawing, a new language, another mc-samples) skips the training, by far the largest cost of
   * a run.
   */
  private static final Memo<Object, Trained> TRAINED = new Memo<>(4);

  private static Trained train(double[][] x, double beta, int steps, int checkpoints, long seed) {
    VaeTraining.Run main = VaeTraining.train(x, beta, steps, checkpoints,
        Rng.stream(seed, 2), Rng.stream(seed, 3));
    Vae vae = main.vae();
    // The β sweep continues copies of the main model for 3/8 of its steps each (3/8 of the cost
    // of training from scratch); the five runs are independent and train in parallel.
    List<Vae> copies = new ArrayList<>();
    for (int b = 0; b < BETAS.length; b++) {
      copies.add(vae.copy());
    }
    List<VaeTraining.Run> sweep = java.util.stream.IntStream.range(0, BETAS.length).parallel()
        .mapToObj(b -> VaeTraining.train(copies.get(b), x, BETAS[b], sweepSteps(steps), 0,
            Rng.stream(seed, 4, b)))
        .collect(java.util.stream.Collectors.toList());
    return new Trained(main, List.copyOf(sweep));
  }

  /** A map in the order given (Map.of's order changes from one JVM to the next; ID.json's not). */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Steps each β of the sweep trains on, continuing the main model. */
  static int sweepSteps(int steps) {
    return Math.max(10, steps * 3 / 8);
  }

  /** Standardised 2-D points with their group: two moons, or three Gaussian blobs. */
  static ToyData.Labelled data(String name, int n, Rng rng) {
    ToyData.Labelled raw = name.equals("moons") ? ToyData.moons(n, 0.08, rng)
        : ClusterData.blobs(n, 3, 1.0, rng);
    return new ToyData.Labelled(ClusterData.standardised(raw.x()), raw.y(), raw.classes());
  }

  private static Map<String, Object> sweepData(List<VaeTraining.Run> sweep) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("beta", BETAS);
    m.put("kl", sweep.stream().mapToDouble(r -> r.last().kl()).toArray());
    m.put("reconstruction", sweep.stream().mapToDouble(r -> r.last().reconstruction())
        .toArray());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new VaeLatentDemo(), args);
  }
}
