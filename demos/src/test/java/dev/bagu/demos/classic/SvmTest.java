package dev.bagu.demos.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import dev.bagu.demos.classic.Svm.Kernel;
import dev.bagu.math.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SvmTest {
  @Test
  void twoPointsGiveTheirPerpendicularBisector() {
    // x₋ = (0, 0), x₊ = (2, 0): w = (1, 0), b = −1, margin width 2
    Svm m = Svm.train(new double[][] {{0, 0}, {2, 0}}, new int[] {0, 1}, Kernel.LINEAR, 1e5, 1);
    assertThat(m.weights()).containsExactly(new double[] {1, 0}, within(1e-6));
    assertThat(m.bias()).isCloseTo(-1, within(1e-6));
    assertThat(m.decision(2, 5)).isCloseTo(1, within(1e-6)); // positive for class 1
    assertThat(m.support()).containsExactly(0, 1);
  }

  @Test
  void signFollowsScikitLearnWhateverOrderLibsvmMeetsTheLabels() {
    double[][] x = {{2, 0}, {0, 0}}; // class 1 first: LIBSVM's label[0] is 1
    Svm m = Svm.train(x, new int[] {1, 0}, Kernel.LINEAR, 1e5, 1);
    assertThat(m.decision(2, 0)).isCloseTo(1, within(1e-6));
    assertThat(m.decision(0, 0)).isCloseTo(-1, within(1e-6));
    assertThat(m.weights()[0]).isCloseTo(1, within(1e-6));
  }

  @Test
  void hardMarginMatchesTheClosedFormOnTheSeparableSet() {
    for (long seed = 0; seed < 5; seed++) {
      SvmPoints p = HardMargin.points(40, Rng.stream(seed, 2));
      double[] closed = HardMargin.closedForm();
      Svm m = Svm.train(p.x(), p.y(), Kernel.LINEAR, SvmDemo.HARD_C, 1);
      assertThat(m.weights()).containsExactly(new double[] {closed[0], closed[1]}, within(1e-3));
      assertThat(m.bias()).isCloseTo(closed[2], within(1e-3));
      assertThat(m.support()).containsExactly(0, 1);
      for (int i = 0; i < p.size(); i++) { // the construction: everyone else well outside
        double margin = (p.y()[i] == 1 ? 1 : -1)
            * (closed[0] * p.x()[i][0] + closed[1] * p.x()[i][1] + closed[2]);
        assertThat(margin).isGreaterThanOrEqualTo(i < 2 ? 1 - 1e-12 : 1.4);
      }
    }
  }

  @Test
  void kktConditionsHoldOnRandomSoftMarginProblems() {
    for (Kernel k : Kernel.values()) {
      for (double c : new double[] {0.01, 1, 100}) {
        SvmPoints p = SvmPoints.of(Params.defaults(new SvmDemo().params()).withSeed(3), "blobs",
            80);
        Svm m = Svm.train(p.x(), p.y(), k, c, Svm.scaleGamma(p.x()));
        assertThat(m.kktViolation(p.x(), p.y())).as(k + " C=" + c)
            .isLessThanOrEqualTo(2 * Svm.TOLERANCE);
        double sum = 0; // Σ α_i y_i = 0
        double[] alpha = m.alpha();
        for (int i = 0; i < p.size(); i++) {
          sum += alpha[i] * (p.y()[i] == 1 ? 1 : -1);
          assertThat(alpha[i]).isBetween(0.0, c * (1 + 1e-12));
        }
        assertThat(sum).isCloseTo(0, within(1e-9 * Math.max(1, c * p.size())));
        int[] sv = m.support();
        int[] sorted = sv.clone();
        Arrays.sort(sorted);
        assertThat(sv).containsExactly(sorted);
      }
    }
  }

  @Test
  void gridFieldIsLibsvmsDecisionFunctionForEveryKernel() {
    SvmPoints p = SvmPoints.of(Params.defaults(new SvmDemo().params()).withSeed(5), "moons", 60);
    double[] xs = {-1.7, -0.3, 0, 0.4, 2.9};
    double[] ys = {-1.1, 0.2, 0.75, 1.6};
    for (Kernel k : Kernel.values()) {
      for (double gamma : new double[] {0.3, 4}) {
        Svm m = Svm.train(p.x(), p.y(), k, 2, gamma);
        double[][] z = DecisionGrid.field(m, xs, ys);
        assertThat(z).hasDimensions(ys.length, xs.length);
        for (int j = 0; j < ys.length; j++) {
          for (int i = 0; i < xs.length; i++) {
            double f = m.decision(xs[i], ys[j]); // LIBSVM's svm_predict_values
            assertThat(z[j][i]).as(k + " γ=" + gamma + " at " + xs[i] + ", " + ys[j])
                .isCloseTo(f, within(1e-9 * Math.max(1, Math.abs(f))));
          }
        }
      }
    }
  }

  @Test
  void memoisedMarginSweepEqualsFreshFitsAndNarrowsWithC() {
    SvmPoints p = SvmPoints.of(Params.defaults(new SvmDemo().params()).withSeed(7), "blobs", 70);
    MarginSweep fresh = MarginSweep.fit(p.x(), p.y());
    MarginSweep first = MarginSweep.of(p.x(), p.y());
    first.width()[0] = -1; // a caller's arrays are its own
    MarginSweep again = MarginSweep.of(p.x(), p.y());
    assertThat(again.width()).containsExactly(fresh.width());
    assertThat(again.share()).containsExactly(fresh.share());
    for (int i = 0; i < MarginSweep.C_GRID.length; i++) {
      Svm m = Svm.train(p.x(), p.y(), Kernel.LINEAR, MarginSweep.C_GRID[i], 1);
      assertThat(fresh.width()[i]).isEqualTo(MarginSweep.width(m));
      if (i > 0) { // the margin cannot widen as C grows (½‖w‖² weighs less against the slacks)
        assertThat(fresh.width()[i]).isLessThanOrEqualTo(fresh.width()[i - 1] * (1 + 1e-2));
      }
    }
    SvmPoints other = SvmPoints.of(Params.defaults(new SvmDemo().params()).withSeed(8), "blobs",
        70);
    assertThat(MarginSweep.of(other.x(), other.y()).width()).isNotEqualTo(fresh.width());
  }

  @Test
  void scaleGammaIsOneOverFeaturesTimesVariance() {
    double[][] x = {{0, 0}, {2, 0}, {0, 2}, {2, 2}}; // all 8 values: mean 1, variance 1
    assertThat(Svm.scaleGamma(x)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void demoDataCarryTheSupportAndTheDecisionAtEveryPoint() {
    SvmDemo demo = new SvmDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    int[] support = (int[]) r.data().get("support");
    double[] f = (double[]) r.data().get("decision");
    assertThat(f).hasSize(100);
    assertThat(support.length).isEqualTo((int) r.finding("support_vectors").value());
    for (Finding finding : r.findings()) {
      if (finding.reference().isPresent()) {
        assertThat(finding.agrees()).as(finding.key()).isTrue();
      }
    }
  }

  @Test
  void readsTwoClassPointsSortingTheLabels(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("points.csv");
    Files.writeString(file, "label,x,y\nyes,2,0\nno,0,0\nyes,3,1\n");
    SvmPoints p = SvmPoints.read(file);
    assertThat(p.classNames()).containsExactly("no", "yes");
    assertThat(p.y()).containsExactly(1, 0, 1);
    Files.writeString(file, "x,y,label\n0,0,10\n1,1,9\n");
    assertThat(SvmPoints.read(file).classNames()).containsExactly("9", "10"); // numerically
    SvmDemo demo = new SvmDemo();
    Files.writeString(file, "x,y,label\n0,0,a\n2,0,b\n0,1,a\n2,1,b\n");
    Result r = demo.run(Params.defaults(demo.params()).withInput(file));
    assertThat((int[]) r.data().get("support")).isNotEmpty().isSorted().doesNotContain(-1, 4);
    assertThat(((double[]) r.data().get("decision"))[1]).isGreaterThan(0); // b sorts second
  }

  @Test
  void badFilesNameFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("points.csv");
    for (List<String> c : List.of(
        List.of("x,y,label\n0,0,a\n1,1,b\n2,2,c\n", "points.csv line 4, column label: a third class 'c'"),
        List.of("x,y,label\n0,0,a\n1,1,a\n", "points.csv line 3, column label: only one class ('a')"),
        List.of("x,y\n0,0\n", "points.csv"),
        List.of("x,y,label\n0,oops,a\n1,1,b\n", "points.csv line 2, column y"))) {
      Files.writeString(file, c.get(0));
      assertThatThrownBy(() -> SvmPoints.read(file)).isInstanceOf(UserException.class)
          .hasMessageContaining(c.get(1));
    }
  }
}
