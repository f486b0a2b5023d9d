package dev.bagu.demos.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demos.training.Optimizer.Kind;
import dev.bagu.math.Rng;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizersTest {
  /** Two steps of one rule on a one-coordinate θ with the given gradients. */
  private static double[] twoSteps(Kind kind, double lr, double mu, double wd, double theta,
      double g1, double g2) {
    Optimizer opt = new Optimizer(kind, lr, mu, wd);
    double[] t = {theta};
    opt.step(t, new double[] {g1});
    double first = t[0];
    opt.step(t, new double[] {g2});
    return new double[] {first, t[0]};
  }

  @Test
  void sgdStepsAlongMinusTheGradient() {
    assertThat(twoSteps(Kind.SGD, 0.1, 0, 0, 1, 2, 2)).containsExactly(new double[] {0.8, 0.6},
        within(1e-15));
  }

  @Test
  void momentumBufferStartsAtTheFirstGradient() {
    // torch: b₁ = g₁ = 1, θ = −0.1; b₂ = 0.9·1 + 1 = 1.9, θ = −0.1 − 0.19 = −0.29
    assertThat(twoSteps(Kind.MOMENTUM, 0.1, 0.9, 0, 0, 1, 1))
        .containsExactly(new double[] {-0.1, -0.29}, within(1e-15));
  }

  @Test
  void nesterovStepsWithGradientPlusMuTimesBuffer() {
    // b₁ = 1, step g + μb = 1.9 → −0.19; b₂ = 1.9, step 1 + 0.9·1.9 = 2.71 → −0.461
    assertThat(twoSteps(Kind.NESTEROV, 0.1, 0.9, 0, 0, 1, 1))
        .containsExactly(new double[] {-0.19, -0.461}, within(1e-15));
  }

  @Test
  void adagradDividesByTheRootOfTheSumOfSquares() {
    // s = 4: step 0.1·2/(2 + 1e-10); s = 8: step 0.1·2/√8
    double[] t = twoSteps(Kind.ADAGRAD, 0.1, 0, 0, 0, 2, 2);
    assertThat(t[0]).isCloseTo(-0.1 * 2 / (2 + 1e-10), within(1e-16));
    assertThat(t[1]).isCloseTo(t[0] - 0.2 / (Math.sqrt(8) + 1e-10), within(1e-16));
  }

  @Test
  void rmspropUsesAlpha099AndEpsAfterTheRoot() {
    // v = 0.01·1 = 0.01, step 0.01·1/(0.1 + 1e-8); v = 0.99·0.01 + 0.01 = 0.0199
    double[] t = twoSteps(Kind.RMSPROP, 0.01, 0, 0, 0, 1, 1);
    assertThat(t[0]).isCloseTo(-0.01 / (0.1 + 1e-8), within(1e-16));
    assertThat(t[1]).isCloseTo(t[0] - 0.01 / (Math.sqrt(0.0199) + 1e-8), within(1e-16));
  }

  @Test
  void adamFirstStepsAreLrTimesTheSignOfTheGradient() {
    // bias correction: with a constant gradient m̂ = g and v̂ = g² at every step
    for (double g : new double[] {-300, -1e-3, 0.5, 7}) {
      double[] t = twoSteps(Kind.ADAM, 0.01, 0, 0, 0, g, g);
      double epsShare = 2e-8 / Math.abs(g) * 0.01 + 1e-15; // ε/|g| of the step, with slack
      assertThat(t[0]).isCloseTo(-0.01 * Math.signum(g), within(epsShare));
      assertThat(t[1] - t[0]).isCloseTo(-0.01 * Math.signum(g), within(epsShare));
    }
  }

  @Test
  void adamwDecaysTheWeightsOutsideTheAdaptiveStep() {
    // zero gradient: the Adam step is 0/(0 + ε) = 0, so only θ ← θ − lr·λ·θ acts
    assertThat(twoSteps(Kind.ADAMW, 0.1, 0, 0.5, 1, 0, 0))
        .containsExactly(new double[] {0.95, 0.95 * 0.95}, within(1e-15));
    // and Adam ignores the weight decay argument
    assertThat(twoSteps(Kind.ADAM, 0.1, 0, 0.5, 1, 0, 0))
        .containsExactly(new double[] {1, 1}, within(0.0));
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    Rng rng = Rng.stream(11, 1);
    double h = 1e-6;
    double[] g = new double[2];
    for (TestFunction f : TestFunction.values()) {
      for (int k = 0; k < 200; k++) {
        double x = rng.uniform(-2, 2);
        double y = rng.uniform(-1.5, 2.5);
        f.gradient(x, y, g);
        double gx = (f.value(x + h, y) - f.value(x - h, y)) / (2 * h);
        double gy = (f.value(x, y + h) - f.value(x, y - h)) / (2 * h);
        assertThat(g[0]).as(f + " ∂f/∂x").isCloseTo(gx, within(1e-5 * (1 + Math.abs(gx))));
        assertThat(g[1]).as(f + " ∂f/∂y").isCloseTo(gy, within(1e-5 * (1 + Math.abs(gy))));
      }
    }
  }

  @Test
  void functionsAreZeroWithZeroGradientAtTheirMinima() {
    double[] g = new double[2];
    assertThat(TestFunction.ROSENBROCK.value(-1.2, 1)).isCloseTo(24.2, within(1e-12));
    for (TestFunction f : TestFunction.values()) {
      for (double[] m : f.minima()) {
        assertThat(f.value(m[0], m[1])).isZero();
        f.gradient(m[0], m[1], g);
        assertThat(Math.abs(g[0]) + Math.abs(g[1])).isZero();
        assertThat(f.distanceToMinimum(m[0], m[1])).isZero();
      }
    }
  }

  @Test
  void sgdAboveTwoOverTheLargestCurvatureDiverges() {
    // quadratic 5x² + 500y²: y ← (1 − 1000·lr) y, unstable for lr > 0.002
    Descent stable = Descent.run(TestFunction.QUADRATIC, new Optimizer(Kind.SGD, 0.0019, 0, 0), 500);
    Descent unstable = Descent.run(TestFunction.QUADRATIC,
        new Optimizer(Kind.SGD, 0.0021, 0, 0), 500);
    assertThat(stable.diverged()).isFalse();
    assertThat(stable.points()).isEqualTo(501);
    assertThat(unstable.diverged()).isTrue();
    assertThat(unstable.points()).isLessThan(501);
  }

  @Test
  void demoPathsStartAtTheStartWithOnePointPerStep() {
    OptimizersDemo demo = new OptimizersDemo();
    for (String function : List.of("rosenbrock", "saddle", "quadratic")) {
      Params p = Params.defaults(demo.params()).with("function", function).with("steps", 50);
      Result r = demo.run(p);
      @SuppressWarnings("unchecked")
      Map<String, List<double[]>> paths = (Map<String, List<double[]>>) r.data().get("paths");
      assertThat(paths.keySet()).containsExactly("sgd", "momentum", "nesterov", "adagrad",
          "rmsprop", "adam", "adamw");
      double[] start = TestFunction.of(function).start();
      for (List<double[]> path : paths.values()) {
        assertThat(path).hasSize(51);
        assertThat(path.get(0)).containsExactly(start);
      }
      for (Finding f : r.findings()) {
        if (f.reference().isPresent()) {
          assertThat(f.agrees()).as(function + " " + f.key()).isTrue();
        }
      }
      double[] last = paths.get("momentum").get(50);
      assertThat(r.finding("distance_momentum").value())
          .isEqualTo(TestFunction.of(function).distanceToMinimum(last[0], last[1]));
    }
  }
}
