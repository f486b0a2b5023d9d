package dev.bagu.demos.models;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.models.RnnGradients.Bound;
import dev.bagu.demos.models.RnnGradients.Trained;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** RNN/LSTM 门控机制与梯度消失: Pascanu's bound, and what the LSTM's and GRU's gates change. */
public final class RnnGradientsDemo implements Demo {
  private static final String PASCANU = "Pascanu et al. 2013, §2.1 (γ = 1 for tanh)";
  private static final String PASCANU_ZH = "Pascanu 等 2013，§2.1（tanh 的 γ = 1）";
  /** The distance T − t at which the trained models' gradients are compared. */
  static final int COMPARE_AT = 50;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("hidden", 8, 2, 16, "hidden units H of every network").logScale()
          .zh("每个网络的隐藏单元数 H"),
      Param.integer("memory", 20, 5, 40,
          "training sequence length T: the bit at t = 0 must be recalled after T steps of noise")
          .zh("训练序列长度 T：t = 0 时的比特要在 T 步噪声之后被回忆出来"),
      Param.integer("horizon", 100, 60, 200,
          "steps back over which ‖∂h_T/∂h_t‖ is followed (T − t from 0 to horizon)")
          .zh("追踪 ‖∂h_T/∂h_t‖ 的步数（T − t 从 0 到 horizon）"),
      Param.integer("steps", 300, 0, 1000, "Adam steps of training, batches of 16 sequences")
          .zh("Adam 训练步数，每批 16 条序列"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("rnn-gradients", "Vanishing gradients in RNNs, LSTM and GRU",
        Section.MODELS, "RNN/LSTM 门控机制, 梯度消失",
        "‖∂h_T/∂h_t‖ stays under (λ₁γ)^(T−t) in a tanh RNN (Pascanu et al. 2013); the LSTM's "
            + "forget gate and the GRU's update gate keep a path open")
        .zh("RNN、LSTM 和 GRU 中的梯度消失",
            "tanh RNN 的 ‖∂h_T/∂h_t‖ 不超过 (λ₁γ)^(T−t)（Pascanu 等 2013）；LSTM 的遗忘门和 GRU 的"
                + "更新门留出一条梯度通路");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** A preview's fresh sequences for the test accuracies (a full run's: 256). */
  static final int PREVIEW_TEST_SEQUENCES = 16;

  /** A preview's Adam steps at most (a full run's: the steps parameter, 300 by default). */
  static final int PREVIEW_STEPS = 10;

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int hidden = p.integer("hidden");
    int memory = p.integer("memory");
    // A preview (the window, while a slider moves) follows the gradients over at most 60 steps.
    int horizon = p.preview() ? Math.min(p.integer("horizon"), 60) : p.integer("horizon");
    // A preview (the window, while a slider moves) trains for at most 10 steps, the loss
    // panel's averaging window: training was most of a preview, and after 10 or 15 steps the
    // networks are still near their start either way.
    int steps = p.preview() ? Math.min(p.integer("steps"), PREVIEW_STEPS) : p.integer("steps");
    Lang l = p.lang();
    // One probe sequence of the memory task, `horizon` long, for every gradient curve.
    double[][] probe = MemoryTask.batch(1, horizon, Rng.stream(p.seed(), 1)).x()[0];
    // The bounds, and below the trained networks' gradients, each on its own stream: side by
    // side on the cores, collected in order (the same numbers on any core count).
    List<Bound> bounds = IntStream.range(0, RnnGradients.RHOS.length).parallel()
        .mapToObj(r -> RnnGradients.bound(RnnGradients.RHOS[r], hidden, probe,
            Rng.stream(p.seed(), 2, r)))
        .toList();
    // A preview's test accuracies (findings, which the window shows only from a full run) come
    // from 16 sequences.
    int tests = p.preview() ? PREVIEW_TEST_SEQUENCES : RnnGradients.TEST_SEQUENCES;
    List<Trained> trained = RnnGradients.trainAll(p.seed(), hidden, memory, steps, tests)
        .parallelStream().map(m -> RnnGradients.measure(m, probe)).toList();
    Trained rnn = trained.get(0);
    Trained lstm = trained.get(1);
    RnnPanels.Gates gates = RnnPanels.Gates.of(lstm, probe);

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("H = %d · memory task T = %d · %d Adam steps (batch 16) · gradients over "
                + "%d steps of one probe sequence · seed %d",
            "H = %d · 记忆任务 T = %d · %d 步 Adam（每批 16）· 在一条探测序列上追踪 %d 步梯度 · 种子 %d",
            hidden, memory, steps, horizon, p.seed()))
        .add(RnnPanels.boundPanel(bounds, l))
        .add(RnnPanels.trainedPanel(trained, memory, l))
        .add(RnnPanels.gatePanel(gates, l))
        .add(RnnPanels.lossPanel(trained, l));

    Result result = Result.of(figure);
    String pascanu = l.t(PASCANU, PASCANU_ZH);
    for (Bound b : bounds) {
      String rho = String.format(Locale.US, "%.1f", b.rho());
      String key = rho.replace('.', '_');
      result.finding(Finding.of("bound_ratio_" + key, l.f("ρ = %s: max over T − t of "
                  + "‖∂h_T/∂h_t‖ / λ₁^(T−t)", "ρ = %s：‖∂h_T/∂h_t‖ / λ₁^(T−t) 对 T − t 取最大",
              rho), b.maxRatio(), "").withUpperBound(1 + 1e-9, pascanu));
      result.finding(Finding.of("decay_rate_" + key, l.f("ρ = %s: measured factor per step",
              "ρ = %s：实测每步衰减因子", rho), b.rate(), "")
          .withUpperBound(b.lambda1(), l.t("λ₁ = ‖W_hh‖₂, ", "λ₁ = ‖W_hh‖₂，") + pascanu));
    }
    int at = Math.min(COMPARE_AT, horizon);
    double rnnAt = rnn.norms()[at];
    double lstmAt = lstm.norms()[at];
    for (Trained t : trained) {
      String name = t.net().cell.name();
      result.finding(Finding.of(name.toLowerCase(Locale.ROOT) + "_grad_50",
          l.f("trained %s: ‖∂h_T/∂s_t‖ at T − t = %d", "训练后 %s：T − t = %d 处的 ‖∂h_T/∂s_t‖",
              name, at), t.norms()[at], ""));
    }
    result.finding(Finding.of("lstm_over_rnn_orders", l.t("log₁₀(LSTM / RNN gradient) at "
            + "T − t = 50", "T − t = 50 处 log₁₀(LSTM 梯度 / RNN 梯度)"),
        Math.log10(lstmAt / rnnAt), ""));
    for (Trained t : trained) {
      String name = t.net().cell.name();
      result.finding(Finding.of("accuracy_" + name.toLowerCase(Locale.ROOT),
          l.f("trained %s: test accuracy on the memory task", "训练后 %s：记忆任务测试准确率", name),
          t.accuracy(), ""));
    }
    result.finding(Finding.of("forget_memory_unit", l.t("LSTM: forget gate of the unit holding "
        + "the bit, mean over the probe", "LSTM：记住比特的单元的遗忘门，在探测序列上的均值"),
        gates.meanMemoryForget(), ""));
    return result.data("bounds", boundData(bounds)).data("trained", trainedData(trained))
        .data("lstm_gates", gates.data());
  }

  private static List<Map<String, Object>> boundData(List<Bound> bounds) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Bound b : bounds) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("rho", b.rho());
      m.put("lambda1", b.lambda1());
      m.put("norms", b.norms());
      m.put("max_ratio", b.maxRatio());
      m.put("rate", b.rate());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> trainedData(List<Trained> trained) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Trained t : trained) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("losses", t.losses());
      m.put("accuracy", t.accuracy());
      m.put("norms", t.norms());
      out.put(t.net().cell.name().toLowerCase(Locale.ROOT), m);
    }
    return out;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new RnnGradientsDemo(), args);
  }
}
