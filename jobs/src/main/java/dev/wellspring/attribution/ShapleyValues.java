package dev.wellspring.attribution;

import java.util.Map;

/**
 * Exact Shapley values of the path game (DESIGN.md "Attribution"): players are channels 0..n-1, a
 * coalition is a bitmask, and v(S) is the total value of the converting paths whose channel set is
 * a subset of S. No Spark: the input is the small collected map channel set -> value.
 *
 * <p>This is the general definition, phi_i = sum over S not containing i of |S|! (n-|S|-1)! / n!
 * (v(S + i) - v(S)), enumerated over all 2^n coalitions, with v built for every coalition by a
 * subset-sum (zeta) transform. O(n 2^n): instant for the 16 players allowed. Sums run in a fixed
 * order, so the result is the same bit for bit on every run.
 */
public final class ShapleyValues {
  /** The most players computed exactly. */
  public static final int MAX_PLAYERS = 16;

  private ShapleyValues() {}

  /**
   * @param players n, at most {@link #MAX_PLAYERS}
   * @param valueBySet total path value per non-empty channel set (bitmask over the n players)
   * @return the Shapley value of each player; they sum to v(all players)
   */
  public static double[] of(int players, Map<Integer, Double> valueBySet) {
    if (players < 0 || players > MAX_PLAYERS) {
      throw new IllegalArgumentException(
          "players must be in 0.." + MAX_PLAYERS + ", got " + players);
    }
    int size = 1 << players;
    double[] v = new double[size];
    for (var e : valueBySet.entrySet()) {
      int set = e.getKey();
      if (set <= 0 || set >= size) {
        throw new IllegalArgumentException(
            "channel set " + set + " is not a non-empty subset of " + players + " players");
      }
      v[set] += e.getValue();
    }
    // Zeta transform: afterwards v[S] = sum of the path values of all subsets of S.
    for (int i = 0; i < players; i++) {
      int bit = 1 << i;
      for (int s = 0; s < size; s++) {
        if ((s & bit) != 0) {
          v[s] += v[s ^ bit];
        }
      }
    }
    double[] weight = coalitionWeights(players);
    double[] phi = new double[players];
    for (int i = 0; i < players; i++) {
      int bit = 1 << i;
      double sum = 0;
      for (int s = 0; s < size; s++) {
        if ((s & bit) == 0) {
          sum += weight[Integer.bitCount(s)] * (v[s | bit] - v[s]);
        }
      }
      phi[i] = sum;
    }
    return phi;
  }

  /** w[s] = s! (n-s-1)! / n!, computed as a product of ratios so 16! never overflows a double. */
  static double[] coalitionWeights(int players) {
    double[] w = new double[Math.max(players, 1)];
    for (int s = 0; s < players; s++) {
      // s! (n-s-1)! / n! = 1 / (n * C(n-1, s))
      double binom = 1;
      for (int j = 1; j <= s; j++) {
        binom = binom * (players - 1 - s + j) / j;
      }
      w[s] = 1.0 / (players * binom);
    }
    return w;
  }
}
