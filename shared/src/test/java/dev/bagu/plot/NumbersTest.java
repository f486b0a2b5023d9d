package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers.fixed writes what String.format("%.nf") writes, sign of zero aside. */
class NumbersTest {
  private static String formatted(double x, int digits) {
    return Numbers.unsignedZero(String.format(Locale.US, "%." + digits + "f", x));
  }

  @Test
  void fixedMatchesStringFormatOnTickValuesAndRandomOnes() {
    double[] steps = {1e-6, 2.5e-5, 1e-4, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.25,
        0.5, 1, 2.5, 5, 10, 25, 100, 1000, 1e6};
    Random random = new Random(3);
    for (int i = 0; i < 200_000; i++) {
      double step = steps[random.nextInt(steps.length)];
      double x = switch (i % 3) {
        case 0 -> (random.nextInt(2001) - 1000) * step;
        case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
        default -> Math.round(random.nextGaussian() * 1e6) / Math.pow(10, random.nextInt(10));
      };
      int digits = random.nextInt(13);
      assertThat(Numbers.fixed(x, digits)).as("%s, %d digits", x, digits)
          .isEqualTo(formatted(x, digits));
    }
  }

  @Test
  void halvesZerosAndTheUnusual() {
    for (double x : new double[] {0.125, 0.375, 2.5, -2.5, 1.005, -0.0, -0.001, 1e-300, 9.995,
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE}) {
      for (int digits = 0; digits <= 3; digits++) {
        assertThat(Numbers.fixed(x, digits)).isEqualTo(formatted(x, digits));
      }
    }
    assertThat(Numbers.fixed(-0.001, 2)).isEqualTo("0.00");
    assertThat(Numbers.fixed(0.125, 2)).isEqualTo("0.13");
  }
}
