package dev.bagu.demos.python;

import dev.bagu.cli.Bagu;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Finding;
import dev.bagu.demo.Param;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.Section;
import dev.bagu.demos.python.ConcurrencyModes.Kind;
import dev.bagu.demos.python.ConcurrencyModes.Mode;
import dev.bagu.demos.python.ConcurrencyModes.Run;
import dev.bagu.demos.python.ConcurrencyModes.Span;
import dev.bagu.i18n.Lang;
import dev.bagu.plot.BarPlot;
import dev.bagu.plot.DrawingPanel;
import dev.bagu.plot.Figure;
import dev.bagu.plot.Theme;
import dev.bagu.plot.Ticks;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** 线程 / 进程, 同步 / 异步: the same IO- and CPU-bound tasks run five ways, on a timeline. */
public final class ConcurrencyDemo implements Demo {
  private static final List<Param<?>> PARAMS = List.of(
      Param.integer("tasks", 4, 1, 8, "tasks of each kind")
          .zh("每种任务的个数"),
      Param.integer("io-ms", 8, 1, 100, "how long each IO-bound task waits (ms)")
          .zh("每个 IO 密集型任务等待的时间（ms）"),
      Param.integer("cpu-ms", 5, 1, 50, "CPU time each CPU-bound task computes (ms)")
          .zh("每个 CPU 密集型任务计算所用的 CPU 时间（ms）"),
      Param.integer("workers", 2, 1, 4,
          "worker processes (each a fresh JVM, as multiprocessing starts fresh interpreters)")
          .zh("工作进程数（每个都是新启动的 JVM，就像 multiprocessing 启动新的解释器）"));

  @Override
  public DemoInfo info() {
    return new DemoInfo("concurrency", "Threads, processes, async: who overlaps what",
        Section.PYTHON, "线程 / 进程, 同步 / 异步",
        "Threads and async overlap waits; under a GIL only processes overlap computation, at a "
            + "start-up cost")
        .zh("线程、进程与异步：谁和谁能重叠",
            "线程和异步能让等待重叠；有 GIL 时只有多进程能让计算并行，代价是启动开销");
  }

  @Override
  public List<Param<?>> params() {
    return PARAMS;
  }

  static String modeName(Mode m, Lang l) {
    return switch (m) {
      case SEQUENTIAL -> l.t("sequential", "顺序执行");
      case THREADS -> l.t("threads (no lock)", "多线程（无锁）");
      case GIL_THREADS -> l.t("threads + GIL model", "多线程 + GIL 模型");
      case PROCESSES -> l.t("processes", "多进程");
      case ASYNC -> l.t("async event loop", "异步事件循环");
    };
  }

  /** Short names for the bar chart's categories. */
  static String shortName(Mode m, Lang l) {
    return switch (m) {
      case SEQUENTIAL -> l.t("sequential", "顺序");
      case THREADS -> l.t("threads", "线程");
      case GIL_THREADS -> "GIL";
      case PROCESSES -> l.t("processes", "进程");
      case ASYNC -> l.t("async", "异步");
    };
  }

  /**
   * A preview times nothing: every measurement waits real milliseconds (4 × 8 ms of sequential
   * waits alone at the defaults, 800 ms at the top of the sliders), so while a slider moves the
   * figure shows the deterministic schedule model at the new setting, as {@code --no-times} does,
   * and says so; the measured timelines come when the slider is released.
   */
  @Override
  public boolean hasPreview() {
    return true;
  }

  @Override
  public Result run(Params p) {
    Lang l = p.lang();
    int tasks = p.integer("tasks");
    int io = p.integer("io-ms");
    int cpu = p.integer("cpu-ms");
    int workers = p.integer("workers");
    // A preview (a slider being dragged in the window) measures nothing: the model's timelines
    // stand in for the runs, the subtitle says "not measured", and its findings are the model's
    // speed-ups, labelled so and not marked measured (no start-up ones: the model assumes that).
    boolean timed = !p.preview();
    Measured runs = timed ? measure(tasks, io, cpu, workers)
        : new Measured(model(Kind.IO, tasks, io, workers), model(Kind.CPU, tasks, cpu, workers));
    Map<Mode, Run> ioRuns = runs.io();
    Map<Mode, Run> cpuRuns = runs.cpu();
    boolean measured = p.showTimes() && timed;
    Map<Mode, Run> ioShown = measured ? ioRuns : model(Kind.IO, tasks, io, workers);
    Map<Mode, Run> cpuShown = measured ? cpuRuns : model(Kind.CPU, tasks, cpu, workers);
    double startup = cpuShown.get(Mode.PROCESSES).startupMillis();
    String what = measured ? l.t("measured on this machine (process start-up: once per session)",
        "本机实测（进程启动：每个会话一次）")
        : l.f("deterministic model (%d cores, %.0f ms process start-up), not measured",
            "确定性模型（%d 核，进程启动 %.0f ms），非实测", ScheduleModel.CORES,
            ScheduleModel.STARTUP_MILLIS);

    List<String> modes = new ArrayList<>();
    double[] ioWall = new double[Mode.values().length];
    double[] cpuWall = new double[Mode.values().length];
    double[] startupBar = new double[Mode.values().length]; // only processes pay one (NaN: no bar)
    java.util.Arrays.fill(startupBar, Double.NaN);
    startupBar[Mode.PROCESSES.ordinal()] = startup;
    for (Mode m : Mode.values()) {
      modes.add(shortName(m, l));
      ioWall[m.ordinal()] = ioShown.get(m).wallMillis();
      cpuWall[m.ordinal()] = cpuShown.get(m).wallMillis();
    }
    Figure figure = Figure.grid(info().title(l), 1, 3).preferredSize(1800, 1000)
        .subtitle(l.f("%d IO-bound tasks (wait %d ms) and %d CPU-bound tasks (compute %d ms) · "
            + "%d worker processes · %s", "%d 个 IO 密集型任务（各等待 %d ms）和 %d 个 CPU 密集型"
            + "任务（各计算 %d ms）· %d 个工作进程 · %s", tasks, io, tasks, cpu, workers, what))
        .add(DrawingPanel.titled(l.t("IO-bound tasks: each task's start → end",
            "IO 密集型任务：每个任务从开始到结束"), (g, a) -> gantt(g, a, ioShown, l)))
        .add(DrawingPanel.titled(l.t("CPU-bound tasks: each task's start → end",
            "CPU 密集型任务：每个任务从开始到结束"), (g, a) -> gantt(g, a, cpuShown, l)))
        .add(BarPlot.titled(measured ? l.t("Wall time per mode (measured)", "各方式的总耗时（实测）")
                : l.t("Wall time per mode (model)", "各方式的总耗时（模型）"))
            .axes(l.t("mode", "执行方式"), l.t("wall time (ms, log scale)", "总耗时（ms，对数刻度）"))
            .categories(modes).maxLabels(5).logY().yRange(decadeBelow(ioWall, cpuWall),
                ceilingAbove(ioWall, cpuWall, startupBar))
            .bars(l.t("IO-bound", "IO 密集型"), ioWall)
            .bars(l.t("CPU-bound", "CPU 密集型"), cpuWall)
            .bars(l.t("process start-up (paid once)", "进程启动（只付一次）"), startupBar));

    double seqIo = ioRuns.get(Mode.SEQUENTIAL).wallMillis();
    double seqCpu = cpuRuns.get(Mode.SEQUENTIAL).wallMillis();
    Run procCpu = cpuRuns.get(Mode.PROCESSES);
    int machineCores = timed ? Runtime.getRuntime().availableProcessors() : ScheduleModel.CORES;
    int cores = Math.min(tasks, machineCores);
    String ideal = l.t("ideal: every wait overlaps", "理想情况：所有等待都重叠");
    String model = timed ? "" : l.t(" (model)", "（模型）");
    List<Finding> found = List.of(
        speedup("io_speedup_threads", l.t("IO-bound speed-up, threads",
            "IO 密集型加速比，多线程"), seqIo / ioRuns.get(Mode.THREADS).wallMillis(), tasks,
            ideal),
        speedup("io_speedup_gil_threads", l.t("IO-bound speed-up, threads + GIL model",
            "IO 密集型加速比，多线程 + GIL 模型"), seqIo / ioRuns.get(Mode.GIL_THREADS)
            .wallMillis(), tasks, l.t("waiting releases the GIL", "等待时会释放 GIL")),
        speedup("io_speedup_async", l.t("IO-bound speed-up, async on one thread",
            "IO 密集型加速比，单线程异步"), seqIo / ioRuns.get(Mode.ASYNC).wallMillis(), tasks,
            ideal),
        speedup("cpu_speedup_gil_threads", l.t("CPU-bound speed-up, threads + GIL model",
            "CPU 密集型加速比，多线程 + GIL 模型"), seqCpu / cpuRuns.get(Mode.GIL_THREADS)
            .wallMillis(), 1, l.t("one lock: one thread computes at a time",
            "只有一把锁：同一时刻只有一个线程在计算")),
        speedup("cpu_speedup_threads", l.t("CPU-bound speed-up, threads without a lock "
            + "(Java)", "CPU 密集型加速比，无锁多线程（Java）"), seqCpu / cpuRuns.get(Mode.THREADS)
            .wallMillis(), cores, l.t("min(tasks, cores)", "min(任务数, 核数)")),
        Finding.of("cpu_speedup_processes", l.t("CPU-bound speed-up, processes "
            + "(start-up included)", "CPU 密集型加速比，多进程（含启动）"),
            seqCpu / (procCpu.wallMillis() + procCpu.startupMillis()), "×").asMeasured(),
        speedup("cpu_speedup_processes_after_startup", l.t("CPU-bound speed-up, "
            + "processes already started (pool reused)", "CPU 密集型加速比，进程已启动（进程池复用）"),
            seqCpu / procCpu.wallMillis(), Math.min(Math.min(workers, tasks), machineCores), l.t("min(workers, cores)",
            "min(进程数, 核数)")),
        Finding.of("process_startup_ms", l.t("process start-up (measured once, when "
            + "the pool started)", "进程启动耗时（进程池启动时测一次）"), procCpu.startupMillis(),
            "ms").asMeasured(),
        speedup("cpu_speedup_async", l.t("CPU-bound speed-up, async on one thread",
            "CPU 密集型加速比，单线程异步"), seqCpu / cpuRuns.get(Mode.ASYNC).wallMillis(), 1,
            l.t("no await: the loop is blocked", "没有 await：事件循环被阻塞")));
    Result r = Result.of(figure);
    for (Finding f : found) {
      if (timed) {
        r.finding(f);
      } else if (!List.of("cpu_speedup_processes", "process_startup_ms").contains(f.key())) {
        // (the two left out read the start-up time, which the model assumes, not works out)
        r.finding(new Finding(f.key(), f.label() + model, f.value(), f.unit(), f.reference(),
            false));
      }
    }
    // Only the model goes into the JSON's data: measured timelines differ from run to run, and
    // the JSON must be the same twice (the measured numbers are the findings marked measured).
    return r.data("model", timelineData(model(Kind.IO, tasks, io, workers),
            model(Kind.CPU, tasks, cpu, workers)));
  }

  private record Measured(Map<Mode, Run> io, Map<Mode, Run> cpu) {}

  /** Set once the in-process modes and the worker pool have been warmed up in this JVM. */
  private static boolean warmedUp;

  /**
   * Runs all ten measurements. The waits barely use a core, so the five IO-bound modes run at the
   * same time as each other: a sleeping thread does not slow another sleeping thread (checked:
   * over 12 alternating repetitions each wait overshot its time by the same median (under 1 ms) as
   * when the modes ran one by one). The CPU-bound modes run one at a time: run beside the waits or
   * beside each other they would share cores and delay the waits' wake-ups (tried: the sequential
   * waits then overshot by 7 ms median on this 2-core machine). One exception: the sequential
   * waits take longest (tasks × io-ms), and once the other four IO modes are done they are one
   * thread waking now and then, so the sequential CPU mode (one core) runs in that time. Checked
   * over 60 alternating repetitions against running it after the waits: every mode's median wall
   * time moved by 0.1 ms or less, and the whole measurement took 14 ms less.
   */
  private static Measured measure(int tasks, int io, int cpu, int workers) {
    warmUpOnce(tasks, io, cpu, workers);
    return timed(tasks, io, cpu, workers);
  }

  /** The measurements themselves, in the order {@link #measure} gives. */
  private static Measured timed(int tasks, int io, int cpu, int workers) {
    WorkerPool.start(Math.min(workers, tasks)); // before any timing: the JVMs' start-up is CPU
    Map<Mode, Run> ioRuns = new java.util.concurrent.ConcurrentHashMap<>();
    Map<Mode, Thread> waiting = new EnumMap<>(Mode.class);
    for (Mode m : Mode.values()) {
      Thread t = new Thread(() -> ioRuns.put(m, ConcurrencyModes.run(m, Kind.IO, tasks, io,
          workers)), "io-" + m);
      t.start();
      waiting.put(m, t);
    }
    for (Mode m : Mode.values()) {
      if (m != Mode.SEQUENTIAL) {
        join(waiting.get(m));
      }
    }
    Map<Mode, Run> cpuRuns = new EnumMap<>(Mode.class);
    cpuRuns.put(Mode.SEQUENTIAL, ConcurrencyModes.run(Mode.SEQUENTIAL, Kind.CPU, tasks, cpu,
        workers)); // while the sequential waits finish (see above)
    join(waiting.get(Mode.SEQUENTIAL));
    if (ioRuns.size() < Mode.values().length) {
      throw new IllegalStateException("an IO-bound mode failed");
    }
    for (Mode m : Mode.values()) {
      if (m != Mode.SEQUENTIAL) {
        cpuRuns.put(m, ConcurrencyModes.run(m, Kind.CPU, tasks, cpu, workers));
      }
    }
    return new Measured(new EnumMap<>(ioRuns), cpuRuns);
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Once per JVM: the whole measurement, untimed and thrown away, with this run's tasks and
   * workers and at most the default waits (8 ms, 5 ms), so the first measured run does not pay
   * for thread start, JIT compilation and the workers' first commands; then a collection. Tiny
   * tasks alone were not enough: in a fresh `bagu run` the IO-bound threads measured 1.6–3.9×
   * (median 2) against the 3.4× of a warm process, their tasks starting up to 15 ms late, when
   * the fresh JVM's first young collection fell inside the run. With both, six fresh runs read
   * 2.8–3.3×. It costs a fresh run about 0.15 s; later runs in the JVM (the window, bench) pay
   * nothing.
   */
  private static synchronized void warmUpOnce(int tasks, int io, int cpu, int workers) {
    if (warmedUp) {
      return;
    }
    timed(tasks, Math.min(io, 8), Math.min(cpu, 5), workers);
    // Start the measured run with an empty young generation, so that the collection a fresh JVM
    // is due about now does not land inside it (a 6–10 ms pause froze every task at once).
    System.gc();
    warmedUp = true;
  }

  /** The log axis's floor: the power of ten below the smallest bar (a floor must be explicit). */
  private static double decadeBelow(double[]... series) {
    double min = java.util.Arrays.stream(series).flatMapToDouble(java.util.Arrays::stream)
        .filter(v -> v > 0).min().orElse(1);
    return Math.pow(10, Math.floor(Math.log10(0.9 * min)));
  }

  private static double ceilingAbove(double[]... series) {
    double max = java.util.Arrays.stream(series).flatMapToDouble(java.util.Arrays::stream)
        .filter(v -> v > 0).max().orElse(1);
    return 2 * max; // room above the tallest bar, without a needless decade
  }

  private static Finding speedup(String key, String label, double value, double ideal,
      String source) {
    return Finding.of(key, label, value, "×").withReference(ideal, source, 0.35 * ideal)
        .asMeasured();
  }

  private static Map<Mode, Run> model(Kind kind, int tasks, int millis, int workers) {
    Map<Mode, Run> m = new EnumMap<>(Mode.class);
    for (Mode mode : Mode.values()) {
      m.put(mode, ScheduleModel.model(mode, kind, tasks, millis, workers));
    }
    return m;
  }

  /** One block of lanes per mode, a bar per task, a shared millisecond axis below. */
  private static void gantt(Graphics2D g, Rectangle a, Map<Mode, Run> runs, Lang l) {
    double max = runs.values().stream().mapToDouble(Run::wallMillis).max().orElse(1);
    double step = niceStep(max / 5);
    double axisMax = Math.ceil(max / step) * step;
    g.setFont(Theme.font(Font.BOLD, 16));
    double labelH = g.getFontMetrics().getHeight();
    double left = a.x + 10;
    double right = a.x + a.width - 16;
    double top = a.y + 4;
    double bottom = a.y + a.height - 56;
    int modes = runs.size();
    double block = (bottom - top) / modes;
    for (Mode m : runs.keySet()) {
      Run run = runs.get(m);
      double y0 = top + m.ordinal() * block;
      g.setFont(Theme.font(Font.BOLD, 16));
      g.setColor(Theme.category(m.ordinal()));
      String wall = run.startupMillis() > 0 ? l.f(" · %.0f ms (+ %.0f ms start-up, paid once)",
          " · %.0f ms（另加启动 %.0f ms，只付一次）", run.wallMillis(), run.startupMillis())
          : l.f(" · %.0f ms", " · %.0f ms", run.wallMillis());
      g.drawString(modeName(m, l) + wall,
          (float) left, (float) (y0 + labelH - 4));
      int lanes = run.spans().size();
      double laneH = (block - labelH - 12) / Math.max(1, lanes);
      for (Span s : run.spans()) {
        double x0 = left + (right - left) * s.start() / axisMax;
        double x1 = left + (right - left) * s.end() / axisMax;
        double y = y0 + labelH + s.task() * laneH;
        g.setColor(Theme.withAlpha(Theme.category(m.ordinal()), 0.75));
        g.fill(new Rectangle2D.Double(x0, y + 1, Math.max(2, x1 - x0), Math.max(2, laneH - 3)));
      }
      g.setColor(Theme.GRID);
      g.drawLine((int) left, (int) (y0 + block - 4), (int) right, (int) (y0 + block - 4));
    }
    // The time axis.
    g.setColor(Theme.AXIS);
    g.drawLine((int) left, (int) bottom, (int) right, (int) bottom);
    g.setFont(Theme.tickLabel());
    int count = (int) Math.floor(axisMax / step + 1e-9) + 1;
    double[] ticks = new double[count];
    for (int i = 0; i < count; i++) {
      ticks[i] = i * step;
    }
    // Decimals as the step needs: a 1 ms run's 0.2 ms steps read 0.2, 0.4, … (not 0, 0, 0, 1).
    String[] tickLabels = Ticks.labels(ticks);
    for (int i = 0; i < count; i++) {
      double x = left + (right - left) * ticks[i] / axisMax;
      g.drawLine((int) x, (int) bottom, (int) x, (int) bottom + 5);
      g.setColor(Theme.TEXT);
      Draw.centred(g, tickLabels[i], x, bottom + 22);
      g.setColor(Theme.AXIS);
    }
    g.setFont(Theme.axisTitle());
    g.setColor(Theme.TEXT);
    Draw.centred(g, l.t("time since start (ms) · one row per task", "从开始算起的时间（ms）· "
        + "每行一个任务"), (left + right) / 2, bottom + 48);
  }

  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static Map<String, Object> timelineData(Map<Mode, Run> ioRuns, Map<Mode, Run> cpuRuns) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Mode m : Mode.values()) {
      Map<String, Object> mode = new LinkedHashMap<>();
      for (Run r : List.of(ioRuns.get(m), cpuRuns.get(m))) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("wall_ms", r.wallMillis());
        if (m == Mode.PROCESSES) {
          run.put("startup_ms", r.startupMillis()); // paid once, when the pool starts
        }
        run.put("spans_ms", r.spans().stream().map(s -> new double[] {s.start(), s.end()})
            .toList());
        mode.put(r.kind().name().toLowerCase(Locale.ROOT), run);
      }
      out.put(m.name().toLowerCase(Locale.ROOT), mode);
    }
    return out;
  }

  @Override
  public String toString() {
    return info().id();
  }

  public static void main(String[] args) {
    Bagu.launch(new ConcurrencyDemo(), args);
  }
}
