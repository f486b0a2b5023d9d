package dev.bagu.demos.inference;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demo.UserException;
import dev.bagu.demos.inference.GroupedQuery.Pooling;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.plot.Figure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** MQA / GQA: fewer KV heads, a smaller cache, and what mean-pooling a trained layer costs. */
public final class GqaDemo implements Demo {
  static final String AINSLIE = "Ainslie et al. 2023";
  /** Held-out sequences the errors and task losses are measured on. */
  static final int HELD_OUT = 8;
  /** Training steps of a preview: the pooled layers of a briefly trained one. */
  static final int PREVIEW_STEPS = 6;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("heads", 8, 2, 16, "query heads h of the trained multi-head layer "
          + "(d_k = d_v = 8 each)").powersOfTwo().zh("训练好的多头层的查询头数 h（每头 d_k = d_v = 8）"),
      Param.integer("kvheads", 2, 1, 16, "KV heads g for the grouped layer; must divide heads "
          + "(at most heads)").powersOfTwo().zh("分组后的 KV 头数 g；须整除 heads（不超过 heads）"),
      Param.integer("steps", 60, 0, 200, "full-batch Adam steps training the multi-head layer "
          + "(learning rate 0.05); 0 leaves it untrained").zh("训练多头层的全批量 Adam 步数"
          + "（学习率 0.05）；0 表示不训练"),
      Param.integer("tokens", 16, 6, 24, "tokens per sequence of the toy task")
          .zh("玩具任务每个序列的 token 数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("gqa", "MQA and GQA: fewer KV heads, a smaller cache", Section.INFERENCE,
        "MQA / GQA",
        "query heads share KV heads in groups; the cache shrinks by g/h, and mean-pooling a "
            + "trained multi-head layer's K, V projections costs output error that grows as g "
            + "falls")
        .zh("MQA 与 GQA：更少的 KV 头，更小的缓存",
            "查询头分组共用 KV 头，缓存缩小为 g/h；把训练好的多头层的 K、V 投影按组取平均，"
                + "g 越小输出误差越大");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  /** One grouped layer's error against the multi-head layer and its task loss, held out. */
  private record Scored(GroupedQuery.Error error, double loss) {}

  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    int h = p.integer("heads");
    int g = p.integer("kvheads");
    // A preview (the window, while a slider moves) trains the layer for at most 6 steps and
    // scores it on a quarter of the held-out sequences.
    int steps = p.preview() ? Math.min(p.integer("steps"), PREVIEW_STEPS) : p.integer("steps");
    int n = p.integer("tokens");
    if (g > h || h % g != 0) {
      throw new UserException("parameter kvheads = " + g + " does not divide heads = " + h
          + ": allowed a divisor of heads");
    }
    Lang l = p.lang();
    // Trained once per (seed, heads, tokens, steps) and memoised: see GqaTraining.trained.
    GqaTraining.Run run = GqaTraining.trained(p.seed(), h, n, steps);
    MultiHeadAttention mha = run.model();
    // Errors and task losses on held-out sequences of the same task.
    GqaTask heldOut = GqaTask.random(p.preview() ? HELD_OUT / 4 : HELD_OUT, n,
        Rng.stream(p.seed(), 4));
    List<double[][]> inputs = heldOut.inputs();
    List<MultiHeadAttention.Output> reference = inputs.stream().map(x -> mha.forward(x, true))
        .toList();
    double mhaLoss = GqaTraining.loss(heldOut, reference);

    int[] counts = GroupedQuery.kvHeadCounts(h);
    Map<Pooling, double[]> errors = new LinkedHashMap<>();
    Map<Pooling, double[]> losses = new LinkedHashMap<>();
    Map<Pooling, double[]> perHead = new LinkedHashMap<>();
    // Every (pooling, KV head count) layer on its own stream, so they are scored on both cores
    // and collected in order: the same numbers on any core count.
    Pooling[] poolings = Pooling.values();
    List<Scored> scored = IntStream.range(0, poolings.length * counts.length).parallel()
        .mapToObj(k -> {
          int i = k % counts.length;
          Rng rng = Rng.stream(p.seed(), 3, counts[i]); // only RANDOM draws from it
          MultiHeadAttention grouped = GroupedQuery.grouped(mha, counts[i],
              poolings[k / counts.length], rng);
          List<MultiHeadAttention.Output> outputs = inputs.stream()
              .map(x -> grouped.forward(x, true)).toList();
          return new Scored(GroupedQuery.error(reference, outputs),
              GqaTraining.loss(heldOut, outputs));
        }).toList();
    for (int pi = 0; pi < poolings.length; pi++) {
      double[] e = new double[counts.length];
      double[] loss = new double[counts.length];
      for (int i = 0; i < counts.length; i++) {
        Scored one = scored.get(pi * counts.length + i);
        e[i] = one.error().output();
        loss[i] = one.loss();
        if (counts[i] == g) {
          perHead.put(poolings[pi], one.error().perHead());
        }
      }
      errors.put(poolings[pi], e);
      losses.put(poolings[pi], loss);
    }
    GqaPanels panels = new GqaPanels(l, h, g, counts, errors, perHead);
    Figure figure = Figure.grid(info().title(l), 2, 3)
        .subtitle(l.f("trained layer: h = %d heads · d_k = d_v = %d · task: mix of the 3 tokens "
                + "before, %d sequences of %d tokens · %d Adam steps · seed %d",
            "训练好的层：h = %d 个头 · d_k = d_v = %d · 任务：前 3 个 token 的加权混合，"
                + "%d 个序列，每个 %d 个 token · Adam %d 步 · 种子 %d",
            h, GqaTraining.HEAD_DIM, GqaTraining.SEQUENCES, n, steps, p.seed()))
        .add(panels.cache())
        .add(panels.error())
        .add(panels.taskLoss(losses, mhaLoss, run.initialLoss()))
        .add(panels.training(run.loss(), mhaLoss))
        .add(panels.sharing())
        .add(panels.perHead());

    KvCacheSize.Model llama = KvCacheSize.model("Llama-2-70B");
    long llamaGqa = llama.bytesPerToken(KvCacheSize.FP16);
    long llamaMha = KvCacheSize.bytesPerToken(llama.layers(), llama.queryHeads(),
        llama.headDim(), KvCacheSize.FP16);
    int at = indexOf(counts, g);
    int mhaAt = 0; // counts start at h
    int mqaAt = counts.length - 1;
    Result result = Result.of(figure)
        .finding(Finding.of("cache_fraction_llama_2_70b", l.t(
                "Llama-2-70B cache, 8 KV heads / 64 (MHA)", "Llama-2-70B 缓存，8 个 KV 头 / 64 个（MHA）"),
            (double) llamaGqa / llamaMha, "").withReference(1.0 / 8,
            l.t("catalogue: 1/8 of MHA (Touvron et al. 2023)", "目录：MHA 的 1/8（Touvron 等 2023）"),
            0))
        .finding(Finding.of("cache_fraction", l.f("this layer's cache, %d KV heads / %d",
                "本层缓存，%d 个 KV 头 / %d 个", g, h),
            (double) KvCacheSize.bytesPerToken(1, g, GqaTraining.HEAD_DIM, 8)
                / KvCacheSize.bytesPerToken(1, h, GqaTraining.HEAD_DIM, 8), ""))
        .finding(Finding.of("loss_before_training", l.t("training loss before training",
                "训练前的训练损失"), run.initialLoss(), ""))
        .finding(Finding.of("loss_after_training", l.f("training loss after %d steps",
                "训练 %d 步后的训练损失", steps), run.finalLoss(), "")
            .withUpperBound(run.initialLoss(), l.t("below the loss before training",
                "低于训练前的损失")))
        .finding(Finding.of("loss_mha", l.t("held-out loss, MHA layer",
                "留出序列上的损失，MHA 层"), mhaLoss, ""))
        .finding(Finding.of("loss_mean_pooled", l.f("held-out loss at g = %d, mean-pooled",
                "g = %d 时留出序列上的损失，取平均", g), losses.get(Pooling.MEAN)[at], ""))
        .finding(Finding.of("error_at_mha", l.t("output error at g = h (MHA), mean-pooled",
                "g = h（MHA）时的输出误差，取平均"), errors.get(Pooling.MEAN)[mhaAt], "")
            .withReference(0, l.t("catalogue: groups of one head change nothing",
                "目录：每组只有一个头时什么都不变"), 1e-12))
        .finding(Finding.of("error_mean_pooled", l.f("output error at g = %d, mean-pooled",
                "g = %d 时的输出误差，取平均", g), errors.get(Pooling.MEAN)[at], ""))
        .finding(Finding.of("error_first_head", l.f("output error at g = %d, first head kept",
                "g = %d 时的输出误差，保留每组第一个头", g), errors.get(Pooling.FIRST)[at], ""))
        .finding(Finding.of("error_random", l.f("output error at g = %d, random K, V",
                "g = %d 时的输出误差，随机 K、V", g), errors.get(Pooling.RANDOM)[at], ""))
        .finding(Finding.of("error_mqa", l.t("output error at g = 1 (MQA), mean-pooled",
                "g = 1（MQA）时的输出误差，取平均"), errors.get(Pooling.MEAN)[mqaAt], ""));
    List<Integer> groups = new ArrayList<>();
    for (int i = 0; i < h; i++) {
      groups.add(GroupedQuery.kvHeadOf(i, h, g));
    }
    return result.data("kv_heads", counts)
        .data("error_mean_pooled", errors.get(Pooling.MEAN))
        .data("error_first_head", errors.get(Pooling.FIRST))
        .data("error_random", errors.get(Pooling.RANDOM))
        .data("loss_mean_pooled", losses.get(Pooling.MEAN))
        .data("loss_first_head", losses.get(Pooling.FIRST))
        .data("loss_random", losses.get(Pooling.RANDOM))
        .data("loss_mha", mhaLoss)
        .data("training_loss", run.loss())
        .data("cache_fraction", java.util.Arrays.stream(counts).mapToDouble(c -> (double) c / h)
            .toArray())
        .data("kv_head_of_query_head", groups)
        .data("llama_2_70b_bytes_per_token", panels.llamaBytes());
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalArgumentException(v + " not in the sweep");
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new GqaDemo(), args);
  }
}
