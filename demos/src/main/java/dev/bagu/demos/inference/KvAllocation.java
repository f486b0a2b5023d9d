package dev.bagu.demos.inference;

import dev.bagu.demos.inference.RequestStream.Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Serving one request stream from a KV cache of {@code memory} token slots, two ways (Kwon et al.
 * 2023, §3 and §4):
 *
 * <ul>
 *   <li>CONTIGUOUS: like the systems before vLLM, a request gets one contiguous range of
 *       {@code maxLength} slots (the model's maximum sequence length) when admitted, first fit.
 *       Slots it will fill later are reserved, slots past its real length are internal
 *       fragmentation, and free gaps too short for another request are external fragmentation.
 *   <li>PAGED: the cache is cut into blocks of {@code block} slots; a request takes one more block
 *       whenever its last one is full, anywhere in memory. Only the last block can be partly
 *       empty. When no block is free, the latest admitted request is preempted and recomputed
 *       later, as vLLM does.
 * </ul>
 *
 * Each step every running request generates one token; a request admitted at a step writes its
 * prompt and its first token (prefill). Admission is first come, first served.
 */
public final class KvAllocation {
  public enum Scheme { CONTIGUOUS, PAGED }

  /** Slot states in the memory map (one byte per slot and step). */
  public static final byte FREE = 0;
  public static final byte USED = 1;
  public static final byte RESERVED = 2;
  public static final byte WASTED = 3; // internal fragmentation: never to be used

  /** Per step: slots holding token states, reserved, internally and externally fragmented. */
  public record Step(int used, int reserved, int internal, int external, int running,
      boolean waiting) {}

  /** A bound on the simulation, far above what the parameter ranges need. */
  static final int MAX_STEPS = 200_000;
  /** Slots sampled for the memory map (one row each). */
  static final int MAP_ROWS = 512;

  private final Scheme scheme;
  private final int memory;
  private final int maxLength;
  private final int block;
  private final List<Step> steps = new ArrayList<>();
  private final List<short[]> owners = new ArrayList<>(); // per step: request id per slot, −1 free
  private final List<byte[]> states = new ArrayList<>();
  private Running[] byId; // the running request of each id, null when not running
  private int[] logicalBlock; // paged: each physical block's place in its request's block table
  private int[] mapSlots; // the slot each memory-map row shows
  private int maxPagedWaste;
  private int preemptions;

  private final class Running {
    final Request request;
    int length; // tokens written so far
    int start = -1; // contiguous: first slot
    final List<Integer> blocks = new ArrayList<>(); // paged: physical block per logical block

    Running(Request r) {
      this.request = r;
    }
  }

  public KvAllocation(Scheme scheme, List<Request> requests, int memory, int maxLength,
      int block) {
    this.scheme = scheme;
    this.memory = memory;
    this.maxLength = maxLength;
    this.block = block;
    simulate(requests);
  }

  private void simulate(List<Request> requests) {
    Deque<Request> waiting = new ArrayDeque<>();
    List<Running> running = new ArrayList<>();
    int[] owner = new int[memory];
    Arrays.fill(owner, -1);
    byId = new Running[requests.stream().mapToInt(Request::id).max().orElse(0) + 1];
    logicalBlock = new int[memory / block];
    mapSlots = new int[mapRows()];
    for (int y = 0; y < mapSlots.length; y++) {
      mapSlots[y] = mapSlot(y);
    }
    int next = 0;
    int finished = 0;
    for (int t = 0; finished < requests.size(); t++) {
      if (t > MAX_STEPS) {
        throw new IllegalStateException("simulation did not finish in " + MAX_STEPS + " steps");
      }
      while (next < requests.size() && requests.get(next).arrival() <= t) {
        waiting.addLast(requests.get(next++));
      }
      // 1. Requests that wrote their last token last step give their memory back.
      for (int i = running.size() - 1; i >= 0; i--) {
        Running r = running.get(i);
        if (r.length == r.request.total()) {
          release(r, owner);
          running.remove(i);
          finished++;
        }
      }
      // 2. Every running request generates one token.
      for (int i = 0; i < running.size(); i++) {
        Running r = running.get(i);
        if (scheme == Scheme.PAGED && r.length % block == 0) {
          while (!allocateBlock(r, owner)) { // out of blocks: preempt the latest admitted
            Running victim = running.remove(running.size() - 1);
            release(victim, owner);
            waiting.addFirst(victim.request);
            preemptions++;
            if (victim == r) {
              break;
            }
          }
          if (!running.contains(r)) {
            break;
          }
        }
        r.length++;
      }
      // 3. Admit waiting requests, first come first served, while they fit.
      while (!waiting.isEmpty() && admit(waiting.peekFirst(), running, owner)) {
        waiting.removeFirst();
      }
      record(running, owner, !waiting.isEmpty());
    }
  }

  private boolean admit(Request request, List<Running> running, int[] owner) {
    Running r = new Running(request);
    int first = request.prompt() + 1; // prefill: the prompt and the first generated token
    if (scheme == Scheme.CONTIGUOUS) {
      int start = firstFit(owner, maxLength);
      if (start < 0) {
        return false;
      }
      r.start = start;
      Arrays.fill(owner, start, start + maxLength, request.id());
    } else {
      int needed = (first + block - 1) / block;
      if (freeBlocks(owner) < needed) {
        return false;
      }
      for (int i = 0; i < needed; i++) {
        allocateBlock(r, owner);
      }
    }
    r.length = first;
    running.add(r);
    byId[request.id()] = r;
    return true;
  }

  private boolean allocateBlock(Running r, int[] owner) {
    for (int b = 0; b < memory / block; b++) {
      if (owner[b * block] == -1) {
        Arrays.fill(owner, b * block, (b + 1) * block, r.request.id());
        logicalBlock[b] = r.blocks.size();
        r.blocks.add(b);
        return true;
      }
    }
    return false;
  }

  private int freeBlocks(int[] owner) {
    int free = 0;
    for (int b = 0; b < memory / block; b++) {
      free += owner[b * block] == -1 ? 1 : 0;
    }
    return free;
  }

  private void release(Running r, int[] owner) {
    byId[r.request.id()] = null;
    if (scheme == Scheme.CONTIGUOUS) {
      Arrays.fill(owner, r.start, r.start + maxLength, -1);
    } else {
      for (int b : r.blocks) {
        Arrays.fill(owner, b * block, (b + 1) * block, -1);
      }
      r.blocks.clear();
    }
  }

  /** The first slot of a free run of at least {@code length} slots, or −1. */
  static int firstFit(int[] owner, int length) {
    int run = 0;
    for (int s = 0; s < owner.length; s++) {
      run = owner[s] == -1 ? run + 1 : 0;
      if (run == length) {
        return s - length + 1;
      }
    }
    return -1;
  }

  /**
   * One step's counts and memory-map column. A request's allocation holds, in order, its written
   * token states (USED), the slots its later tokens will fill (RESERVED; in a paged block's tail
   * they count as WASTED, the only waste paging leaves) and slots it will never fill (WASTED): the
   * counts follow from its lengths, and only the sampled map rows look up a slot's state.
   */
  private void record(List<Running> running, int[] owner, boolean waiting) {
    int used = 0;
    int reserved = 0;
    int internal = 0;
    for (Running r : running) {
      int allocated = allocated(r);
      int willFill = Math.min(r.request.total(), allocated); // slots its tokens will ever use
      used += r.length;
      if (scheme == Scheme.PAGED) {
        internal += allocated - r.length;
        maxPagedWaste = Math.max(maxPagedWaste, allocated - r.length);
      } else {
        reserved += willFill - r.length;
        internal += allocated - willFill;
      }
    }
    int external = 0;
    if (scheme == Scheme.CONTIGUOUS) { // free gaps too short to hold one more request
      int run = 0;
      for (int s = 0; s <= memory; s++) {
        if (s < memory && owner[s] == -1) {
          run++;
        } else {
          external += run < maxLength ? run : 0;
          run = 0;
        }
      }
    }
    steps.add(new Step(used, reserved, internal, external, running.size(), waiting));
    int rows = mapRows();
    short[] ids = new short[rows];
    byte[] sampled = new byte[rows];
    for (int y = 0; y < rows; y++) {
      int slot = mapSlots[y];
      int id = owner[slot];
      ids[y] = (short) id;
      if (id == -1) {
        sampled[y] = FREE;
        continue;
      }
      sampled[y] = state(byId[id], slot);
    }
    owners.add(ids);
    states.add(sampled);
  }

  /** The state of one of r's allocated slots. */
  private byte state(Running r, int slot) {
    int i = scheme == Scheme.CONTIGUOUS ? slot - r.start
        : logicalBlock[slot / block] * block + slot % block; // position in its cache
    byte s = i < r.length ? USED : i < r.request.total() ? RESERVED : WASTED;
    return scheme == Scheme.PAGED && s == RESERVED ? WASTED : s;
  }

  private int allocated(Running r) {
    return scheme == Scheme.CONTIGUOUS ? maxLength : r.blocks.size() * block;
  }

  public List<Step> steps() {
    return steps;
  }

  /** Rows of the memory map: min(memory, MAP_ROWS). */
  public int mapRows() {
    return Math.min(MAP_ROWS, memory);
  }

  /** The slot memory-map row y shows. */
  public int mapSlot(int y) {
    return (int) ((y + 0.5) * memory / mapRows());
  }

  /** Request id owning each memory-map row's slot at step t (−1: free). */
  public short[] owners(int t) {
    return owners.get(t);
  }

  /** State of each memory-map row's slot at step t: FREE, USED, RESERVED or WASTED. */
  public byte[] states(int t) {
    return states.get(t);
  }

  /** Largest allocated-but-unused slot count of one sequence, paged only. */
  public int maxPagedWaste() {
    return maxPagedWaste;
  }

  public int preemptions() {
    return preemptions;
  }

  public int memory() {
    return memory;
  }

  public Scheme scheme() {
    return scheme;
  }

  /** Averages over the steps when a request was waiting (memory was the limit), else all steps. */
  public Breakdown breakdown() {
    boolean anyWaiting = steps.stream().anyMatch(Step::waiting);
    double used = 0;
    double reserved = 0;
    double internal = 0;
    double external = 0;
    double batch = 0;
    int n = 0;
    for (Step s : steps) {
      if (s.waiting() || !anyWaiting) {
        used += s.used();
        reserved += s.reserved();
        internal += s.internal();
        external += s.external();
        batch += s.running();
        n++;
      }
    }
    double m = (double) memory * n;
    return new Breakdown(used / m, reserved / m, internal / m, external / m, batch / n, n,
        anyWaiting);
  }

  /**
   * Fractions of the whole KV memory, and the mean number of running requests, over
   * {@code steps} steps: those when a request waited for memory if {@code memoryBound}, else all.
   */
  public record Breakdown(double tokenStates, double reserved, double internal, double external,
      double meanBatch, int steps, boolean memoryBound) {
    public double free() {
      return 1 - tokenStates - reserved - internal - external;
    }
  }
}
