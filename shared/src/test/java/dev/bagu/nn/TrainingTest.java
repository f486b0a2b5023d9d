package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import dev.bagu.math.ToyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingTest {
  private static double[] train(Init init, long seed, int steps) {
    ToyData.Labelled data = ToyData.moons(128, 0.1, Rng.stream(seed, 1));
    Mlp net = new Mlp(new int[] {2, 16, 16, 2}, Activation.TANH, init, false, Rng.stream(seed, 2));
    Sgd sgd = new Sgd(0.5);
    double[] losses = new double[steps];
    for (int s = 0; s < steps; s++) {
      losses[s] = net.trainStep(data.x(), data.y(), sgd);
    }
    return losses;
  }

  @Test
  void sameSeedGivesTheSameCurveAndTrainingLowersTheLoss() {
    double[] a = train(Init.XAVIER_NORMAL, 4, 200);
    assertThat(train(Init.XAVIER_NORMAL, 4, 200)).containsExactly(a);
    assertThat(train(Init.XAVIER_NORMAL, 5, 200)).isNotEqualTo(a);
    assertThat(a[0]).isCloseTo(Math.log(2), within(0.3));
    assertThat(a[199]).isLessThan(0.5 * a[0]);
  }

  /**
   * Zero init: every hidden unit of a layer gets the same gradient, so they never differ. With
   * sigmoid units (σ(0) = 1/2) the weights do move, all in step; with tanh (tanh(0) = 0) nothing
   * but the output bias gets any gradient at all.
   */
  @ParameterizedTest
  @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID", "RELU"})
  void zeroInitNeverBreaksSymmetry(Activation f) {
    // Unbalanced classes (34/33/33), so the output layer's gradient does not sum to zero.
    ToyData.Labelled data = ToyData.spirals(100, 3, 0.2, Rng.seeded(1));
    Mlp zero = new Mlp(new int[] {2, 8, 8, 3}, f, Init.ZERO, false, Rng.seeded(2));
    Sgd sgd = new Sgd(0.5);
    for (int s = 0; s < 100; s++) {
      zero.trainStep(data.x(), data.y(), sgd);
    }
    for (Dense d : zero.layers().subList(0, 2)) {
      for (int o = 1; o < d.outputs(); o++) {
        assertThat(d.w[o]).containsExactly(d.w[0]);
        assertThat(d.b[o]).isEqualTo(d.b[0]);
      }
    }
    if (f == Activation.SIGMOID) { // training did change the weights, just never apart
      assertThat(zero.layers().get(1).w[0][0]).isNotEqualTo(0);
      assertThat(zero.layers().get(0).w[0][0]).isNotEqualTo(0);
    }
  }

  /**
   * He et al. 2015, §2.2: in a ReLU net, E[y_l²] is multiplied per layer by n·Var(w)/2, so
   * Var(w) = 2/n keeps it flat over 30 layers and 1/n halves it at each layer.
   */
  @Test
  void heKeepsDeepReluSignalWhileOneOverNHalvesItPerLayer() {
    int width = 200;
    int depth = 30;
    double[][] x = new double[256][width];
    Rng rng = Rng.seeded(9);
    for (double[] row : x) {
      rng.fillGaussian(row);
    }
    int[] sizes = new int[depth + 2];
    java.util.Arrays.fill(sizes, width);
    double he = meanSquareRatio(new Mlp(sizes, Activation.RELU, Init.HE_NORMAL, false,
        Rng.seeded(10)).forward(x), depth);
    double lecun = meanSquareRatio(new Mlp(sizes, Activation.RELU, Init.LECUN_NORMAL, false,
        Rng.seeded(10)).forward(x), depth);
    assertThat(he).isBetween(0.5, 2.0);
    double perLayer = Math.pow(lecun / he, 1.0 / (depth - 1));
    assertThat(perLayer).isCloseTo(0.5, within(0.02));
  }

  /** E[z²] at the last hidden layer over that at the first (pre-activations). */
  private static double meanSquareRatio(Mlp.Trace t, int depth) {
    return meanSquare(t.caches().get(depth - 1).z()) / meanSquare(t.caches().get(0).z());
  }

  private static double meanSquare(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      for (double v : row) {
        s += v * v;
      }
    }
    return s / (a.length * a[0].length);
  }

  @Test
  void badSizesAreRejectedWithTheSizes() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Mlp(new int[] {2, 0, 2},
            Activation.TANH, Init.ZERO, false, Rng.seeded(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[2, 0, 2]");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Sgd(-1))
        .hasMessageContaining("-1");
  }
}
