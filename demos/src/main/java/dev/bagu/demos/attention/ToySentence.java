package dev.bagu.demos.attention;

import dev.bagu.i18n.Lang;
import dev.bagu.math.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first n words of a fixed toy text, each embedded as a seeded Gaussian vector of its word:
 * a repeated word ("the" … "the") gets the very same vector, so with no position encoding its
 * queries, keys and attention rows are the same too. That is what makes a heatmap of attention on
 * it readable: equal rows belong to equal words.
 */
public record ToySentence(List<String> tokens, double[][] embeddings) {
  /** 24 words, the longest sentence the demos offer; "the", "cat", "dog", "sat", "on" repeat. */
  public static final List<String> TEXT = List.of(("the cat sat on the mat and the dog sat on "
      + "the rug so the cat saw the dog and the dog saw the").split(" "));

  /**
   * The first {@code length} words of {@link #TEXT}, embedded in d_model dimensions with N(0, 1)
   * entries. A word's vector comes from its own sub-stream (by its first position in the full
   * text), so it is the same at every length and only the seed changes it.
   */
  public static ToySentence of(int length, int dModel, long seed, int stream) {
    if (length < 1 || length > TEXT.size()) {
      throw new IllegalArgumentException("length must be in [1, " + TEXT.size() + "]: " + length);
    }
    Map<String, double[]> vectors = new LinkedHashMap<>();
    List<String> tokens = new ArrayList<>(TEXT.subList(0, length));
    double[][] x = new double[length][];
    for (int i = 0; i < length; i++) {
      String word = tokens.get(i);
      double[] v = vectors.computeIfAbsent(word, w -> {
        double[] e = new double[dModel];
        Rng.stream(seed, stream, TEXT.indexOf(w)).fillGaussian(e);
        return e;
      });
      x[i] = v.clone();
    }
    return new ToySentence(List.copyOf(tokens), x);
  }

  /**
   * Word-for-word Chinese glosses of {@link #TEXT}, for the labels of a Chinese figure only: the
   * vectors stay those of the English words, so equal words keep equal glosses and equal rows.
   */
  private static final Map<String, String> GLOSS_ZH = Map.of("the", "这", "cat", "猫", "sat", "坐",
      "on", "在", "mat", "垫子", "and", "和", "dog", "狗", "rug", "地毯", "so", "于是", "saw", "看见");

  /** The tokens as a figure labels them: the words, or their Chinese glosses. */
  public List<String> labels(Lang l) {
    return tokens.stream().map(w -> l.t(w, GLOSS_ZH.get(w))).toList();
  }

  public int length() {
    return tokens.size();
  }

  /** Pairs (i, j), i < j, of positions holding the same word. */
  public List<int[]> repeats() {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      for (int j = i + 1; j < tokens.size(); j++) {
        if (tokens.get(i).equals(tokens.get(j))) {
          pairs.add(new int[] {i, j});
        }
      }
    }
    return pairs;
  }
}
