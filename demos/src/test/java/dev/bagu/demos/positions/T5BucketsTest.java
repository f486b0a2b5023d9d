package dev.bagu.demos.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demo.Finding;
import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import dev.bagu.demo.UserException;
import org.junit.jupiter.api.Test;

class T5BucketsTest {
  private static int bi(int r) {
    return T5Buckets.bucket(r, true, 32, 128);
  }

  private static int causal(int r) {
    return T5Buckets.bucket(r, false, 32, 128);
  }

  /** The catalogue's table, key before the query (r = −n), every distance checked. */
  @Test
  void bidirectionalKeysBeforeTheQueryFollowTheCatalogue() {
    int[][] table = {{0, 0, 0}, {8, 11, 8}, {12, 15, 9}, {16, 22, 10}, {23, 31, 11}, {32, 45, 12},
        {46, 63, 13}, {64, 90, 14}, {91, 5000, 15}};
    for (int n = 1; n <= 7; n++) {
      assertThat(bi(-n)).as("n = " + n).isEqualTo(n);
    }
    for (int[] row : table) {
      for (int n = row[0]; n <= row[1]; n++) {
        assertThat(bi(-n)).as("n = " + n).isEqualTo(row[2]);
      }
    }
  }

  @Test
  void keysAfterTheQueryAddSixteenInBidirectionalMode() {
    assertThat(bi(0)).isZero();
    for (int n = 1; n <= 2000; n++) {
      assertThat(bi(n) - bi(-n)).as("n = " + n).isEqualTo(16);
    }
    assertThat(bi(1)).isEqualTo(17);
    assertThat(bi(91)).isEqualTo(31);
  }

  /**
   * Causal: 32 buckets all for the past, exact below 16, log up to 128; a key after the query
   * counts as distance 0. Hand-worked: n = 19 gives 16 + ⌊ln(19/16)/ln 8 · 16⌋ = 16 + ⌊1.32⌋ = 17.
   */
  @Test
  void causalUsesEveryBucketForThePast() {
    for (int n = 0; n < 16; n++) {
      assertThat(causal(-n)).isEqualTo(n);
    }
    assertThat(causal(-16)).isEqualTo(16);
    assertThat(causal(-19)).isEqualTo(17);
    assertThat(causal(-32)).isEqualTo(21); // 16 + ⌊(1/3)·16⌋ = 16 + 5
    assertThat(causal(-127)).isEqualTo(31);
    assertThat(causal(-100_000)).isEqualTo(31);
    for (int r = 1; r < 500; r++) {
      assertThat(causal(r)).isZero();
    }
  }

  @Test
  void bucketsNeverDecreaseWithDistanceAndStayInRange() {
    for (int buckets : new int[] {4, 8, 32, 128}) {
      for (int md : new int[] {65, 128, 1000}) {
        for (boolean bidirectional : new boolean[] {true, false}) {
          int prev = 0;
          for (int n = 0; n < 3000; n++) {
            int b = T5Buckets.bucket(-n, bidirectional, buckets, md);
            assertThat(b).isBetween(0, (bidirectional ? buckets / 2 : buckets) - 1);
            assertThat(b).isGreaterThanOrEqualTo(prev);
            prev = b;
          }
        }
      }
    }
  }

  @Test
  void widthsCountEveryPosition() {
    int[] b = T5Buckets.buckets(300, true, 32, 128);
    int[] w = T5Buckets.widths(b, 32);
    assertThat(java.util.Arrays.stream(w).sum()).isEqualTo(601);
    assertThat(w[8]).isEqualTo(4); // 8–11
    assertThat(w[14]).isEqualTo(27); // 64–90
    assertThat(w[15]).isEqualTo(300 - 90); // 91–300
  }

  @Test
  void demoReportsTheTableAndTheData() {
    T5BucketsDemo demo = new T5BucketsDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    for (Finding f : r.findings()) {
      assertThat(f.agrees()).as(f.key()).isTrue();
    }
    int[] rel = (int[]) r.data().get("relative_position");
    int[] bidirectional = (int[]) r.data().get("bidirectional");
    int[] causal = (int[]) r.data().get("causal");
    assertThat(rel).hasSize(601);
    assertThat(rel[0]).isEqualTo(-300);
    assertThat(bidirectional[300 - 20]).isEqualTo(10);
    assertThat(causal[300 + 5]).isZero();
    assertThatThrownBy(() -> demo.run(Params.defaults(demo.params()).with("buckets", 128)
        .with("max-distance", 64))).isInstanceOf(UserException.class)
        .hasMessageStartingWith("parameter max-distance = 64 must exceed");
  }
}
