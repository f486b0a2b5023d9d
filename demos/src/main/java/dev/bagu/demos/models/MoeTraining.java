package dev.bagu.demos.models;

import dev.bagu.math.ClusterData;
import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import dev.bagu.nn.Adam;

/**
 * Trains a {@link MoeLayer} on clustered 2-D tokens, with or without the balancing loss. Each
 * cluster c has its own linear target y = a_c·x + b_c, so one linear expert per cluster could fit
 * the data exactly, and a router that follows the clusters is the natural solution: with fewer
 * clusters than experts it leaves experts idle and overloads the rest. Mini-batches, Adam.
 *
 * <pre>
 *   L = ½ · mean_t (y(x_t) − target_t)²  +  α · N · Σ_i f_i P_i      (α = 0: no balancing)
 * </pre>
 */
public final class MoeTraining {
  private MoeTraining() {}

  /** Tokens x (T, 2), their cluster and their regression target. */
  public record Task(double[][] x, int[] cluster, double[] target, int clusters) {}

  /** Cluster centres on a circle of radius 3, spread 0.6; targets from N(0, 1) coefficients. */
  public static Task task(int tokens, int clusters, Rng rng) {
    double[][] centres = new double[clusters][2];
    double[] std = new double[clusters];
    for (int c = 0; c < clusters; c++) {
      double angle = 2 * Math.PI * c / clusters + 0.3;
      centres[c][0] = 3 * Math.cos(angle);
      centres[c][1] = 3 * Math.sin(angle);
      std[c] = 0.6;
    }
    ToyData.Labelled points = ClusterData.blobs(tokens, centres, std, rng);
    double[][] coef = new double[clusters][3];
    for (double[] row : coef) {
      rng.fillGaussian(row);
    }
    double[] target = new double[tokens];
    for (int t = 0; t < tokens; t++) {
      double[] a = coef[points.y()[t]];
      target[t] = a[0] * points.x()[t][0] + a[1] * points.x()[t][1] + a[2];
    }
    double mean = 0;
    double sq = 0;
    for (double v : target) {
      mean += v / tokens;
      sq += v * v / tokens;
    }
    double sd = Math.sqrt(Math.max(sq - mean * mean, 1e-12));
    for (int t = 0; t < tokens; t++) {
      target[t] = (target[t] - mean) / sd; // unit scale, as a normalised residual stream is
    }
    return new Task(points.x(), points.y(), target, clusters);
  }

  /**
   * At each checkpoint step (0 = before training), measured on the whole batch of tokens: choices
   * per expert (checkpoints, N), dropped share, task loss, and the balancing loss at
   * {@code alphaForCurve}.
   */
  public record History(int[] steps, int[][] load, double[] dropped, double[] taskLoss,
      double[] balanceLoss, double alphaForCurve) {}

  /** A trained layer, its history and its final forward pass over the whole batch. */
  public record Run(MoeLayer layer, History history, MoeLayer.Forward last) {}

  /** Tokens per training step: a window of the batch, so one step costs a quarter of a pass. */
  public static final int MINI_BATCH = 256;

  /**
   * Trains for {@code steps} Adam steps at learning rate {@code lr}, each on the next window of
   * {@link #MINI_BATCH} tokens (cycling through the batch) with capacity ⌈factor·k·B/N⌉ for that
   * window, as a real MoE sees one batch per step. The balancing loss enters the objective with
   * weight {@code alpha} (0 = off) and is recorded at {@code curveAlpha} in both runs, so their
   * curves compare. The history is taken at {@code checkpoints} + 1 evenly spaced steps, on all
   * tokens at the whole batch's capacity.
   */
  public static Run train(Task task, int experts, int topK, double factor, double alpha,
      double curveAlpha, int steps, int checkpoints, double lr, Rng init) {
    MoeLayer layer = new MoeLayer(2, experts, topK, init);
    Adam adam = new Adam(layer.parameters(), lr);
    int tokens = task.x.length;
    int batch = Math.min(MINI_BATCH, tokens);
    int batchCapacity = LoadBalancing.capacity(factor, topK, batch, experts);
    int fullCapacity = LoadBalancing.capacity(factor, topK, tokens, experts);
    int points = Math.min(checkpoints, steps) + 1;
    int[] at = new int[points];
    int[][] load = new int[points][];
    double[] dropped = new double[points];
    double[] taskLoss = new double[points];
    double[] balance = new double[points];
    Task window = new Task(new double[batch][], new int[batch], new double[batch],
        task.clusters);
    int next = 0; // next checkpoint
    MoeLayer.Forward full = null;
    for (int s = 0; s <= steps; s++) {
      if (next < points && s == (int) Math.round((double) next * steps / (points - 1))) {
        full = layer.forward(task.x, fullCapacity);
        at[next] = s;
        load[next] = full.load(experts);
        dropped[next] = full.droppedShare();
        taskLoss[next] = taskLoss(full, task);
        balance[next] = LoadBalancing.loss(full.probs(), full.chosen(), curveAlpha);
        next++;
      }
      if (s == steps) {
        break;
      }
      for (int b = 0; b < batch; b++) {
        int t = (s * batch + b) % tokens;
        window.x[b] = task.x[t];
        window.cluster[b] = task.cluster[t];
        window.target[b] = task.target[t];
      }
      MoeLayer.Forward f = layer.forward(window.x, batchCapacity);
      layer.zeroGrad();
      backward(layer, f, window, alpha);
      adam.step(layer.gradients());
    }
    return new Run(layer, new History(at, load, dropped, taskLoss, balance, curveAlpha), full);
  }

  /** ½ · mean (y − target)². */
  public static double taskLoss(MoeLayer.Forward f, Task task) {
    double s = 0;
    for (int t = 0; t < f.y().length; t++) {
      double r = f.y()[t] - task.target[t];
      s += r * r;
    }
    return 0.5 * s / f.y().length;
  }

  /** The whole objective: task loss + α · balancing loss. */
  public static double loss(MoeLayer layer, Task task, int capacity, double alpha) {
    MoeLayer.Forward f = layer.forward(task.x, capacity);
    return taskLoss(f, task) + LoadBalancing.loss(f.probs(), f.chosen(), alpha);
  }

  /** Fills the layer's gradients of {@link #loss} (call zeroGrad first). */
  public static void backward(MoeLayer layer, MoeLayer.Forward f, Task task, double alpha) {
    int tokens = task.x.length;
    double[] dy = new double[tokens];
    for (int t = 0; t < tokens; t++) {
      dy[t] = (f.y()[t] - task.target[t]) / tokens;
    }
    double[] dp = alpha == 0 ? null
        : LoadBalancing.gradientPerToken(f.chosen(), tokens, layer.experts(), alpha);
    layer.backward(task.x, f, dy, dp);
  }
}
