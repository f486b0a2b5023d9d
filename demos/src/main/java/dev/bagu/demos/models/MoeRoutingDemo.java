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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MoE 架构: a top-k router trained with and without the Switch load-balancing loss. */
public final class MoeRoutingDemo implements Demo {
  private static final String FEDUS = "Fedus et al. 2021, eq. 4";
  private static final String FEDUS_ZH = "Fedus 等 2021，式 (4)";
  /** Adam's learning rate: the router and linear experts settle within a few hundred steps. */
  private static final double LEARNING_RATE = 0.05;
  /** Checkpoints after step 0: the columns of the tokens-per-expert heatmaps. */
  private static final int CHECKPOINTS = 20;
  /**
   * A preview's checkpoints: each is a forward pass over all tokens. At 10 they were more work
   * than the preview's training (11 passes over 1,024 tokens against 30 steps of 256); at 5 the
   * heatmaps and curves have a column every 6 steps (a change of clusters: 16 → 11–13 ms).
   */
  private static final int PREVIEW_CHECKPOINTS = 5;

  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tokens", 1024, 64, 4096, "tokens in the batch the router splits").logScale()
          .zh("一个批次里由路由器分配的 token 数"),
      Param.integer("experts", 8, 2, 8, "experts N (up to 8, one colour each)")
          .zh("专家个数 N（最多 8 个，每个一种颜色）"),
      Param.integer("top-k", 1, 1, 2, "experts per token: 1 as in Switch, 2 as in GShard/Mixtral")
          .zh("每个 token 选几个专家：1 为 Switch，2 为 GShard/Mixtral"),
      Param.integer("clusters", 4, 1, 8,
          "token clusters, each with its own target; fewer than experts invites idle experts")
          .zh("token 簇数，每簇有自己的目标；比专家少时容易有专家闲置"),
      Param.real("capacity-factor", 1.25, 0.5, 4,
          "expert capacity = ⌈factor · k · tokens / experts⌉; choices past it are dropped")
          .zh("专家容量 = ⌈因子 · k · token 数 / 专家数⌉；超出容量的 token 被丢弃"),
      Param.real("alpha", 0.01, 0.001, 1, "weight α of the balancing loss (Switch: 0.01)")
          .logScale().zh("负载均衡损失的权重 α（Switch 取 0.01）"),
      Param.integer("steps", 300, 10, 3000, "Adam steps of training, 256 tokens each").logScale()
          .zh("Adam 训练步数，每步 256 个 token"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("moe-routing", "Mixture of experts: top-k routing and load balancing",
        Section.MODELS, "MoE 架构",
        "A trained top-k router overloads some experts and idles others; the Switch balancing "
            + "loss α·N·Σ f_i·P_i spreads the tokens and cuts the tokens dropped at capacity")
        .zh("混合专家：top-k 路由与负载均衡",
            "训练出的 top-k 路由器会让一些专家过载、另一些闲置；Switch 的负载均衡损失 "
                + "α·N·Σ f_i·P_i 把 token 摊开，减少超出容量被丢弃的 token");
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
    int tokens = p.integer("tokens");
    int experts = p.integer("experts");
    int topK = p.integer("top-k");
    int clusters = p.integer("clusters");
    double factor = p.real("capacity-factor");
    double alpha = p.real("alpha");
    // A preview (the window, while a slider moves) trains for at most 30 steps.
    int steps = p.preview() ? Math.min(p.integer("steps"), 30) : p.integer("steps");
    Lang l = p.lang();
    MoeTraining.Task task = MoeTraining.task(tokens, clusters, Rng.stream(p.seed(), 1));
    int capacity = LoadBalancing.capacity(factor, topK, tokens, experts);
    int checkpoints = p.preview() ? PREVIEW_CHECKPOINTS : CHECKPOINTS;
    List<MoeTraining.Run> runs = TRAINED.get(
        List.of(tokens, experts, topK, clusters, factor, alpha, steps, checkpoints, p.seed()),
        () -> train(task, experts, topK, factor, alpha, steps, checkpoints, p.seed()));
    MoeTraining.Run plain = runs.get(0);
    MoeTraining.Run balanced = runs.get(1);

    int whole = experts * Math.max(1, tokens / experts);
    LoadBalancing.Routing uniform = LoadBalancing.uniform(whole, experts);
    LoadBalancing.Routing collapsed = LoadBalancing.collapsed(tokens, experts);
    double uniformLoss = LoadBalancing.loss(uniform.probs(), uniform.chosen(), alpha);
    double collapsedLoss = LoadBalancing.loss(collapsed.probs(), collapsed.chosen(), alpha);

    String without = l.t("no balancing loss", "不加均衡损失");
    String with = l.f("balancing loss α = %s", "均衡损失 α = %s", num(alpha));
    double[] factors = factorGrid();
    double[][] dropCurves = {dropCurve(plain, experts, topK, tokens, factors),
        dropCurve(balanced, experts, topK, tokens, factors)};
    int maxLoad = Math.max(max(plain.history().load()), max(balanced.history().load()));
    Figure figure = Figure.grid(info().title(l), 3, 2).preferredSize(1700, 1500)
        .subtitle(l.f("%d tokens · %d experts · top-%d · %s · capacity %d "
                + "(factor %s) · %d Adam steps of %d tokens · seed %d",
            "%d 个 token · %d 个专家 · top-%d · %s 个簇 · 容量 %d（因子 %s）· %d 步 Adam，每步 %d 个 token"
                + " · 种子 %d",
            tokens, experts, topK, l.count(clusters, "cluster", "clusters"), capacity,
            num(factor), steps,
            Math.min(MoeTraining.MINI_BATCH, tokens), p.seed()))
        .add(MoePanels.loadPanel(plain, l.t("Tokens per expert, ", "每个专家的 token 数，") + without,
            maxLoad, capacity, l))
        .add(MoePanels.loadPanel(balanced, l.t("Tokens per expert, ", "每个专家的 token 数，") + with,
            maxLoad, capacity, l))
        .add(MoePanels.choicePanel(task, plain, l.t("Router's choice, ", "路由器的选择，") + without, l))
        .add(MoePanels.choicePanel(task, balanced, l.t("Router's choice, ", "路由器的选择，") + with, l))
        .add(MoePanels.dropPanel(factors, dropCurves, factor, without, with, l))
        .add(MoePanels.balancePanel(plain, balanced, alpha, experts, without, with, l));

    Result result = Result.of(figure);
    String fedus = l.t(FEDUS, FEDUS_ZH);
    boolean catalogueCase = tokens == 1024 && experts == 8 && factor == 1.25 && topK == 1;
    Finding capacityFinding = Finding.of("capacity", l.t("expert capacity ⌈factor·k·T/N⌉",
        "专家容量 ⌈因子·k·T/N⌉"), capacity, l.t("tokens", "个 token"));
    if (catalogueCase) {
      capacityFinding = capacityFinding.withReference(160,
          l.t("Fedus et al. 2021, §2.2: 1024 tokens, 8 experts, factor 1.25",
              "Fedus 等 2021，§2.2：1024 个 token、8 个专家、因子 1.25"), 0);
    }
    result.finding(Finding.of("balance_loss_uniform", l.t("balancing loss, uniform routing",
            "均衡损失，完全均匀路由"), uniformLoss, "")
            .withReference(alpha, fedus + l.t(" (= α)", "（= α）"), 1e-12 * experts))
        .finding(Finding.of("balance_loss_collapse", l.t("balancing loss, total collapse",
            "均衡损失，全部塌缩到一个专家"), collapsedLoss, "")
            .withReference(alpha * experts, fedus + l.t(" (= α·N)", "（= α·N）"), 1e-12 * experts))
        .finding(capacityFinding)
        .finding(Finding.of("dropped_share_without", l.t("choices dropped, without balancing loss",
            "被丢弃的分配，不加均衡损失"), plain.last().droppedShare(), ""))
        .finding(Finding.of("dropped_share_with", l.t("choices dropped, with balancing loss",
            "被丢弃的分配，加均衡损失"), balanced.last().droppedShare(), ""))
        .finding(Finding.of("idle_experts_without", l.t("idle experts, without balancing loss",
            "闲置专家数，不加均衡损失"), idle(plain, experts), ""))
        .finding(Finding.of("idle_experts_with", l.t("idle experts, with balancing loss",
            "闲置专家数，加均衡损失"), idle(balanced, experts), ""))
        .finding(Finding.of("balance_loss_without", l.t("final balancing loss, without it",
            "训练结束时的均衡损失，不加它"), last(plain.history().balanceLoss()), ""))
        .finding(Finding.of("balance_loss_with", l.t("final balancing loss, with it",
            "训练结束时的均衡损失，加它"), last(balanced.history().balanceLoss()), ""))
        .finding(Finding.of("task_loss_without", l.t("final task loss, without balancing loss",
            "训练结束时的任务损失，不加均衡损失"), last(plain.history().taskLoss()), ""))
        .finding(Finding.of("task_loss_with", l.t("final task loss, with balancing loss",
            "训练结束时的任务损失，加均衡损失"), last(balanced.history().taskLoss()), ""));
    return result.data("capacity", capacity)
        .data("without", runData(plain, experts))
        .data("with", runData(balanced, experts))
        .data("capacity_factors", factors)
        .data("dropped_share_against_factor_without", dropCurves[0])
        .data("dropped_share_against_factor_with", dropCurves[1])
        .data("token_cluster", task.cluster());
  }

  /**
   * Trained pairs (without, with the balancing loss) of the last few settings, keyed by every
   * input of {@link #train} (the task is fixed by tokens, clusters and seed): a rerun at the same
   * setting (the window redrawing, a new language) skips the training, by far the largest cost of
   * a run. The runs are not changed after training.
   */
  private static final Memo<Object, List<MoeTraining.Run>> TRAINED = new Memo<>(4);

  private static List<MoeTraining.Run> train(MoeTraining.Task task, int experts, int topK,
      double factor, double alpha, int steps, int checkpoints, long seed) {
    // Both runs start from the same router and experts (the same stream): only the balancing
    // loss differs. They are independent, so they train side by side on two cores.
    return List.copyOf(java.util.stream.IntStream.range(0, 2).parallel()
        .mapToObj(r -> MoeTraining.train(task, experts, topK, factor, r == 0 ? 0 : alpha, alpha,
            steps, checkpoints, LEARNING_RATE, Rng.stream(seed, 2)))
        .collect(java.util.stream.Collectors.toList()));
  }

  /** Capacity factors 0.25 to 4 for the dropped-share curves. */
  private static double[] factorGrid() {
    double[] f = new double[32];
    for (int i = 0; i < f.length; i++) {
      f[i] = 0.25 + i * (4 - 0.25) / (f.length - 1);
    }
    return f;
  }

  /** Dropped share of a trained router's final choices at each capacity factor. */
  private static double[] dropCurve(MoeTraining.Run run, int experts, int topK, int tokens,
      double[] factors) {
    double[] d = new double[factors.length];
    for (int i = 0; i < factors.length; i++) {
      d[i] = LoadBalancing.droppedShare(run.last().chosen(), experts,
          LoadBalancing.capacity(factors[i], topK, tokens, experts));
    }
    return d;
  }

  private static int max(int[][] a) {
    return Arrays.stream(a).flatMapToInt(Arrays::stream).max().orElse(1);
  }

  private static double last(double[] a) {
    return a[a.length - 1];
  }

  private static int idle(MoeTraining.Run run, int experts) {
    return (int) Arrays.stream(run.last().load(experts)).filter(c -> c == 0).count();
  }

  private static String num(double v) {
    return dev.bagu.plot.Numbers.readable(v);
  }

  private static Map<String, Object> runData(MoeTraining.Run run, int experts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tokens_per_expert", run.last().load(experts));
    m.put("dropped_share", run.last().droppedShare());
    m.put("first_choice", Arrays.stream(run.last().chosen()).mapToInt(c -> c[0]).toArray());
    m.put("checkpoint_steps", run.history().steps());
    m.put("tokens_per_expert_by_checkpoint", run.history().load());
    m.put("dropped_share_by_checkpoint", run.history().dropped());
    m.put("balance_loss_by_checkpoint", run.history().balanceLoss());
    m.put("task_loss_by_checkpoint", run.history().taskLoss());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new MoeRoutingDemo(), args);
  }
}
