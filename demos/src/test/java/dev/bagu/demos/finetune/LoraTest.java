package dev.bagu.demos.finetune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demos.finetune.LoraExperiment.Run;
import dev.bagu.demos.finetune.LoraExperiment.Task;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoraTest {
  /** A layer with B moved off 0, so every gradient is non-trivial. */
  private static LoraLayer perturbed(Task task, int rank, long seed) {
    LoraLayer layer = new LoraLayer(task.w0(), rank, 4, Rng.seeded(seed));
    double[][] b = Matrices.gaussian(layer.b.length, rank, 0.3, Rng.seeded(seed + 1));
    for (int i = 0; i < b.length; i++) {
      System.arraycopy(b[i], 0, layer.b[i], 0, rank);
    }
    return layer;
  }

  /** Loss on the data, for finite differences. */
  private static double loss(LoraLayer layer, Task task) {
    return layer.gradients(task.x(), task.y()).loss();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3})
  void handWrittenGradientsEqualFiniteDifferences(int rank) {
    Task task = LoraExperiment.task(16, 2, Rng.seeded(3));
    LoraLayer layer = perturbed(task, rank, 7);
    LoraLayer.Gradients g = layer.gradients(task.x(), task.y());
    double h = 1e-6;
    for (double[][][] pair : List.of(new double[][][] {layer.a, g.dA()},
        new double[][][] {layer.b, g.dB()})) {
      double[][] w = pair[0];
      for (int i = 0; i < w.length; i += 3) {
        for (int j = 0; j < w[i].length; j += 2) {
          double keep = w[i][j];
          w[i][j] = keep + h;
          double up = loss(layer, task);
          w[i][j] = keep - h;
          double down = loss(layer, task);
          w[i][j] = keep;
          assertThat(pair[1][i][j]).as("(" + i + ", " + j + ")")
              .isCloseTo((up - down) / (2 * h), within(1e-7));
        }
      }
    }
  }

  @Test
  void whitenedShortcutEqualsTheDataGradients() {
    Task task = LoraExperiment.task(16, 3, Rng.seeded(5));
    double[][] xtx = Matrices.multiply(Matrices.transpose(task.x()), task.x());
    assertThat(Matrices.maxAbsDifference(Matrices.scale(xtx, 1.0 / task.x().length),
        Matrices.identity(16))).isLessThan(1e-12);
    LoraLayer layer = perturbed(task, 2, 9);
    LoraLayer.Gradients data = layer.gradients(task.x(), task.y());
    LoraLayer.Gradients fast = layer.gradientsWhitened(task.target());
    assertThat(fast.loss()).isCloseTo(data.loss(), within(1e-10));
    assertThat(Matrices.maxAbsDifference(fast.dA(), data.dA())).isLessThan(1e-10);
    assertThat(Matrices.maxAbsDifference(fast.dB(), data.dB())).isLessThan(1e-10);
  }

  @Test
  void lowRankSingularValuesAreTheDenseOnes() {
    Rng rng = Rng.seeded(7);
    double[][] left = Matrices.gaussian(20, 3, 1, rng);
    double[][] right = Matrices.gaussian(3, 15, 1, rng);
    double[] dense = LoraExperiment.singularValues(Matrices.multiply(left, right));
    double[] fast = LoraExperiment.lowRankSingularValues(left, right);
    assertThat(fast).hasSize(15);
    for (int i = 0; i < 15; i++) {
      assertThat(fast[i]).as("σ_" + i).isCloseTo(dense[i], within(1e-12));
    }
    Task task = LoraExperiment.task(24, 5, Rng.seeded(1));
    double[] trueDense = LoraExperiment.singularValues(task.trueUpdate());
    for (int i = 0; i < 24; i++) {
      assertThat(task.trueSigma()[i]).as("ΔW* σ_" + i).isCloseTo(trueDense[i], within(1e-12));
    }
    Run learned = LoraExperiment.trainAll(task, 3, 8, 20, 0.01, 3).get(2);
    double[] learnedDense = LoraExperiment.singularValues(learned.update());
    for (int i = 0; i < 24; i++) {
      assertThat(learned.singularValues()[i]).as("learned σ_" + i)
          .isCloseTo(learnedDense[i], within(1e-12));
    }
  }

  @Test
  void trueUpdateHasTheAskedRank() {
    Task task = LoraExperiment.task(24, 5, Rng.seeded(1));
    double[] s = LoraExperiment.singularValues(task.trueUpdate());
    assertThat(s[4]).isGreaterThan(0.3);
    assertThat(s[5]).isLessThan(1e-12);
  }

  @Test
  void errorVanishesFromTheTrueRankAndFollowsEckartYoungBelow() {
    Task task = LoraExperiment.task(32, 4, Rng.seeded(2));
    List<Run> runs = LoraExperiment.trainAll(task, 6, 8, 300, 0.01, 2);
    for (Run run : runs) {
      assertThat(run.initialDifference()).isZero(); // B = 0: adapted = base exactly
      assertThat(run.mergeDifference()).isLessThan(1e-12);
      if (run.rank() >= 4) {
        assertThat(run.relativeError()).as("r = " + run.rank()).isLessThan(0.01);
      } else {
        assertThat(run.relativeError()).as("r = " + run.rank())
            .isCloseTo(run.bestError(), within(0.01)).isGreaterThan(0.1);
      }
    }
  }

  @Test
  void demoFindingsAgree() {
    LoraDemo demo = new LoraDemo();
    dev.bagu.demo.Result r = demo.run(dev.bagu.demo.Params.defaults(demo.params()));
    r.findings().stream().filter(f -> f.reference().isPresent())
        .forEach(f -> assertThat(f.agrees()).as(f.key() + " = " + f.value()).isTrue());
  }

  /** The training order alternates largest and smallest rank, and visits every rank once. */
  @Test
  void ranksTrainLargestSmallestAlternating() {
    assertThat(LoraExperiment.largestSmallestAlternating(new int[] {1, 3, 4, 8}))
        .containsExactly(3, 0, 2, 1);
    for (int n = 1; n <= 9; n++) {
      int[] sorted = LoraExperiment.largestSmallestAlternating(new int[n]);
      java.util.Arrays.sort(sorted);
      assertThat(sorted).containsExactly(java.util.stream.IntStream.range(0, n).toArray());
    }
  }
}
