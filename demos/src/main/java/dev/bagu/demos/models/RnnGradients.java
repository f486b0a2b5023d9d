package dev.bagu.demos.models;

import dev.bagu.demos.models.RecurrentCell.Step;
import dev.bagu.math.Rng;
import dev.bagu.nn.Init;
import java.util.List;
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

  /** One trained model: its loss curve, test accuracy, gradient norms and steps on one sequence. */
  record Trained(RecurrentNet net, double[] losses, double accuracy, double[] norms,
      List<Step> steps) {}

  static Trained train(RecurrentCell cell, int trainSteps, int memory, double[][] probe,
      long seed, int stream) {
    Rng init = Rng.stream(seed, stream, 0);
    double[][] readout = new double[1][cell.hidden() + 1];
    for (int k = 0; k < cell.hidden(); k++) {
      readout[0][k] = init.gaussian() / Math.sqrt(cell.hidden());
    }
    RecurrentNet net = new RecurrentNet(cell, readout);
    double[] losses = net.train(trainSteps, BATCH, memory, LEARNING_RATE,
        Rng.stream(seed, stream, 1));
    double accuracy = net.accuracy(MemoryTask.batch(256, memory, Rng.stream(seed, stream, 2)));
    List<Step> steps = net.run(probe);
    return new Trained(net, losses, accuracy, GradientFlow.norms(cell, steps), steps);
  }
}
