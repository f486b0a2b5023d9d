package dev.bagu.demos.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bagu.demos.inference.GroupedQuery.Pooling;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupedQueryTest {
  private static List<double[][]> inputs(int count, int n, int d, long seed) {
    Rng rng = Rng.seeded(seed);
    List<double[][]> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(Matrices.gaussian(n, d, 1, rng));
    }
    return list;
  }

  private static double error(MultiHeadAttention mha, int g, Pooling pooling, List<double[][]> xs,
      long seed) {
    List<MultiHeadAttention.Output> ref = xs.stream().map(x -> mha.forward(x, true)).toList();
    return GroupedQuery.error(ref, GroupedQuery.grouped(mha, g, pooling, Rng.seeded(seed)), xs)
        .output();
  }

  @Test
  void queryHeadsAreGroupedInConsecutiveRuns() {
    int[] expected = {0, 0, 0, 0, 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      assertThat(GroupedQuery.kvHeadOf(i, 8, 2)).isEqualTo(expected[i]);
      assertThat(GroupedQuery.kvHeadOf(i, 8, 8)).isEqualTo(i); // MHA
      assertThat(GroupedQuery.kvHeadOf(i, 8, 1)).isZero(); // MQA
    }
    assertThatThrownBy(() -> GroupedQuery.kvHeadOf(0, 8, 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(GroupedQuery.kvHeadCounts(12)).containsExactly(12, 6, 4, 3, 2, 1);
  }

  @Test
  void meanPoolingAveragesTheGroupsProjections() {
    double[][] a = {{1, 2}, {3, 4}};
    double[][] b = {{3, 0}, {1, -4}};
    assertThat(GroupedQuery.mean(List.of(a, b))).isEqualTo(new double[][] {{2, 1}, {2, 0}});
    MultiHeadAttention mha = MultiHeadAttention.random(12, 4, Rng.seeded(2));
    MultiHeadAttention gqa = GroupedQuery.grouped(mha, 2, Pooling.MEAN, Rng.seeded(0));
    double[][] expected = GroupedQuery.mean(List.of(mha.heads().get(2).wk(),
        mha.heads().get(3).wk()));
    assertThat(gqa.heads().get(2).wk()).isEqualTo(expected);
    assertThat(gqa.heads().get(3).wk()).isEqualTo(expected);
    assertThat(gqa.heads().get(3).wq()).isSameAs(mha.heads().get(3).wq()); // queries kept
    assertThat(gqa.wo()).isSameAs(mha.wo());
  }

  /** The catalogue's check: groups of one head (g = h) are the multi-head layer itself. */
  @Test
  void errorIsZeroWithAsManyKvHeadsAsQueryHeads() {
    for (long seed = 0; seed < 4; seed++) {
      MultiHeadAttention mha = MultiHeadAttention.random(32, 8, Rng.seeded(seed));
      List<double[][]> xs = inputs(3, 10, 32, seed + 10);
      assertThat(error(mha, 8, Pooling.MEAN, xs, seed)).isZero();
      assertThat(error(mha, 8, Pooling.FIRST, xs, seed)).isZero();
    }
  }

  @Test
  void identicalHeadsLoseNothingWhenPooled() {
    Rng rng = Rng.seeded(5);
    double[][] wk = Matrices.gaussian(32, 4, 0.2, rng);
    double[][] wv = Matrices.gaussian(32, 4, 0.2, rng);
    List<AttentionHead> heads = new ArrayList<>();
    for (int i = 0; i < 8; i++) { // own queries, the same keys and values
      heads.add(new AttentionHead(Matrices.gaussian(32, 4, 0.2, rng), wk, wv));
    }
    MultiHeadAttention mha = new MultiHeadAttention(heads, Matrices.gaussian(32, 32, 0.2, rng));
    List<double[][]> xs = inputs(3, 10, 32, 6);
    for (int g : new int[] {4, 2, 1}) {
      assertThat(error(mha, g, Pooling.MEAN, xs, 0)).isLessThan(1e-12);
    }
  }

  @Test
  void llama2With8KvHeadsKeepsAnEighthOfTheCache() {
    KvCacheSize.Model llama = KvCacheSize.model("Llama-2-70B");
    assertThat(llama.queryHeads()).isEqualTo(64);
    assertThat((double) llama.bytesPerToken(2)
        / KvCacheSize.bytesPerToken(llama.layers(), 64, llama.headDim(), 2)).isEqualTo(0.125);
  }
}
