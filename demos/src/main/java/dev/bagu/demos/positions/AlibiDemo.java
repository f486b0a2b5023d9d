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
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.Figure;
import dev.bagu.plot.HeatmapPlot;
import dev.bagu.plot.XyPlot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** ALiBi: per-head linear distance penalties on the scores, and why they let attention extrapolate. */
public final class AlibiDemo implements Demo {
  private static final String PRESS = "Press et al. 2021, §3";
  private static final String PRESS_ZH = "Press 等 2021，§3";
  /** Positions shown in each bias matrix: enough to see the slope, few enough to write values. */
  private static final int SHOWN = 8;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("heads", 8, 1, 64, "attention heads n; slopes start at 2^(−8/n)").logScale()
          .zh("注意力头数 n；斜率从 2^(−8/n) 开始"),
      Param.integer("head", 3, 0, 63,
          "head (0 = steepest) whose attention is drawn at longer lengths; at most heads − 1")
          .zh("在更长序列上画其注意力的那个头（0 为最陡）；最大取 heads − 1"),
      Param.integer("train-length", 128, 16, 1024,
          "the length a model would have been trained on").logScale()
          .zh("假想模型训练时的序列长度"),
      Param.integer("test-length", 2048, 1024, 65_536,
          "the longer length the attention is computed at").logScale()
          .zh("计算注意力时使用的更长序列长度"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("alibi", "ALiBi: attention with linear biases", Section.POSITIONS, "ALiBi",
        "head h adds −m_h·(i − j) to its scores; slopes 2^(−8/n), 2^(−16/n), …; attention stays "
            + "local at any length")
        .zh("ALiBi：带线性偏置的注意力",
            "第 h 个头在分数上加 −m_h·(i − j)；斜率为 2^(−8/n)、2^(−16/n)、…；任意长度下注意力都保持局部");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int heads = p.integer("heads");
    int head = Math.min(p.integer("head"), heads - 1);
    int train = p.integer("train-length");
    int test = p.integer("test-length");
    Lang l = p.lang();
    double[] slopes = Alibi.slopes(heads);
    // Content scores q·k/√d by distance from the query: N(0, 1), as for random unit-variance q, k.
    double[] content = new double[test];
    Rng.stream(p.seed(), 1).fillGaussian(content);
    double[] zero = new double[test];

    double[] atTrain = Alibi.lastQueryWeights(content, slopes[head], train);
    double[] atTest = Alibi.lastQueryWeights(content, slopes[head], test);
    double[] noBias = Alibi.lastQueryWeights(content, 0, test);
    double[] beyondByHead = new double[heads];
    for (int h = 0; h < heads; h++) {
      beyondByHead[h] = Alibi.massBeyond(Alibi.lastQueryWeights(content, slopes[h], test), train);
    }
    double drift = 0; // how much the near weights move when the sequence grows
    for (int k = 0; k < train; k++) {
      drift = Math.max(drift, Math.abs(atTrain[k] - atTest[k]));
    }

    TreeSet<Integer> shown = new TreeSet<>(List.of(0, heads / 2, heads - 1));
    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("heads = %d · attention of head %d (m = %s) trained at %d, run at %d · "
                + "random content scores (seed %d)",
            "%d 个头 · 第 %d 个头（m = %s）在长度 %d 上训练、在 %d 上运行 · 随机内容分数（种子 %d）",
            heads, head, slopeText(slopes[head]), train, test, p.seed()));
    for (int h : shown) {
      figure.add(biasPanel(h, slopes[h], l));
    }
    while (figure.panels().size() < 3) {
      figure.add(biasPanel(heads - 1, slopes[heads - 1], l)); // one or two heads: repeat the last
    }
    figure.add(slopePanel(slopes, l))
        .add(weightsPanel(atTrain, atTest, noBias, head, train, test, l))
        .add(beyondPanel(beyondByHead, Alibi.massBeyond(noBias, train), train, test, l));

    Result result = Result.of(figure);
    String press = l.t(PRESS, PRESS_ZH);
    boolean power = Alibi.isPowerOfTwo(heads);
    int lower = Integer.highestOneBit(heads);
    result.finding(Finding.of("slope_first", l.t("slope of head 0", "第 0 个头的斜率"), slopes[0], "")
            .withReference(Math.pow(2, -8.0 / lower), power
                ? press + ": 2^(−8/n)"
                : press + l.f(": 2^(−8/%d), the closest smaller power of two's first slope",
                    "：2^(−8/%d)，取最近的较小 2 的幂的首个斜率", lower), 1e-15));
    Finding last = Finding.of("slope_last", l.f("slope of head %d (last)", "第 %d 个头（最后）的斜率",
        heads - 1), slopes[heads - 1], "");
    Finding ratio = Finding.of("slope_ratio", l.t("ratio of consecutive slopes (geometric)",
        "相邻斜率之比（等比）"), heads > 1 ? slopes[1] / slopes[0] : slopes[0], "");
    if (power) {
      last = last.withReference(Math.pow(2, -8), press + l.t(": 2^(−8) = 1/256 for n a power of two",
          "：n 为 2 的幂时为 2^(−8) = 1/256"), 1e-15);
      ratio = ratio.withReference(Math.pow(2, -8.0 / heads), press + ": 2^(−8/n)", 1e-12);
    }
    result.finding(last).finding(ratio)
        .finding(Finding.of("mass_beyond_train", l.f("head %d: weight on keys ≥ %d back, at length %d",
                "第 %d 个头：长度 %d 时距离 ≥ %d 的键上的权重", head, l == Lang.ZH ? test : train,
                l == Lang.ZH ? train : test), Alibi.massBeyond(atTest, train), ""))
        .finding(Finding.of("mass_beyond_train_no_bias", l.f("no bias: weight on keys ≥ %d back, "
                + "at length %d", "不加偏置：长度 %d 时距离 ≥ %d 的键上的权重",
                l == Lang.ZH ? test : train, l == Lang.ZH ? train : test),
            Alibi.massBeyond(noBias, train), ""))
        .finding(Finding.of("near_weight_change", l.f("head %d: max change of a weight within %d "
                + "keys, length %d → %d", "第 %d 个头：%d 个键以内的权重在长度 %d → %d 时的最大变化",
                head, train, train, test), drift, ""));
    return result.data("slopes", slopes).data("mass_beyond_train_by_head", beyondByHead)
        .data("head", head);
  }

  private static String slopeText(double m) {
    // 1/2, 1/256 when the slope is a power of two; otherwise three digits.
    double inv = 1 / m;
    return Math.abs(inv - Math.rint(inv)) < 1e-9 ? "1/" + (long) Math.rint(inv)
        : String.format(Locale.US, "%.3g", m);
  }

  /** Top row: the bias head h adds, over the first positions, future keys masked (grey). */
  private static HeatmapPlot biasPanel(int h, double slope, Lang l) {
    List<String> labels = SinusoidalEncodingDemo.indexLabels(SHOWN);
    HeatmapPlot plot = HeatmapPlot.titled(l.f("Head %d bias −m·(i − j), m = %s",
            "第 %d 个头的偏置 −m·(i − j)，m = %s", h, slopeText(slope)))
        .matrix(Alibi.bias(slope, SHOWN)).rowLabels(labels).columnLabels(labels)
        .axes(l.t("key j", "键 j"), l.t("query i", "查询 i")).colourBarLabel(l.t("bias", "偏置"));
    // Values in the cells while two decimals show them; gentler heads are read off the colour bar.
    return slope >= 0.1 ? plot.cellFormat("%.1f") : slope >= 0.01 ? plot.cellFormat("%.2f") : plot;
  }

  private static XyPlot slopePanel(double[] slopes, Lang l) {
    double[] h = new double[slopes.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = i;
    }
    return XyPlot.titled(l.t("Slopes m_h, one per head", "各头的斜率 m_h"))
        .axes(l.t("head h", "头 h"), "m_h").logY()
        .yRange(Math.pow(10, Math.floor(Math.log10(java.util.Arrays.stream(slopes).min().orElse(1) * 0.99))), 1)
        .line("m_h", h, slopes).hideLegend();
  }

  /** Bottom middle: one head's last-query weights by distance, at the training and a longer length. */
  private static XyPlot weightsPanel(double[] atTrain, double[] atTest, double[] noBias, int head,
      int train, int test, Lang l) {
    int shown = Math.min(test, 2 * train); // beyond the training length the weights are ~0
    double[] k = new double[shown];
    for (int i = 0; i < shown; i++) {
      k[i] = i;
    }
    return XyPlot.titled(l.f("Head %d: last query's weights", "第 %d 个头：最后一个查询的权重", head))
        .axes(l.t("distance i − j (keys back)", "距离 i − j（往前数的键）"), l.t("attention weight",
            "注意力权重"))
        .curve(l.f("length %d (trained)", "长度 %d（训练）", train), java.util.Arrays.copyOf(k, train),
            atTrain)
        .dashed(l.f("length %d", "长度 %d", test), k, java.util.Arrays.copyOf(atTest, shown))
        .colour(dev.bagu.plot.Theme.category(1))
        .curve(l.f("no bias, length %d", "不加偏置，长度 %d", test), k,
            java.util.Arrays.copyOf(noBias, shown)).colour(dev.bagu.plot.Theme.category(2))
        .verticalLine(train);
  }

  /** Bottom right: per head, the weight the last query puts beyond the training length. */
  private static BarPlot beyondPanel(double[] beyond, double noBias, int train, int test, Lang l) {
    List<String> names = new ArrayList<>();
    double[] none = new double[beyond.length];
    for (int h = 0; h < beyond.length; h++) {
      names.add(Integer.toString(h));
      none[h] = noBias;
    }
    return BarPlot.titled(l.f("Weight ≥ %d back, L = %d", "距离 ≥ %d 的权重，L = %d",
            train, test))
        .axes(l.t("head h", "头 h"), l.t("attention weight", "注意力权重")).yRange(0, 1)
        .categories(names).maxLabels(16)
        .bars("ALiBi", beyond).bars(l.t("no bias", "不加偏置"), none);
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new AlibiDemo(), args);
  }
}
