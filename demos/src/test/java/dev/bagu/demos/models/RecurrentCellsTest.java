package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demos.models.RecurrentCell.Step;
import dev.bagu.math.Rng;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecurrentCellsTest {
  private static final double H = 1e-6;

  static List<Function<Rng, RecurrentCell>> cells() {
    return List.of(rng -> RnnGradients.rnn(1.2, 5, rng), rng -> RnnGradients.lstm(5, rng),
        rng -> RnnGradients.gru(5, rng));
  }

  /** Every cell's backward against central differences of L = Σ_t w_t·h_t over a sequence. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void backwardMatchesFiniteDifferences(int which) {
    Rng rng = Rng.seeded(40 + which);
    RecurrentCell cell = cells().get(which).apply(rng);
    RecurrentNet net = new RecurrentNet(cell, new double[1][cell.hidden() + 1]);
    for (int k = 0; k <= cell.hidden(); k++) {
      net.readout[0][k] = rng.gaussian();
    }
    MemoryTask.Batch batch = MemoryTask.batch(3, 7, rng);
    net.zeroGrad();
    net.lossAndBackward(batch);
    List<double[][]> weights = net.weights();
    List<double[][]> grads = net.gradients();
    int checked = 0;
    for (int m = 0; m < weights.size(); m++) {
      double[][] w = weights.get(m);
      for (int r = 0; r < w.length; r++) {
        for (int c = 0; c < w[r].length; c++) {
          double keep = w[r][c];
          w[r][c] = keep + H;
          double up = loss(net, batch);
          w[r][c] = keep - H;
          double down = loss(net, batch);
          w[r][c] = keep;
          double numeric = (up - down) / (2 * H);
          assertThat(grads.get(m)[r][c]).as(cell.name() + " W" + m + "[" + r + "][" + c + "]")
              .isCloseTo(numeric, within(1e-7 + 1e-5 * Math.abs(numeric)));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  private static double loss(RecurrentNet net, MemoryTask.Batch batch) {
    double total = 0;
    for (int b = 0; b < batch.size(); b++) {
      List<Step> steps = net.run(batch.x()[b]);
      total += RecurrentNet.logisticLoss(batch.y()[b]
          * net.logit(steps.get(steps.size() - 1).state()));
    }
    return total / batch.size();
  }

  /** The state-to-state vector–Jacobian product against differences of the state itself. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void stepJacobianMatchesFiniteDifferences(int which) {
    Rng rng = Rng.seeded(60 + which);
    RecurrentCell cell = cells().get(which).apply(rng);
    double[] s = new double[cell.stateSize()];
    for (int k = 0; k < s.length; k++) {
      s[k] = 0.5 * rng.gaussian();
    }
    double[] x = {0.3, -1.1};
    double[] v = new double[cell.stateSize()];
    for (int k = 0; k < v.length; k++) {
      v[k] = rng.gaussian();
    }
    double[] vjp = cell.backward(cell.forward(s, x), v);
    for (int j = 0; j < s.length; j++) {
      double[] up = s.clone();
      double[] down = s.clone();
      up[j] += H;
      down[j] -= H;
      double numeric = (DisentangledAttention.dot(v, cell.forward(up, x).state())
          - DisentangledAttention.dot(v, cell.forward(down, x).state())) / (2 * H);
      assertThat(vjp[j]).as(cell.name() + " ∂/∂s_" + j).isCloseTo(numeric, within(1e-7));
    }
  }

  /** With f = 1 and i = 0 the LSTM's cell is carried unchanged, and so is its gradient. */
  @Test
  void lstmCarouselPassesTheCellGradientThroughWhenTheForgetGateIsOpen() {
    int n = 3;
    double[][] w = new double[4 * n][n + MemoryTask.INPUTS + 1];
    for (int k = 0; k < n; k++) {
      w[LstmCell.F * n + k][n + MemoryTask.INPUTS] = 40; // f = σ(40) = 1 to 1e-17
      w[LstmCell.I * n + k][n + MemoryTask.INPUTS] = -40; // i = 0
    }
    LstmCell cell = new LstmCell(w);
    double[] s = {0.1, 0.2, 0.3, 0.7, -0.4, 0.9};
    Step step = cell.forward(s, new double[] {1, 2});
    assertThat(java.util.Arrays.copyOfRange(step.state(), n, 2 * n))
        .containsExactly(new double[] {0.7, -0.4, 0.9}, within(1e-12));
    double[] back = cell.backward(step, new double[] {0, 0, 0, 1, 2, 3});
    assertThat(java.util.Arrays.copyOfRange(back, n, 2 * n))
        .containsExactly(new double[] {1, 2, 3}, within(1e-12));
  }

  @Test
  void spectralNormMatchesCommonsMathSvd() {
    Rng rng = Rng.seeded(3);
    for (int trial = 0; trial < 20; trial++) {
      double[][] g = dev.bagu.math.Matrices.gaussian(6, 12, Math.pow(10, -trial), rng);
      double svd = new SingularValueDecomposition(new Array2DRowRealMatrix(g)).getNorm();
      assertThat(GradientFlow.spectralNorm(g)).isCloseTo(svd, within(1e-10 * svd));
    }
  }

  /** Pascanu et al. 2013: ‖Π J‖ ≤ λ₁^k at every k, for many seeds and spectral norms. */
  @Test
  void pascanuBoundHoldsAtEveryStep() {
    for (int seed = 0; seed < 10; seed++) {
      double[][] xs = MemoryTask.batch(1, 80, Rng.seeded(seed)).x()[0];
      for (double rho : new double[] {0.3, 0.8, 1.0, 1.3, 2.5}) {
        RnnGradients.Bound b = RnnGradients.bound(rho, 6, xs, Rng.seeded(100 + seed));
        assertThat(b.lambda1()).isCloseTo(rho, within(1e-12)); // ρ·Q has every σ = ρ
        assertThat(b.maxRatio()).as("ρ = " + rho).isLessThanOrEqualTo(1 + 1e-9);
        assertThat(b.rate()).isLessThanOrEqualTo(rho);
      }
    }
  }

  /** The norms' first step by hand: ‖diag(1 − h_T²) W_hh‖ from the forward pass alone. */
  @Test
  void firstNormIsTheLastStepJacobian() {
    Rng rng = Rng.seeded(8);
    RnnCell cell = RnnGradients.rnn(0.9, 4, rng);
    double[][] xs = MemoryTask.batch(1, 5, rng).x()[0];
    List<Step> steps = new RecurrentNet(cell, new double[1][5]).run(xs);
    double[] h = steps.get(4).state();
    double[][] j = cell.recurrent();
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        j[r][c] *= 1 - h[r] * h[r];
      }
    }
    double expected = new SingularValueDecomposition(new Array2DRowRealMatrix(j)).getNorm();
    assertThat(GradientFlow.norms(cell, steps)[1]).isCloseTo(expected, within(1e-12));
  }

  /** The memo returns copies, and its networks are those a plain sequential training gives. */
  @Test
  void memoisedParallelTrainingEqualsSequentialTrainingAndHandsOutCopies() {
    List<RnnGradients.Model> first = RnnGradients.trainAll(5, 3, 6, 20);
    first.get(1).net().cell.weights().get(0)[0][0] += 1; // must not reach the cache
    List<RnnGradients.Model> again = RnnGradients.trainAll(5, 3, 6, 20);
    RnnGradients.Model lstm = RnnGradients.train(RnnGradients.lstm(3, Rng.stream(5, 5)), 20, 6,
        5, 6);
    RnnGradients.Model gru = RnnGradients.train(RnnGradients.gru(3, Rng.stream(5, 7)), 20, 6,
        5, 8);
    for (var pair : List.of(List.of(again.get(1), lstm), List.of(again.get(2), gru))) {
      RecurrentNet cached = pair.get(0).net();
      RecurrentNet fresh = pair.get(1).net();
      for (int m = 0; m < fresh.weights().size(); m++) {
        assertThat(java.util.Arrays.deepEquals(cached.weights().get(m), fresh.weights().get(m)))
            .as(fresh.cell.name() + " W" + m).isTrue();
      }
      assertThat(pair.get(0).losses()).containsExactly(pair.get(1).losses());
      assertThat(pair.get(0).accuracy()).isEqualTo(pair.get(1).accuracy());
    }
  }

  @Test
  void demoFindingsAgreeAndTheLstmKeepsItsGradient() {
    RnnGradientsDemo demo = new RnnGradientsDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    assertThat(r.findings()).allMatch(f -> f.reference().isEmpty() || f.agrees());
    assertThat(r.finding("lstm_over_rnn_orders").value()).isGreaterThan(3);
    assertThat(r.finding("accuracy_lstm").value()).isGreaterThan(0.9);
  }
}
