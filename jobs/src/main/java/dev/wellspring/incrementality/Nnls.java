package dev.wellspring.incrementality;

/**
 * Exact non-negative least squares for a handful of variables, from the normal equations.
 *
 * <p>Minimises {@code ||y - X b||^2} subject to {@code b >= 0}, given {@code G = X'X} and {@code c
 * = X'y}. At the optimum the coefficients that are not zero solve the unconstrained problem
 * restricted to them (the gradient vanishes there, KKT), so the optimum is the best of the
 * unconstrained solutions over all 2^k supports whose coefficients are all non-negative. With k = 3
 * classes that is 7 tiny solves: exact, with no iteration count or tolerance to tune, and
 * deterministic (Lawson-Hanson reaches the same point by walking the same supports).
 */
final class Nnls {
  private Nnls() {}

  /**
   * The non-negative b minimising {@code b'Gb - 2c'b}. A support whose sub-matrix is singular (a
   * variable with no variation, or two that move together exactly) is skipped, so such a variable
   * gets 0 unless another support needs it.
   */
  static double[] solve(double[][] g, double[] c) {
    int k = c.length;
    double scale = 0;
    for (int i = 0; i < k; i++) {
      scale = Math.max(scale, Math.abs(g[i][i]));
    }
    double[] best = new double[k];
    double bestObjective = 0; // b = 0
    for (int mask = 1; mask < (1 << k); mask++) {
      int[] idx = new int[Integer.bitCount(mask)];
      for (int i = 0, j = 0; i < k; i++) {
        if ((mask & (1 << i)) != 0) {
          idx[j++] = i;
        }
      }
      double[][] a = new double[idx.length][idx.length];
      double[] r = new double[idx.length];
      for (int i = 0; i < idx.length; i++) {
        r[i] = c[idx[i]];
        for (int j = 0; j < idx.length; j++) {
          a[i][j] = g[idx[i]][idx[j]];
        }
      }
      double[] x = solveLinear(a, r, scale * 1e-12);
      if (x == null) {
        continue;
      }
      boolean feasible = true;
      double objective = 0;
      for (int i = 0; i < x.length; i++) {
        feasible &= x[i] >= 0;
        // At the restricted solution b'Gb = c'b, so the objective is -c'b.
        objective -= x[i] * r[i];
      }
      if (feasible && objective < bestObjective) {
        bestObjective = objective;
        best = new double[k];
        for (int i = 0; i < idx.length; i++) {
          best[idx[i]] = x[i];
        }
      }
    }
    return best;
  }

  /**
   * Solves a x = r by Gaussian elimination with partial pivoting; null when a pivot is not above
   * {@code tiny} in magnitude (singular for our purpose).
   */
  static double[] solveLinear(double[][] a0, double[] r0, double tiny) {
    int n = r0.length;
    double[][] a = new double[n][];
    double[] r = r0.clone();
    for (int i = 0; i < n; i++) {
      a[i] = a0[i].clone();
    }
    for (int p = 0; p < n; p++) {
      int pivot = p;
      for (int i = p + 1; i < n; i++) {
        if (Math.abs(a[i][p]) > Math.abs(a[pivot][p])) {
          pivot = i;
        }
      }
      if (!(Math.abs(a[pivot][p]) > tiny)) {
        return null;
      }
      double[] t = a[p];
      a[p] = a[pivot];
      a[pivot] = t;
      double tr = r[p];
      r[p] = r[pivot];
      r[pivot] = tr;
      for (int i = p + 1; i < n; i++) {
        double f = a[i][p] / a[p][p];
        for (int j = p; j < n; j++) {
          a[i][j] -= f * a[p][j];
        }
        r[i] -= f * r[p];
      }
    }
    double[] x = new double[n];
    for (int i = n - 1; i >= 0; i--) {
      double s = r[i];
      for (int j = i + 1; j < n; j++) {
        s -= a[i][j] * x[j];
      }
      x[i] = s / a[i][i];
    }
    return x;
  }
}
