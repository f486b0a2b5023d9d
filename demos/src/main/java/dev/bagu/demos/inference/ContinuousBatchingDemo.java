package dev.bagu.demos.inference;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.inference.BatchScheduler.Policy;
import dev.bagu.demos.inference.RequestStream.Request;
import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import dev.bagu.plot.Figure;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** vLLM / TGI: static against iteration-level (continuous) batching on one request stream. */
public final class ContinuousBatchingDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("slots", 8, 1, 32, "batch slots (sequences run at once)").logScale()
          .zh("批的槽位数（同时运行的序列数）"),
      Param.integer("requests", 48, 4, 200, "requests in the stream").logScale()
          .zh("请求流中的请求数"),
      Param.integer("mean-output", 48, 2, 256, "mean output length in tokens (geometric)")
          .logScale().zh("平均输出长度（token 数，几何分布）"),
      Param.real("rate", 0.15, 0.01, 4, "requests arriving per decoding step").logScale()
          .zh("每个解码步到达的请求数"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("continuous-batching", "Continuous batching: no slot waits for the "
        + "longest request", Section.INFERENCE, "vLLM / TGI",
        "static batches run until their longest request ends; scheduling at every iteration "
            + "refills a slot as soon as it frees: more throughput, lower latency, same tokens")
        .zh("连续批处理：槽位不再等最长的请求",
            "静态批要等批里最长的请求结束；每一步都调度，槽位一空就补上新请求："
                + "吞吐更高，延迟更低，生成的 token 相同");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  @Override
  public Result run(Params p) {
    int slots = p.integer("slots");
    int meanOutput = p.integer("mean-output");
    Lang l = p.lang();
    // Prompt lengths do not change the schedule here (a prompt is read in its request's first
    // step); the cap only has to let every output length through.
    List<Request> requests = RequestStream.generate(p.integer("requests"), p.real("rate"), 1, 1,
        meanOutput, 1 + 20 * meanOutput, Rng.stream(p.seed(), 1));
    BatchScheduler fixed = new BatchScheduler(Policy.STATIC, requests, slots);
    BatchScheduler continuous = new BatchScheduler(Policy.CONTINUOUS, requests, slots);
    ContinuousBatchingPanels panels = new ContinuousBatchingPanels(l,
        Math.max(fixed.steps(), continuous.steps()));
    double[] latFixed = fixed.latencies(requests);
    double[] latContinuous = continuous.latencies(requests);

    Figure figure = Figure.grid(info().title(l), 2, 2)
        .subtitle(l.f("%d requests · %.2f arriving per step · outputs mean %d tokens · %s "
                + "· one token per running request per step · seed %d",
            "%d 个请求 · 每步到达 %.2f 个 · 输出平均 %d 个 token · %s 个槽位 · 每个运行中的请求每步"
                + "生成一个 token · 种子 %d", requests.size(), p.real("rate"), meanOutput,
            l.count(slots, "slot", "slots"),
            p.seed()))
        .add(panels.gantt(fixed, l.t("Static batching: a batch runs until its longest request "
            + "ends", "静态批处理：一批要等最长的请求结束")))
        .add(panels.gantt(continuous, l.t("Continuous batching: a free slot is refilled at "
            + "the next step", "连续批处理：槽位一空，下一步就补上")))
        .add(panels.latency(latFixed, latContinuous))
        .add(panels.queue(fixed, continuous));

    String steps = l.t("steps", "步");
    String perStep = l.t("tokens/step", "token/步");
    Result result = Result.of(figure)
        .finding(Finding.of("requests_with_different_tokens", l.t(
                "requests whose token count differs between the two", "两种方式生成 token 数不同的请求"),
            differing(fixed, continuous, requests), "").withReference(0,
            l.t("catalogue: same requests served", "目录：服务的请求相同")))
        .finding(Finding.of("idle_slot_steps_waiting_continuous", l.t(
                "slot-steps idle while a request waited, continuous",
                "有请求在等时空闲的槽位·步数，连续批处理"),
            continuous.idleSlotStepsWithWaiting(), "").withReference(0,
            l.t("catalogue: continuous batching never idles a slot while requests wait",
                "目录：连续批处理在有请求等待时从不空着槽位")))
        .finding(Finding.of("idle_slot_steps_waiting_static", l.t(
                "slot-steps idle while a request waited, static",
                "有请求在等时空闲的槽位·步数，静态批处理"), fixed.idleSlotStepsWithWaiting(), ""))
        .finding(Finding.of("throughput_static", l.t("throughput, static", "吞吐，静态批处理"),
            fixed.throughput(), perStep))
        .finding(Finding.of("throughput_continuous", l.t("throughput, continuous",
            "吞吐，连续批处理"), continuous.throughput(), perStep))
        .finding(Finding.of("throughput_ratio", l.t("throughput, continuous / static",
            "吞吐之比，连续 / 静态"), continuous.throughput() / fixed.throughput(), "×"))
        .finding(Finding.of("latency_mean_static", l.t("mean latency, static",
            "平均延迟，静态批处理"), mean(latFixed), steps))
        .finding(Finding.of("latency_mean_continuous", l.t("mean latency, continuous",
            "平均延迟，连续批处理"), mean(latContinuous), steps))
        .finding(Finding.of("latency_p95_static", l.t("p95 latency, static",
            "p95 延迟，静态批处理"), p95(latFixed), steps))
        .finding(Finding.of("latency_p95_continuous", l.t("p95 latency, continuous",
            "p95 延迟，连续批处理"), p95(latContinuous), steps))
        .finding(Finding.of("utilisation_static", l.t("slot utilisation, static",
            "槽位利用率，静态批处理"), fixed.utilisation(), ""))
        .finding(Finding.of("utilisation_continuous", l.t("slot utilisation, continuous",
            "槽位利用率，连续批处理"), continuous.utilisation(), ""));
    return result.data("static", scheduleData(fixed, latFixed))
        .data("continuous", scheduleData(continuous, latContinuous))
        .data("requests", requests);
  }

  /** Requests that got a different number of tokens in the two runs, or not their output. */
  static int differing(BatchScheduler a, BatchScheduler b, List<Request> requests) {
    int[] ta = new int[requests.size()];
    int[] tb = new int[requests.size()];
    a.runs().forEach(r -> ta[r.request()] += r.tokens());
    b.runs().forEach(r -> tb[r.request()] += r.tokens());
    int differ = 0;
    for (Request r : requests) {
      differ += ta[r.id()] == tb[r.id()] && ta[r.id()] == r.output() ? 0 : 1;
    }
    return differ;
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElse(0);
  }

  /** Nearest-rank 95th percentile: the ⌈0.95 n⌉-th smallest value. */
  static double p95(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(0.95 * s.length) - 1];
  }

  private static Map<String, Object> scheduleData(BatchScheduler s, double[] latency) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("steps", s.steps());
    m.put("runs", s.runs());
    m.put("latency", latency);
    m.put("idle_slots_while_waiting", s.idleWhileWaiting());
    return m;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new ContinuousBatchingDemo(), args);
  }
}
