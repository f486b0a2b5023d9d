package dev.bagu.demos.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.bagu.demo.Params;
import dev.bagu.demo.UserException;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Attention;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FlashAttentionTest {
  private static double[][][] qkv(int n, int d, long seed) {
    Rng rng = Rng.seeded(seed);
    return new double[][][] {Matrices.gaussian(n, d, 1, rng), Matrices.gaussian(n, d, 1, rng),
        Matrices.gaussian(n, d, 1, rng)};
  }

  /** Tiled equals naive to 1e-12 relative, also when N is no multiple of the block sizes. */
  @ParameterizedTest(name = "N={0}, d={1}, M={2}, causal={3}")
  @CsvSource({"5, 2, 8, false", "5, 2, 8, true", "37, 8, 100, false", "37, 8, 100, true",
      "100, 16, 1000, false", "100, 16, 1000, true", "64, 64, 256, true", "50, 8, 1600, false",
      "129, 32, 4096, true", "1, 4, 16, true"})
  void tiledOutputEqualsNaive(int n, int d, int sram, boolean causal) {
    double[][][] x = qkv(n, d, n * 31L + d);
    // Large scores stress the online max: without the rescaling the exponentials overflow.
    double[][] q = Matrices.scale(x[0], 8);
    FlashAttention.Output tiled = FlashAttention.attend(q, x[1], x[2], causal, sram);
    double[][] naive = Attention.attend(q, x[1], x[2], causal);
    assertThat(FlashAttentionDemo.relativeError(tiled.output(), naive)).isLessThan(1e-12);
  }

  @Test
  void blockSizesFollowAlgorithmOne() {
    assertThat(FlashAttention.Blocks.of(4096, 64)).isEqualTo(new FlashAttention.Blocks(16, 16));
    assertThat(FlashAttention.Blocks.of(32768, 64)).isEqualTo(new FlashAttention.Blocks(64, 128));
    assertThat(FlashAttention.Blocks.of(100, 8)).isEqualTo(new FlashAttention.Blocks(4, 4));
    assertThat(FlashAttention.Blocks.of(16, 4)).isEqualTo(new FlashAttention.Blocks(1, 1));
  }

  /**
   * N = 3, d = 2, M = 16: B_c = B_r = 2, so blocks of rows {0, 1} and {2}. By hand: initialise
   * O, ℓ, m: write 6 + 3 + 3 = 12. For each of the two key blocks: load K_j, V_j (8, then 4); row
   * block {0, 1}: read Q, O (4 + 4), ℓ, m (2 + 2) = 12, write O, ℓ, m = 8; row block {2}: read 6,
   * write 4. Reads 8 + 12 + 6 + 4 + 12 + 6 = 48; writes 12 + 8 + 4 + 8 + 4 = 36.
   */
  @Test
  void countsMatchAHandCountOnATinyCase() {
    double[][][] x = qkv(3, 2, 1);
    FlashAttention.Traffic t = FlashAttention.attend(x[0], x[1], x[2], false, 16).hbm();
    assertThat(t.reads()).isEqualTo(48);
    assertThat(t.writes()).isEqualTo(36);
    assertThat(AttentionIo.tiledClosedForm(3, 2, 16)).isEqualTo(84);
    assertThat(AttentionIo.standard(3, 2)).isEqualTo(4 * 3 * 2 + 4 * 9);
  }

  @ParameterizedTest(name = "N={0}, d={1}, M={2}")
  @CsvSource({"37, 8, 100", "100, 16, 1000", "64, 64, 256", "129, 32, 4096"})
  void countedTrafficMatchesTheWalkAndTheClosedForm(int n, int d, int sram) {
    double[][][] x = qkv(n, d, 3);
    for (boolean causal : List.of(false, true)) {
      long counted = FlashAttention.attend(x[0], x[1], x[2], causal, sram).hbm().total();
      assertThat(AttentionIo.tiled(n, d, causal, sram)).isEqualTo(counted);
    }
    assertThat(AttentionIo.tiled(n, d, false, sram))
        .isEqualTo(AttentionIo.tiledClosedForm(n, d, sram));
    assertThat(AttentionIo.tiled(n, d, true, sram))
        .isLessThan(AttentionIo.tiled(n, d, false, sram));
  }

  /** Theorem 2 in numbers: tiling moves fewer floats than S and P once M is well above 3d². */
  @Test
  void tilingSavesTrafficOnlyWhenSramExceedsAboutThreeDSquared() {
    int n = 4096;
    int d = 64;
    assertThat(AttentionIo.tiled(n, d, false, 8 * d * d)).isLessThan(AttentionIo.standard(n, d));
    assertThat(AttentionIo.tiled(n, d, false, 2 * d * d))
        .isGreaterThan(AttentionIo.standard(n, d));
    // Large N: counted / (12N²d²/M) → 1.
    assertThat(AttentionIo.tiled(n, d, false, 4096) / AttentionIo.tiledLeading(n, d, 4096))
        .isCloseTo(1, within(0.03));
  }

  @Test
  void tilesRecordEveryBlockAndEndWithTheWholeSum() {
    double[][][] x = qkv(40, 4, 5);
    FlashAttentionTiles t = FlashAttentionTiles.record(x[0], x[1], x[2], true, 64, 1000);
    // B = 4: 10 row blocks, 10 key blocks, causal keeps the 55 on or below the diagonal.
    assertThat(t.steps()).isEqualTo(55).isEqualTo(t.snapshots().size());
    double[] end = t.snapshots().get(54).seen();
    for (double share : end) {
      assertThat(share).isCloseTo(1, within(1e-12));
    }
    FlashAttentionTiles few = FlashAttentionTiles.record(x[0], x[1], x[2], false, 64, 12);
    assertThat(few.snapshots()).hasSize(12);
    assertThat(few.snapshots().get(11).step()).isEqualTo(99);
  }

  @Test
  void lengthsThatTimeTheSameSizesShareOneMeasurementForAPreviewToShow() {
    // n = 100 and n = 200 both time N = 64, 128, 192, 256 (N held at 256 or more).
    AttentionTiming.Times first = AttentionTiming.measure(100, 8, false, 64, 1, 2);
    assertThat(first.ns()).containsExactly(64, 128, 192, 256);
    assertThat(AttentionTiming.measure(200, 8, false, 64, 1, 2)).isSameAs(first);
    // Another test class may run a flash-attention demo meanwhile, so only its presence is sure.
    assertThat(AttentionTiming.lastMeasured()).isPresent();
  }

  @Test
  void aPreviewsStillRecordingShowsTheBlockThatEveryFrameWouldShow() {
    double[][][] x = qkv(40, 4, 5);
    for (boolean causal : new boolean[] {false, true}) {
      for (int sram : new int[] {16, 64, 96, 640}) { // 40, 10, 7 and 1 key blocks
        FlashAttentionTiles all = FlashAttentionTiles.record(x[0], x[1], x[2], causal, sram, 1000);
        FlashAttentionTiles still = FlashAttentionTiles.recordStill(x[0], x[1], x[2], causal, sram);
        assertThat(still.snapshots().size()).isLessThanOrEqualTo(3);
        assertThat(still.middle().step()).isEqualTo(all.middle().step());
        assertThat(still.middle().seen()).containsExactly(all.middle().seen());
      }
    }
  }

  @Test
  void demoFindingsAtSmallSettings() {
    FlashAttentionDemo demo = new FlashAttentionDemo();
    Params p = Params.defaults(demo.params()).with("n", 64).with("sram", 4096).withoutTimes();
    var r = demo.run(p);
    assertThat(r.finding("max_relative_difference").value()).isLessThan(1e-12);
    assertThat(r.finding("hbm_slope_in_sram").value()).isCloseTo(-1, within(0.1));
    assertThat(r.finding("extra_memory_standard").value()).isEqualTo(2.0 * 64 * 64);
    assertThat(r.finding("naive_millis").measured()).isTrue();
  }

  @Test
  void sramBelowFourDIsRefusedWithAMessage() {
    FlashAttentionDemo demo = new FlashAttentionDemo();
    Params p = Params.defaults(demo.params()).with("d", 64).with("sram", 200);
    assertThatThrownBy(() -> demo.run(p)).isInstanceOf(UserException.class)
        .hasMessage("parameter sram = 200 is too small for d = 64: allowed at least 4·d = 256 "
            + "floats (one row each of Q, K, V, O)");
  }
}
