package dev.bagu.demos.inference;

/**
 * Asymmetric min–max round-to-nearest quantization to b bits (the quantizer of GPTQ's reference
 * code): a group of weights [lo, hi] (widened to include 0) gets
 *
 * <pre>
 *   scale = (hi − lo) / (2^b − 1),   zero = round(−lo / scale)
 *   q(w)  = clamp(round(w / scale) + zero, 0, 2^b − 1)       the stored integer
 *   ŵ     = scale · (q(w) − zero)                            what the layer computes with
 * </pre>
 *
 * over the whole tensor, each output channel (row), or each run of {@code groupSize} input
 * columns of a row.
 */
public final class RoundToNearest {
  private RoundToNearest() {}

  /** Which weights share one scale and zero point. */
  public enum Granularity { PER_TENSOR, PER_CHANNEL, GROUPED }

  /** One group's grid: ŵ = scale · (q − zero), q ∈ {0, …, 2^b − 1}. */
  public record Grid(double scale, double zero, int bits) {
    /** A grid covering [lo, hi] ∪ {0}. */
    public static Grid covering(double lo, double hi, int bits) {
      lo = Math.min(lo, 0);
      hi = Math.max(hi, 0);
      int levels = (1 << bits) - 1;
      if (hi == lo) { // all zeros: any scale will do
        return new Grid(1, 0, bits);
      }
      double scale = (hi - lo) / levels;
      return new Grid(scale, Math.rint(-lo / scale), bits);
    }

    public double quantize(double w) {
      int max = (1 << bits) - 1;
      double q = Math.max(0, Math.min(max, Math.rint(w / scale) + zero));
      return scale * (q - zero);
    }

    /** Every value the grid can represent, lowest first. */
    public double[] levels() {
      double[] v = new double[1 << bits];
      for (int q = 0; q < v.length; q++) {
        v[q] = scale * (q - zero);
      }
      return v;
    }
  }

  /** The grid of weights w[rows][from..to). */
  public static Grid grid(double[][] w, int rowFrom, int rowTo, int from, int to, int bits) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int r = rowFrom; r < rowTo; r++) {
      for (int c = from; c < to; c++) {
        lo = Math.min(lo, w[r][c]);
        hi = Math.max(hi, w[r][c]);
      }
    }
    return Grid.covering(lo, hi, bits);
  }

  /** Ŵ: every weight rounded on its group's grid. */
  public static double[][] quantize(double[][] w, int bits, Granularity granularity,
      int groupSize) {
    int rows = w.length;
    int cols = w[0].length;
    double[][] out = new double[rows][cols];
    Grid tensor = granularity == Granularity.PER_TENSOR ? grid(w, 0, rows, 0, cols, bits) : null;
    for (int r = 0; r < rows; r++) {
      Grid channel = granularity == Granularity.PER_CHANNEL ? grid(w, r, r + 1, 0, cols, bits)
          : tensor;
      Grid gr = channel;
      for (int c = 0; c < cols; c++) {
        if (granularity == Granularity.GROUPED && c % groupSize == 0) { // a new group starts
          gr = grid(w, r, r + 1, c, Math.min(cols, c + groupSize), bits);
        }
        out[r][c] = gr.quantize(w[r][c]);
      }
    }
    return out;
  }

  /**
   * Bits stored per weight, counting one fp16 scale and one b-bit zero point per group:
   * b + (16 + b) / (weights per group).
   */
  public static double bitsPerWeight(int bits, Granularity granularity, int groupSize, int rows,
      int cols) {
    double perGroup = switch (granularity) {
      case PER_TENSOR -> (double) rows * cols;
      case PER_CHANNEL -> cols;
      case GROUPED -> groupSize;
    };
    return bits + (16.0 + bits) / perGroup;
  }
}
