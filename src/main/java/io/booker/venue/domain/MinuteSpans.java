package io.booker.venue.domain;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Finds an overlap among half-open minute spans {@code [start, start + length)}, on a line or on a
 * circle (the week, where Saturday night runs into Sunday morning). Sorting first keeps it
 * O(n log n): if any two spans overlap, two neighbours in start order overlap too.
 */
final class MinuteSpans {

  private MinuteSpans() {
  }

  /**
   * Returns the positions {i, j} (i < j, positions in the given arrays) of two overlapping spans,
   * or null when none overlap. {@code period} is the circle's length, or 0 for a line.
   */
  static int[] findOverlap(int[] starts, int[] lengths, int period) {
    int n = starts.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingInt(i -> starts[i]));
    for (int k = 0; k + 1 < n; k++) {
      int a = order[k];
      int b = order[k + 1];
      if (starts[b] < starts[a] + lengths[a]) {
        return pair(a, b);
      }
    }
    if (period > 0 && n > 1) {
      int last = order[n - 1];
      int first = order[0];
      if (starts[first] + period < starts[last] + lengths[last]) {
        return pair(first, last);
      }
    }
    return null;
  }

  private static int[] pair(int a, int b) {
    return new int[] {Math.min(a, b), Math.max(a, b)};
  }
}
