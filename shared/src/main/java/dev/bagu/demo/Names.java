package dev.bagu.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Closest-name suggestions for typos in demo ids and parameter names. */
public final class Names {
  private Names() {}

  /**
   * The candidates closest to {@code typed}: those within an edit distance of about a third of the
   * word (at least 2), or that contain it or are contained in it; best first, at most three.
   */
  public static List<String> closest(String typed, List<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, t.length() / 3);
    List<String> hits = new ArrayList<>();
    for (String c : candidates) {
      boolean contains = t.length() >= 3 && (c.contains(t) || t.contains(c));
      if (contains || distance(t, c) <= limit) {
        hits.add(c);
      }
    }
    hits.sort(Comparator.comparingInt((String c) -> distance(t, c)).thenComparing(c -> c));
    return hits.subList(0, Math.min(3, hits.size()));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] swap = prev;
      prev = cur;
      cur = swap;
    }
    return prev[b.length()];
  }
}
