package dev.bagu.demos.inference;

import dev.bagu.math.Matrices;
import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Attention;
import dev.bagu.nn.AttentionHead;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.MultiHeadAttention;
import java.util.ArrayList;
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
 * left out).
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

  private record Layer(MultiHeadAttention attention, Dense up, Dense down) {}

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
      double[][] attended = layer.attention().forward(normed, true).output();
      for (AttentionHead head : layer.attention().heads()) {
        count.add(n, d, 3L * head.dK()); // Q, K, V projections
        count.add(n, head.dK(), n); // Q·Kᵀ
        count.add(n, n, head.dV()); // A·V
      }
      count.add(n, d, d); // W_O
      x = Matrices.add(x, attended);
      x = Matrices.add(x, mlp(layer, layerNorm(x), count));
    }
    return logits(x[n - 1], count);
  }

  /** The K and V rows every layer and head has seen so far: the KV cache. */
  public final class Cache {
    // kv[layer][head][0 = K, 1 = V] holds one row of head_dim values per token seen.
    private final List<List<List<List<double[]>>>> kv = new ArrayList<>();
    private int length;

    public Cache() {
      for (int l = 0; l < config.layers(); l++) {
        List<List<List<double[]>>> perHead = new ArrayList<>();
        for (int h = 0; h < config.heads(); h++) {
          perHead.add(List.of(new ArrayList<>(), new ArrayList<>()));
        }
        kv.add(perHead);
      }
    }

    /** Tokens cached so far. */
    public int length() {
      return length;
    }

    /** Numbers stored: 2 (K and V) · layers · heads · head_dim per token. */
    public long storedValues() {
      long values = 0;
      for (List<List<List<double[]>>> perHead : kv) {
        for (List<List<double[]>> pair : perHead) {
          for (List<double[]> rows : pair) {
            for (double[] row : rows) {
              values += row.length;
            }
          }
        }
      }
      return values;
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
          List<double[]> keys = kv.get(l).get(h).get(0);
          List<double[]> values = kv.get(l).get(h).get(1);
          double[][] q = Matrices.multiply(normed, head.wq()); // (1, d_k)
          keys.add(Matrices.multiply(normed, head.wk())[0]); // cache grows by one row
          values.add(Matrices.multiply(normed, head.wv())[0]);
          count.add(1, d, 3L * head.dK());
          // The new query sees every cached key: no mask needed, they are all in its past.
          heads.add(Attention.attend(q, keys.toArray(double[][]::new),
              values.toArray(double[][]::new), false));
          count.add(1, head.dK(), keys.size());
          count.add(1, keys.size(), head.dV());
        }
        double[][] attended = Matrices.multiply(Matrices.concatColumns(heads),
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

  private static double[][] mlp(Layer layer, double[][] x, Counter count) {
    count.add(x.length, layer.up().inputs(), layer.up().outputs());
    count.add(x.length, layer.down().inputs(), layer.down().outputs());
    return layer.down().forward(layer.up().forward(x).a()).a();
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
