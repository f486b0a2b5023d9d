package dev.bagu.demos.inference;

import dev.bagu.demos.inference.RequestStream.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Serving one request stream with a fixed number of batch slots, one token per running request
 * per step (a request's first step also reads its prompt), two ways:
 *
 * <ul>
 *   <li>STATIC: a batch is formed from the waiting requests when every slot is free, and runs
 *       until its longest request ends; slots whose request ended early stay idle.
 *   <li>CONTINUOUS: scheduling at every iteration (Yu et al. 2022, Orca; vLLM, TGI): a slot
 *       freed by a finished request takes the next waiting request at the very next step.
 * </ul>
 */
public final class BatchScheduler {
  public enum Policy { STATIC, CONTINUOUS }

  /** Where and when one request ran: slot, first step, step after its last token. */
  public record Run(int request, int slot, int start, int end, int tokens) {}

  private final Policy policy;
  private final int slots;
  private final List<Run> runs = new ArrayList<>();
  private final List<Integer> waitingPerStep = new ArrayList<>();
  private final List<Integer> idleWhileWaiting = new ArrayList<>();
  private final int[] finish;
  private int busySlotSteps;
  private int steps;

  public BatchScheduler(Policy policy, List<Request> requests, int slots) {
    this.policy = policy;
    this.slots = slots;
    this.finish = new int[requests.size()];
    simulate(requests);
  }

  private void simulate(List<Request> requests) {
    Deque<Request> waiting = new ArrayDeque<>();
    Request[] inSlot = new Request[slots];
    int[] started = new int[slots];
    int[] generated = new int[slots];
    int next = 0;
    int done = 0;
    int t = 0;
    for (; done < requests.size(); t++) {
      while (next < requests.size() && requests.get(next).arrival() <= t) {
        waiting.addLast(requests.get(next++));
      }
      boolean allFree = Arrays.stream(inSlot).allMatch(r -> r == null);
      if (policy == Policy.CONTINUOUS || allFree) {
        for (int s = 0; s < slots && !waiting.isEmpty(); s++) {
          if (inSlot[s] == null) {
            inSlot[s] = waiting.removeFirst();
            started[s] = t;
            generated[s] = 0;
          }
        }
      }
      int idle = 0;
      for (int s = 0; s < slots; s++) {
        if (inSlot[s] == null) {
          idle++;
        }
      }
      waitingPerStep.add(waiting.size());
      idleWhileWaiting.add(waiting.isEmpty() ? 0 : idle);
      for (int s = 0; s < slots; s++) { // one token for every running request
        Request r = inSlot[s];
        if (r == null) {
          continue;
        }
        busySlotSteps++;
        generated[s]++;
        if (generated[s] == r.output()) {
          runs.add(new Run(r.id(), s, started[s], t + 1, generated[s]));
          finish[r.id()] = t + 1;
          inSlot[s] = null;
          done++;
        }
      }
    }
    steps = t;
  }

  public Policy policy() {
    return policy;
  }

  public int slots() {
    return slots;
  }

  public List<Run> runs() {
    return runs;
  }

  public int steps() {
    return steps;
  }

  /** Step after the last token of each request, by request id. */
  public int[] finish() {
    return finish.clone();
  }

  /** Requests waiting at each step, after admission. */
  public int[] waiting() {
    return waitingPerStep.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Free slots at each step while at least one request was waiting. */
  public int[] idleWhileWaiting() {
    return idleWhileWaiting.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Σ over steps of free slots while a request waited: 0 for continuous batching. */
  public int idleSlotStepsWithWaiting() {
    return idleWhileWaiting.stream().mapToInt(Integer::intValue).sum();
  }

  /** Busy slot-steps / (slots · steps). */
  public double utilisation() {
    return (double) busySlotSteps / ((double) slots * steps);
  }

  /** Tokens generated per step over the whole run. */
  public double throughput() {
    return (double) busySlotSteps / steps;
  }

  /** Latency of each request: steps from arrival to its last token. */
  public double[] latencies(List<Request> requests) {
    double[] l = new double[requests.size()];
    for (Request r : requests) {
      l[r.id()] = finish[r.id()] - r.arrival();
    }
    return l;
  }
}
