package dev.bagu.demos.models;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demo.Result;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparsePatternsTest {
  /** The catalogue's numbers: n = 1024, l = 32 gives 524,800 dense causal and 48,144 strided. */
  @Test
  void reproducesTheCatalogueCounts() {
    assertThat(SparsePatterns.DENSE.pairs(1024, 32, 1)).isEqualTo(524_800);
    assertThat(SparsePatterns.STRIDED.pairs(1024, 32, 1)).isEqualTo(48_144);
    // Hand count: local = 32·33/2 + 992·32; fixed c = 1 = 32 blocks of 32·33/2 + Σ_i ⌊i/32⌋.
    assertThat(SparsePatterns.LOCAL.pairs(1024, 32, 1)).isEqualTo(528 + 992 * 32);
    assertThat(SparsePatterns.FIXED.pairs(1024, 32, 1)).isEqualTo(32 * 528 + 32 * 496);
  }

  /** The closed-form row counts agree with the masks, and the masks with the definitions. */
  @ParameterizedTest
  @CsvSource({"16, 4, 1", "100, 7, 3", "64, 64, 1", "50, 2, 5", "97, 10, 10", "40, 3, 16"})
  void closedFormsMasksAndDefinitionsAgree(int n, int l, int c) {
    for (SparsePatterns p : SparsePatterns.values()) {
      BitSet[] mask = p.mask(n, l, c);
      for (int i = 0; i < n; i++) {
        assertThat((long) mask[i].cardinality()).as(p + " row " + i)
            .isEqualTo(p.rowCount(i, l, c));
        for (int j = 0; j < n; j++) {
          assertThat(mask[i].get(j)).as(p + " (" + i + ", " + j + ")")
              .isEqualTo(p.attends(i, j, l, c));
        }
      }
    }
  }

  @Test
  void definitionsMatchTheIssueOnHandPickedPairs() {
    // l = 4: local keeps the 4 most recent, i itself included.
    assertThat(SparsePatterns.LOCAL.attends(10, 7, 4, 1)).isTrue();
    assertThat(SparsePatterns.LOCAL.attends(10, 6, 4, 1)).isFalse();
    assertThat(SparsePatterns.STRIDED.attends(10, 6, 4, 1)).isTrue(); // 10 − 6 = 4
    assertThat(SparsePatterns.STRIDED.attends(10, 5, 4, 1)).isFalse();
    assertThat(SparsePatterns.STRIDED.attends(10, 2, 4, 1)).isTrue();
    // fixed, l = 4, c = 1: block of 10 is 8..11; summary columns 3, 7 (j mod 4 = 3).
    assertThat(SparsePatterns.FIXED.attends(10, 8, 4, 1)).isTrue();
    assertThat(SparsePatterns.FIXED.attends(10, 7, 4, 1)).isTrue();
    assertThat(SparsePatterns.FIXED.attends(10, 6, 4, 1)).isFalse();
    assertThat(SparsePatterns.FIXED.attends(10, 3, 4, 1)).isTrue();
    assertThat(SparsePatterns.FIXED.attends(10, 11, 4, 1)).isFalse(); // causal
    assertThat(SparsePatterns.FIXED.attends(10, 6, 4, 2)).isTrue(); // c = 2: 6 mod 4 = 2 ≥ 2
  }

  /** Child et al.'s claim, checked over all pairs: strided and fixed connect every j ≤ i. */
  @ParameterizedTest
  @CsvSource({"1024, 32, 1", "300, 7, 1", "128, 2, 1", "200, 16, 4", "64, 128, 1"})
  void stridedAndFixedReachEverythingInTwoHops(int n, int l, int c) {
    for (SparsePatterns p : new SparsePatterns[] {SparsePatterns.STRIDED, SparsePatterns.FIXED}) {
      BitSet[] mask = p.mask(n, l, c);
      assertThat(SparsePatterns.unreachedInTwoHops(mask)).as(p.key()).isZero();
      // The two-hop sets against a brute-force search for a middle key.
      BitSet[] reach = SparsePatterns.twoHops(mask);
      for (int i = n - 1; i >= Math.max(0, n - 5); i--) {
        for (int j = 0; j <= i; j++) {
          int k = SparsePatterns.middle(mask, i, j);
          assertThat(k).isBetween(j, i);
          assertThat(mask[i].get(k) && mask[k].get(j)).isTrue();
          assertThat(reach[i].get(j)).isTrue();
        }
      }
    }
  }

  /** The control: the local window does not connect far keys in two hops. */
  @Test
  void localNeedsAboutDistanceOverWindowHops() {
    BitSet[] mask = SparsePatterns.LOCAL.mask(1024, 32, 1);
    assertThat(SparsePatterns.unreachedInTwoHops(mask)).isPositive();
    int[] hops = SparsePatterns.hopsFrom(mask, 1023);
    for (int j = 0; j <= 1023; j++) {
      int expected = Math.max(1, (int) Math.ceil((1023 - j) / 31.0)); // l − 1 = 31 per hop
      assertThat(hops[j]).as("j = " + j).isEqualTo(expected);
    }
  }

  @Test
  void demoDataCarriesPairsPerPattern() {
    SparseAttentionDemo demo = new SparseAttentionDemo();
    Result r = demo.run(Params.defaults(demo.params()));
    @SuppressWarnings("unchecked")
    Map<String, Long> pairs = (Map<String, Long>) r.data().get("pairs");
    assertThat(pairs).containsOnlyKeys("dense", "local", "strided", "fixed")
        .containsEntry("dense", 524_800L).containsEntry("strided", 48_144L);
    assertThat(r.findings()).allMatch(f -> f.reference().isEmpty() || f.agrees());
  }
}
