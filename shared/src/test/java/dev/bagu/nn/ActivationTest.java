package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
  /** The fast tanh agrees with Math.tanh to a few ulps, on both sides of its switch at 0.55. */
  @Test
  void tanhMatchesMathTanh() {
    for (double z = -30; z <= 30; z += 0.0137) {
      double expected = Math.tanh(z);
      assertThat(Activation.TANH.apply(z)).as("z = %s", z)
          .isCloseTo(expected, within(4 * Math.ulp(expected) + 1e-300));
    }
    assertThat(Activation.TANH.apply(1e-12)).isEqualTo(Math.tanh(1e-12)); // no cancellation
  }

  /** Each derivative against a central difference, and never above its stated maximum. */
  @ParameterizedTest
  @EnumSource(Activation.class)
  void derivativeMatchesFiniteDifferenceAndItsMaximum(Activation f) {
    double h = 1e-6;
    for (double z = -6; z <= 6; z += 0.173) { // the grid never hits ReLU's kink at 0
      double numeric = (f.apply(z + h) - f.apply(z - h)) / (2 * h);
      double d = f.derivative(z, f.apply(z));
      assertThat(d).as("%s'(%s)", f, z).isCloseTo(numeric, within(1e-8));
      assertThat(d).isLessThanOrEqualTo(f.maxDerivative());
    }
    assertThat(f.derivative(0, f.apply(0))).isEqualTo(f == Activation.RELU ? 0 : f.maxDerivative());
    assertThat(Activation.SIGMOID.apply(-800)).isZero();
    assertThat(Activation.SIGMOID.apply(800)).isEqualTo(1);
  }
}
