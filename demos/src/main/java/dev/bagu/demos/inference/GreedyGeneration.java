package dev.bagu.demos.inference;

import java.util.Arrays;

/**
 * Greedy decoding with a {@link TinyDecoder}, with and without the KV cache. Step i produces
 * output token i from a context of prompt + i tokens; step 0 also reads the prompt (the prefill).
 * Each step's multiply-adds are counted and its wall-clock time measured.
 */
public final class GreedyGeneration {
  private GreedyGeneration() {}

  /**
   * One generation: the output tokens, the logits each was chosen from (newTokens, V), and per
   * step the multiply-adds and nanoseconds; {@code cachedValues} is what the cache holds at the
   * end (0 without a cache).
   */
  public record Run(int[] tokens, double[][] logits, long[] macs, long[] nanos,
      long cachedValues, int cachedTokens) {
    public long totalMacs() {
      return Arrays.stream(macs).sum();
    }

    public long totalNanos() {
      return Arrays.stream(nanos).sum();
    }
  }

  /** Every step runs the whole prefix through the model again. */
  public static Run recomputed(TinyDecoder model, int[] prompt, int newTokens) {
    int[] sequence = Arrays.copyOf(prompt, prompt.length + newTokens);
    Run run = newRun(newTokens);
    for (int i = 0; i < newTokens; i++) {
      TinyDecoder.Counter count = new TinyDecoder.Counter();
      long start = System.nanoTime();
      double[] logits = model.logitsRecomputed(Arrays.copyOf(sequence, prompt.length + i), count);
      run.nanos()[i] = System.nanoTime() - start;
      record(run, i, logits, count);
      sequence[prompt.length + i] = run.tokens()[i];
    }
    return run;
  }

  /** The prompt fills the cache one token at a time; then every step feeds only the new token. */
  public static Run cached(TinyDecoder model, int[] prompt, int newTokens) {
    TinyDecoder.Cache cache = model.new Cache();
    Run run = newRun(newTokens);
    int next = -1;
    for (int i = 0; i < newTokens; i++) {
      TinyDecoder.Counter count = new TinyDecoder.Counter();
      long start = System.nanoTime();
      double[] logits = null;
      if (i == 0) {
        for (int token : prompt) {
          logits = cache.step(token, count); // prefill: the prompt's K and V go into the cache
        }
      } else {
        logits = cache.step(next, count); // only the token chosen last step is new
      }
      run.nanos()[i] = System.nanoTime() - start;
      record(run, i, logits, count);
      next = run.tokens()[i];
    }
    return new Run(run.tokens(), run.logits(), run.macs(), run.nanos(), cache.storedValues(),
        cache.length());
  }

  private static Run newRun(int newTokens) {
    return new Run(new int[newTokens], new double[newTokens][], new long[newTokens],
        new long[newTokens], 0, 0);
  }

  private static void record(Run run, int i, double[] logits, TinyDecoder.Counter count) {
    run.logits()[i] = logits;
    run.tokens()[i] = argmax(logits);
    run.macs()[i] = count.macs();
  }

  /** The index of the largest value, the lowest one on a tie. */
  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** max over steps and vocabulary of |a − b|. */
  public static double maxLogitDifference(Run a, Run b) {
    double max = 0;
    for (int i = 0; i < a.logits().length; i++) {
      for (int v = 0; v < a.logits()[i].length; v++) {
        max = Math.max(max, Math.abs(a.logits()[i][v] - b.logits()[i][v]));
      }
    }
    return max;
  }

  /** Positions where the two runs chose different tokens. */
  public static int tokensDiffering(Run a, Run b) {
    int differ = 0;
    for (int i = 0; i < a.tokens().length; i++) {
      differ += a.tokens()[i] == b.tokens()[i] ? 0 : 1;
    }
    return differ;
  }
}
