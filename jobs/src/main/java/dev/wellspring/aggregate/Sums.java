package dev.wellspring.aggregate;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;

/**
 * Order-independent sums. A double sum depends on the order of its terms, and Spark's order depends
 * on partitioning; a sum of integers does not, so the exported bytes do not change with the number
 * of cores (DESIGN.md "Precise rules / Writing").
 *
 * <p>Each double is turned into a whole number of units of 10^-12 (rounded half up), and the units
 * are summed exactly as a {@code decimal(38,0)}. Twelve decimals keep sub-second hours and 1/n
 * weights far below any displayed digit. The conversion avoids Spark's double-to-decimal cast,
 * which goes through the double's decimal string (it was 40% of the aggregate stage's CPU): below
 * 9 x 10^6 in magnitude a double times 10^12 fits a long, and a long becomes a decimal whose
 * additions Spark does in long arithmetic; larger values take the cast.
 */
final class Sums {
  /** A sum of units: exact, and safe to add up again across groups. */
  static final String UNITS = "decimal(38,0)";

  /** Units per 1. */
  static final double SCALE = 1e12;

  private static final double LONG_SAFE = 9e6;

  private Sums() {}

  /** The units of a double, half up; null stays null. */
  static Column units(Column value) {
    Column viaLong = round(value.multiply(SCALE)).cast("long").cast(UNITS);
    Column viaDecimal =
        round(value.cast("decimal(38,12)").multiply(lit(new BigDecimal("1000000000000"))), 0)
            .cast(UNITS);
    return when(abs(value).lt(LONG_SAFE), viaLong).otherwise(viaDecimal);
  }

  /** The exact sum of a double expression in units ({@link #UNITS}); null over no values. */
  static Column exactUnits(Column value) {
    return sum(units(value));
  }

  /** A sum of units (or of such sums) as a double. */
  static Column toDouble(Column units) {
    return units.cast("double").divide(SCALE);
  }

  /** The exact sum of a double column, as a double; null over no rows. */
  static Column exactSum(String column) {
    return exactSum(col(column));
  }

  /** The exact sum of a double expression, as a double; null over no rows. */
  static Column exactSum(Column value) {
    return toDouble(exactUnits(value));
  }

  /**
   * Hours from an exact sum of minutes: minutes are usually whole, so their sum is exact and the
   * one division by 60 is the only rounding (summing per-row hours would accumulate 1/60ths).
   */
  static Column exactHours(Column minutes) {
    return exactSum(minutes).divide(60.0);
  }
}
