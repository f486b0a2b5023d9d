package dev.bagu.demos.models;

import dev.bagu.demos.models.RecurrentCell.Step;
import dev.bagu.demos.models.RnnGradients.Bound;
import dev.bagu.demos.models.RnnGradients.Trained;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.Theme;
import dev.bagu.plot.XyPlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The four panels of the rnn-gradients figure. */
final class RnnPanels {
  /** Bound lines are cut above this, so that λ₁ > 1 does not stretch the axis to 10¹⁷. */
  private static final double BOUND_CEILING = 1e2;
  /** Training losses are drawn as a moving average over this many steps. */
  private static final int SMOOTH = 10;

  private RnnPanels() {}

  /** ‖∂h_T/∂h_t‖ of the untrained RNNs (solid) under λ₁^(T−t) (dashed, same colour). */
  static XyPlot boundPanel(List<Bound> bounds, Lang l) {
    XyPlot plot = XyPlot.titled(l.t("Untrained tanh RNN, W_hh = ρ·Q: norm under λ₁^(T−t)",
            "未训练的 tanh RNN，W_hh = ρ·Q：范数在 λ₁^(T−t) 之下"))
        .axes(l.t("T − t (steps back); dashed: λ₁^(T−t), same colour",
            "T − t（往回的步数）；虚线：同色的 λ₁^(T−t)"), "‖∂h_T/∂h_t‖₂").logY();
    for (int r = 0; r < bounds.size(); r++) {
      Bound b = bounds.get(r);
      String name = String.format(Locale.US, "ρ = %.1f", b.rho());
      int n = positive(b.norms());
      plot.curve(name, steps(n), java.util.Arrays.copyOf(b.norms(), n))
          .colour(Theme.category(r));
      int m = 0;
      while (m < b.norms().length && Math.pow(b.lambda1(), m) <= BOUND_CEILING
          && Math.pow(b.lambda1(), m) > 1e-300) {
        m++;
      }
      double[] bound = new double[m];
      for (int k = 0; k < m; k++) {
        bound[k] = Math.pow(b.lambda1(), k);
      }
      plot.dashed(name + l.t(" bound", " 上界"), steps(m), bound).colour(Theme.category(r))
          .notInLegend();
    }
    return plot;
  }

  /** The trained networks' gradient flow on the probe sequence. */
  static XyPlot trainedPanel(List<Trained> trained, int memory, Lang l) {
    int steps = trained.get(0).losses().length;
    XyPlot plot = XyPlot.titled(l.f("After %d training steps: ‖∂h_T/∂s_t‖ (LSTM: s = (h, c))",
            "训练 %d 步之后：‖∂h_T/∂s_t‖（LSTM：s = (h, c)）", steps))
        .axes(l.f("T − t (steps back); grey: T = %d trained, T − t = %d",
            "T − t（往回的步数）；灰线：训练长度 T = %d，T − t = %d", memory,
            RnnGradientsDemo.COMPARE_AT), "‖∂h_T/∂s_t‖₂").logY();
    for (int i = 0; i < trained.size(); i++) {
      Trained t = trained.get(i);
      int n = positive(t.norms());
      plot.curve(t.net().cell.name(), steps(n), java.util.Arrays.copyOf(t.norms(), n))
          .colour(Theme.category(4 + i));
    }
    return plot.verticalLine(RnnGradientsDemo.COMPARE_AT).verticalLine(memory);
  }

  /**
   * The LSTM's gates over the probe sequence: for the unit that holds the bit (the one whose
   * final cell value c_T moves most when the bit at t = 0 is flipped), and the forget gate's mean
   * over all units.
   */
  record Gates(double[] input, double[] forget, double[] output, double[] meanForget,
      int memoryUnit) {
    static Gates of(Trained lstm, double[][] probe) {
      RecurrentNet net = lstm.net();
      int n = net.cell.hidden();
      double[][] flipped = new double[probe.length][];
      for (int t = 0; t < probe.length; t++) {
        flipped[t] = probe[t].clone();
      }
      flipped[0][0] = -flipped[0][0];
      List<Step> steps = lstm.steps();
      double[] c = steps.get(steps.size() - 1).state();
      double[] cFlipped = net.run(flipped).get(probe.length - 1).state();
      int unit = 0;
      for (int k = 1; k < n; k++) {
        if (Math.abs(c[n + k] - cFlipped[n + k]) > Math.abs(c[n + unit] - cFlipped[n + unit])) {
          unit = k;
        }
      }
      double[] in = new double[steps.size()];
      double[] f = new double[steps.size()];
      double[] o = new double[steps.size()];
      double[] mf = new double[steps.size()];
      for (int t = 0; t < steps.size(); t++) {
        double[][] s = steps.get(t).saved();
        in[t] = s[1][unit];
        f[t] = s[2][unit];
        o[t] = s[4][unit];
        mf[t] = mean(s[2]);
      }
      return new Gates(in, f, o, mf, unit);
    }

    double meanMemoryForget() {
      return mean(forget);
    }

    Map<String, Object> data() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("memory_unit", memoryUnit);
      m.put("input", input);
      m.put("forget", forget);
      m.put("output", output);
      m.put("forget_mean_over_units", meanForget);
      return m;
    }
  }

  static XyPlot gatePanel(Gates g, Lang l) {
    double[] t = steps(g.input().length);
    return XyPlot.titled(l.f("LSTM: gates of unit %d, the one holding the bit",
            "LSTM：记住比特的单元 %d 的门控值", g.memoryUnit()))
        .axes(l.t("time step t (the bit comes at t = 0)", "时间步 t（比特在 t = 0 输入）"),
            l.t("gate value", "门控值")).yRange(0, 1.05)
        .curve(l.t("input gate i", "输入门 i"), t, g.input()).colour(Theme.category(1))
        .curve(l.t("forget gate f", "遗忘门 f"), t, g.forget()).colour(Theme.category(2))
        .curve(l.t("output gate o", "输出门 o"), t, g.output()).colour(Theme.category(3))
        .dashed(l.t("f, mean of all units", "f，所有单元的均值"), t, g.meanForget())
        .colour(Theme.REFERENCE);
  }

  static XyPlot lossPanel(List<Trained> trained, Lang l) {
    int steps = trained.get(0).losses().length;
    double top = Math.log(2) * 1.15;
    for (Trained t : trained) {
      for (double v : smooth(t.losses())) {
        top = Math.max(top, v * 1.05);
      }
    }
    XyPlot plot = XyPlot.titled(steps == 0 ? l.t("Training loss: no training (steps = 0)",
                "训练损失：未训练（steps = 0）")
            : l.f("Training loss, moving average of %d steps", "训练损失（%d 步滑动平均）", SMOOTH))
        .axes(l.t("Adam step", "Adam 步数"), l.t("logistic loss", "逻辑斯谛损失")).yRange(0, top);
    for (int i = 0; i < trained.size(); i++) {
      Trained t = trained.get(i);
      plot.curve(t.net().cell.name(), steps(steps), smooth(t.losses()))
          .colour(Theme.category(4 + i));
    }
    double[] x = steps == 0 ? new double[] {0, 1} : new double[] {0, steps - 1};
    return plot.dashed(l.t("chance: ln 2", "随机猜：ln 2"), x,
        new double[] {Math.log(2), Math.log(2)}).colour(Theme.REFERENCE);
  }

  private static double[] smooth(double[] v) {
    double[] out = new double[v.length];
    double sum = 0;
    for (int i = 0; i < v.length; i++) {
      sum += v[i];
      if (i >= SMOOTH) {
        sum -= v[i - SMOOTH];
      }
      out[i] = sum / Math.min(i + 1, SMOOTH);
    }
    return out;
  }

  /** The length of the leading run of positive values (a log axis cannot show 0). */
  private static int positive(double[] v) {
    int n = 0;
    while (n < v.length && v[n] > 0) {
      n++;
    }
    return n;
  }

  private static double[] steps(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    return x;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
