package dev.bagu.demos.models;

import dev.bagu.demo.Memo;
import dev.bagu.demos.models.RecurrentCell.Step;
import dev.bagu.math.Rng;
import dev.bagu.nn.Init;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The experiments of the rnn-gradients demo: (1) Pascanu et al. 2013's bound on untrained vanilla
 * RNNs whose W_hh = ρ·Q (Q orthogonal, so every singular value is ρ and λ₁ = ρ exactly); (2) RNN,
 * LSTM and GRU trained on the memory task, then their gradient flow and the LSTM's gates.
 */
final class RnnGradients {
  /** Spectral norms of W_hh for the bound panel: below, near, at and above 1. */
  static final double[] RHOS = {0.5, 0.9, 1.0, 1.5};
  static final int BATCH = 16;
  static final double LEARNING_RATE = 0.02;

  private RnnGradients() {}

  /** W = [ρ·Q | W_xh | 0], Q a random orthogonal (H, H), W_xh ~ N(0, 1/X). */
  static RnnCell rnn(double rho, int hidden, Rng rng) {
    double[][] q = Init.ORTHOGONAL.draw(hidden, hidden, rng);
    double[][] w = new double[hidden][hidden + MemoryTask.INPUTS + 1];
    for (int r = 0; r < hidden; r++) {
      for (int c = 0; c < hidden; c++) {
        w[r][c] = rho * q[r][c];
      }
      for (int c = 0; c < MemoryTask.INPUTS; c++) {
        w[r][hidden + c] = rng.gaussian() / Math.sqrt(MemoryTask.INPUTS);
      }
    }
    return new RnnCell(w);
  }

  /** N(0, 1/(H + X)) weights, biases 0 except the forget gate's 1 (Jozefowicz et al. 2015). */
  static LstmCell lstm(int hidden, Rng rng) {
    double[][] w = gaussian(4 * hidden, hidden, rng);
    for (int k = 0; k < hidden; k++) {
      w[LstmCell.F * hidden + k][hidden + MemoryTask.INPUTS] = 1;
    }
    return new LstmCell(w);
  }

  static GruCell gru(int hidden, Rng rng) {
    return new GruCell(gaussian(hidden, hidden, rng), gaussian(hidden, hidden, rng),
        gaussian(hidden, hidden, rng));
  }

  private static double[][] gaussian(int rows, int hidden, Rng rng) {
    int cols = hidden + MemoryTask.INPUTS + 1;
    double std = 1 / Math.sqrt(hidden + MemoryTask.INPUTS);
    double[][] w = new double[rows][cols];
    for (double[] row : w) {
      for (int c = 0; c < cols - 1; c++) {
        row[c] = std * rng.gaussian();
      }
    }
    return w;
  }

  /** λ₁ = ‖W_hh‖₂, the largest singular value, by Commons Math. */
  static double largestSingularValue(double[][] m) {
    return new SingularValueDecomposition(new Array2DRowRealMatrix(m, false)).getNorm();
  }

  /** One bound curve: the measured norms, λ₁ and the largest ratio norm_k / λ₁^k over k. */
  record Bound(double rho, double lambda1, double[] norms, double maxRatio, double rate) {}

  /** Pascanu's check for one ρ on a sequence xs (T, X). */
  static Bound bound(double rho, int hidden, double[][] xs, Rng rng) {
    RnnCell cell = rnn(rho, hidden, rng);
    double lambda1 = largestSingularValue(cell.recurrent());
    double[] norms = GradientFlow.norms(cell, new RecurrentNet(cell, new double[1][hidden + 1])
        .run(xs));
    double maxRatio = 0;
    for (int k = 1; k < norms.length; k++) {
      // In logs, so that λ₁^k neither under- nor overflows.
      maxRatio = Math.max(maxRatio, Math.exp(Math.log(norms[k]) - k * Math.log(lambda1)));
    }
    return new Bound(rho, lambda1, norms, maxRatio, decayRate(norms));
  }

  /** The geometric-mean factor per step, (‖G_K‖ / ‖G_0‖)^(1/K) over the whole horizon K. */
  static double decayRate(double[] norms) {
    int k = norms.length - 1;
    while (k > 0 && !(norms[k] > 0)) {
      k--; // an underflowed 0 would give rate 0; use the last representable step
    }
    return k == 0 ? 1 : Math.exp((Math.log(norms[k]) - Math.log(norms[0])) / k);
  }

  /** One network after training: its loss before every step and its test accuracy. */
  record Model(RecurrentNet net, double[] losses, double accuracy) {}

  /** A trained network measured on a probe sequence: gradient norms and its steps over it. */
  record Trained(RecurrentNet net, double[] losses, double accuracy, double[] norms,
      List<Step> steps) {}

  /** Fresh sequences a trained network's test accuracy is measured on. */
  static final int TEST_SEQUENCES = 256;

  /** What the three trainings depend on, and nothing else (not the probe's horizon). */
  private record TrainingKey(long seed, int hidden, int memory, int steps, int tests) {}

  /** How many trainings (three networks each) are kept; the least recently used goes first. */
  private static final int CACHE_SIZE = 8;

  /**
   * Memo of the trained RNN, LSTM and GRU per (seed, hidden, memory, steps): a warm rerun at the
   * same parameters (another horizon, another language, an export) reuses them instead of
   * training again. Bounded (LRU) and depends only on parameters and seed, so results are the
   * same bytes with or without it; callers get copies, never the cached networks themselves.
   */
  private static final Memo<TrainingKey, List<Model>> TRAINED = new Memo<>(CACHE_SIZE);

  /**
   * RNN (orthogonal, ρ = 1), LSTM and GRU, each trained on its own seeded streams (init 3/5/7,
   * training 4/6/8), the three in parallel: which thread runs which does not change a number.
   */
  static List<Model> trainAll(long seed, int hidden, int memory, int steps) {
    return trainAll(seed, hidden, memory, steps, TEST_SEQUENCES);
  }

  /** As {@link #trainAll(long, int, int, int)}, testing on the first {@code tests} sequences. */
  static List<Model> trainAll(long seed, int hidden, int memory, int steps, int tests) {
    TrainingKey key = new TrainingKey(seed, hidden, memory, steps, tests);
    List<Model> models = TRAINED.get(key, () -> IntStream.range(0, 3).parallel()
        .mapToObj(which -> {
          RecurrentCell cell = switch (which) {
            case 0 -> rnn(1.0, hidden, Rng.stream(seed, 3));
            case 1 -> lstm(hidden, Rng.stream(seed, 5));
            default -> gru(hidden, Rng.stream(seed, 7));
          };
          return train(cell, steps, memory, seed, 4 + 2 * which, tests);
        }).toList());
    return models.stream().map(m -> new Model(m.net().copy(), m.losses(), m.accuracy()))
        .toList();
  }

  static Model train(RecurrentCell cell, int trainSteps, int memory, long seed, int stream) {
    return train(cell, trainSteps, memory, seed, stream, TEST_SEQUENCES);
  }

  private static Model train(RecurrentCell cell, int trainSteps, int memory, long seed,
      int stream, int tests) {
    Rng init = Rng.stream(seed, stream, 0);
    double[][] readout = new double[1][cell.hidden() + 1];
    for (int k = 0; k < cell.hidden(); k++) {
      readout[0][k] = init.gaussian() / Math.sqrt(cell.hidden());
    }
    RecurrentNet net = new RecurrentNet(cell, readout);
    double[] losses = net.train(trainSteps, BATCH, memory, LEARNING_RATE,
        Rng.stream(seed, stream, 1));
    double accuracy = net.accuracy(MemoryTask.batch(tests, memory, Rng.stream(seed, stream, 2)));
    return new Model(net, losses, accuracy);
  }

  /** The model's gradient flow and steps on the probe (T, X); uses the net's gradient arrays. */
  static Trained measure(Model model, double[][] probe) {
    RecurrentNet net = model.net();
    List<Step> steps = net.run(probe);
    return new Trained(net, model.losses(), model.accuracy(), GradientFlow.norms(net.cell, steps),
        steps);
  }
}
