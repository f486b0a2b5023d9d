package dev.bagu.demos.inference;

import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded stream of generation requests: Poisson arrivals, prompt lengths uniform in
 * [minPrompt, maxPrompt], output lengths geometric with the given mean (many short answers, a few
 * long ones), and prompt + output capped at the model's maximum length.
 */
public final class RequestStream {
  private RequestStream() {}

  /** One request: when it arrives (step), its prompt tokens and the tokens it will generate. */
  public record Request(int id, int arrival, int prompt, int output) {
    public int total() {
      return prompt + output;
    }
  }

  public static List<Request> generate(int count, double ratePerStep, int minPrompt,
      int maxPrompt, double meanOutput, int maxLength, Rng rng) {
    List<Request> list = new ArrayList<>();
    double t = 0;
    double p = 1 / meanOutput; // geometric on {1, 2, …} with mean 1/p
    for (int i = 0; i < count; i++) {
      t += -Math.log(1 - rng.uniform()) / ratePerStep; // exponential gaps
      int prompt = minPrompt + rng.nextInt(maxPrompt - minPrompt + 1);
      int output = 1 + (int) Math.floor(Math.log(1 - rng.uniform()) / Math.log(1 - p));
      output = Math.max(1, Math.min(output, maxLength - prompt));
      list.add(new Request(i, (int) Math.floor(t), prompt, output));
    }
    return list;
  }
}
