package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hand-written backward pass against central finite differences of the loss. */
class BackpropTest {
  private static final double EPS = 1e-5;

  @ParameterizedTest
  @CsvSource({"TANH, false", "SIGMOID, false", "RELU, false", "TANH, true", "RELU, true",
      "SIGMOID, true"})
  void gradientsMatchFiniteDifferences(Activation f, boolean residual) {
    Rng rng = Rng.seeded(7);
    Mlp net = new Mlp(new int[] {3, 5, 5, 5, 4}, f, Init.XAVIER_NORMAL, residual, rng);
    for (Dense d : net.layers()) { // non-zero biases, so their gradients are tested too
      for (int o = 0; o < d.outputs(); o++) {
        d.b[o] = 0.1 * rng.gaussian();
      }
    }
    double[][] x = new double[6][3];
    for (double[] row : x) {
      rng.fillGaussian(row);
    }
    int[] labels = {0, 1, 2, 3, 1, 2};

    Mlp.Trace t = net.forward(x);
    net.zeroGrad();
    List<double[][]> dInputs = net.backward(t, SoftmaxCrossEntropy.of(t.output(), labels).grad());

    int checked = 0;
    for (Dense d : net.layers()) {
      for (int o = 0; o < d.outputs(); o++) {
        for (int i = 0; i < d.inputs(); i++) {
          double numeric = numeric(net, x, labels, d.w[o], i);
          assertThat(d.gradW[o][i]).as("dW[%d][%d]", o, i).isCloseTo(numeric, within(1e-7));
          checked++;
        }
        assertThat(d.gradB[o]).isCloseTo(numeric(net, x, labels, d.b, o), within(1e-7));
      }
    }
    for (int n = 0; n < x.length; n++) {
      for (int i = 0; i < x[0].length; i++) {
        assertThat(dInputs.get(0)[n][i]).isCloseTo(numeric(net, x, labels, x[n], i),
            within(1e-7));
      }
    }
    assertThat(checked).isEqualTo(3 * 5 + 5 * 5 * 2 + 5 * 4);
    assertThat(java.util.Arrays.stream(net.gradNorms()).min().orElseThrow()).isGreaterThan(1e-4); // a test of something non-trivial
  }

  /** (L(θ + ε) − L(θ − ε)) / 2ε for the entry array[i]. */
  private static double numeric(Mlp net, double[][] x, int[] labels, double[] array, int i) {
    double keep = array[i];
    array[i] = keep + EPS;
    double plus = SoftmaxCrossEntropy.of(net.forward(x).output(), labels).value();
    array[i] = keep - EPS;
    double minus = SoftmaxCrossEntropy.of(net.forward(x).output(), labels).value();
    array[i] = keep;
    return (plus - minus) / (2 * EPS);
  }
}
