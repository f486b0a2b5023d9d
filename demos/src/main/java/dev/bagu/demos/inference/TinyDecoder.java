package dev.bagu.demos.inference;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.MultiHeadAttention;
import dev.bagu.math.Softmax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small decoder-only transformer with seeded random weights (GPT-2's pre-norm block without
 * learned norm gains):
 *
 * <pre>
 *   x = E[token] + P[position]                      (n, d)
 *   per layer: x = x + MHA(LN(x)), causal            (n, d)  the shared nn.MultiHeadAttention
 *              x = x + W₂ ReLU(W₁ LN(x))             (n, d)  d → 4d → d, two nn.Dense layers
 *   logits = LN(x_last) Uᵀ                           (V)
 * </pre>
 *
 * It is run two ways: {@link #logitsRecomputed} recomputes every position from scratch for each
 * new token (no cache), and {@link Cache#step} feeds one token and keeps each layer's and head's
 * K and V rows, so a new token costs one row of work plus one attention row over the cache. Both
 * count the multiply-adds of the products they perform (layer norms and softmaxes, O(n·d), are
 * left out). The weights are the shared nn classes' ({@link MultiHeadAttention#random}, two
 * {@link Dense} layers); the products run on {@link RowProducts}, which the JIT vectorises.
 */
public final class TinyDecoder {
  /** The shape of the model. */
  public record Config(int vocab, int dModel, int heads, int layers, int maxLength) {
    public Config {
      if (dModel % heads != 0) {
        throw new IllegalArgumentException("d_model " + dModel + " is not a multiple of heads "
            + heads);
      }
    }

    public int headDim() {
      return dModel / heads;
    }

    public int hidden() {
      return 4 * dModel;
    }
  }

  /**
   * One block's weights. qkvByInput (d, 3d) puts every head's W_Q, then W_K, then W_V side by
   * side, so the no-cache pass projects all heads with one wide product; upByInput (d, 4d) and
   * downByInput (4d, d) are the Dense weights transposed, input-major, for
   * {@link RowProducts#times}. All are copies made once; the arithmetic per element is unchanged.
   */
  private record Layer(MultiHeadAttention attention, Dense up, Dense down, double[][] qkvByInput,
      double[][] upByInput, double[][] downByInput) {
    Layer(MultiHeadAttention attention, Dense up, Dense down) {
      this(attention, up, down, sideBySide(attention), RowProducts.transpose(up.w),
          RowProducts.transpose(down.w));
    }

    private static double[][] sideBySide(MultiHeadAttention mha) {
      List<double[][]> parts = new ArrayList<>();
      for (int which = 0; which < 3; which++) {
        for (AttentionHead head : mha.heads()) {
          parts.add(which == 0 ? head.wq() : which == 1 ? head.wk() : head.wv());
        }
      }
      return Matrices.concatColumns(parts);
    }
  }

  private final Config config;
  private final double[][] embedding; // (V, d)
  private final double[][] positions; // (maxLength, d)
  private final double[][] unembedding; // (V, d)
  private final List<Layer> layers = new ArrayList<>();

  public TinyDecoder(Config config, Rng rng) {
    this.config = config;
    int d = config.dModel();
    embedding = Matrices.gaussian(config.vocab(), d, 1, rng);
    positions = Matrices.gaussian(config.maxLength(), d, 0.5, rng);
    unembedding = Matrices.gaussian(config.vocab(), d, 1 / Math.sqrt(d), rng);
    for (int i = 0; i < config.layers(); i++) {
      MultiHeadAttention mha = MultiHeadAttention.random(d, config.heads(), rng);
      Dense up = new Dense(Init.HE_NORMAL.draw(config.hidden(), d, rng), Activation.RELU);
      Dense down = new Dense(Init.LECUN_NORMAL.draw(d, config.hidden(), rng),
          Activation.IDENTITY);
      layers.add(new Layer(mha, up, down));
    }
  }

  public Config config() {
    return config;
  }

  /** A running count of multiply-adds. */
  public static final class Counter {
    private long macs;

    void add(long rows, long inner, long cols) {
      macs += rows * inner * cols;
    }

    public long macs() {
      return macs;
    }
  }

  /**
   * No cache: the whole prefix (n tokens) goes through every layer again, and the last row gives
   * the next token's logits. Costs L·(4nd² + 2n²d + 8nd²) + dV: every position's projections and
   * MLP, and the full (n, n) score matrix of each head (the mask zeroes half of it afterwards).
   */
  public double[] logitsRecomputed(int[] tokens, Counter count) {
    int n = tokens.length;
    int d = config.dModel();
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = input(tokens[i], i);
    }
    for (Layer layer : layers) {
      double[][] normed = layerNorm(x);
      List<double[][]> heads = new ArrayList<>();
      double[][] qkv = RowProducts.times(normed, layer.qkvByInput()); // (n, 3d): every head
      for (int h = 0; h < config.heads(); h++) {
        AttentionHead head = layer.attention().heads().get(h);
        int dk = head.dK();
        double[][] q = Matrices.columns(qkv, h * dk, (h + 1) * dk); // (n, d_k)
        double[][] k = Matrices.columns(qkv, d + h * dk, d + (h + 1) * dk);
        double[][] v = Matrices.columns(qkv, 2 * d + h * dk, 2 * d + (h + 1) * dk);
        heads.add(attend(q, k, v, n, true));
        count.add(n, d, 3L * head.dK()); // Q, K, V projections
        count.add(n, head.dK(), n); // Q·Kᵀ
        count.add(n, n, head.dV()); // A·V
      }
      double[][] attended = RowProducts.times(Matrices.concatColumns(heads),
          layer.attention().wo());
      count.add(n, d, d); // W_O
      x = Matrices.add(x, attended);
      x = Matrices.add(x, mlp(layer, layerNorm(x), count));
    }
    return logits(x[n - 1], count);
  }

  /** The K and V rows every layer and head has seen so far: the KV cache. */
  public final class Cache {
    // keys[layer][head][position] and values[…]: one row of head_dim numbers per token seen.
    private final double[][][][] keys =
        new double[config.layers()][config.heads()][config.maxLength()][];
    private final double[][][][] values =
        new double[config.layers()][config.heads()][config.maxLength()][];
    private int length;

    /** Tokens cached so far. */
    public int length() {
      return length;
    }

    /** Numbers stored: 2 (K and V) · layers · heads · head_dim per token. */
    public long storedValues() {
      long stored = 0;
      for (double[][][][] kOrV : List.of(keys, values)) {
        for (double[][][] perLayer : kOrV) {
          for (double[][] perHead : perLayer) {
            for (double[] row : perHead) {
              stored += row == null ? 0 : row.length;
            }
          }
        }
      }
      return stored;
    }

    /**
     * Feeds the token at position {@link #length()}, appends its K and V rows, and returns the
     * next token's logits. Costs L·(4d² + 2(n+1)d + 8d²) + dV: one row of projections and MLP,
     * and one query against the n + 1 cached keys and values.
     */
    public double[] step(int token, Counter count) {
      int d = config.dModel();
      double[][] x = {input(token, length)};
      for (int l = 0; l < layers.size(); l++) {
        Layer layer = layers.get(l);
        double[][] normed = layerNorm(x);
        List<double[][]> heads = new ArrayList<>();
        for (int h = 0; h < config.heads(); h++) {
          AttentionHead head = layer.attention().heads().get(h);
          double[][] q = RowProducts.times(normed, head.wq()); // (1, d_k)
          keys[l][h][length] = RowProducts.times(normed, head.wk())[0]; // the cache grows by a row
          values[l][h][length] = RowProducts.times(normed, head.wv())[0];
          int seen = length + 1;
          count.add(1, d, 3L * head.dK());
          // The new query sees every cached key: no mask needed, they are all in its past.
          heads.add(attend(q, keys[l][h], values[l][h], seen, false));
          count.add(1, head.dK(), seen);
          count.add(1, seen, head.dV());
        }
        double[][] attended = RowProducts.times(Matrices.concatColumns(heads),
            layer.attention().wo());
        count.add(1, d, d);
        x = Matrices.add(x, attended);
        x = Matrices.add(x, mlp(layer, layerNorm(x), count));
      }
      length++;
      return logits(x[0], count);
    }
  }

  private double[] input(int token, int position) {
    if (position >= config.maxLength()) {
      throw new IllegalArgumentException("position " + position + " beyond max length "
          + config.maxLength());
    }
    double[] row = embedding[token].clone();
    for (int j = 0; j < row.length; j++) {
      row[j] += positions[position][j];
    }
    return row;
  }

  /** W₂ ReLU(W₁ x + b₁) + b₂ for rows x (n, d), the Dense layers' weights and activations. */
  private static double[][] mlp(Layer layer, double[][] x, Counter count) {
    count.add(x.length, layer.up().inputs(), layer.up().outputs());
    count.add(x.length, layer.down().inputs(), layer.down().outputs());
    double[][] hidden = RowProducts.times(x, layer.upByInput()); // (n, 4d)
    activate(hidden, layer.up());
    double[][] out = RowProducts.times(hidden, layer.downByInput()); // (n, d)
    activate(out, layer.down());
    return out;
  }

  private static void activate(double[][] z, Dense dense) {
    for (double[] row : z) {
      for (int o = 0; o < row.length; o++) {
        row[o] = dense.activation.apply(row[o] + dense.b[o]);
      }
    }
  }

  /**
   * softmax(q kᵀ / √d_k) v for queries q (n_q, d_k) against the first nk rows of k and v
   * (n_k, d_k), as nn.Attention computes it; causal: query i sees keys 0..i only. Every score and
   * every product with V is computed, masked ones included, as a plain implementation does (the
   * n_q·n_k·d_k work counted above).
   */
  static double[][] attend(double[][] q, double[][] k, double[][] v, int nk, boolean causal) {
    double scale = 1 / Math.sqrt(q[0].length);
    double[][] out = new double[q.length][v[0].length];
    double[] scores = new double[nk];
    for (int i = 0; i < q.length; i++) {
      for (int j = 0; j < nk; j++) {
        scores[j] = RowProducts.dot(q[i], k[j]) * scale;
      }
      int visible = causal ? i + 1 : nk;
      double[] weights = Arrays.copyOf(Softmax.of(Arrays.copyOf(scores, visible)), nk);
      double[] o = out[i];
      for (int j = 0; j < nk; j++) {
        double a = weights[j];
        double[] vj = v[j];
        for (int c = 0; c < o.length; c++) {
          o[c] += a * vj[c];
        }
      }
    }
    return out;
  }

  private double[] logits(double[] last, Counter count) {
    double[] h = layerNorm(new double[][] {last})[0];
    double[] out = new double[config.vocab()];
    for (int v = 0; v < out.length; v++) {
      double s = 0;
      for (int j = 0; j < h.length; j++) {
        s += unembedding[v][j] * h[j];
      }
      out[v] = s;
    }
    count.add(1, h.length, out.length);
    return out;
  }

  /** Each row to mean 0, variance 1 (no learned gain or bias; ε = 1e-5 as PyTorch). */
  static double[][] layerNorm(double[][] x) {
    double[][] out = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      double[] row = x[i];
      double mean = 0;
      for (double v : row) {
        mean += v;
      }
      mean /= row.length;
      double var = 0;
      for (double v : row) {
        var += (v - mean) * (v - mean);
      }
      double inv = 1 / Math.sqrt(var / row.length + 1e-5);
      out[i] = new double[row.length];
      for (int j = 0; j < row.length; j++) {
        out[i][j] = (row[j] - mean) * inv;
      }
    }
    return out;
  }
}
