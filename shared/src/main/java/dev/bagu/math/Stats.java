package dev.bagu.math;

import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Summary statistics the demos share, over Commons Math. */
public final class Stats {
  private Stats() {}

  /**
   * The median: the middle value of an odd count, the mean of the two middle values of an even
   * one (Commons Math's default estimate gives exactly these). The array is not changed.
   */
  public static double median(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("median of no values");
    }
    return new Median().evaluate(values);
  }
}
