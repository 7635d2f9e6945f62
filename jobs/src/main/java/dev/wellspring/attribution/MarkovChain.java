package dev.wellspring.attribution;

import java.util.Arrays;
import java.util.List;

/**
 * A first-order absorbing Markov chain start -> channels -> conversion | null, estimated from
 * transition counts, and the exact removal effect of each channel. No Spark: the chain is the small
 * collected count matrix.
 *
 * <p>With Q the channel-to-channel transition probabilities, r the channel-to-conversion ones and s
 * the start distribution, the conversion probabilities from each channel are P = N r with the
 * fundamental matrix N = (I - Q)^-1, and P(conversion) = s . P. Removing channel c sends every
 * transition into c to null, i.e. zeroes column c of Q and s_c. That is a rank-one change of I - Q,
 * so by Sherman-Morrison, for every j != c, P'_j = P_j - N_jc P_c / N_cc (N_cc >= 1, the expected
 * visits of c starting from c), and P'(conversion) = sum over j != c of s_j P'_j. One inversion
 * thus gives every removal effect in O(k^3) rather than k solves. {@link
 * #conversionProbabilityWithout(int)} solves the reduced chain directly and serves as the test
 * oracle.
 *
 * <p>I - Q is invertible whenever the counts come from paths: every channel seen on a path has a
 * positive-probability way to the path's end, so absorption is certain from every state. Self-loops
 * (a channel followed by itself) are allowed and change no result.
 */
public final class MarkovChain {
  private final List<String> channels;
  private final long[] start;
  private final long[][] between;
  private final long[] conversions;
  private final long[] nulls;

  /**
   * @param channels the transient states, index i is channel i
   * @param start start -> channel j counts
   * @param between channel i -> channel j counts
   * @param conversions channel i -> conversion counts
   * @param nulls channel i -> null counts
   */
  public MarkovChain(
      List<String> channels, long[] start, long[][] between, long[] conversions, long[] nulls) {
    int k = channels.size();
    if (start.length != k || between.length != k || conversions.length != k || nulls.length != k) {
      throw new IllegalArgumentException(
          "count arrays must all have the " + k + " channels' length");
    }
    for (int i = 0; i < k; i++) {
      if (between[i].length != k) {
        throw new IllegalArgumentException("row " + i + " of between has " + between[i].length);
      }
      long out = conversions[i] + nulls[i];
      for (int j = 0; j < k; j++) {
        if (j != i) {
          out += between[i][j];
        }
      }
      if (out <= 0) {
        throw new IllegalArgumentException(
            "channel '" + channels.get(i) + "' has no transition out of itself");
      }
    }
    this.channels = List.copyOf(channels);
    this.start = start.clone();
    this.between = Arrays.stream(between).map(long[]::clone).toArray(long[][]::new);
    this.conversions = conversions.clone();
    this.nulls = nulls.clone();
  }

  public List<String> channels() {
    return channels;
  }

  /** P(conversion) of the whole chain; 0 when nothing starts. */
  public double conversionProbability() {
    double[] p = absorption(fundamental());
    return dot(startDistribution(-1), p);
  }

  /**
   * Removal effect of every channel, 1 - P(conversion without c) / P(conversion), in [0, 1]; all 0
   * when P(conversion) is 0.
   */
  public double[] removalEffects() {
    int k = channels.size();
    double[] effects = new double[k];
    double[] s = startDistribution(-1);
    if (k == 0) {
      return effects;
    }
    double[][] n = fundamental();
    double[] p = absorption(n);
    double total = dot(s, p);
    if (!(total > 0)) {
      return effects;
    }
    for (int c = 0; c < k; c++) {
      double factor = p[c] / n[c][c];
      double without = 0;
      for (int j = 0; j < k; j++) {
        if (j != c) {
          without += s[j] * (p[j] - n[j][c] * factor);
        }
      }
      effects[c] = clamp01(1 - without / total);
    }
    return effects;
  }

  /** P(conversion) with channel c removed, by solving the reduced chain directly. */
  public double conversionProbabilityWithout(int c) {
    int k = channels.size();
    double[][] q = transitions();
    double[] r = conversionRates();
    double[][] a = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        a[i][j] = (i == j ? 1 : 0) - (j == c ? 0 : q[i][j]);
      }
    }
    double[] p = solve(a, r);
    return dot(startDistribution(c), p);
  }

  /** N = (I - Q)^-1. */
  private double[][] fundamental() {
    int k = channels.size();
    double[][] q = transitions();
    double[][] m = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        m[i][j] = (i == j ? 1 : 0) - q[i][j];
      }
    }
    return invert(m);
  }

  private double[] absorption(double[][] n) {
    double[] r = conversionRates();
    int k = r.length;
    double[] p = new double[k];
    for (int i = 0; i < k; i++) {
      double sum = 0;
      for (int j = 0; j < k; j++) {
        sum += n[i][j] * r[j];
      }
      p[i] = sum;
    }
    return p;
  }

  private double[][] transitions() {
    int k = channels.size();
    double[][] q = new double[k][k];
    for (int i = 0; i < k; i++) {
      double out = outCount(i);
      for (int j = 0; j < k; j++) {
        q[i][j] = between[i][j] / out;
      }
    }
    return q;
  }

  private double[] conversionRates() {
    int k = channels.size();
    double[] r = new double[k];
    for (int i = 0; i < k; i++) {
      r[i] = conversions[i] / outCount(i);
    }
    return r;
  }

  private double outCount(int i) {
    long out = conversions[i] + nulls[i];
    for (long b : between[i]) {
      out += b;
    }
    return out;
  }

  /** The start distribution; a removed channel's start share goes to null. */
  private double[] startDistribution(int removed) {
    long total = 0;
    for (long s : start) {
      total += s;
    }
    double[] s = new double[start.length];
    if (total == 0) {
      return s;
    }
    for (int j = 0; j < start.length; j++) {
      s[j] = j == removed ? 0 : start[j] / (double) total;
    }
    return s;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  // Rounding can push a ratio a hair past its mathematical bounds.
  private static double clamp01(double x) {
    return Math.max(0.0, Math.min(1.0, x));
  }

  /**
   * Solves a x = b by Gaussian elimination with partial pivoting.
   *
   * @throws IllegalArgumentException when a is singular
   */
  public static double[] solve(double[][] a, double[] b) {
    int k = b.length;
    double[][] m = new double[k][k + 1];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], 0, m[i], 0, k);
      m[i][k] = b[i];
    }
    eliminate(m, k);
    double[] x = new double[k];
    for (int i = 0; i < k; i++) {
      x[i] = m[i][k];
    }
    return x;
  }

  /**
   * The inverse of a by Gauss-Jordan elimination with partial pivoting.
   *
   * @throws IllegalArgumentException when a is singular
   */
  public static double[][] invert(double[][] a) {
    int k = a.length;
    double[][] m = new double[k][2 * k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(a[i], 0, m[i], 0, k);
      m[i][k + i] = 1;
    }
    eliminate(m, k);
    double[][] inv = new double[k][k];
    for (int i = 0; i < k; i++) {
      System.arraycopy(m[i], k, inv[i], 0, k);
    }
    return inv;
  }

  /** Reduces the first k columns of the augmented matrix m to the identity, in place. */
  private static void eliminate(double[][] m, int k) {
    int width = m.length == 0 ? 0 : m[0].length;
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int row = col + 1; row < k; row++) {
        if (Math.abs(m[row][col]) > Math.abs(m[pivot][col])) {
          pivot = row;
        }
      }
      if (Math.abs(m[pivot][col]) < 1e-300) {
        throw new IllegalArgumentException("singular matrix at column " + col);
      }
      double[] tmp = m[col];
      m[col] = m[pivot];
      m[pivot] = tmp;
      double d = m[col][col];
      for (int j = col; j < width; j++) {
        m[col][j] /= d;
      }
      for (int row = 0; row < k; row++) {
        double f = m[row][col];
        if (row != col && f != 0) {
          for (int j = col; j < width; j++) {
            m[row][j] -= f * m[col][j];
          }
        }
      }
    }
  }
}
