package dev.bagu.demos.inference;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * Grouped-query attention built from a multi-head layer (Ainslie et al. 2023, §2.1): the h query
 * heads are split into g groups of h/g consecutive heads, and each group's key and value
 * projections are replaced by one shared projection. g = h is multi-head attention (MHA), g = 1
 * multi-query attention (MQA, Shazeer 2019). Query head i then uses KV head ⌊i·g/h⌋.
 *
 * <pre>
 *   W_K^group = (1/|group|) Σ_{i ∈ group} W_K^i     (d_model, d_k)   "mean-pooling"
 *   W_V^group = (1/|group|) Σ_{i ∈ group} W_V^i     (d_model, d_v)
 * </pre>
 *
 * Every query head and W_O are kept. The paper compares mean-pooling against keeping the first
 * head of each group and against fresh random K, V projections; all three are built here. The
 * multi-head layer the demo converts is trained on a toy task by {@link GqaTraining}.
 */
public final class GroupedQuery {
  private GroupedQuery() {}

  /** How a group's shared K, V projections are made from its heads'. */
  public enum Pooling { MEAN, FIRST, RANDOM }

  /** The KV head query head i uses when h query heads share g KV heads. */
  public static int kvHeadOf(int queryHead, int heads, int kvHeads) {
    if (kvHeads < 1 || heads % kvHeads != 0) {
      throw new IllegalArgumentException(kvHeads + " KV heads do not divide " + heads + " heads");
    }
    return queryHead / (heads / kvHeads);
  }

  /** The layer with g KV heads: every group's K, V projections pooled as asked. */
  public static MultiHeadAttention grouped(MultiHeadAttention mha, int kvHeads, Pooling pooling,
      Rng rng) {
    int h = mha.heads().size();
    int size = h / kvHeads;
    List<AttentionHead> list = new ArrayList<>();
    for (int group = 0; group < kvHeads; group++) {
      List<AttentionHead> members = mha.heads().subList(group * size, (group + 1) * size);
      AttentionHead first = members.get(0);
      double[][] wk;
      double[][] wv;
      switch (pooling) {
        case MEAN -> {
          wk = mean(members.stream().map(AttentionHead::wk).toList());
          wv = mean(members.stream().map(AttentionHead::wv).toList());
        }
        case FIRST -> {
          wk = first.wk();
          wv = first.wv();
        }
        default -> {
          double std = 1 / Math.sqrt(first.dModel());
          wk = Matrices.gaussian(first.dModel(), first.dK(), std, rng);
          wv = Matrices.gaussian(first.dModel(), first.dV(), std, rng);
        }
      }
      for (AttentionHead member : members) {
        list.add(new AttentionHead(member.wq(), wk, wv)); // own queries, the group's K and V
      }
    }
    return new MultiHeadAttention(list, mha.wo());
  }

  static double[][] mean(List<double[][]> matrices) {
    double[][] sum = matrices.get(0);
    for (int i = 1; i < matrices.size(); i++) {
      sum = Matrices.add(sum, matrices.get(i));
    }
    return Matrices.scale(sum, 1.0 / matrices.size());
  }

  /**
   * ‖O_grouped − O_MHA‖_F / ‖O_MHA‖_F over a set of input sequences, causal, and the same ratio
   * per query head on its own output (before W_O).
   */
  public record Error(double output, double[] perHead) {}

  /** The error of a grouped layer against the MHA outputs (reference: mha.forward(x, true)). */
  public static Error error(List<MultiHeadAttention.Output> reference,
      MultiHeadAttention grouped, List<double[][]> inputs) {
    return error(reference, inputs.stream().map(x -> grouped.forward(x, true)).toList());
  }

  /** The same from the grouped layer's outputs on the same inputs, already computed. */
  public static Error error(List<MultiHeadAttention.Output> reference,
      List<MultiHeadAttention.Output> grouped) {
    int h = reference.get(0).heads().size();
    double diff = 0;
    double norm = 0;
    double[] headDiff = new double[h];
    double[] headNorm = new double[h];
    for (int s = 0; s < reference.size(); s++) {
      MultiHeadAttention.Output a = reference.get(s);
      MultiHeadAttention.Output b = grouped.get(s);
      diff += square(Matrices.frobenius(Matrices.add(a.output(), Matrices.scale(b.output(), -1))));
      norm += square(Matrices.frobenius(a.output()));
      for (int i = 0; i < h; i++) {
        double[][] oa = a.heads().get(i).output();
        double[][] ob = b.heads().get(i).output();
        headDiff[i] += square(Matrices.frobenius(Matrices.add(oa, Matrices.scale(ob, -1))));
        headNorm[i] += square(Matrices.frobenius(oa));
      }
    }
    double[] perHead = new double[h];
    for (int i = 0; i < h; i++) {
      perHead[i] = Math.sqrt(headDiff[i] / headNorm[i]);
    }
    return new Error(Math.sqrt(diff / norm), perHead);
  }

  private static double square(double x) {
    return x * x;
  }

  /** The divisors of h from h down to 1: every number of KV heads a layer of h heads allows. */
  public static int[] kvHeadCounts(int heads) {
    return java.util.stream.IntStream.iterate(heads, g -> g >= 1, g -> g - 1)
        .filter(g -> heads % g == 0).toArray();
  }
}
