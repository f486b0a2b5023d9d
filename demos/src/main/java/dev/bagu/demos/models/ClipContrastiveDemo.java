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
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Numbers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** 多模态模型（CLIP）: symmetric InfoNCE on a toy paired batch, with a learnable temperature. */
public final class ClipContrastiveDemo implements Demo {
  private static final String RADFORD = "Radford et al. 2021, §2.5";
  private static final String RADFORD_ZH = "Radford 等 2021，§2.5";
  /** CLIP's initial temperature (Radford et al. 2021, §2.5). */
  private static final double CLIP_TEMPERATURE = 0.07;
  private static final int IMAGES_PER_CLASS = 20;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("batch", 32, 4, 128, "pairs per batch N: each image has N − 1 wrong texts")
          .logScale().zh("每批的图文对数 N：每张图有 N − 1 个错误文本"),
      Param.integer("steps", 300, 10, 2000, "Adam steps, each on a fresh batch").logScale()
          .zh("Adam 训练步数，每步一批新数据"),
      Param.integer("embedding", 8, 2, 32, "embedding dimension d of the shared space")
          .zh("共享空间的嵌入维度 d"),
      Param.real("temperature", CLIP_TEMPERATURE, 0.01, 1,
          "initial temperature τ (logit scale 1/τ); CLIP starts at 0.07").logScale()
          .zh("初始温度 τ（logit 缩放 1/τ）；CLIP 从 0.07 开始"),
      Param.real("noise", 0.1, 0, 1, "noise added to every image and caption feature")
          .zh("加到每个图像和文本特征上的噪声"),
      Param.integer("classes", 10, 2, 50, "held-out classes for zero-shot classification")
          .zh("零样本分类用的留出类别数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("clip-contrastive", "CLIP: contrastive image–text training",
        Section.MODELS, "多模态模型（CLIP）",
        "Two encoders trained with CLIP's symmetric InfoNCE loss light up the diagonal of the "
            + "image–text similarity matrix and classify unseen classes by their captions")
        .zh("CLIP：图文对比学习",
            "用 CLIP 的对称 InfoNCE 损失训练两个编码器：图文相似度矩阵的对角线被点亮，"
                + "没见过的类别也能靠文本描述分类");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** Less work while a slider moves in the window: see the preview counts in {@link #run}. */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int batch = p.integer("batch");
    // A preview (the window, while a slider moves) trains for at most 30 steps.
    int steps = p.preview() ? Math.min(p.integer("steps"), 30) : p.integer("steps");
    int embedding = p.integer("embedding");
    double temperature = p.real("temperature");
    double noise = p.real("noise");
    int classes = p.integer("classes");
    Lang l = p.lang();
    // The untrained model (cheap to build); the trained one is the same start after training.
    ClipTraining untrained = new ClipTraining(embedding, noise, temperature,
        Rng.stream(p.seed(), 1));
    ClipTraining.Pairs fixed = untrained.pairs(batch, Rng.stream(p.seed(), 2));
    ClipTraining.ZeroShotSet zeroShot = untrained.zeroShotSet(classes, IMAGES_PER_CLASS,
        Rng.stream(p.seed(), 3));

    double initialScale = untrained.logitScale();
    double[][] imagesBefore = untrained.embedImages(fixed.images());
    double[][] textsBefore = untrained.embedTexts(fixed.texts());
    double lossBefore = ClipLoss.loss(imagesBefore, textsBefore, Math.log(initialScale));
    double accuracyBefore = untrained.zeroShotAccuracy(zeroShot);
    Trained trained = TRAINED.get(List.of(batch, steps, embedding, temperature, noise, p.seed()),
        () -> train(batch, steps, embedding, temperature, noise, p.seed()));
    ClipTraining model = trained.model();
    ClipTraining.History history = trained.history();
    double[][] imagesAfter = model.embedImages(fixed.images());
    double[][] textsAfter = model.embedTexts(fixed.texts());
    double finalScale = model.logitScale();
    double lossAfter = ClipLoss.loss(imagesAfter, textsAfter, Math.log(finalScale));
    double accuracyAfter = model.zeroShotAccuracy(zeroShot);

    // Every embedding the same vector: all logits equal, each softmax uniform over N.
    double[][] same = new double[batch][embedding];
    for (double[] row : same) {
      row[0] = 1;
    }
    double identicalLoss = ClipLoss.loss(same, same, Math.log(initialScale));

    double[][] cosBefore = cosines(imagesBefore, textsBefore);
    double[][] cosAfter = cosines(imagesAfter, textsAfter);
    double[] taus = temperatureGrid();
    double[] lossTauBefore = lossAgainstTemperature(cosBefore, taus);
    double[] lossTauAfter = lossAgainstTemperature(cosAfter, taus);

    Figure figure = Figure.grid(info().title(l), 2, 3).preferredSize(1900, 1150)
        .subtitle(l.f("batch N = %d · %d Adam steps · d = %d · τ₀ = %s · noise %s · %d held-out "
                + "classes · seed %d",
            "批大小 N = %d · %d 步 Adam · d = %d · τ₀ = %s · 噪声 %s · %d 个留出类别 · 种子 %d",
            batch, steps, embedding, Numbers.readable(temperature), Numbers.readable(noise),
            classes, p.seed()))
        .add(ClipPanels.similarityPanel(cosBefore, l.t("Cosine similarity, before training",
            "训练前的余弦相似度"), l))
        .add(ClipPanels.similarityPanel(cosAfter, l.t("Cosine similarity, after training",
            "训练后的余弦相似度"), l))
        .add(ClipPanels.lossPanel(history, batch, l))
        .add(ClipPanels.temperaturePanel(taus, lossTauBefore, lossTauAfter, batch, temperature,
            1 / finalScale, l))
        .add(ClipPanels.zeroShotPanel(accuracyBefore, accuracyAfter, classes, l))
        .add(ClipPanels.scalePanel(history, initialScale, l));

    Result result = Result.of(figure);
    String radford = l.t(RADFORD, RADFORD_ZH);
    Finding initial = Finding.of("logit_scale_initial", l.t("initial logit scale 1/τ",
        "初始 logit 缩放 1/τ"), initialScale, "");
    if (temperature == CLIP_TEMPERATURE) {
      initial = initial.withReference(1 / CLIP_TEMPERATURE,
          radford + l.t(": τ initialised at 0.07", "：τ 初始化为 0.07"), 1e-9);
    }
    result.finding(Finding.of("loss_identical", l.t("loss when every embedding is identical",
            "所有嵌入都相同时的损失"), identicalLoss, l.t("nats", "奈特"))
            .withReference(Math.log(batch), l.t("ln N: a uniform softmax over N",
                "ln N：对 N 个的均匀 softmax"), 1e-12))
        .finding(initial)
        .finding(Finding.of("logit_scale_final", l.t("learned logit scale 1/τ",
            "学到的 logit 缩放 1/τ"), finalScale, "")
            .withUpperBound(100, radford + l.t(": clipped at 100", "：上限截断为 100")))
        .finding(Finding.of("loss_before", l.t("loss of a fixed batch, before training",
            "固定批次的损失，训练前"), lossBefore, l.t("nats", "奈特")))
        .finding(Finding.of("loss_after", l.t("loss of a fixed batch, after training",
            "固定批次的损失，训练后"), lossAfter, l.t("nats", "奈特")))
        .finding(Finding.of("diagonal_cosine", l.t("mean cosine of true pairs, after training",
            "训练后真实配对的平均余弦"), meanDiagonal(cosAfter, true), ""))
        .finding(Finding.of("off_diagonal_cosine", l.t("mean cosine of wrong pairs, after training",
            "训练后错误配对的平均余弦"), meanDiagonal(cosAfter, false), ""))
        .finding(Finding.of("zero_shot_accuracy", l.t("zero-shot accuracy, trained",
            "零样本准确率，训练后"), accuracyAfter, ""))
        .finding(Finding.of("zero_shot_accuracy_untrained", l.t("zero-shot accuracy, untrained",
            "零样本准确率，训练前"), accuracyBefore, ""))
        .finding(Finding.of("zero_shot_chance", l.t("chance 1/classes", "随机猜 1/类别数"),
            1.0 / classes, ""));
    Map<String, Object> zero = new LinkedHashMap<>();
    zero.put("classes", classes);
    zero.put("images_per_class", IMAGES_PER_CLASS);
    zero.put("accuracy_untrained", accuracyBefore);
    zero.put("accuracy_trained", accuracyAfter);
    zero.put("chance", 1.0 / classes);
    return result.data("similarity_before", cosBefore)
        .data("similarity_after", cosAfter)
        .data("loss_by_step", history.loss())
        .data("logit_scale_by_step", history.logitScale())
        .data("temperatures", taus)
        .data("loss_against_temperature_untrained", lossTauBefore)
        .data("loss_against_temperature_trained", lossTauAfter)
        .data("zero_shot", zero);
  }

  /** A trained model and its history (the model is not changed after training). */
  private record Trained(ClipTraining model, ClipTraining.History history) {}

  /**
   * Trained models of the last few settings, keyed by every input of {@link #train}: a rerun at
   * the same setting (the window redrawing, a new language, another number of held-out classes)
   * skips the training, by far the largest cost of a run.
   */
  private static final Memo<Object, Trained> TRAINED = new Memo<>(4);

  private static Trained train(int batch, int steps, int embedding, double temperature,
      double noise, long seed) {
    ClipTraining model = new ClipTraining(embedding, noise, temperature, Rng.stream(seed, 1));
    ClipTraining.History history = model.train(steps, batch, Rng.stream(seed, 4));
    return new Trained(model, history);
  }

  static double[][] cosines(double[][] images, double[][] texts) {
    double[][] c = new double[images.length][texts.length];
    for (int i = 0; i < images.length; i++) {
      for (int j = 0; j < texts.length; j++) {
        c[i][j] = ClipLoss.dot(images[i], texts[j]);
      }
    }
    return c;
  }

  private static double meanDiagonal(double[][] c, boolean diagonal) {
    double s = 0;
    int n = 0;
    for (int i = 0; i < c.length; i++) {
      for (int j = 0; j < c.length; j++) {
        if ((i == j) == diagonal) {
          s += c[i][j];
          n++;
        }
      }
    }
    return s / n;
  }

  /** τ from 0.003 to 3, evenly in log. */
  private static double[] temperatureGrid() {
    double[] t = new double[61];
    for (int i = 0; i < t.length; i++) {
      t[i] = 0.003 * Math.pow(1000, (double) i / (t.length - 1));
    }
    return t;
  }

  /** The loss at each τ, from the cosines computed once (logit scale exp(ln(1/τ)), as in t). */
  private static double[] lossAgainstTemperature(double[][] cosines, double[] taus) {
    return Arrays.stream(taus).map(tau -> ClipLoss.lossOfCosines(cosines,
        Math.exp(Math.log(1 / tau)))).toArray();
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new ClipContrastiveDemo(), args);
  }
}
