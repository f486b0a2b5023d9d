package dev.bagu.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatricesTest {
  static final double[][] A = {{1, 2, 3}, {4, 5, 6}};
  static final double[][] B = {{1, 0}, {0, 1}, {2, -1}};

  @Test
  void productsByHand() {
    assertThat(Matrices.multiply(A, B)).isDeepEqualTo(new double[][] {{7, -1}, {16, -1}});
    // A Aᵀ: row dot products.
    assertThat(Matrices.multiplyTransposed(A, A)).isDeepEqualTo(new double[][] {{14, 32},
        {32, 77}});
    assertThat(Matrices.transpose(A)).isDeepEqualTo(new double[][] {{1, 4}, {2, 5}, {3, 6}});
  }

  @Test
  void slicingAndConcatenationAreInverse() {
    double[][] left = Matrices.columns(A, 0, 1);
    double[][] right = Matrices.columns(A, 1, 3);
    assertThat(left).isDeepEqualTo(new double[][] {{1}, {4}});
    assertThat(Matrices.concatColumns(List.of(left, right))).isDeepEqualTo(A);
  }

  @Test
  void elementwiseHelpers() {
    assertThat(Matrices.add(A, Matrices.scale(A, -1))).isDeepEqualTo(new double[2][3]);
    assertThat(Matrices.maxAbsDifference(A, Matrices.scale(A, 2))).isEqualTo(6);
    assertThat(Matrices.frobenius(new double[][] {{3, 4}})).isEqualTo(5);
    assertThat(Matrices.identity(2)).isDeepEqualTo(new double[][] {{1, 0}, {0, 1}});
  }

  @Test
  void mismatchedShapesAreNamed() {
    assertThatThrownBy(() -> Matrices.multiply(A, A))
        .hasMessage("multiply: inner sizes differ (3 vs 2)");
    assertThatThrownBy(() -> Matrices.add(A, B)).hasMessage("shapes differ: (2, 3) vs (3, 2)");
  }
}
