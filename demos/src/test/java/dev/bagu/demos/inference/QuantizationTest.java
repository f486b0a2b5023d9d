package dev.bagu.demos.inference;

import static dev.bagu.demos.inference.RoundToNearest.Granularity.GROUPED;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_CHANNEL;
import static dev.bagu.demos.inference.RoundToNearest.Granularity.PER_TENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.inference.RoundToNearest.Grid;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class QuantizationTest {
  @Test
  void roundToNearestOnAHandWorkedGrid() {
    // 2 bits over [−1, 2]: scale 1, zero 1, levels −1, 0, 1, 2.
    Grid g = Grid.covering(-1, 2, 2);
    assertThat(g.scale()).isEqualTo(1);
    assertThat(g.zero()).isEqualTo(1);
    assertThat(g.levels()).containsExactly(-1, 0, 1, 2);
    assertThat(g.quantize(0.4)).isEqualTo(0);
    assertThat(g.quantize(0.6)).isEqualTo(1);
    assertThat(g.quantize(7)).isEqualTo(2); // clamped
    // A positive-only range still contains 0 exactly.
    assertThat(Grid.covering(0.5, 3, 4).quantize(0)).isEqualTo(0);
    double[][] w = {{0, 1, 2, 3}, {0, 10, 20, 30}};
    // Per tensor, 2 bits over [0, 30]: levels 0, 10, 20, 30; the first row collapses to 0.
    assertThat(RoundToNearest.quantize(w, 2, PER_TENSOR, 0)[0]).containsExactly(0, 0, 0, 0);
    // Per channel each row has its own grid and is exact here.
    assertThat(RoundToNearest.quantize(w, 2, PER_CHANNEL, 0)).isEqualTo(w);
    assertThat(RoundToNearest.bitsPerWeight(4, GROUPED, 128, 10, 256))
        .isEqualTo(4 + 20.0 / 128);
  }

  @Test
  void outputErrorFromTheGramMatrixEqualsTheDirectOne() {
    Rng rng = Rng.seeded(1);
    double[][] w = Matrices.gaussian(5, 7, 1, rng);
    double[][] q = Matrices.gaussian(5, 7, 1, rng);
    double[][] x = Matrices.gaussian(7, 11, 1, rng);
    double[][] delta = Matrices.add(w, Matrices.scale(q, -1));
    double direct = Math.pow(Matrices.frobenius(Matrices.multiply(delta, x)), 2);
    assertThat(Gptq.outputError(w, q, Gptq.gram(x))).isCloseTo(direct, within(1e-9 * direct));
  }

  @Test
  void inverseCholeskyFactorReproducesTheInverse() {
    double[][] h = Gptq.hessian(Gptq.gram(Matrices.gaussian(6, 20, 1, Rng.seeded(2))));
    double[][] u = Gptq.inverseCholeskyUpper(h);
    double[][] inverse = Matrices.multiply(Matrices.transpose(u), u);
    double[][] product = Matrices.multiply(h, inverse);
    assertThat(Matrices.maxAbsDifference(product, Matrices.identity(6))).isLessThan(1e-10);
    for (int i = 1; i < 6; i++) {
      assertThat(u[i][0]).isZero(); // upper triangular
    }
  }

  /**
   * The fast paths against the plain ones: the Gram matrix against Commons Math's XXᵀ, the output
   * error against ‖(W − Ŵ)X‖² computed from the outputs, and U against the Cholesky factor of
   * H⁻¹ taken directly (the factor is unique).
   */
  @Test
  void fastPathsAgreeWithThePlainComputations() {
    double[][] x = Matrices.gaussian(9, 30, 1, Rng.seeded(5));
    double[][] gram = Gptq.gram(x);
    assertThat(Matrices.maxAbsDifference(gram, Matrices.multiplyTransposed(x, x)))
        .isLessThan(1e-10);
    double[][] w = Matrices.gaussian(4, 9, 1, Rng.seeded(6));
    double[][] q = RoundToNearest.quantize(w, 3, PER_CHANNEL, 9);
    double[][] diff = Matrices.multiply(Matrices.add(w, Matrices.scale(q, -1)), x);
    double direct = 0;
    for (double[] row : diff) {
      for (double v : row) {
        direct += v * v;
      }
    }
    assertThat(Gptq.outputError(w, q, gram)).isCloseTo(direct, within(1e-9 * direct));
    double[][] h = Gptq.hessian(gram);
    var inverse = new org.apache.commons.math3.linear.CholeskyDecomposition(
        new org.apache.commons.math3.linear.Array2DRowRealMatrix(h)).getSolver().getInverse();
    var sym = inverse.add(inverse.transpose()).scalarMultiply(0.5);
    double[][] plain = new org.apache.commons.math3.linear.CholeskyDecomposition(sym).getLT()
        .getData();
    assertThat(Matrices.maxAbsDifference(Gptq.inverseCholeskyUpper(h), plain)).isLessThan(1e-10);
  }

  /**
   * With uncorrelated inputs (XXᵀ diagonal) the inverse Hessian's factor is diagonal, nothing is
   * passed on to later columns, and GPTQ is round-to-nearest exactly.
   */
  @Test
  void gptqIsRoundToNearestWhenInputsAreUncorrelated() {
    int cols = 12;
    double[][] x = new double[cols][cols];
    for (int i = 0; i < cols; i++) {
      x[i][i] = 1 + i; // orthogonal rows of different lengths
    }
    double[][] w = Matrices.gaussian(4, cols, 1, Rng.seeded(3));
    double[][] upper = Gptq.inverseCholeskyUpper(Gptq.hessian(Gptq.gram(x)));
    for (var g : new RoundToNearest.Granularity[] {PER_CHANNEL, GROUPED}) {
      assertThat(Gptq.quantize(w, upper, 3, g, 4))
          .isEqualTo(RoundToNearest.quantize(w, 3, g, 4));
    }
  }

  /**
   * The catalogue's checks on seeded LLM-like layers: INT8 error < INT4 error, and GPTQ's
   * ‖WX − ŴX‖² below round-to-nearest's at the same bits and grid (Frantar et al. 2022).
   */
  @Test
  void gptqBeatsRoundToNearestAndInt8BeatsInt4() {
    for (long seed = 0; seed < 4; seed++) {
      LlmLikeLayer layer = LlmLikeLayer.generate(16, 128, 192, 0.7, 3, 20, Rng.stream(seed, 1),
          Rng.stream(seed, 2));
      QuantizationSweep s = new QuantizationSweep(layer, 32);
      for (var g : RoundToNearest.Granularity.values()) {
        assertThat(s.error("rtn", 8, g)).isLessThan(s.error("rtn", 4, g));
        assertThat(s.error("rtn", 4, g)).isLessThan(s.error("rtn", 3, g));
      }
      for (int bits : QuantizationSweep.BITS) {
        for (var g : new RoundToNearest.Granularity[] {PER_CHANNEL, GROUPED}) {
          assertThat(s.error("gptq", bits, g)).as("seed %d, %d bits, %s", seed, bits, g)
              .isLessThan(s.error("rtn", bits, g));
        }
      }
      // Finer grids help round-to-nearest: per tensor is worst.
      assertThat(s.error("rtn", 4, PER_TENSOR)).isGreaterThan(s.error("rtn", 4, PER_CHANNEL));
    }
  }

  @Test
  void studentTWeightsHaveUnitVarianceAndHeavyTails() {
    Rng rng = Rng.seeded(4);
    int n = 200_000;
    double m2 = 0;
    double m4 = 0;
    for (int i = 0; i < n; i++) {
      double t = LlmLikeLayer.studentT(rng);
      m2 += t * t / n;
      m4 += t * t * t * t / n;
    }
    assertThat(m2).isCloseTo(1, within(0.03));
    assertThat(m4 / (m2 * m2)).as("kurtosis, 3 for a normal").isGreaterThan(5);
  }
}
