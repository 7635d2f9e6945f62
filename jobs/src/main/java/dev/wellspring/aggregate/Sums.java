package dev.wellspring.aggregate;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;

/**
 * Order-independent sums. A double sum depends on the order of its terms, and Spark's order depends
 * on partitioning; summing exact decimals does not, so the exported bytes do not change with the
 * number of cores (DESIGN.md "Precise rules / Writing").
 */
final class Sums {
  /** Twelve decimals keep sub-second hours and 1/n weights far below any displayed digit. */
  static final String EXACT = "decimal(38,12)";

  private Sums() {}

  /** The exact sum of a double column, as a double; null over no rows. */
  static Column exactSum(String column) {
    return exactSum(col(column));
  }

  /**
   * Hours from an exact sum of minutes: minutes are usually whole, so their sum is exact and the
   * one division by 60 is the only rounding (summing per-row hours would accumulate 1/60ths).
   */
  static Column exactHours(Column minutes) {
    return exactSum(minutes).divide(60.0);
  }

  /** The exact sum of a double expression, as a double; null over no rows. */
  static Column exactSum(Column value) {
    return sum(value.cast(EXACT)).cast("double");
  }
}
