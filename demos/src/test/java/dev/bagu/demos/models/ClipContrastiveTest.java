package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClipContrastiveTest {
  /** All logits equal: each row and column softmax is uniform, so both cross-entropies are ln N. */
  @ParameterizedTest
  @ValueSource(ints = {2, 7, 32, 256})
  void identicalEmbeddingsGiveLnN(int n) {
    double[][] same = new double[n][3];
    for (double[] row : same) {
      row[0] = 0.6;
      row[2] = 0.8;
    }
    for (double t : new double[] {0, Math.log(1 / 0.07), Math.log(100)}) {
      assertThat(ClipLoss.loss(same, same, t)).isCloseTo(Math.log(n), within(1e-12));
    }
  }

  /** Hand-worked: two orthogonal pairs at logit scale 1: each softmax is (e, 1)/(e + 1). */
  @Test
  void twoOrthogonalPairsAtScaleOne() {
    double[][] e = {{1, 0}, {0, 1}};
    double expected = Math.log(1 + Math.exp(-1)); // −log(e/(e+1))
    assertThat(ClipLoss.loss(e, e, 0)).isCloseTo(expected, within(1e-15));
  }

  /** The loss is symmetric: swapping the image and text sides changes nothing. */
  @Test
  void swappingImagesAndTextsKeepsTheLoss() {
    Rng rng = Rng.seeded(5);
    double[][] a = ClipLoss.normalised(randomMatrix(6, 4, rng));
    double[][] b = ClipLoss.normalised(randomMatrix(6, 4, rng));
    assertThat(ClipLoss.loss(a, b, 1.3)).isCloseTo(ClipLoss.loss(b, a, 1.3), within(1e-14));
  }

  /** The loss-only path (cosines once, rescaled) gives the loss of the full forward-backward. */
  @Test
  void lossAloneMatchesTheLossWithGradients() {
    Rng rng = Rng.seeded(11);
    for (int n : new int[] {2, 7, 32}) {
      double[][] a = ClipLoss.normalised(randomMatrix(n, 5, rng));
      double[][] b = ClipLoss.normalised(randomMatrix(n, 5, rng));
      for (double t : new double[] {-1, 0, 2.66, Math.log(100)}) {
        assertThat(ClipLoss.loss(a, b, t)).isEqualTo(ClipLoss.of(a, b, t).loss());
      }
    }
  }

  /** The loss's gradients in the embeddings and in t, against central differences. */
  @Test
  void lossGradientMatchesFiniteDifferences() {
    Rng rng = Rng.seeded(9);
    double[][] a = randomMatrix(5, 3, rng);
    double[][] b = randomMatrix(5, 3, rng);
    double t = 0.7;
    ClipLoss.Value v = ClipLoss.of(a, b, t);
    double h = 1e-6;
    for (double[][] m : List.of(a, b)) {
      double[][] grad = m == a ? v.dImages() : v.dTexts();
      for (int i = 0; i < m.length; i++) {
        for (int k = 0; k < m[0].length; k++) {
          double keep = m[i][k];
          m[i][k] = keep + h;
          double up = ClipLoss.loss(a, b, t);
          m[i][k] = keep - h;
          double down = ClipLoss.loss(a, b, t);
          m[i][k] = keep;
          assertThat(grad[i][k]).isCloseTo((up - down) / (2 * h), within(1e-8));
        }
      }
    }
    double dt = (ClipLoss.loss(a, b, t + h) - ClipLoss.loss(a, b, t - h)) / (2 * h);
    assertThat(v.dLogScale()).isCloseTo(dt, within(1e-8));
  }

  /** The whole backward pass: encoders, L2 normalisation, loss and temperature. */
  @Test
  void encoderGradientsMatchFiniteDifferences() {
    ClipTraining model = new ClipTraining(3, 0.1, 0.07, Rng.seeded(1));
    ClipTraining.Pairs batch = model.pairs(6, Rng.seeded(2));
    ClipLoss.Value v = model.lossAndGradient(batch);
    List<double[][]> params = model.parameters();
    List<double[][]> grads = new java.util.ArrayList<>();
    for (var m : List.of(model.imageEncoder, model.textEncoder)) {
      for (var d : m.layers()) {
        grads.add(d.gradW);
        grads.add(new double[][] {d.gradB});
      }
    }
    grads.add(new double[][] {{v.dLogScale()}});
    double h = 1e-6;
    for (int p = 0; p < params.size(); p++) {
      double[][] w = params.get(p);
      for (int i = 0; i < w.length; i++) {
        for (int j = 0; j < w[i].length; j++) {
          double keep = w[i][j];
          w[i][j] = keep + h;
          double up = model.loss(batch);
          w[i][j] = keep - h;
          double down = model.loss(batch);
          w[i][j] = keep;
          assertThat(grads.get(p)[i][j]).as("parameter %d [%d][%d]", p, i, j)
              .isCloseTo((up - down) / (2 * h), within(1e-7));
        }
      }
    }
  }

  @Test
  void normalisedRowsHaveUnitLength() {
    double[][] e = ClipLoss.normalised(new double[][] {{3, 4}, {-1, 0}});
    assertThat(e[0]).containsExactly(0.6, 0.8);
    assertThat(e[1]).containsExactly(-1.0, 0.0);
  }

  /** Training lights up the diagonal and beats chance on classes it never saw. */
  @ParameterizedTest
  @ValueSource(longs = {0, 1})
  void trainingAlignsPairsAndBeatsChanceZeroShot(long seed) {
    ClipContrastiveDemo demo = new ClipContrastiveDemo();
    Result r = demo.run(Params.defaults(demo.params()).withSeed(seed));
    assertThat(r.finding("loss_identical").agrees()).isTrue();
    assertThat(r.finding("logit_scale_initial").value()).isCloseTo(1 / 0.07, within(1e-9));
    assertThat(r.finding("loss_after").value()).isLessThan(r.finding("loss_before").value() / 5);
    assertThat(r.finding("diagonal_cosine").value()).isGreaterThan(0.8);
    assertThat(r.finding("off_diagonal_cosine").value()).isLessThan(0.3);
    assertThat(r.finding("zero_shot_accuracy").value())
        .isGreaterThan(3 * r.finding("zero_shot_chance").value());
  }

  private static double[][] randomMatrix(int rows, int cols, Rng rng) {
    double[][] m = new double[rows][cols];
    for (double[] row : m) {
      rng.fillGaussian(row);
    }
    return m;
  }
}
