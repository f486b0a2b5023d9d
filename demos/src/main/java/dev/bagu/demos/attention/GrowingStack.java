package dev.bagu.demos.attention;

import dev.bagu.demos.attention.AttentionStack.Path;
import dev.bagu.demos.attention.AttentionStack.Shape;
import dev.bagu.demos.attention.AttentionStack.Trial;
import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * One random network of {@link AttentionStack}, grown a layer at a time. The input and then each
 * layer's weights are drawn from the network's stream in order, and every path's X after layer l
 * reads only layers 1 … l, so a shallower stack of the same shape and stream is a prefix of a
 * deeper one: {@link #trial} at any depth up to the grown one is a slice, and a deeper one adds
 * only the missing layers (a depth slider moved by one runs one layer, not the whole stack).
 * The numbers are those of running the stack at that depth from scratch, to the bit.
 *
 * <p>Kept per layer: r of every path, and max |P − 1/n| of head 0's weights on the pure path;
 * the weights themselves only when asked for (the figure shows one network's), since at 128
 * tokens and 32 layers they are 4 MB a network. Thread-safe: growing and slicing hold its lock.
 */
final class GrowingStack {
  private final Shape shape; // its depth is not read: the depth is what grows
  private final Rng rng; // the next layer's weights come from here
  private final boolean keepWeights;
  private final double[][][] x; // [path] (tokens, d_model): X after the layers grown so far
  private final List<double[]> r = new ArrayList<>(); // [layer 0 … depth][path]
  private final List<Double> deviations = new ArrayList<>(); // [layer 1 … depth], pure head 0
  private final List<double[][]> weights = new ArrayList<>(); // the same layers' weights, if kept

  /** The network's input X ~ N(0, 1)^(tokens × d_model), drawn first from {@code rng}. */
  GrowingStack(Shape shape, Rng rng, boolean keepWeights) {
    this.shape = shape;
    this.rng = rng;
    this.keepWeights = keepWeights;
    double[][] input = Matrices.gaussian(shape.tokens(), shape.dModel(), 1, rng);
    int paths = Path.values().length;
    x = new double[paths][][];
    double[] r0 = new double[paths];
    for (int p = 0; p < paths; p++) {
      x[p] = input;
      r0[p] = RankCollapse.relativeResidual(input);
    }
    r.add(r0);
  }

  /** Adds layers until there are {@code depth}; returns this. */
  synchronized GrowingStack growTo(int depth) {
    while (deviations.size() < depth) {
      addLayer();
    }
    return this;
  }

  /**
   * The network at {@code depth} layers (at most the grown depth): r[path][0 … depth], head 0's
   * weights in the first and last pure layers (null unless kept) and their distance from uniform.
   */
  synchronized Trial trial(int depth) {
    if (depth < 1 || depth > deviations.size()) {
      throw new IllegalArgumentException("depth " + depth + " not in 1 … " + deviations.size());
    }
    int paths = Path.values().length;
    double[][] rs = new double[paths][depth + 1];
    for (int l = 0; l <= depth; l++) {
      for (int p = 0; p < paths; p++) {
        rs[p][l] = r.get(l)[p];
      }
    }
    return new Trial(rs, keepWeights ? weights.get(0) : null,
        keepWeights ? weights.get(depth - 1) : null, deviations.get(0),
        deviations.get(depth - 1));
  }

  /** Draws the next layer and runs every path through it, as {@link AttentionStack#run} did. */
  private void addLayer() {
    StackLayer layer = new StackLayer(AttentionStack.scaledQk(
        MultiHeadAttention.random(shape.dModel(), shape.heads(), rng),
        shape.qkScale()), new Mlp(new int[] {shape.dModel(), 4 * shape.dModel(),
        shape.dModel()}, Activation.RELU, Init.LECUN_NORMAL, false, rng));
    double[] rl = new double[Path.values().length];
    double[][] headZero = new double[shape.tokens()][shape.tokens()];
    for (Path path : Path.values()) {
      int p = path.ordinal();
      double[][] out = layer.attention(AttentionStack.norm(x[p], shape.layerNorm()),
          path == Path.PURE ? headZero : null);
      x[p] = path == Path.PURE ? out : AttentionStack.addBranch(x[p], out, shape.branchScale());
      if (path == Path.SKIP_MLP) {
        x[p] = AttentionStack.addBranch(x[p], layer.mlp(AttentionStack.norm(x[p],
            shape.layerNorm())), shape.branchScale());
      }
      rl[p] = RankCollapse.relativeResidual(x[p]);
    }
    r.add(rl);
    deviations.add(AttentionDepth.fromUniform(headZero));
    if (keepWeights) {
      weights.add(headZero);
    }
  }
}
