package dev.bagu.demos.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.math.Rng;
import org.junit.jupiter.api.Test;

class FloatFormatTest {
  private static final FloatFormat H = FloatFormat.FP16;
  private static final FloatFormat B = FloatFormat.BF16;

  /** fp16 bit pattern → value, written out independently of FloatFormat (IEEE 754 binary16). */
  private static double fp16Value(int bits) {
    int sign = (bits >> 15) & 1;
    int exp = (bits >> 10) & 0x1F;
    int frac = bits & 0x3FF;
    double v;
    if (exp == 31) {
      v = frac == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (exp == 0) {
      v = frac * Math.pow(2, -24); // 0.frac · 2⁻¹⁴
    } else {
      v = (1024 + frac) * Math.pow(2, exp - 25); // 1.frac · 2^(exp − 15)
    }
    return sign == 1 ? -v : v;
  }

  @Test
  void decodesEveryFp16PatternAndRoundTripsIt() {
    for (int bits = 0; bits < 1 << 16; bits++) {
      double expected = fp16Value(bits);
      double v = H.decode(bits);
      if (Double.isNaN(expected)) {
        assertThat(v).as("pattern %04x", bits).isNaN();
        continue;
      }
      assertThat(Double.doubleToRawLongBits(v)).as("pattern %04x", bits)
          .isEqualTo(Double.doubleToRawLongBits(expected));
      assertThat(H.round(v)).as("pattern %04x is representable", bits).isEqualTo(v);
      assertThat(H.encode(v)).as("pattern %04x", bits).isEqualTo(bits);
    }
  }

  @Test
  void roundsEveryGapBetweenNeighbouringFp16ValuesToNearestTiesToEven() {
    // Positive finite values in order are the patterns 0x0000 … 0x7BFF.
    for (int bits = 0; bits < 0x7BFF; bits++) {
      double lo = fp16Value(bits);
      double hi = fp16Value(bits + 1);
      double mid = (lo + hi) / 2; // exact in double
      double even = (bits & 1) == 0 ? lo : hi;
      assertThat(H.round(mid)).as("tie between %04x and the next", bits).isEqualTo(even);
      assertThat(H.round(Math.nextDown(mid))).as("just under the tie %04x", bits).isEqualTo(lo);
      assertThat(H.round(Math.nextUp(mid))).as("just over the tie %04x", bits).isEqualTo(hi);
      assertThat(H.round(-Math.nextUp(mid))).isEqualTo(-hi);
    }
  }

  @Test
  void fp16HandCheckedCases() {
    assertThat(H.max()).isEqualTo(65504);
    assertThat(H.round(65519)).isEqualTo(65504);
    assertThat(H.round(65520)).isEqualTo(Double.POSITIVE_INFINITY); // tie, to even: 2¹⁶ overflows
    assertThat(H.round(-65520)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(H.minNormal()).isEqualTo(Math.pow(2, -14));
    assertThat(H.minSubnormal()).isEqualTo(Math.pow(2, -24));
    assertThat(H.epsilon()).isEqualTo(Math.pow(2, -10));
    assertThat(H.round(Math.pow(2, -25))).isZero(); // tie between 0 and 2⁻²⁴: to even, 0
    assertThat(H.round(Math.nextUp(Math.pow(2, -25)))).isEqualTo(Math.pow(2, -24));
    assertThat(H.round(0.1)).isEqualTo(0.0999755859375); // 0x2E66
    assertThat(H.encode(0.1)).isEqualTo(0x2E66);
    assertThat(H.encode(1)).isEqualTo(0x3C00);
    assertThat(H.encode(-2)).isEqualTo(0xC000);
    assertThat(H.encode(1 + Math.pow(2, -11))).isEqualTo(0x3C00); // tie 1 | 1 + 2⁻¹⁰: even
    assertThat(H.encode(1 + 3 * Math.pow(2, -11))).isEqualTo(0x3C02); // tie: up to even
    assertThat(H.encode(Double.POSITIVE_INFINITY)).isEqualTo(0x7C00);
    assertThat(H.decode(0x7C01)).isNaN();
    assertThat(H.round(2049)).isEqualTo(2048); // spacing 2 above 2048: tie to even
    assertThat(H.round(2051)).isEqualTo(2052);
  }

  @Test
  void bf16KnownCases() {
    assertThat(B.encode(1)).isEqualTo(0x3F80);
    assertThat(B.max()).isEqualTo(Float.intBitsToFloat(0x7F7F0000));
    assertThat(B.max()).isCloseTo(3.3895e38, within(1e34));
    assertThat(B.decode(0x7F7F)).isEqualTo(B.max());
    assertThat(B.minNormal()).isEqualTo(Math.pow(2, -126));
    assertThat(B.epsilon()).isEqualTo(Math.pow(2, -7));
    assertThat(B.encode(Math.PI)).isEqualTo(0x4049); // 3.140625
    assertThat(B.round(Float.intBitsToFloat(0x3F808000))).isEqualTo(1.0); // tie to even
    assertThat(B.round(Float.intBitsToFloat(0x3F818000)))
        .isEqualTo((double) Float.intBitsToFloat(0x3F820000)); // tie: up to even
    assertThat(B.encode(Float.intBitsToFloat(0x7F7F8000))).isEqualTo(0x7F80); // rounds to +∞
  }

  @Test
  void bf16AgreesWithTheUsualBitTrickOnRandomFloats() {
    // float32 → bf16, round to nearest even: (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    Rng rng = Rng.stream(5, 1);
    for (int i = 0; i < 200_000; i++) {
      int bits = rng.provider().nextInt();
      float f = Float.intBitsToFloat(bits);
      if (Float.isNaN(f) || Float.isInfinite(f)) {
        continue;
      }
      int trick = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
      assertThat(B.encode(f)).as("float %08x", bits).isEqualTo(trick & 0xFFFF);
    }
  }

  @Test
  void fp32AgreesWithJavasFloatCastOnRandomDoubles() {
    Rng rng = Rng.stream(5, 2);
    for (int i = 0; i < 200_000; i++) {
      double x = Math.scalb(rng.uniform(1, 2), rng.nextInt(300) - 160)
          * (rng.uniform() < 0.5 ? -1 : 1); // from below fp32's subnormals to past its max
      assertThat(FloatFormat.FP32.round(x)).as("%s", x).isEqualTo((double) (float) x);
    }
  }

  @Test
  void fp8Limits() {
    assertThat(FloatFormat.E4M3.max()).isEqualTo(448);
    assertThat(FloatFormat.E4M3.minSubnormal()).isEqualTo(Math.pow(2, -9));
    assertThat(FloatFormat.E4M3.round(464)).isEqualTo(448); // tie with the NaN slot: to even
    assertThat(FloatFormat.E4M3.round(470)).isNaN(); // no infinity in E4M3FN
    assertThat(FloatFormat.E4M3.decode(0x7F)).isNaN();
    assertThat(FloatFormat.E4M3.decode(0x7E)).isEqualTo(448);
    assertThat(FloatFormat.E5M2.max()).isEqualTo(57344);
    assertThat(FloatFormat.E5M2.round(61440)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(FloatFormat.E5M2.minSubnormal()).isEqualTo(Math.pow(2, -16));
  }

  @Test
  void int8HasTheSameSpacingEverywhere() {
    Int8Format q = Int8Format.forAbsMax(1);
    assertThat(q.round(1)).isEqualTo(1);
    assertThat(q.round(5)).isEqualTo(1); // clamped
    assertThat(q.round(0.5 / 127)).isZero(); // tie: to even, 0
    assertThat(q.round(1.5 / 127)).isCloseTo(2.0 / 127, within(1e-15));
  }

  @Test
  void mixedPrecisionExperiments() {
    assertThat(MixedPrecision.expOverflowThreshold()).isCloseTo(Math.log(65520), within(1e-9));
    double[] low = MixedPrecision.softmaxMax(5, 8);
    assertThat(low[1]).isCloseTo(low[0], within(4e-3));
    double[] high = MixedPrecision.softmaxMax(12, 8);
    assertThat(high[1]).isNaN();
    assertThat(high[2]).isCloseTo(high[0], within(4e-3));
    // fp16 weights: 1 − 1e-4 rounds back to 1 (half the gap below 1 is 2⁻¹² ≈ 2.4e-4)
    double[] w16 = MixedPrecision.repeatedUpdate(FloatFormat.FP16, 1, 1e-4, 100);
    assertThat(w16[100]).isEqualTo(1);
    double[] w32 = MixedPrecision.repeatedUpdate(FloatFormat.FP32, 1, 1e-4, 100);
    assertThat(w32[100]).isCloseTo(0.99, within(1e-5));
    // loss scaling: the measured share lost matches the normal model within sampling error
    double[] g = MixedPrecision.gradients(100_000, -27, 4, Rng.stream(1, 1));
    for (int k : new int[] {0, 5, 10}) {
      assertThat(MixedPrecision.scale(g, Math.scalb(1.0, k)).underflow())
          .isCloseTo(MixedPrecision.underflowTheory(-27, 4, k), within(0.005));
    }
  }
}
