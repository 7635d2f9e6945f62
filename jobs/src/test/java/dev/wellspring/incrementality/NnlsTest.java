package dev.wellspring.incrementality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The exact three-variable NNLS against Spark MLlib's own NNLS solver (the projected-gradient one
 * ALS uses; Spark-internal, called here only to cross-check): on random problems, many with a
 * coefficient pushed to the bound, both reach the same minimum.
 */
class NnlsTest {
  @Test
  void agreesWithSparksNnlsOnRandomProblems() {
    SplittableRandom r = new SplittableRandom(42);
    int clamped = 0;
    for (int trial = 0; trial < 500; trial++) {
      int n = 12;
      double[][] x = new double[n][3];
      double[] y = new double[n];
      double[] truth = {r.nextDouble() * 4 - 1, r.nextDouble() * 4 - 1, r.nextDouble() * 4 - 1};
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < 3; c++) {
          x[i][c] = r.nextDouble() * 10 - 5 + (c == 1 ? 0.8 * x[i][0] : 0);
          y[i] += truth[c] * x[i][c];
        }
        y[i] += r.nextDouble() - 0.5;
      }
      double[][] g = new double[3][3];
      double[] cross = new double[3];
      double[] ata = new double[9];
      for (int a = 0; a < 3; a++) {
        for (int i = 0; i < n; i++) {
          cross[a] += x[i][a] * y[i];
          for (int b = 0; b < 3; b++) {
            g[a][b] += x[i][a] * x[i][b];
          }
        }
      }
      for (int a = 0; a < 3; a++) {
        for (int b = 0; b < 3; b++) {
          ata[a * 3 + b] = g[a][b];
        }
      }
      double[] ours = Nnls.solve(g, cross);
      double[] spark =
          org.apache.spark.mllib.optimization.NNLS.solve(
              ata, cross.clone(), org.apache.spark.mllib.optimization.NNLS.createWorkspace(3));
      double ourObjective = objective(g, cross, ours);
      double sparkObjective = objective(g, cross, spark);
      // Ours is exact: never worse than the iterative solver, and the same point up to its
      // tolerance.
      assertThat(ourObjective)
          .as("trial %d", trial)
          .isLessThanOrEqualTo(sparkObjective + 1e-9 * Math.abs(sparkObjective));
      for (int c = 0; c < 3; c++) {
        assertThat(ours[c]).as("trial %d coefficient %d", trial, c).isGreaterThanOrEqualTo(0.0);
        assertThat(ours[c])
            .as("trial %d coefficient %d", trial, c)
            .isCloseTo(spark[c], within(1e-6 * (1 + Math.abs(spark[c]))));
      }
      clamped += ours[0] == 0 || ours[1] == 0 || ours[2] == 0 ? 1 : 0;
    }
    // The problems exercise the bound, not only interior solutions.
    assertThat(clamped).isGreaterThan(100);
  }

  private static double objective(double[][] g, double[] c, double[] b) {
    double s = 0;
    for (int i = 0; i < 3; i++) {
      s -= 2 * c[i] * b[i];
      for (int j = 0; j < 3; j++) {
        s += b[i] * g[i][j] * b[j];
      }
    }
    return s;
  }
}
