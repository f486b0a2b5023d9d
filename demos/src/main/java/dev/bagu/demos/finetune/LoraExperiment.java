package dev.bagu.demos.finetune;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Adam;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The LoRA experiment: a frozen W₀ (d × d), a target W* = W₀ + ΔW* with ΔW* of known rank k, and
 * LoRA layers of several ranks r trained with Adam to reach W* from W₀. Inputs are whitened
 * (xᵀx/n = I), so the best rank-r error is Eckart–Young's: the singular values of ΔW* past the
 * r-th.
 */
public final class LoraExperiment {
  private LoraExperiment() {}

  /**
   * The task.
   *
   * @param w0 frozen base (d × d)
   * @param trueUpdate ΔW* (d × d), rank k
   * @param x whitened inputs (n × d), xᵀx/n = I (a preview's: see {@link #task(int, int, Rng,
   *     boolean)})
   * @param base the frozen layer's outputs x W₀ᵀ (n × d), the same for every rank
   * @param trueSigma ΔW*'s singular values, largest first (one SVD for every rank and panel)
   */
  public record Task(double[][] w0, double[][] trueUpdate, double[][] x, double[][] base,
      double[] trueSigma) {
    public double[][] target() {
      return Matrices.add(w0, trueUpdate);
    }

    /**
     * The targets W* x (n × d), computed when asked: training on whitened inputs never reads
     * them (see {@link LoraLayer#gradientsWhitened}); the tests compare against them.
     */
    public double[][] y() {
      return Matrices.multiplyTransposed(x, target());
    }
  }

  /** Largest singular value of ΔW*; the k values fall linearly to 0.4 of it. */
  static final double TOP_SINGULAR_VALUE = 1.0;

  /** A preview's inputs for the start and merge checks (a full run: max(256, 2d), whitened). */
  static final int PREVIEW_CHECK_INPUTS = 64;

  public static Task task(int d, int trueRank, Rng rng) {
    return task(d, trueRank, rng, false);
  }

  /**
   * The task; a preview's inputs are {@link #PREVIEW_CHECK_INPUTS} plain N(0, 1) rows, not
   * whitened ones. Training never reads the inputs (on whitened inputs the loss is
   * ½‖W₀ + ΔW − W*‖², see {@link LoraLayer#gradientsWhitened}); the start and merge checks hold
   * for any inputs, and whitening 256 rows costs a 256 × 256 QR. W₀ and ΔW* are drawn first, so
   * they are the full run's.
   */
  public static Task task(int d, int trueRank, Rng rng, boolean preview) {
    double[][] w0 = Matrices.gaussian(d, d, 1 / Math.sqrt(d), rng);
    double[][] u = orthonormalColumns(d, trueRank, rng);
    double[][] v = orthonormalColumns(d, trueRank, rng);
    double[][] update = new double[d][d];
    double[][] uSigma = new double[d][trueRank]; // U·diag(σ): ΔW* = (U·diag(σ))·Vᵀ
    for (int i = 0; i < trueRank; i++) {
      double sigma = TOP_SINGULAR_VALUE * (trueRank == 1 ? 1 : 1 - 0.6 * i / (trueRank - 1));
      for (int r = 0; r < d; r++) {
        uSigma[r][i] = sigma * u[r][i];
        for (int c = 0; c < d; c++) {
          update[r][c] += sigma * u[r][i] * v[c][i];
        }
      }
    }
    int n = Math.max(256, 2 * d);
    double[][] x = preview ? Matrices.gaussian(PREVIEW_CHECK_INPUTS, d, 1, rng)
        : Matrices.scale(orthonormalColumns(n, d, rng), Math.sqrt(n)); // xᵀx = n·I
    return new Task(w0, update, x, Matrices.multiplyTransposed(x, w0),
        lowRankSingularValues(uSigma, Matrices.transpose(v)));
  }

  /** The first k columns of Q in the QR decomposition of a Gaussian (rows × k) matrix. */
  static double[][] orthonormalColumns(int rows, int k, Rng rng) {
    RealMatrix g = new Array2DRowRealMatrix(Matrices.gaussian(rows, k, 1, rng), false);
    return new QRDecomposition(g).getQ().getSubMatrix(0, rows - 1, 0, k - 1).getData();
  }

  /**
   * One trained rank.
   *
   * @param loss ½‖W₀ + ΔW − W*‖²_F before each step, and after the last (steps + 1 values)
   * @param relativeError ‖ΔW − ΔW*‖_F / ‖ΔW*‖_F after training
   * @param bestError Eckart–Young: the smallest relative error any rank-r update can reach
   * @param singularValues of the learned ΔW, largest first
   * @param initialDifference max |h − W₀x| over the data before any step (B = 0: exactly 0)
   * @param mergeDifference max |W_merged x − (W₀x + s·B·A·x)| over the data after training
   */
  public record Run(int rank, double[] loss, double relativeError, double bestError,
      double[] singularValues, double initialDifference, double mergeDifference,
      double[][] update) {}

  public static Run train(Task task, int rank, double alpha, int steps, double learningRate,
      Rng rng) {
    return train(task, task.trueSigma(), rank, alpha, steps, learningRate, rng);
  }

  /** As above, given ΔW*'s singular values (the task's: one SVD for every rank). */
  private static Run train(Task task, double[] trueSigma, int rank, double alpha, int steps,
      double learningRate, Rng rng) {
    LoraLayer layer = new LoraLayer(task.w0(), rank, alpha, rng);
    // The base outputs x W₀ᵀ are the task's, computed once for all ranks (the same numbers).
    double initial = Matrices.maxAbsDifference(layer.forward(task.x(), task.base()), task.base());
    double[][] target = task.target();
    Adam adam = new Adam(List.of(layer.a, layer.b), learningRate);
    double[] loss = new double[steps + 1];
    for (int t = 0; t < steps; t++) {
      LoraLayer.Gradients g = layer.gradientsWhitened(target);
      loss[t] = g.loss();
      adam.step(List.of(g.dA(), g.dB()));
    }
    loss[steps] = layer.gradientsWhitened(target).loss();
    double[][] learned = layer.update();
    double norm = Matrices.frobenius(task.trueUpdate());
    double error = Matrices.frobenius(
        Matrices.add(learned, Matrices.scale(task.trueUpdate(), -1))) / norm;
    double[][] mergedOut = Matrices.multiplyTransposed(task.x(), layer.merged());
    double merge = Matrices.maxAbsDifference(mergedOut, layer.forward(task.x(), task.base()));
    double[] sigma = lowRankSingularValues(layer.b, layer.a);
    for (int i = 0; i < sigma.length; i++) {
      sigma[i] *= layer.scale; // α/r > 0
    }
    return new Run(rank, loss, error, bestError(trueSigma, rank), sigma, initial, merge, learned);
  }

  /** √(Σ_{i>r} σ_i²) / ‖ΔW*‖_F (Eckart & Young 1936). */
  public static double bestError(double[][] trueUpdate, int rank) {
    return bestError(singularValues(trueUpdate), rank);
  }

  /** The same from ΔW*'s singular values s (largest first). */
  static double bestError(double[] s, int rank) {
    double tail = 0;
    double all = 0;
    for (int i = 0; i < s.length; i++) {
      all += s[i] * s[i];
      if (i >= rank) {
        tail += s[i] * s[i];
      }
    }
    return Math.sqrt(tail / all);
  }

  public static double[] singularValues(double[][] m) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getSingularValues();
  }

  /**
   * Singular values of left·right (left m × r, right r × n, r ≤ m, n), largest first, padded
   * with zeros to min(m, n). With the QR decompositions left = Q₁R₁ and rightᵀ = Q₂R₂, left·right
   * = Q₁·(R₁R₂ᵀ)·Q₂ᵀ, and Q₁, Q₂ have orthonormal columns, so the values are those of the r × r
   * core R₁R₂ᵀ: an SVD of r × r instead of m × n (a 64 × 64 SVD took 2.4 ms, five of them most
   * of a lora preview). The padding zeros are exact where a dense SVD gives rounding noise.
   */
  static double[] lowRankSingularValues(double[][] left, double[][] right) {
    int r = right.length;
    RealMatrix r1 = upperSquare(new Array2DRowRealMatrix(left, false), r);
    RealMatrix r2 = upperSquare(new Array2DRowRealMatrix(right, false).transpose(), r);
    double[] core = new SingularValueDecomposition(r1.multiply(r2.transpose()))
        .getSingularValues();
    return java.util.Arrays.copyOf(core, Math.min(left.length, right[0].length));
  }

  /** R of the QR decomposition of a tall (rows ≥ r) matrix with r columns, as r × r. */
  private static RealMatrix upperSquare(RealMatrix tall, int r) {
    return new QRDecomposition(tall).getR().getSubMatrix(0, r - 1, 0, r - 1);
  }

  /** Ranks trained: 1 to k + 4, at most d. */
  public static int maxRank(int d, int trueRank) {
    return Math.min(d, trueRank + 4);
  }

  /**
   * Trains every rank from 1 to maxRank, each on its own random stream of A, in parallel: the
   * result does not depend on the number of cores.
   */
  public static List<Run> trainAll(Task task, int maxRank, double alpha, int steps,
      double learningRate, long seed) {
    return trainRanks(task, java.util.stream.IntStream.rangeClosed(1, maxRank).toArray(), alpha,
        steps, learningRate, seed);
  }

  /**
   * Trains the given ranks (ascending), each exactly as {@link #trainAll} trains it (rank r on
   * stream (seed, 10, r)): a subset of ranks gives the same runs as the full list, fewer of them.
   */
  public static List<Run> trainRanks(Task task, int[] ranks, double alpha, int steps,
      double learningRate, long seed) {
    double[] trueSigma = task.trueSigma();
    // A rank's training costs about r. A parallel stream hands each core a contiguous half, so
    // the ranks go in as largest, smallest, next largest, … ({1, 3, 4, 8} as 8, 1, 4, 3): the
    // halves cost about the same (in ascending order one core got 4 and 8, the other 1 and 3).
    int[] order = largestSmallestAlternating(ranks);
    Run[] runs = new Run[ranks.length];
    java.util.stream.IntStream.range(0, order.length).parallel().forEach(i -> {
      int r = ranks[order[i]];
      runs[order[i]] = train(task, trueSigma, r, alpha, steps, learningRate,
          Rng.stream(seed, 10, r));
    });
    return List.of(runs);
  }

  /** Indices of ascending {@code ranks}: last, first, second last, second, … */
  static int[] largestSmallestAlternating(int[] ranks) {
    int[] order = new int[ranks.length];
    for (int i = 0, lo = 0, hi = ranks.length - 1; i < order.length; i++) {
      order[i] = i % 2 == 0 ? hi-- : lo++;
    }
    return order;
  }
}
