package dev.bagu.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
  /**
   * The fast tanh agrees with Math.tanh to 2 ulps: on a grid over both of its forms, on a million
   * seeded points where nets' pre-activations sit (mostly |z| < 1, around the switch at ln(3)/2),
   * down to tiny and subnormal z, and at the special values.
   */
  @Test
  void tanhMatchesMathTanh() {
    for (double z = -30; z <= 30; z += 0.0137) {
      assertWithinTwoUlps(z);
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 1_000_000; i++) {
      double z = switch (i % 3) {
        case 0 -> random.nextDouble(-0.6, 0.6);
        case 1 -> 0.3 * random.nextGaussian();
        default -> Math.scalb(random.nextDouble(), -random.nextInt(1080));
      };
      assertWithinTwoUlps(z);
    }
    assertThat(Activation.TANH.apply(1e-12)).isEqualTo(Math.tanh(1e-12)); // no cancellation
    assertThat(Activation.TANH.apply(-0.0)).isEqualTo(-0.0); // the sign of zero kept
    assertThat(Activation.TANH.apply(Double.POSITIVE_INFINITY)).isEqualTo(1);
    assertThat(Activation.TANH.apply(Double.NEGATIVE_INFINITY)).isEqualTo(-1);
    assertThat(Activation.TANH.apply(Double.NaN)).isNaN();
  }

  private static void assertWithinTwoUlps(double z) {
    double expected = Math.tanh(z);
    double actual = Activation.TANH.apply(z);
    if (Math.abs(actual - expected) > 2 * Math.ulp(expected)) { // assertThat only on failure:
      assertThat(actual).as("tanh(%s)", z) // a million AssertJ calls take seconds
          .isCloseTo(expected, within(2 * Math.ulp(expected)));
    }
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
