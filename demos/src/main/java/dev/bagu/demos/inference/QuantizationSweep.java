package dev.bagu.demos.inference;

import dev.bagu.demos.inference.RoundToNearest.Granularity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Every quantization the demo compares, on one {@link LlmLikeLayer}: round-to-nearest at 8, 4
 * and 3 bits per tensor, per output channel and per group of input columns, and GPTQ at the
 * same bits per channel and per group. Errors are relative: ‖WX − ŴX‖²_F / ‖WX‖²_F.
 */
public final class QuantizationSweep {
  public static final int[] BITS = {8, 4, 3};

  /** One quantized layer: how it was made, its relative output error and its storage cost. */
  public record Entry(String method, int bits, Granularity granularity, double error,
      double bitsPerWeight) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final int groupSize;

  /**
   * What GPTQ needs from the calibration inputs alone: their Gram matrix X Xᵀ and the upper
   * Cholesky factor of the inverse Hessian. Most of a sweep's cost, and the same for every W.
   */
  public record Calibration(double[][] gram, double[][] upper) {
    public static Calibration of(double[][] x) {
      double[][] gram = Gptq.gram(x);
      return new Calibration(gram, Gptq.inverseCholeskyUpper(Gptq.hessian(gram)));
    }
  }

  public QuantizationSweep(LlmLikeLayer layer, int groupSize) {
    this(layer, groupSize, Calibration.of(layer.x()));
  }

  /** The same, given the calibration of the layer's inputs already computed. */
  public QuantizationSweep(LlmLikeLayer layer, int groupSize, Calibration calibration) {
    this.groupSize = groupSize;
    double[][] w = layer.w();
    int rows = w.length;
    int cols = w[0].length;
    double[][] gram = calibration.gram();
    double signal = Gptq.outputError(w, new double[rows][cols], gram); // ‖WX‖²
    double[][] upper = calibration.upper();
    // Every (method, bits, granularity) on its own, side by side on the cores, and entered in
    // this order: the same map on any core count.
    List<Entry> order = new ArrayList<>();
    for (int bits : BITS) {
      for (Granularity g : Granularity.values()) {
        order.add(new Entry("rtn", bits, g, Double.NaN, Double.NaN));
      }
      for (Granularity g : new Granularity[] {Granularity.PER_CHANNEL, Granularity.GROUPED}) {
        order.add(new Entry("gptq", bits, g, Double.NaN, Double.NaN));
      }
    }
    double[] errors = new double[order.size()];
    IntStream.range(0, order.size()).parallel().forEach(i -> {
      Entry e = order.get(i);
      double[][] q = e.method().equals("rtn")
          ? RoundToNearest.quantize(w, e.bits(), e.granularity(), groupSize)
          : Gptq.quantize(w, upper, e.bits(), e.granularity(), groupSize);
      errors[i] = Gptq.outputError(w, q, gram) / signal;
    });
    for (int i = 0; i < order.size(); i++) {
      Entry e = order.get(i);
      put(e.method(), e.bits(), e.granularity(), errors[i],
          RoundToNearest.bitsPerWeight(e.bits(), e.granularity(), groupSize, rows, cols));
    }
  }

  private void put(String method, int bits, Granularity g, double error, double bitsPerWeight) {
    entries.put(key(method, bits, g), new Entry(method, bits, g, error, bitsPerWeight));
  }

  /** "rtn_int4_group", "gptq_int3_channel", "rtn_int8_tensor". */
  public static String key(String method, int bits, Granularity g) {
    String grain = switch (g) {
      case PER_TENSOR -> "tensor";
      case PER_CHANNEL -> "channel";
      case GROUPED -> "group";
    };
    return method + "_int" + bits + "_" + grain;
  }

  public Entry get(String method, int bits, Granularity g) {
    return entries.get(key(method, bits, g));
  }

  public double error(String method, int bits, Granularity g) {
    return get(method, bits, g).error();
  }

  public Map<String, Entry> entries() {
    return entries;
  }

  public int groupSize() {
    return groupSize;
  }
}
